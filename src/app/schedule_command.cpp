// homeroom schedule: a foreground scheduler for containers without systemd or cron. It sleeps
// until the next job is due (by the same next_run evaluation `jobs list` shows), runs it through
// the same runner as `jobs run`, and loops.
#include <chrono>
#include <thread>

#include "app/command.h"
#include "app/command_line.h"
#include "app/exit_codes.h"
#include "app/job_runner.h"
#include "core/errors.h"
#include "jobs/job_directory.h"
#include "jobs/job_timing.h"

namespace homeroom::app {
namespace {

jobs::UtcSeconds wall_clock() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Sleeps in short slices and re-reads the clock, so a suspended machine or a clock change
// does not make a long sleep overshoot the due time.
void sleep_until(jobs::UtcSeconds due) {
    while (true) {
        const auto now = wall_clock();
        if (now >= due)
            return;
        std::this_thread::sleep_for(
            std::chrono::seconds(std::min<jobs::UtcSeconds>(due - now, 30)));
    }
}

// One job run; a failure is logged and the scheduler carries on with the next due time.
void run_logged(CommandContext& ctx, const jobs::Job& job) {
    try {
        const auto summary = run_job(ctx, job);
        ctx.err << "[schedule] " << job.name << ": " << summary.status << " (run " << summary.run_id
                << ")\n";
    } catch (const LockedError& e) {
        ctx.err << "[schedule] " << job.name << ": skipped: " << e.what() << "\n";
    } catch (const std::exception& e) {
        ctx.err << "[schedule] " << job.name << ": failed: " << e.what() << "\n";
    }
}

}  // namespace

int run_schedule(CommandContext& ctx, const std::vector<std::string>& args) {
    CommandLine cl("schedule", "",
                   "Run jobs/*.ini on their schedules in the foreground (for containers without "
                   "systemd or cron): sleep until the next job is due, run it, repeat. A job "
                   "still running when it is due again is skipped (exit 75 case).");
    cl.value("jobs", "DIR", "the job files' folder (default [jobs] dir, else jobs)")
        .flag("once", "run the next due job(s) at once, without waiting, then exit")
        .value("now", "YYYY-MM-DDTHH:MM:SSZ", "with --once: the instant to look forward from");
    if (!cl.parse(args, ctx.out))
        return k_exit_ok;
    if (!cl.positional().empty())
        throw UsageError("homeroom schedule: unexpected argument \"" + cl.positional().front() +
                         "\"");
    Diagnostics diagnostics;
    const auto all =
        jobs::load_jobs(cl.get("jobs", ctx.config.getString("jobs.dir", "jobs")), diagnostics);
    if (!diagnostics.items().empty())
        ctx.err << diagnostics.format(50);
    if (diagnostics.has_errors())
        throw DataError("homeroom schedule: fix the job files first (homeroom jobs check)");

    jobs::UtcSeconds since = wall_clock();
    if (cl.has("now")) {
        const auto t = jobs::parse_utc(cl.get("now"));
        if (!t)
            throw UsageError("homeroom schedule: --now must be YYYY-MM-DDTHH:MM:SSZ");
        since = *t;
    }
    // Each job looks forward from its own last run: a job due while another one ran still runs
    // (late), and a job whose run outlasted several of its own due times runs once, not once per
    // missed time — as systemd's Persistent=true catches up.
    std::vector<jobs::UtcSeconds> since_of(all.size(), since);
    while (true) {
        std::optional<jobs::UtcSeconds> due;
        for (std::size_t i = 0; i < all.size(); ++i) {
            const auto next = jobs::next_job_run(all[i], since_of[i]);
            if (next && (!due || *next < *due))
                due = next;
        }
        if (!due) {
            ctx.err << "[schedule] no job has a schedule; nothing to do\n";
            return k_exit_ok;
        }
        std::vector<std::size_t> due_jobs;
        for (std::size_t i = 0; i < all.size(); ++i)
            if (jobs::next_job_run(all[i], since_of[i]) == due)
                due_jobs.push_back(i);
        ctx.err << "[schedule] next: ";
        for (std::size_t i = 0; i < due_jobs.size(); ++i)
            ctx.err << (i ? ", " : "") << all[due_jobs[i]].name;
        ctx.err << " at " << jobs::format_utc(*due) << "\n";
        if (!cl.has("once"))
            sleep_until(*due);
        for (const auto i : due_jobs) {
            run_logged(ctx, all[i]);
            since_of[i] = cl.has("once") ? *due : std::max(*due, wall_clock());
        }
        if (cl.has("once"))
            return k_exit_ok;
    }
}

}  // namespace homeroom::app
