// One run of the weekly digests for a channel, from the store to the outbox (or to previews), in
// named stages (weekly_digests.cpp):
//
//   1. load_week: choose the week's snapshots (week_snapshots.h) and stream every student of the
//      snapshot on all cores: indicators now and before the week, what changed, this week's
//      attendance (child_week.h);
//   2. decide_recipients: who may hear about whom (recipient_set.h), by the latest snapshot's
//      consent and the opt-outs Homeroom recorded itself (opt_out_repository.h) on top of its
//      flags;
//   3. recheck_queued: what earlier runs queued, against that consent (outbox_recheck.h): this
//      week's messages whose students changed are to be rebuilt, those that may no longer be sent
//      cancelled;
//   4. Composer::render: word and render one digest per mailbox (digest.h), in batches on all
//      cores, each the exact bytes of an email (mail_message.h) with a signed unsubscribe link —
//      or, for SMS, one short text per phone with short links "<base_url>/s/<code>" to the pages
//      (sms_digest_message.h; a text whose code would collide gets the full page URLs);
//   5. Composer::store: queue each batch in one transaction, keyed by (contact, week, kind,
//      channel) so that a second run queues nothing, with the short links its texts carry — or,
//      for a dry run, write previews and queue nothing.
//
// Delivery is not part of it: deliver_due.h sends what is due afterwards.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>

#include "core/channel.h"
#include "core/date.h"
#include "metrics/indicator_settings.h"
#include "notify/consent_policy.h"
#include "notify/digest.h"
#include "notify/digest_message.h"
#include "notify/mail_message.h"
#include "notify/week_snapshots.h"
#include "render/localizer.h"
#include "render/template_set.h"
#include "store/database.h"

namespace homeroom::notify {

struct WeeklyDigestOptions {
    Date week;  // any day of the ISO week
    Channel channel = Channel::email;
    std::optional<Date> as_of;  // the snapshot to use instead of the week's own
    std::string base_url;       // "https://homeroom.example.org": private pages, unsubscribe
    std::string secret;         // the site secret: page tokens and unsubscribe signatures
    std::string district_name;
    MailAddress from;
    std::string unsubscribe_address;  // mailto target of List-Unsubscribe; empty: none
    DigestSettings digest;
    metrics::IndicatorSettings indicators;
    int sms_max_segments = 2;  // [sms] max_segments: the text's budget (sms_text.h)
    // Only these contacts (with a mailbox shared by one of them); nullopt: everyone.
    std::optional<std::set<std::string, std::less<>>> only_contacts;
    // The email fallback of SMS digests that failed for good: the contacts in only_contacts
    // are treated as preferring both channels (every other rule still applies), and allowed_by
    // says why the email was sent.
    bool sms_fallback = false;
    // false: only re-check what earlier runs queued (rebuild or cancel, step 5) and queue nothing
    // new — `homeroom deliver` before it retries what is due.
    bool queue_new = true;
    unsigned threads = 0;            // 0: one per core
    std::size_t batch_size = 1000;   // digests rendered, then queued, together
    std::chrono::sys_seconds now{};  // Date header, queue times; the age rule's day (see below)

    bool dry_run = false;
    std::filesystem::path preview_dir;  // dry run: where previews go
    std::size_t preview_limit = 20;     // dry run: previews written at most

    // (stage, done, total) now and then.
    std::function<void(const std::string&, std::size_t, std::size_t)> progress;
};

struct WeeklyDigestReport {
    WeekSnapshots snapshots;
    // The day the consent rules are checked on (18 or older?): today, or the week's Sunday when
    // that is later, so that a student who turns 18 by then is treated as an adult.
    Date send_date;
    std::size_t students = 0;    // in the snapshot and enrolled on the week's Monday or later
    Date consent_snapshot;       // the snapshot the consent rules read: the latest
    std::size_t recipients = 0;  // mailboxes allowed to receive something
    int links_considered = 0, links_allowed = 0, unknown_links = 0;
    std::array<int, k_refusal_reasons.size()> refusals{};  // indexed by RefusalReason
    std::size_t recorded_opt_outs = 0;  // contacts opted out through an unsubscribe link
    std::size_t recorded_stops = 0;     // contacts whose number texted STOP (SMS only)
    std::size_t with_news = 0;          // digests built with something new
    std::size_t nothing_new_sent = 0;   // digests built with nothing new (send_nothing_new)
    std::size_t nothing_new_skipped = 0;
    std::size_t queued = 0;          // newly queued (a dry run: would be queued)
    std::size_t already_queued = 0;  // queued by an earlier run: not built again
    std::size_t cancelled = 0;       // pending messages that may no longer name their students
    std::size_t rebuilt = 0;         // pending messages of the week rebuilt for changed students
    std::size_t previews = 0;        // dry run: messages written to preview_dir
    double seconds = 0;
};

// Throws NoInputError when no snapshot fits the week, UsageError for an empty secret or a base
// URL or from address that cannot be used in an email, IoError for the database or previews.
// For SMS, `from` and `unsubscribe_address` are not used, and previews are .txt files.
WeeklyDigestReport queue_weekly_digests(store::Database& db, const WeeklyDigestOptions& options,
                                        const render::LocalizerSet& localizers,
                                        const render::TemplateSet& templates);

}  // namespace homeroom::notify
