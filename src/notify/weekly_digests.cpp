#include "notify/weekly_digests.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <exception>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>

#include "core/ascii_text.h"
#include "core/errors.h"
#include "core/parallel_for.h"
#include "metrics/student_changes.h"
#include "metrics/student_indicators.h"
#include "notify/outbox_recheck.h"
#include "notify/recipient_address.h"
#include "notify/recipient_set.h"
#include "notify/sms_digest_message.h"
#include "site/site_builder.h"
#include "site/snapshot_index.h"
#include "site/student_pipeline.h"
#include "store/opt_out_repository.h"
#include "store/outbox_repository.h"
#include "store/short_link_repository.h"
#include "store/sms_inbound_repository.h"
#include "store/snapshot_reader.h"

namespace homeroom::notify {
namespace {

namespace fs = std::filesystem;

// Why an email was sent to a contact who chose texts: stored at the end of its allowed_by.
constexpr std::string_view k_email_fallback_note = "; email fallback after a failed SMS";

bool is_email_fallback(std::string_view allowed_by) {
    return allowed_by.ends_with(k_email_fallback_note);
}

// A pending message of the week to rebuild for its mailbox's current students.
struct PendingRebuild {
    std::int64_t id = 0;
    std::string reason;
};

Date date_of(std::chrono::sys_seconds t) {
    return Date::from_days(static_cast<std::int32_t>(
        std::chrono::floor<std::chrono::days>(t).time_since_epoch().count()));
}

// A mobile number as the gateway gives it back: without surrounding blanks.
std::string trimmed_base_url(const std::string& url) {
    std::string out = url;
    while (!out.empty() && out.back() == '/') out.pop_back();
    if (out.rfind("https://", 0) != 0 && out.rfind("http://", 0) != 0)
        throw UsageError("[site] base_url must start with https:// or http://, not \"" + url +
                         "\"");
    return out;
}

// The students of the snapshot and what each one's parents hear this week.
struct Children {
    std::vector<Student> students;
    std::vector<ChildWeek> weeks;  // by student id
    const ChildWeek* find(std::string_view id) const {
        const auto it = std::lower_bound(
            weeks.begin(), weeks.end(), id,
            [](const ChildWeek& c, std::string_view key) { return c.student_id < key; });
        return it != weeks.end() && it->student_id == id ? &*it : nullptr;
    }
};

Children summarize_children(store::Database& db, const WeeklyDigestOptions& o,
                            const WeekSnapshots& snaps, const site::SnapshotIndex& now,
                            const site::SnapshotIndex* before,
                            const render::LocalizerSet& localizers, const std::string& base_url,
                            std::size_t total) {
    const unsigned threads = site::worker_count(o.threads);
    struct WorkerState {
        std::vector<Student> students;
        std::vector<ChildWeek> weeks;
    };
    std::vector<WorkerState> state(threads);
    std::atomic<std::size_t> done{0};
    site::for_each_student(
        db, snaps.now.id, before ? std::optional(snaps.before->id) : std::nullopt, threads,
        [&](site::StudentJob& job, unsigned w) {
            const Student& student = job.now.student;
            const auto& calendar = now.calendar(student.school_id);
            const auto records = site::to_records(job.now, now);
            const auto indicators =
                metrics::compute_student_indicators(records, calendar, now.as_of, o.indicators);
            // A student missing from the snapshot before the week has no history to compare
            // with: like a first digest, only the week itself is news (not every old incident).
            std::optional<metrics::StudentChanges> changes;
            if (before && job.before) {
                const auto before_records = site::to_records(*job.before, *before);
                const auto school = before->calendars.find(student.school_id);
                const auto before_indicators = metrics::compute_student_indicators(
                    before_records, school == before->calendars.end() ? calendar : school->second,
                    before->as_of, o.indicators);
                changes = metrics::changes_between(before_records, before_indicators, records,
                                                   indicators, o.indicators.grade_scale);
            }
            ChildWeek week = summarize_child_week(
                {records, indicators, changes ? &*changes : nullptr, now.section_info, o.week});
            // The page's path in English, less "en.html": the site builder owns the layout.
            const std::string path = site::student_page_path(o.secret, student.id, "en");
            week.page_url_prefix = base_url + "/" + path.substr(0, path.size() - 7);
            week.page_languages = site::page_languages(job.now, now, localizers);
            state[w].weeks.push_back(std::move(week));
            state[w].students.push_back(student);
            const std::size_t n = ++done;
            if (o.progress && (n % 1000 == 0 || n == total))
                o.progress("students", n, total);
        });
    Children out;
    for (auto& s : state) {
        for (auto& st : s.students) out.students.push_back(std::move(st));
        for (auto& wk : s.weeks) out.weeks.push_back(std::move(wk));
    }
    std::sort(out.weeks.begin(), out.weeks.end(),
              [](const ChildWeek& a, const ChildWeek& b) { return a.student_id < b.student_id; });
    std::sort(out.students.begin(), out.students.end(),
              [](const Student& a, const Student& b) { return a.id < b.id; });
    return out;
}

// The week's previews of one channel (.eml and .html, or .txt): a dry run of the other channel
// keeps its own.
void clear_previews(const fs::path& dir, const std::string& week, Channel channel) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        const std::string ext = e.path().extension().string();
        const bool ours =
            channel == Channel::sms ? ext == ".txt" : (ext == ".eml" || ext == ".html");
        if (name.rfind(week + "-", 0) == 0 && ours)
            fs::remove(e.path(), ec);
    }
}

void write_preview(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    out.close();
    if (!out)
        throw IoError("cannot write " + path.string());
}

// The week being reported on: its snapshots and every enrolled child's week (stage 1).
struct Week {
    std::string base_url;  // without a trailing slash
    std::string monday;    // "YYYY-MM-DD"
    Date start;
    SnapshotTables tables;  // the week's snapshot
    Children children;
};

Week load_week(store::Database& db, const WeeklyDigestOptions& o,
               const render::LocalizerSet& localizers, WeeklyDigestReport& report) {
    Week w;
    w.base_url = trimmed_base_url(o.base_url);
    w.start = o.week.week_start();
    w.monday = w.start.to_string();
    const store::SnapshotRepository snapshot_repo(db);
    const auto chosen = choose_week_snapshots(snapshot_repo.list(), o.week, o.as_of);
    if (!chosen)
        throw NoInputError(o.as_of
                               ? "no snapshot of " + o.as_of->to_string() + " in " +
                                     db.path().string() + " (see homeroom snapshots)"
                               : "no snapshot on or before " + w.start.plus_days(6).to_string() +
                                     " in " + db.path().string() + " (import a bundle first)");
    report.snapshots = *chosen;
    const WeekSnapshots& snaps = report.snapshots;
    w.tables = store::load_snapshot_tables(db, snaps.now.id);
    const site::SnapshotIndex now = site::index_snapshot(w.tables, snaps.now.as_of);
    std::optional<site::SnapshotIndex> before;
    if (snaps.before && !snaps.stale)
        before = site::index_snapshot(store::load_snapshot_tables(db, snaps.before->id),
                                      snaps.before->as_of);
    const auto total = static_cast<std::size_t>(snapshot_repo.count_rows(snaps.now.id, "students"));
    w.children = summarize_children(db, o, snaps, now, before ? &*before : nullptr, localizers,
                                    w.base_url, total);
    report.students = static_cast<std::size_t>(std::count_if(
        w.children.students.begin(), w.children.students.end(),
        [&](const Student& st) { return !st.exit_date || *st.exit_date >= w.start; }));
    return w;
}

// Who may hear about whom (stage 2). Consent is a matter of today, not of the week: the rules read
// the latest snapshot (a no-contact order imported after the week's own snapshot holds for this
// week's digests), with Homeroom's own opt-outs on top of its flags. The news still comes from
// the week's.
struct Audience {
    store::ConsentRecords consent;
    std::unordered_map<std::string_view, const Contact*> contact_by_id;  // into consent.contacts
    RecipientSet recipients;
};

// Homeroom's own opt-outs (unsubscribe links, texted STOP) on top of the snapshot's flags.
void apply_recorded_opt_outs(store::Database& db, const WeeklyDigestOptions& o,
                             std::vector<Contact>& contacts, WeeklyDigestReport& report) {
    const auto opted_out = store::OptOutRepository(db).sources(o.channel);
    const auto stopped_numbers = o.channel == Channel::sms
                                     ? store::SmsInboundRepository(db).stopped_numbers()
                                     : std::set<std::string, std::less<>>{};
    for (auto& c : contacts) {
        if (!opted_out.count(c.id) && !stopped_numbers.count(trim_blanks(c.mobile)))
            continue;
        const auto source = opted_out.find(c.id);
        ++(source == opted_out.end() || source->second == store::k_sms_stop_source
               ? report.recorded_stops
               : report.recorded_opt_outs);
        (o.channel == Channel::email ? c.email_opted_out : c.sms_opted_out) = true;
    }
}

std::unique_ptr<Audience> decide_recipients(store::Database& db, const WeeklyDigestOptions& o,
                                            const Week& week, WeeklyDigestReport& report) {
    auto a = std::make_unique<Audience>();
    const auto latest = store::SnapshotRepository(db).latest();
    if (latest && latest->id != report.snapshots.now.id) {
        a->consent = store::load_consent_records(db, latest->id);
    } else {
        a->consent.students = week.children.students;
        a->consent.contacts = week.tables.contacts;
        a->consent.links = week.tables.links;
    }
    report.consent_snapshot = latest ? latest->as_of : report.snapshots.now.as_of;
    std::vector<Contact>& contacts = a->consent.contacts;
    apply_recorded_opt_outs(db, o, contacts, report);
    if (o.sms_fallback && o.only_contacts)
        for (auto& c : contacts)
            if (o.only_contacts->count(c.id))
                c.preferred_channel = "both";
    for (const auto& c : contacts) a->contact_by_id.emplace(c.id, &c);
    // Only the students of the week's snapshot have a week to tell.
    std::erase_if(a->consent.students,
                  [&](const Student& st) { return !week.children.find(st.id); });
    report.send_date = std::max(date_of(o.now), week.start.plus_days(6));
    a->recipients = build_recipient_set(a->consent.students, contacts, a->consent.links, o.channel,
                                        report.send_date, week.start);
    if (o.only_contacts) {
        std::erase_if(a->recipients.recipients, [&](const Recipient& r) {
            return std::none_of(r.contact_ids.begin(), r.contact_ids.end(),
                                [&](const std::string& id) { return o.only_contacts->count(id); });
        });
    }
    report.recipients = a->recipients.recipients.size();
    report.links_considered = a->recipients.links_considered;
    report.links_allowed = a->recipients.links_allowed;
    report.unknown_links = a->recipients.unknown_links;
    report.refusals = a->recipients.refusals;
    return a;
}

// What earlier runs queued (stage 3): this week's is not built again unless its students changed
// since (then it is rebuilt in place); a pending message that may no longer name one of its
// students is cancelled (outbox_recheck.h). The fallback run (only_contacts) sees a part of the
// contacts and leaves the other messages alone.
struct Queued {
    std::set<std::string, std::less<>> contacts, mailboxes;  // this week's, any status
    std::map<const Recipient*, PendingRebuild> rebuilds;
};

Queued recheck_queued(store::Database& db, const WeeklyDigestOptions& o, const Week& week,
                      const Audience& audience, WeeklyDigestReport& report) {
    store::OutboxRepository outbox(db);
    Queued q;
    const OutboxRecheck recheck(audience.recipients, o.week);
    for (const auto& m : outbox.list({.channel = o.channel})) {
        if (m.key.kind != k_weekly_digest_kind)
            continue;
        if (m.key.week.week_start() == week.start) {
            q.contacts.insert(m.key.contact_id);
            q.mailboxes.insert(mailbox_key(o.channel, m.recipient));
        }
        const bool pending =
            m.status == MessageStatus::created || m.status == MessageStatus::temporary_failure;
        if (!pending || o.only_contacts || is_email_fallback(m.allowed_by))
            continue;
        const auto d =
            recheck.decide({m.id, m.key.contact_id, m.recipient, m.key.week, m.student_ids});
        if (d.action == RecheckAction::cancel) {
            if (!o.dry_run)
                report.cancelled +=
                    outbox.transition(m.id, MessageStatus::cancelled, o.now, d.reason);
            else
                ++report.cancelled;
        } else if (d.action == RecheckAction::rebuild && !q.rebuilds.count(d.recipient)) {
            q.rebuilds[d.recipient] = {m.id, d.reason};
        }
    }
    return q;
}

// One batch of recipients, rendered (stage 4) and then stored (stage 5).
struct Batch {
    std::size_t first = 0;
    std::vector<std::optional<DigestMessage>> messages;
    std::vector<std::vector<store::ShortLink>> links;  // SMS only
    // 1: already queued by an earlier run; 2: not asked to queue it (queue_new off).
    std::vector<char> skipped;
};

class Composer {
  public:
    Composer(store::Database& db, const WeeklyDigestOptions& o, const Week& week,
             const Audience& audience, const Queued& queued, const render::LocalizerSet& localizers,
             const render::TemplateSet& templates)
        : m_db(db),
          m_o(o),
          m_week(week),
          m_audience(audience),
          m_queued(queued),
          m_localizers(localizers),
          m_templates(templates),
          m_short_links{week.base_url, o.secret} {
        m_mail.channel = o.channel;
        m_mail.from = o.from;
        m_mail.base_url = week.base_url;
        m_mail.secret = o.secret;
        m_mail.unsubscribe_address = o.unsubscribe_address;
        m_mail.district_name = o.district_name;
        m_mail.date_header = format_mail_date(o.now);
        m_mail.digest = o.digest;
    }

    // Every recipient's message of the batch [first, last), on all cores.
    Batch render(std::size_t first, std::size_t last) const {
        Batch b;
        b.first = first;
        b.messages.resize(last - first);
        b.links.resize(last - first);
        b.skipped.assign(last - first, 0);
        const auto& list = m_audience.recipients.recipients;
        parallel_for(last - first, site::worker_count(m_o.threads), [&](std::size_t i) {
            const Recipient& r = list[first + i];
            if (!m_queued.rebuilds.count(&r) &&
                (!m_o.queue_new || m_queued.contacts.count(r.contact_id) ||
                 m_queued.mailboxes.count(mailbox_key(m_o.channel, r.address)))) {
                b.skipped[i] = m_o.queue_new ? 1 : 2;
                return;
            }
            if (m_o.channel == Channel::sms)
                build_sms(b, i, &m_short_links);
            else
                build_email(b, i);
        });
        // A code that already names another page (or two pages in this batch): those texts
        // keep their full URLs (store/short_link_repository.h).
        if (m_o.channel == Channel::sms && !m_o.dry_run) {
            std::vector<store::ShortLink> all;
            for (const auto& links : b.links) all.insert(all.end(), links.begin(), links.end());
            const auto collisions = store::ShortLinkRepository(m_db).collisions(all);
            if (!collisions.empty())
                for (std::size_t i = 0; i < b.messages.size(); ++i)
                    if (std::any_of(b.links[i].begin(), b.links[i].end(),
                                    [&](const store::ShortLink& l) {
                                        return collisions.count(l.code) > 0;
                                    }))
                        build_sms(b, i, nullptr);
        }
        return b;
    }

    // The batch into the outbox (or previews for a dry run), counted in `report`.
    void store(Batch& b, WeeklyDigestReport& report) const {
        store::OutboxRepository outbox(m_db);
        const auto& list = m_audience.recipients.recipients;
        std::vector<store::NewOutboxMessage> to_queue;
        std::vector<store::RevisedOutboxMessage> to_revise;
        std::vector<store::ShortLink> to_remember, to_remember_revised;
        for (std::size_t i = 0; i < b.messages.size(); ++i) {
            if (b.skipped[i]) {
                report.already_queued += b.skipped[i] == 1;
                continue;
            }
            auto& message = b.messages[i];
            const auto rebuild = m_queued.rebuilds.find(&list[b.first + i]);
            if (rebuild != m_queued.rebuilds.end()) {
                const auto& [id, reason] = rebuild->second;
                if (m_o.dry_run) {
                    ++report.rebuilt;
                } else if (!message) {  // nothing left to tell: not sent at all
                    report.cancelled += outbox.transition(
                        id, MessageStatus::cancelled, m_o.now,
                        "cancelled before sending: nothing new once rebuilt (" + reason + ")");
                } else {
                    to_revise.push_back({id, std::move(message->message), reason});
                    for (auto& link : b.links[i]) to_remember_revised.push_back(std::move(link));
                }
                continue;
            }
            if (!message) {
                ++report.nothing_new_skipped;
                continue;
            }
            ++(message->has_news ? report.with_news : report.nothing_new_sent);
            if (m_o.dry_run) {
                ++report.queued;
                if (report.previews < m_o.preview_limit)
                    write_previews(*message, report);
            } else {
                to_queue.push_back(std::move(message->message));
                for (auto& link : b.links[i]) to_remember.push_back(std::move(link));
            }
        }
        if (!to_queue.empty()) {
            const std::size_t queued = outbox.queue_all(to_queue, m_o.now, to_remember);
            report.queued += queued;
            report.already_queued += to_queue.size() - queued;
        }
        if (!to_revise.empty()) {
            const auto revised = outbox.revise_pending(to_revise, m_o.now, to_remember_revised);
            report.rebuilt += revised.size();
            // Claimed by a run meanwhile, or its new address is another message's: not ours to
            // change; cancelled if still pending, so that stale content is never sent.
            for (const auto& r : to_revise)
                if (std::find(revised.begin(), revised.end(), r.id) == revised.end())
                    report.cancelled += outbox.transition(
                        r.id, MessageStatus::cancelled, m_o.now,
                        "cancelled before sending: could not be rebuilt (" + r.revision + ")");
        }
    }

  private:
    std::vector<const ChildWeek*> kids_of(const Recipient& r) const {
        std::vector<const ChildWeek*> kids;
        for (const auto& id : r.student_ids)
            if (const ChildWeek* c = m_week.children.find(id))
                kids.push_back(c);
        return kids;
    }

    // Texts link to "<base_url>/s/<code>"; with `links` null (a code that collides), to the full
    // page URLs.
    void build_sms(Batch& b, std::size_t i, const SmsShortLinks* links) const {
        const Recipient& r = m_audience.recipients.recipients[b.first + i];
        auto text = make_sms_digest_message(r, *m_audience.contact_by_id.at(r.contact_id),
                                            kids_of(r), m_o.week, m_o.sms_max_segments, m_o.digest,
                                            m_localizers, links);
        b.messages[i].reset();
        b.links[i].clear();
        if (!text)
            return;
        DigestMessage m;
        m.has_news = text->text.has_news;
        m.message = std::move(text->message);
        if (m_o.sms_fallback)
            m.message.allowed_by += k_email_fallback_note;
        b.messages[i] = std::move(m);
        b.links[i] = std::move(text->text.links);
    }

    void build_email(Batch& b, std::size_t i) const {
        const Recipient& r = m_audience.recipients.recipients[b.first + i];
        std::vector<const Contact*> sharing;
        for (const auto& id : r.contact_ids)
            if (id != r.contact_id)
                sharing.push_back(m_audience.contact_by_id.at(id));
        auto message =
            make_digest_message(r, *m_audience.contact_by_id.at(r.contact_id), kids_of(r), m_o.week,
                                m_mail, m_localizers, m_templates, sharing);
        if (!message)
            return;
        if (m_o.sms_fallback)
            message->message.allowed_by += k_email_fallback_note;
        if (!m_o.dry_run)
            std::string().swap(message->html);  // only previews need it
        b.messages[i] = std::move(message);
    }

    void write_previews(const DigestMessage& message, WeeklyDigestReport& report) const {
        char name[32];
        std::snprintf(name, sizeof name, "-%04zu", report.previews + 1);
        const fs::path base = m_o.preview_dir / (m_week.monday + name);
        if (m_o.channel == Channel::sms) {
            write_preview(fs::path(base).concat(".txt"), message.message.body);
        } else {
            write_preview(fs::path(base).concat(".eml"), message.message.body);
            write_preview(fs::path(base).concat(".html"), message.html);
        }
        ++report.previews;
    }

    store::Database& m_db;
    const WeeklyDigestOptions& m_o;
    const Week& m_week;
    const Audience& m_audience;
    const Queued& m_queued;
    const render::LocalizerSet& m_localizers;
    const render::TemplateSet& m_templates;
    const SmsShortLinks m_short_links;
    DigestMailSettings m_mail;
};

void check_options(const WeeklyDigestOptions& o) {
    if (o.secret.empty())
        throw UsageError("the site secret is empty");
    if (o.channel == Channel::sms)
        return;
    if (!is_plain_addr_spec(o.from.address))
        throw UsageError("[email] from must hold a plain email address, not \"" + o.from.address +
                         "\"");
    if (!o.unsubscribe_address.empty() && !is_plain_addr_spec(o.unsubscribe_address))
        throw UsageError("[email] unsubscribe_address must be a plain email address, not \"" +
                         o.unsubscribe_address + "\"");
}

}  // namespace

WeeklyDigestReport queue_weekly_digests(store::Database& db, const WeeklyDigestOptions& o,
                                        const render::LocalizerSet& localizers,
                                        const render::TemplateSet& templates) {
    const auto started = std::chrono::steady_clock::now();
    check_options(o);
    WeeklyDigestReport report;
    const Week week = load_week(db, o, localizers, report);
    const auto audience = decide_recipients(db, o, week, report);
    const Queued queued = recheck_queued(db, o, week, *audience, report);
    if (o.dry_run) {
        fs::create_directories(o.preview_dir);
        clear_previews(o.preview_dir, week.monday, o.channel);
    }
    const Composer composer(db, o, week, *audience, queued, localizers, templates);
    const std::size_t total = audience->recipients.recipients.size();
    const std::size_t batch_size = std::max<std::size_t>(1, o.batch_size);
    for (std::size_t first = 0; first < total; first += batch_size) {
        const std::size_t last = std::min(total, first + batch_size);
        Batch batch = composer.render(first, last);
        composer.store(batch, report);
        if (o.progress)
            o.progress("digests", last, total);
    }
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

}  // namespace homeroom::notify
