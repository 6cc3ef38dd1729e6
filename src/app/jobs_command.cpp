// homeroom jobs list | run NAME [--json] | history [NAME] | install --systemd DIR | --cron | check
#include <unistd.h>

#include <chrono>
#include <fstream>

#include "app/command.h"
#include "app/command_line.h"
#include "app/exit_codes.h"
#include "app/job_runner.h"
#include "core/errors.h"
#include "jobs/job_directory.h"
#include "jobs/job_timing.h"
#include "jobs/schedule.h"
#include "jobs/time_zone.h"
#include "store/job_ledger.h"

namespace homeroom::app {
namespace {

struct LoadedJobs {
    std::vector<jobs::Job> valid;
    std::size_t errors = 0;
};

// Every valid job; the problems of the others are printed.
LoadedJobs read_jobs(CommandContext& ctx, const CommandLine& cl) {
    Diagnostics diagnostics;
    LoadedJobs loaded;
    loaded.valid =
        jobs::load_jobs(cl.get("jobs", ctx.config.getString("jobs.dir", "jobs")), diagnostics);
    if (!diagnostics.items().empty())
        ctx.err << diagnostics.format(50);
    loaded.errors = diagnostics.error_count();
    return loaded;
}

[[noreturn]] void refuse(std::size_t errors) {
    throw DataError("homeroom jobs: " + std::to_string(errors) +
                    (errors == 1 ? " error" : " errors") + " in the job files");
}

// The jobs, when every job file is valid.
std::vector<jobs::Job> load(CommandContext& ctx, const CommandLine& cl) {
    auto loaded = read_jobs(ctx, cl);
    if (loaded.errors > 0)
        refuse(loaded.errors);
    return std::move(loaded.valid);
}

const jobs::Job& find_job(const std::vector<jobs::Job>& all, const std::string& name) {
    for (const auto& job : all)
        if (job.name == name)
            return job;
    std::string names;
    for (const auto& job : all) names += (names.empty() ? "" : ", ") + job.name;
    throw UsageError("homeroom jobs: no job named \"" + name +
                     "\" (jobs: " + (names.empty() ? "none" : names) + ")");
}

jobs::UtcSeconds now_or_option(const CommandLine& cl) {
    if (cl.has("now")) {
        const auto t = jobs::parse_utc(cl.get("now"));
        if (!t)
            throw UsageError("homeroom jobs: --now must be YYYY-MM-DDTHH:MM:SSZ, not \"" +
                             cl.get("now") + "\"");
        return *t;
    }
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// The valid jobs are listed even when another file is broken, but the exit code says so: a
// monitoring script must not take a job that will never run for a working schedule.
int list_jobs(CommandContext& ctx, const CommandLine& cl) {
    const auto loaded = read_jobs(ctx, cl);
    const auto& all = loaded.valid;
    const auto now = now_or_option(cl);
    for (const auto& job : all) {
        ctx.out << job.name << "\n";
        if (!job.description.empty())
            ctx.out << "  " << job.description << "\n";
        for (const auto& s : job.schedules)
            ctx.out << "  " << (s.from_cron ? "schedule     " : "on_calendar  ") << s.text << "  ("
                    << job.time_zone << ")\n";
        const auto zone = jobs::TimeZone::find(job.time_zone);
        const auto next = jobs::next_job_run(job, now);
        if (job.schedules.empty())
            ctx.out << "  next run     none (run by hand: homeroom jobs run " << job.name << ")\n";
        else if (!next)
            ctx.out << "  next run     never (no date matches)\n";
        else
            ctx.out << "  next run     " << jobs::format_local(*next, zone->offset_at(*next)) << " "
                    << jobs::format_offset(zone->offset_at(*next)) << " " << job.time_zone << " = "
                    << jobs::format_utc(*next) << "\n";
        ctx.out << "  steps        ";
        for (std::size_t i = 0; i < job.steps.size(); ++i)
            ctx.out << (i ? ", " : "") << jobs::to_code(job.steps[i].action);
        ctx.out << "\n";
    }
    if (loaded.errors > 0)
        refuse(loaded.errors);
    return k_exit_ok;
}

int run_one(CommandContext& ctx, const CommandLine& cl) {
    if (cl.positional().size() != 2)
        throw UsageError("homeroom jobs run: expected one job name (see homeroom jobs list)");
    const auto all = load(ctx, cl);
    const auto& job = find_job(all, cl.positional()[1]);
    const bool json = cl.has("json");
    // With --json, stdout carries only the summary; the steps' reports go to stderr.
    CommandContext run_ctx{ctx.config, ctx.db_path,  json ? ctx.err : ctx.out,
                           ctx.err,    ctx.terminal, ctx.config_file};
    const auto summary = run_job(run_ctx, job, [&](const JobRunSummary& failed) {
        if (json)
            ctx.out << to_json(failed);
    });
    if (json)
        ctx.out << to_json(summary);
    else if (summary.status == "succeeded")
        ctx.out << "job " << job.name << " succeeded (run " << summary.run_id << ")\n";
    return summary.exit_code;
}

int history(CommandContext& ctx, const CommandLine& cl) {
    if (cl.positional().size() > 2)
        throw UsageError("homeroom jobs history: expected at most one job name");
    const std::string name = cl.positional().size() == 2 ? cl.positional()[1] : "";
    store::Database db(ctx.db_path, store::Database::Open::existing);
    const store::JobLedger ledger(db);
    const auto runs = ledger.runs(name, static_cast<int>(cl.get_int("limit", 20, 1, 100000)));
    if (runs.empty())
        ctx.out << "no job runs recorded in " << db.path().string() << "\n";
    for (const auto& run : runs) {
        ctx.out << "run " << run.run_id << "  " << run.job << "  " << run.status << "  "
                << run.started_at << " .. " << (run.finished_at.empty() ? "?" : run.finished_at);
        if (run.resumes)
            ctx.out << "  (resumes run " << *run.resumes << ")";
        ctx.out << "\n";
        if (run.status == "crashed")
            ctx.out << "    " << run.message << "\n";
        for (const auto& step : ledger.steps(run.run_id))
            ctx.out << "    step " << step.step << " " << step.action << "  " << step.status
                    << (step.counts.empty() ? "" : "  " + step.counts) << "\n";
    }
    return k_exit_ok;
}

// systemd's own quoting: "..." around words with spaces, and % doubled (it starts specifiers).
std::string systemd_word(const std::string& s) {
    std::string out;
    for (const char c : s) {
        if (c == '%')
            out += "%%";
        else if (c == '"' || c == '\\')
            out += std::string("\\") + c;
        else
            out += c;
    }
    return s.find_first_of(" \t\"\\") == std::string::npos ? out : "\"" + out + "\"";
}

// Free text in a unit (Description=): only % is special there.
std::string systemd_text(const std::string& s) {
    std::string out;
    for (const char c : s) out += c == '%' ? std::string("%%") : std::string(1, c);
    return out;
}

std::string shell_word(const std::string& s) {
    std::string out = "'";
    for (const char c : s) {
        if (c == '\'')
            out += "'\\''";
        else if (c == '%')
            out += "\\%";  // cron turns a bare % into a newline
        else
            out += c;
    }
    return out + "'";
}

struct Invocation {
    std::string binary, jobs_dir, working_dir;
    // The global options of this run, paths made absolute, so that the scheduled run uses the
    // same settings and database: {"--config", FILE}, {"--db", FILE}.
    std::vector<std::pair<std::string, std::string>> global_options;
};

Invocation invocation(CommandContext& ctx, const CommandLine& cl) {
    std::error_code ec;
    Invocation inv;
    inv.binary = std::filesystem::read_symlink("/proc/self/exe", ec).string();
    if (ec)
        inv.binary = "homeroom";
    const auto absolute = [](const std::filesystem::path& p) {
        return std::filesystem::absolute(p).lexically_normal().string();
    };
    if (!ctx.config_file.empty())
        inv.global_options.emplace_back("--config", absolute(ctx.config_file));
    inv.global_options.emplace_back("--db", absolute(ctx.db_path));
    inv.jobs_dir =
        std::filesystem::absolute(cl.get("jobs", ctx.config.getString("jobs.dir", "jobs")))
            .lexically_normal()
            .string();
    inv.working_dir = std::filesystem::current_path().string();
    return inv;
}

void write_text(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out)
        throw IoError("cannot write " + path.string());
}

int install(CommandContext& ctx, const CommandLine& cl) {
    const auto all = load(ctx, cl);
    const auto inv = invocation(ctx, cl);
    if (cl.has("systemd") == cl.has("cron"))
        throw UsageError("homeroom jobs install: give either --systemd DIR or --cron");
    if (cl.has("cron")) {
        ctx.out << "# homeroom jobs (homeroom jobs install --cron); CRON_TZ needs cronie or "
                   "a cron that honours it\n";
        for (const auto& job : all) {
            for (const auto& s : job.schedules) {
                const auto fields = jobs::to_cron(s);
                if (!fields) {
                    ctx.out << "# " << job.name << ": \"" << s.text
                            << "\" has no crontab form; use --systemd\n";
                    continue;
                }
                ctx.out << "CRON_TZ=" << job.time_zone << "\n"
                        << *fields << " cd " << shell_word(inv.working_dir) << " && "
                        << shell_word(inv.binary);
                for (const auto& [option, path] : inv.global_options)
                    ctx.out << " " << option << " " << shell_word(path);
                ctx.out << " jobs run " << job.name << " --jobs " << shell_word(inv.jobs_dir)
                        << "\n";
            }
        }
        return k_exit_ok;
    }
    const std::filesystem::path dir = cl.get("systemd");
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
        throw IoError("cannot create " + dir.string() + ": " + ec.message());
    std::string options;
    for (const auto& [option, path] : inv.global_options)
        options += " " + option + " " + systemd_word(path);
    for (const auto& job : all) {
        const std::string description =
            "Homeroom job " + job.name + (job.description.empty() ? "" : ": " + job.description);
        write_text(
            dir / (job.name + ".service"),
            "# Written by homeroom jobs install; change " + job.file +
                " and install again rather than editing this file.\n"
                "[Unit]\n"
                "Description=" +
                systemd_text(description) + "\n\n[Service]\nType=oneshot\nWorkingDirectory=" +
                systemd_word(inv.working_dir) + "\nExecStart=" + systemd_word(inv.binary) +
                options + " jobs run " + job.name + " --jobs " + systemd_word(inv.jobs_dir) + "\n");
        ctx.out << "wrote " << (dir / (job.name + ".service")).string() << "\n";
        if (job.schedules.empty())
            continue;
        std::string timer =
            "# Written by homeroom jobs install.\n[Unit]\nDescription=Schedule of " +
            systemd_text(description) + "\n\n[Timer]\n";
        for (const auto& s : job.schedules)
            for (const auto& line : jobs::to_on_calendar(s, job.time_zone))
                timer += "OnCalendar=" + line + "\n";
        // A run missed while the machine was off happens at the next boot.
        timer += "Persistent=true\n\n[Install]\nWantedBy=timers.target\n";
        write_text(dir / (job.name + ".timer"), timer);
        ctx.out << "wrote " << (dir / (job.name + ".timer")).string() << "\n";
    }
    return k_exit_ok;
}

int check(CommandContext& ctx, const CommandLine& cl) {
    const auto all = load(ctx, cl);
    ctx.out << all.size() << (all.size() == 1 ? " job" : " jobs") << " valid\n";
    return k_exit_ok;
}

}  // namespace

int run_jobs(CommandContext& ctx, const std::vector<std::string>& args) {
    CommandLine cl("jobs", "list | run NAME | history [NAME] | install | check",
                   "Scheduled jobs defined in jobs/*.ini. list: each job with its next run; "
                   "run NAME: its steps in order under a lock (exit 75 when it is already "
                   "running), resuming a crashed run; history: the run ledger; install "
                   "--systemd DIR: a .service and .timer per job; install --cron: crontab "
                   "lines; check: validate the job files.");
    cl.value("jobs", "DIR", "the job files' folder (default [jobs] dir, else jobs)")
        .flag("json", "run: print a machine-readable run summary on stdout")
        .value("systemd", "DIR", "install: write systemd units into DIR")
        .flag("cron", "install: print crontab lines")
        .value("limit", "N", "history: runs to show (default 20)")
        .value("now", "YYYY-MM-DDTHH:MM:SSZ", "list: compute next runs after this instant");
    if (!cl.parse(args, ctx.out))
        return k_exit_ok;
    const std::string sub = cl.positional().empty() ? "list" : cl.positional().front();
    if (sub == "list")
        return list_jobs(ctx, cl);
    if (sub == "run")
        return run_one(ctx, cl);
    if (sub == "history")
        return history(ctx, cl);
    if (sub == "install")
        return install(ctx, cl);
    if (sub == "check")
        return check(ctx, cl);
    throw UsageError("homeroom jobs: unknown action \"" + sub +
                     "\" (list, run, history, install or check)");
}

}  // namespace homeroom::app
