// homeroom notify --week YYYY-MM-DD [--channel email|sms|both] [--dry-run] [--as-of DATE]
//
// Builds the week's digests, queues them in the outbox (idempotently) and delivers what is due
// through the configured transport. The run report always says who was reached, who was refused
// and why, what was queued and what happened to it.
#include <chrono>
#include <cstdio>
#include <mutex>
#include <set>

#include "app/command.h"
#include "app/command_line.h"
#include "app/dkim_settings.h"
#include "app/email_settings.h"
#include "app/exit_codes.h"
#include "app/notify_run.h"
#include "app/progress_line.h"
#include "app/resource_paths.h"
#include "app/site_localizers.h"
#include "app/sms_settings.h"
#include "core/errors.h"
#include "notify/deliver_due.h"
#include "notify/dkim_channel.h"
#include "notify/file_channel.h"
#include "notify/quiet_hours.h"
#include "notify/smtp_channel.h"
#include "notify/weekly_digests.h"
#include "render/template_set.h"
#include "store/outbox_repository.h"

namespace homeroom::app {
namespace {

std::string seconds_text(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f s", s);
    return buf;
}

void print_digest_report(std::ostream& out, const notify::WeeklyDigestReport& r,
                         const NotifyRequest& request) {
    const auto& s = r.snapshots;
    out << "notify" << (request.dry_run ? " (dry run)" : "") << ": week of "
        << request.week.week_start().to_string() << " (" << to_code(request.channel)
        << "), snapshot " << s.now.as_of.to_string();
    if (s.stale)
        out << " (older than the week: nothing in it is news)";
    else if (s.before)
        out << ", compared with " << s.before->as_of.to_string();
    else
        out << ", no earlier snapshot to compare with";
    out << "\n";
    out << "  consent checked on " << r.send_date.to_string();
    if (r.consent_snapshot != s.now.as_of)
        out << " against the latest snapshot (" << r.consent_snapshot.to_string() << ")";
    out << "; " << with_thousands(r.students) << " students enrolled, " << r.links_allowed << " of "
        << r.links_considered << " contact-student links allowed";
    if (r.unknown_links > 0)
        out << ", " << r.unknown_links << " naming unknown students or contacts";
    out << "\n";
    out << "  recipients: " << with_thousands(r.recipients) << "\n";
    out << "  refused:";
    for (const auto reason : notify::k_refusal_reasons)
        out << " " << notify::to_code(reason) << "="
            << r.refusals[static_cast<std::size_t>(reason)];
    out << "\n";
    if (r.recorded_opt_outs > 0)
        out << "  opted out through unsubscribe links: " << r.recorded_opt_outs << "\n";
    if (r.recorded_stops > 0)
        out << "  opted out by texting STOP: " << r.recorded_stops << "\n";
    out << "  digests: with-news=" << r.with_news << " nothing-new-sent=" << r.nothing_new_sent
        << " nothing-new-skipped=" << r.nothing_new_skipped << "\n";
    out << "  " << (request.dry_run ? "would queue" : "queued") << ": new=" << r.queued
        << " already-queued=" << r.already_queued;
    if (r.rebuilt > 0)
        out << " rebuilt=" << r.rebuilt << " (their students changed)";
    if (r.cancelled > 0)
        out << " cancelled=" << r.cancelled << " (no longer allowed)";
    out << "\n";
}

// Email through the configured transport, DKIM-signed on the way when [dkim] is set.
std::unique_ptr<notify::DeliveryChannel> make_channel(
    const EmailSettings& email, const NotifyRequest& request,
    const std::optional<notify::DkimSigner>& dkim) {
    const std::string transport = request.transport.empty() ? email.transport : request.transport;
    std::unique_ptr<notify::DeliveryChannel> channel;
    if (transport == "smtp") {
        try {
            channel = std::make_unique<notify::SmtpChannel>(email.smtp);
        } catch (const std::invalid_argument& e) {
            throw UsageError(std::string("config: [smtp] cannot work: ") + e.what());
        }
    } else {
        channel = std::make_unique<notify::FileChannel>(
            request.outbox_dir.empty() ? email.outbox_dir : request.outbox_dir, Channel::email);
    }
    if (dkim)
        channel = std::make_unique<notify::DkimChannel>(std::move(channel), *dkim);
    return channel;
}

}  // namespace

namespace {

// Sends what is due on `channel` and prints the delivery line; rethrows UnavailableError after
// saying nothing was sent.
notify::DeliveryReport deliver_with_report(CommandContext& ctx, store::OutboxRepository& outbox,
                                           notify::DeliveryChannel& channel, ProgressLine& progress,
                                           const std::string& label) {
    notify::DeliveryOptions delivery;
    delivery.progress = [&](std::size_t done, std::size_t claimed) {
        progress.update("  sending: " + with_thousands(done) + " done, " + with_thousands(claimed) +
                        " claimed");
    };
    notify::DeliveryReport sent;
    try {
        sent = notify::deliver_due(outbox, channel, delivery);
    } catch (const LockedError&) {
        // Not a failure: what this run queued is due, and the run holding the lock sends what
        // is due until nothing is (or the next run does). A job goes on to its next step.
        progress.done("");
        ctx.out << "  " << label
                << ": not started: another homeroom run is sending from this database; the "
                   "queued messages go out with that run or the next\n";
        return sent;
    } catch (const UnavailableError&) {
        progress.done("");
        ctx.out << "  " << label << ": not started (" << channel.description()
                << "): nothing was sent; the queued messages go out on the next run\n";
        throw;
    }
    progress.done("");
    ctx.out << "  " << label << ": sent=" << sent.sent
            << " temporary-failure=" << sent.temporary_failures
            << " technical-failure=" << sent.technical_failures
            << " permanent-failure=" << sent.permanent_failures;
    if (sent.not_attempted > 0)
        ctx.out << " not-attempted=" << sent.not_attempted;
    ctx.out << " (" << channel.description() << ", " << sent.sessions
            << (sent.sessions == 1 ? " session, " : " sessions, ") << seconds_text(sent.seconds)
            << ")\n";
    if (!sent.sender_refused.empty())
        ctx.out << "  delivery stopped: " << sent.sender_refused
                << "; no message was failed for it, the rest stay queued\n";
    else if (!sent.interrupted.empty())
        ctx.out << "  delivery stopped early: " << sent.interrupted
                << "; the rest go out on the next run\n";
    return sent;
}

// A server that refuses the sender ends the run with an error a script sees: a 5xx is the
// settings' fault (exit 64), a 4xx the server's for now (exit 69).
void stop_if_sender_refused(const notify::DeliveryReport& sent) {
    if (sent.sender_refused.empty())
        return;
    if (sent.sender_refusal_permanent)
        throw UsageError(
            "config: " + sent.sender_refused +
            " (check [email] envelope_from, [smtp] tls and username, or [kannel] username "
            "and password); the messages stay queued");
    throw UnavailableError(sent.sender_refused + "; the messages stay queued for the next run");
}

void print_outbox_counts(CommandContext& ctx, store::OutboxRepository& outbox, Channel channel,
                         Date week) {
    ctx.out << "  outbox for the week:";
    for (const auto& c : outbox.count_by_status({.channel = channel, .week = week}))
        ctx.out << " " << to_code(c.status) << "=" << c.count;
    ctx.out << "\n";
}

// Texts of the week that failed for good (refused by the gateway, or an undeliverable delivery
// report recorded by `homeroom serve`) become email digests where email is consented; queuing
// is idempotent, so every run may try again.
void email_fallback(CommandContext& ctx, store::Database& db, const NotifyRequest& request,
                    notify::WeeklyDigestOptions options, const EmailSettings& email,
                    const std::optional<notify::DkimSigner>& dkim,
                    const render::LocalizerSet& localizers, const render::TemplateSet& templates,
                    ProgressLine& progress) {
    store::OutboxRepository outbox(db);
    std::set<std::string, std::less<>> failed;
    for (const auto& m : outbox.list({.status = MessageStatus::permanent_failure,
                         .channel = Channel::sms,
                         .week = request.week}))
        if (m.key.kind == notify::k_weekly_digest_kind)
            failed.insert(m.key.contact_id);
    if (failed.empty())
        return;
    options.channel = Channel::email;
    options.only_contacts = failed;
    options.sms_fallback = true;
    options.progress = nullptr;
    const auto report = notify::queue_weekly_digests(db, options, localizers, templates);
    ctx.out << "  email fallback for failed texts: contacts=" << failed.size()
            << " allowed=" << report.recipients << " queued=" << report.queued
            << " already-queued=" << report.already_queued << "\n";
    NotifyRequest email_request = request;
    email_request.channel = Channel::email;
    const auto channel = make_channel(email, email_request, dkim);
    notify::DeliveryReport sent;
    try {
        sent = deliver_with_report(ctx, outbox, *channel, progress, "email fallback delivery");
    } catch (const UnavailableError&) {
        return;  // said so above; the emails stay queued for the next run
    }
    stop_if_sender_refused(sent);
}

}  // namespace

namespace {

// What digest runs need besides the week, read once: settings, templates and catalogs.
struct DigestRun {
    EmailSettings email;
    SmsSettings sms_settings;
    std::optional<notify::DkimSigner> dkim;  // [dkim]: every email signed on the way
    notify::WeeklyDigestOptions options;     // the week and what to do with it set per run
    std::unique_ptr<render::TemplateSet> templates;
    SiteLocalizers localizers;
};

DigestRun prepare_digest_run(CommandContext& ctx, store::Database& db, Channel channel,
                             const NotifyRequest& request) {
    DigestRun run;
    run.email = read_email_settings(ctx.config);
    // A key that cannot be used stops the run before anything is queued or sent.
    run.dkim = load_dkim_settings(ctx.config, run.email.from, ctx.config_file, ctx.err);
    const bool sms = channel == Channel::sms;
    if (sms)
        run.sms_settings = read_sms_settings(ctx.config);
    if (!request.transport.empty() && request.transport != "file" && request.transport != "smtp")
        throw UsageError("homeroom notify: unknown transport " + request.transport);
    if (sms && run.sms_settings.transport == "kannel" &&
        ctx.config.getString("site.base_url", "").empty())
        throw UsageError(
            "config: site.base_url is required to send text messages through Kannel "
            "(every text ends with a link to the private page)");

    auto& options = run.options;
    options.channel = channel;
    options.base_url = run.email.base_url;
    options.secret = site_secret(ctx.config, db);
    options.district_name = run.email.district_name;
    options.from = run.email.from;
    options.unsubscribe_address = run.email.unsubscribe_address;
    options.digest.send_nothing_new = run.email.send_nothing_new;
    options.sms_max_segments = run.sms_settings.max_segments;
    options.threads = request.threads;
    options.now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    options.preview_dir = run.email.previews_dir;
    options.preview_limit = request.previews;

    run.templates = std::make_unique<render::TemplateSet>(find_resource_dir(
        ctx.config.getString("site.templates", ""), "templates", "student.mustache"));
    run.localizers = load_site_localizers(
        ctx,
        find_resource_dir(ctx.config.getString("site.locales", ""), "locales", "messages.pot"));
    return run;
}

notify::WeeklyDigestReport queue_week(store::Database& db, DigestRun& run,
                                      notify::WeeklyDigestOptions options, ProgressLine& progress) {
    std::mutex progress_mutex;  // workers report from several threads
    options.progress = [&](const std::string& stage, std::size_t done, std::size_t total) {
        std::lock_guard lock(progress_mutex);
        progress.update("  " + stage + ": " + with_thousands(done) + " of " +
                        with_thousands(total));
    };
    auto report = notify::queue_weekly_digests(db, options, *run.localizers.set, *run.templates);
    progress.done("");
    return report;
}

// Everything after queuing: digests of weeks before `first_week_kept` cancelled (a week's news is
// not sent after a later week's), quiet hours, delivery of what is due, the outbox's counts for
// the week, and for texts the email fallback of those that failed for good.
int send_due(CommandContext& ctx, store::Database& db, DigestRun& run, const NotifyRequest& request,
             Date first_week_kept, ProgressLine& progress) {
    const bool sms = request.channel == Channel::sms;
    store::OutboxRepository outbox(db);
    const auto older = outbox.cancel_weeks_before(request.channel, notify::k_weekly_digest_kind,
                                                  first_week_kept, run.options.now);
    if (older > 0)
        ctx.out << "  older weeks: cancelled=" << older << " (digests of weeks before "
                << first_week_kept.to_string() << " are not sent late)\n";
    if (sms) {
        const auto& quiet = run.sms_settings.quiet;
        const auto until =
            notify::quiet_until(quiet, run.options.now, zone_offsets(run.sms_settings.time_zone));
        if (until) {
            ctx.out << "  delivery: waiting: quiet hours ("
                    << notify::format_minute_of_day(quiet.start_minute) << " to "
                    << notify::format_minute_of_day(quiet.end_minute) << " "
                    << run.sms_settings.time_zone << ") end at " << store::format_utc(*until)
                    << "; the queued texts go out on the first run after that\n";
            print_outbox_counts(ctx, outbox, request.channel, request.week);
            return k_exit_ok;
        }
    }
    std::unique_ptr<notify::DeliveryChannel> channel;
    if (sms) {
        try {
            channel = make_sms_channel(run.sms_settings, run.options.secret);
        } catch (const std::invalid_argument& e) {
            throw UsageError(std::string("config: [kannel] cannot work: ") + e.what());
        }
    } else {
        channel = make_channel(run.email, request, run.dkim);
    }
    const auto sent = deliver_with_report(ctx, outbox, *channel, progress, "delivery");
    print_outbox_counts(ctx, outbox, request.channel, request.week);
    stop_if_sender_refused(sent);
    if (sms) {
        auto options = run.options;
        options.week = request.week;
        email_fallback(ctx, db, request, options, run.email, run.dkim, *run.localizers.set,
                       *run.templates, progress);
    }
    return k_exit_ok;
}

}  // namespace

int notify_with_report(CommandContext& ctx, store::Database& db, const NotifyRequest& request) {
    DigestRun run = prepare_digest_run(ctx, db, request.channel, request);
    auto options = run.options;
    options.week = request.week;
    options.as_of = request.as_of;
    options.dry_run = request.dry_run;
    ProgressLine progress(ctx.err, ctx.terminal);
    const auto report = queue_week(db, run, options, progress);
    print_digest_report(ctx.out, report, request);

    if (request.dry_run) {
        ctx.out << "  previews: " << report.previews << " written to "
                << run.email.previews_dir.string() << "\n"
                << "  dry run: nothing was queued or sent\n";
        return k_exit_ok;
    }
    return send_due(ctx, db, run, request, request.week.week_start(), progress);
}

int deliver_with_report(CommandContext& ctx, store::Database& db, const DeliverRequest& request) {
    int exit_code = k_exit_ok;
    for (const Channel channel : request.channels) {
        store::OutboxRepository outbox(db);
        const auto newest = outbox.newest_week(channel, notify::k_weekly_digest_kind);
        ctx.out << "deliver" << (request.dry_run ? " (dry run)" : "") << ": " << to_code(channel);
        if (!newest) {
            ctx.out << ": no digest was ever queued\n";
            continue;
        }
        ctx.out << ", digests of the week of " << newest->to_string() << "\n";
        // Nothing waiting (the usual hour): no snapshot to load, nothing to re-check or send. A
        // text of the week that failed for good still needs its email fallback (send_due).
        std::int64_t unsent = 0;
        for (const auto& c : outbox.count_by_status({.channel = channel}))
            if (c.status == MessageStatus::created || c.status == MessageStatus::sending ||
                c.status == MessageStatus::temporary_failure)
                unsent += c.count;
        if (channel == Channel::sms)
            for (const auto& c : outbox.count_by_status({.channel = channel, .week = *newest}))
                if (c.status == MessageStatus::permanent_failure)
                    unsent += c.count;
        if (unsent == 0) {
            ctx.out << "  nothing is waiting to be sent\n";
            continue;
        }
        if (request.dry_run) {
            std::size_t older = 0, pending = 0;
            for (const auto& m : outbox.list({.channel = channel})) {
                const bool waiting = m.status == MessageStatus::created ||
                                     m.status == MessageStatus::temporary_failure;
                if (waiting && m.key.kind == notify::k_weekly_digest_kind)
                    ++(m.key.week < *newest ? older : pending);
            }
            ctx.out << "  would cancel: " << older << " of older weeks\n"
                    << "  would re-check against the latest snapshot and send when due: " << pending
                    << "\n"
                    << "  dry run: nothing was changed or sent\n";
            continue;
        }
        NotifyRequest week_request;
        week_request.week = *newest;
        week_request.channel = channel;
        week_request.threads = request.threads;
        DigestRun run = prepare_digest_run(ctx, db, channel, week_request);
        // Before anything is handed out, what is still queued is checked against the latest
        // snapshot (rebuilt or cancelled); nothing new is queued.
        auto options = run.options;
        options.week = *newest;
        options.queue_new = false;
        ProgressLine progress(ctx.err, ctx.terminal);
        const auto report = queue_week(db, run, options, progress);
        ctx.out << "  re-checked against the snapshot of " << report.consent_snapshot.to_string()
                << ": rebuilt=" << report.rebuilt << " cancelled=" << report.cancelled << "\n";
        const int code = send_due(ctx, db, run, week_request, *newest, progress);
        if (exit_code == k_exit_ok)
            exit_code = code;
    }
    return exit_code;
}

int run_notify(CommandContext& ctx, const std::vector<std::string>& args) {
    CommandLine cl(
        "notify", "",
        "Build the weekly digests of a week for every consented contact, queue them in "
        "the outbox (once: running again queues and sends nothing new) and send what "
        "is due through [email] transport (file or smtp) or [sms] transport (file or kannel).");
    cl.value("week", "YYYY-MM-DD", "any day of the ISO week to report on", true)
        .value("channel", "CHANNEL",
               "email (the default), sms ([sms] transport: file or kannel) or both")
        .flag("dry-run", "count and preview only: write previews, queue and send nothing")
        .value("as-of", "YYYY-MM-DD", "use the snapshot of this date (default: the week's own)")
        .value("previews", "N", "dry run: previews to write at most (default 20)")
        .value("threads", "N", "worker threads (default: one per core)");
    if (!cl.parse(args, ctx.out))
        return k_exit_ok;
    if (!cl.positional().empty())
        throw UsageError("homeroom notify: unexpected argument \"" + cl.positional().front() +
                         "\"");
    NotifyRequest request;
    request.week = *cl.get_date("week");
    const std::string channel_code = cl.get("channel", "email");
    const auto channel = parse_channel(channel_code);
    if (!channel && channel_code != "both")
        throw UsageError("homeroom notify: --channel must be email, sms or both, not \"" +
                         channel_code + "\"");
    request.dry_run = cl.has("dry-run");
    request.as_of = cl.get_date("as-of");
    request.previews = static_cast<std::size_t>(cl.get_int("previews", 20, 0, 1000000));
    request.threads = static_cast<unsigned>(cl.get_int("threads", 0, 0, 256));
    // A dry run only reads: a mistyped --db must not become an empty database.
    store::Database db(ctx.db_path, request.dry_run ? store::Database::Open::existing
                                                    : store::Database::Open::create);
    if (channel) {
        request.channel = *channel;
        return notify_with_report(ctx, db, request);
    }
    // both: the email run, then the SMS run, each with its own report.
    request.channel = Channel::email;
    const int email = notify_with_report(ctx, db, request);
    request.channel = Channel::sms;
    const int sms = notify_with_report(ctx, db, request);
    return email != k_exit_ok ? email : sms;
}

}  // namespace homeroom::app
