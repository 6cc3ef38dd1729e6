#include "app/job_runner.h"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <sstream>
#include <thread>

#include "app/exit_codes.h"
#include "app/export_run.h"
#include "app/notify_run.h"
#include "core/errors.h"
#include "jobs/job_lock.h"
#include "jobs/schedule.h"
#include "store/job_ledger.h"
#include "store/snapshot_repository.h"

namespace homeroom::app {

int import_with_report(CommandContext& ctx, store::Database& db, const std::filesystem::path& dir,
                       Date as_of, bool dry_run, std::size_t max_errors);
int build_with_report(CommandContext& ctx, store::Database& db, const std::filesystem::path& out,
                      std::optional<Date> as_of, unsigned threads, std::optional<bool> pdf);

namespace {

// The newest subfolder of a drop folder whose name is a date: that is the bundle and its as-of.
std::pair<std::filesystem::path, Date> newest_bundle(const std::filesystem::path& drop) {
    std::error_code ec;
    if (!std::filesystem::is_directory(drop, ec))
        throw NoInputError("cannot read drop folder " + drop.string() + ": no such folder");
    std::optional<std::pair<std::filesystem::path, Date>> newest;
    for (const auto& entry : std::filesystem::directory_iterator(drop, ec)) {
        if (!entry.is_directory())
            continue;
        const auto date = Date::parse(entry.path().filename().string());
        if (date && (!newest || *date > newest->second))
            newest = {{entry.path(), *date}};
    }
    if (ec)
        throw IoError("cannot list " + drop.string() + ": " + ec.message());
    if (!newest)
        throw NoInputError("no bundle in drop folder " + drop.string() +
                           " (expected a subfolder named YYYY-MM-DD)");
    return *newest;
}

Date notify_week(store::Database& db, const std::string& week) {
    if (const auto date = Date::parse(week))
        return *date;
    // "current" is the week the newest data describes, not the wall clock's: a digest reports
    // on what was imported.
    const auto latest = store::SnapshotRepository(db).latest();
    if (!latest)
        throw NoInputError("no snapshot in " + db.path().string() + " to report on");
    return week == "previous" ? latest->as_of.plus_days(-7) : latest->as_of;
}

int run_step(CommandContext& ctx, store::Database& db, const jobs::JobStep& step) {
    switch (step.action) {
        case jobs::StepAction::import_bundle: {
            const auto [dir, as_of] = newest_bundle(step.from);
            return import_with_report(ctx, db, dir, as_of, false, 50);
        }
        case jobs::StepAction::build:
            return build_with_report(
                ctx, db,
                step.out.empty() ? ctx.config.getString("site.out", "output/site") : step.out,
                std::nullopt, 0, step.pdf);
        case jobs::StepAction::notify: {
            NotifyRequest request;
            request.week = notify_week(db, step.week);
            request.channel = step.channel;
            return notify_with_report(ctx, db, request);
        }
        case jobs::StepAction::deliver: {
            DeliverRequest request;
            if (!step.both_channels)
                request.channels = {step.channel};
            return deliver_with_report(ctx, db, request);
        }
        case jobs::StepAction::export_extracts: {
            const auto latest = store::SnapshotRepository(db).latest();
            if (!latest)
                throw NoInputError("no snapshot in " + db.path().string() + " to export");
            ExportRequest request;
            request.partner = step.partner;
            request.as_of = latest->as_of;
            request.out_dir = step.out;
            return export_with_report(ctx, db, request);
        }
    }
    return k_exit_software;
}

// The code the CLI will exit with for this exception, recorded in the ledger and --json.
int exit_code_for(const std::exception& e) {
    if (dynamic_cast<const UsageError*>(&e))
        return k_exit_usage;
    if (dynamic_cast<const DataError*>(&e))
        return k_exit_data;
    if (dynamic_cast<const NoInputError*>(&e))
        return k_exit_no_input;
    if (dynamic_cast<const UnavailableError*>(&e))
        return k_exit_unavailable;
    if (dynamic_cast<const IoError*>(&e))
        return k_exit_io;
    if (dynamic_cast<const LockedError*>(&e))
        return k_exit_locked;
    return k_exit_software;
}

std::string last_line(const std::string& text) {
    std::string t = text;
    while (!t.empty() && t.back() == '\n') t.pop_back();
    const auto nl = t.rfind('\n');
    return nl == std::string::npos ? t : t.substr(nl + 1);
}

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (const char c : s) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

// Lets tests stop a run between steps, or inside one that the ledger records as running
// (kill -9 there must lose nothing finished and redo only that step).
void pause_for_tests(const char* variable, int step) {
    const char* pause = std::getenv(variable);
    if (pause && std::atoi(pause) == step)
        std::this_thread::sleep_for(std::chrono::seconds(60));
}

}  // namespace

std::string ledger_now() {
    const auto now = std::chrono::system_clock::now();
    return jobs::format_utc(
        std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count());
}

JobRunSummary run_job(CommandContext& ctx, const jobs::Job& job,
                      const std::function<void(const JobRunSummary&)>& on_failure) {
    const jobs::JobLock lock(ctx.db_path, job.name);
    store::Database db(ctx.db_path);
    store::JobLedger ledger(db);

    JobRunSummary summary;
    summary.job = job.name;
    summary.started_at = ledger_now();
    std::set<int> done;
    if (const auto crashed = ledger.mark_crashed(job.name, summary.started_at)) {
        done = ledger.finished_steps(crashed->run_id);
        summary.resumes = crashed->run_id;
        ctx.err << "[" << job.name << "] run " << crashed->run_id << " (started "
                << crashed->started_at << ") did not finish: resuming it\n";
    }
    summary.run_id = ledger.start_run(job.name, summary.started_at, ::getpid(), summary.resumes);

    const std::string total = std::to_string(job.steps.size());
    for (std::size_t i = 0; i < job.steps.size(); ++i) {
        const auto& step = job.steps[i];
        const std::string action(jobs::to_code(step.action));
        const std::string label =
            "[" + job.name + "] step " + std::to_string(i + 1) + "/" + total + " " + action;
        StepOutcome outcome;
        outcome.step = step.number;
        outcome.action = action;
        ledger.start_step(summary.run_id, step.number, action, ledger_now());
        if (done.count(step.number)) {
            outcome.status = "skipped";
            outcome.report = "finished by run " + std::to_string(*summary.resumes);
            ledger.finish_step(summary.run_id, step.number, "skipped", ledger_now(),
                               outcome.report);
            ctx.err << label << ": skipped (" << outcome.report << ")\n";
            summary.steps.push_back(outcome);
            continue;
        }
        ctx.err << label << "\n";
        // The step's report is captured for the ledger and --json, then shown as usual.
        std::ostringstream report;
        CommandContext step_ctx{ctx.config, ctx.db_path,  report,
                                ctx.err,    ctx.terminal, ctx.config_file};
        const auto started = std::chrono::steady_clock::now();
        const auto finish = [&](int code, const std::string& message) {
            outcome.seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            outcome.exit_code = code;
            outcome.report = message.empty() ? last_line(report.str()) : message;
            outcome.status = code == k_exit_ok ? "succeeded" : "failed";
            ledger.finish_step(summary.run_id, step.number, outcome.status, ledger_now(),
                               outcome.report);
            summary.steps.push_back(outcome);
            if (code != k_exit_ok) {
                summary.status = "failed";
                summary.exit_code = code;
                summary.finished_at = ledger_now();
                summary.message = "step " + std::to_string(step.number) + " (" + action +
                                  ") failed: " + outcome.report;
                ledger.finish_run(summary.run_id, "failed", summary.finished_at, summary.message);
                ctx.err << label << " failed; the job stops here (exit " << code << ")\n";
                if (on_failure)
                    on_failure(summary);
            }
        };
        int code = k_exit_software;
        try {
            pause_for_tests("HOMEROOM_TEST_PAUSE_IN_STEP", step.number);
            code = run_step(step_ctx, db, step);
        } catch (const std::exception& e) {
            ctx.out << report.str();
            finish(exit_code_for(e), e.what());
            throw;
        }
        ctx.out << report.str();
        finish(code, "");
        if (code != k_exit_ok)
            return summary;
        pause_for_tests("HOMEROOM_TEST_PAUSE_AFTER_STEP", step.number);
    }
    summary.status = "succeeded";
    summary.finished_at = ledger_now();
    ledger.finish_run(summary.run_id, "succeeded", summary.finished_at);
    return summary;
}

std::string to_json(const JobRunSummary& s) {
    std::string out = "{\"job\":" + json_string(s.job) + ",\"run_id\":" + std::to_string(s.run_id);
    out += ",\"resumes\":" + (s.resumes ? std::to_string(*s.resumes) : std::string("null"));
    out += ",\"status\":" + json_string(s.status) +
           ",\"exit_code\":" + std::to_string(s.exit_code) +
           ",\"started_at\":" + json_string(s.started_at) +
           ",\"finished_at\":" + json_string(s.finished_at) +
           ",\"message\":" + json_string(s.message) + ",\"steps\":[";
    for (std::size_t i = 0; i < s.steps.size(); ++i) {
        const auto& st = s.steps[i];
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%.3f", st.seconds);
        out += (i ? "," : "") + std::string("{\"step\":") + std::to_string(st.step) +
               ",\"action\":" + json_string(st.action) + ",\"status\":" + json_string(st.status) +
               ",\"exit_code\":" + std::to_string(st.exit_code) + ",\"seconds\":" + seconds +
               ",\"report\":" + json_string(st.report) + "}";
    }
    return out + "]}\n";
}

}  // namespace homeroom::app
