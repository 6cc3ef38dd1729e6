// homeroom demo: the whole product on a generated district, in one command.
#include <Poco/AutoPtr.h>
#include <Poco/Util/LayeredConfiguration.h>
#include <Poco/Util/MapConfiguration.h>

#include "app/command.h"
#include "app/command_line.h"
#include "app/exit_codes.h"
#include "app/job_runner.h"
#include "app/progress_line.h"
#include "sample/sample_district.h"
#include "store/snapshot_repository.h"

namespace homeroom::app {

void write_sample_with_report(CommandContext& ctx, const sample::SampleOptions& options,
                              const std::filesystem::path& out);
int import_with_report(CommandContext& ctx, store::Database& db, const std::filesystem::path& dir,
                       Date as_of, bool dry_run, std::size_t max_errors);

namespace {

// The demo's job: what the shipped nightly, weekly-digest and partner-extract jobs do, in a row.
jobs::Job demo_job(const std::filesystem::path& out) {
    jobs::Job job;
    job.name = "demo";
    job.description = "the whole product on the demo district";
    jobs::JobStep import;
    import.number = 1;
    import.action = jobs::StepAction::import_bundle;
    import.from = out / "sample";
    jobs::JobStep build;
    build.number = 2;
    build.action = jobs::StepAction::build;
    build.out = (out / "site").string();
    jobs::JobStep notify;
    notify.number = 3;
    notify.action = jobs::StepAction::notify;
    notify.channel = Channel::email;
    notify.week = "current";
    jobs::JobStep texts = notify;
    texts.number = 4;
    texts.channel = Channel::sms;
    jobs::JobStep extracts;
    extracts.number = 5;
    extracts.action = jobs::StepAction::export_extracts;
    extracts.partner = "all";
    extracts.out = (out / "exports").string();
    job.steps = {import, build, notify, texts, extracts};
    return job;
}

}  // namespace

int run_demo(CommandContext& ctx, const std::vector<std::string>& args) {
    CommandLine cl(
        "demo", "",
        "Generate a sample district, import it as two weekly snapshots and run every "
        "later stage on it as the job \"demo\" (import, build, weekly email and SMS "
        "digests to files, partner extracts), through the same runner as homeroom jobs run. Safe "
        "to run again: unchanged data is not re-imported, no digest is sent twice.");
    cl.value("students", "N", "number of students (default 2000)")
        .value("schools", "M", "number of schools (default 6)")
        .value("seed", "S", "random seed (default 1)")
        .value("out", "DIR", "where generated files go (default output)");
    if (!cl.parse(args, ctx.out))
        return k_exit_ok;
    const std::filesystem::path out = cl.get("out", "output");

    sample::SampleOptions options;
    options.students = static_cast<int>(cl.get_int("students", options.students, 1, 2000000));
    options.schools = static_cast<int>(cl.get_int("schools", options.schools, 1, 5000));
    options.seed = static_cast<std::uint64_t>(cl.get_int("seed", 1, 0, INT64_MAX));
    const Date this_week = options.as_of;
    const Date last_week = this_week.plus_days(-7);

    // Last week's snapshot is imported directly (the "before" of this week's digests); this
    // week's bundle goes to a drop folder and everything after it runs as a job, through the
    // same runner, ledger and lock as `homeroom jobs run`.
    const auto drop = out / "sample";
    {
        store::Database db(ctx.db_path);
        options.as_of = last_week;
        ctx.err << "[demo] sample district as of " << last_week.to_string() << "\n";
        write_sample_with_report(ctx, options, drop / last_week.to_string());
        const int rc =
            import_with_report(ctx, db, drop / last_week.to_string(), last_week, false, 50);
        if (rc != k_exit_ok)
            return rc;
    }
    options.as_of = this_week;
    ctx.err << "[demo] sample district as of " << this_week.to_string() << "\n";
    write_sample_with_report(ctx, options, drop / this_week.to_string());

    // A demo mails and texts nobody: digests are written as files whatever the config says.
    Poco::AutoPtr<Poco::Util::MapConfiguration> demo_settings(new Poco::Util::MapConfiguration);
    demo_settings->setString("email.transport", "file");
    demo_settings->setString("email.outbox_dir", (out / "outbox").string());
    demo_settings->setString("sms.transport", "file");
    demo_settings->setString("sms.outbox_dir", (out / "sms").string());
    // Texts are written at once, whatever the hour the demo runs at.
    demo_settings->setString("sms.quiet_start", "00:00");
    demo_settings->setString("sms.quiet_end", "00:00");
    Poco::AutoPtr<Poco::Util::LayeredConfiguration> config(new Poco::Util::LayeredConfiguration);
    config->add(demo_settings, -100);
    config->add(Poco::AutoPtr<Poco::Util::AbstractConfiguration>(
                    const_cast<Poco::Util::AbstractConfiguration*>(&ctx.config), true),
                0);
    CommandContext demo_ctx{*config, ctx.db_path, ctx.out, ctx.err, ctx.terminal, ctx.config_file};
    const jobs::Job job = demo_job(out);
    const auto summary = run_job(demo_ctx, job);
    if (summary.exit_code != k_exit_ok)
        return summary.exit_code;

    store::Database db(ctx.db_path);
    const store::SnapshotRepository snapshots(db);
    const auto latest = snapshots.latest();

    ctx.out << "\nHomeroom demo ready.\n"
            << "  database   " << db.path().string() << " (" << snapshots.list().size()
            << " snapshots, latest " << latest->as_of.to_string() << ": "
            << with_thousands(
                   static_cast<std::size_t>(snapshots.count_rows(latest->id, "students")))
            << " students in " << snapshots.count_rows(latest->id, "schools") << " schools)\n"
            << "  bundles    " << (out / "sample").string() << "/<date>/*.csv\n"
            << "  public     " << (out / "site" / "public" / "index.html").string()
            << " (report cards, district summary)\n"
            << "  private    " << (out / "site" / "private").string()
            << "/ (progress and class pages; serve behind a login)\n"
            << "  digests    " << (out / "outbox").string()
            << "/*.eml (this week's parent emails; homeroom outbox lists them)\n"
            << "  texts      " << (out / "sms").string()
            << "/*.txt (the text of this week's SMS digests)\n"
            << "  extracts   " << (out / "exports").string()
            << "/<partner>/<date>/ (partner data; homeroom disclosures --partner ID)\n"
            << "  job        homeroom jobs history demo (the run and its steps)\n"
            << "  try        homeroom snapshots; sqlite3 " << db.path().string()
            << " 'SELECT * FROM schools'\n";
    return k_exit_ok;
}

}  // namespace homeroom::app
