// homeroom demo: the whole product on a generated district, in one command.
#include "app/command.h"
#include "app/command_line.h"
#include "app/exit_codes.h"
#include "app/notify_run.h"
#include "app/progress_line.h"
#include "sample/sample_district.h"
#include "store/snapshot_repository.h"

namespace homeroom::app {

void write_sample_with_report(CommandContext& ctx, const sample::SampleOptions& options,
                              const std::filesystem::path& out);
int import_with_report(CommandContext& ctx, store::Database& db, const std::filesystem::path& dir,
                       Date as_of, bool dry_run, std::size_t max_errors);
int build_with_report(CommandContext& ctx, store::Database& db, const std::filesystem::path& out,
                      std::optional<Date> as_of, unsigned threads);

int run_demo(CommandContext& ctx, const std::vector<std::string>& args) {
    CommandLine cl("demo", "",
                   "Generate a sample district, import it as two weekly snapshots and run every "
                   "later stage on it. Safe to run again: unchanged data is not re-imported.");
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

    store::Database db(ctx.db_path);
    for (const Date as_of : {last_week, this_week}) {
        options.as_of = as_of;
        const auto bundle = out / "sample" / as_of.to_string();
        ctx.err << "[demo] sample district as of " << as_of.to_string() << "\n";
        write_sample_with_report(ctx, options, bundle);
        ctx.err << "[demo] import " << bundle.string() << "\n";
        const int rc = import_with_report(ctx, db, bundle, as_of, false, 50);
        if (rc != k_exit_ok)
            return rc;
    }

    ctx.err << "[demo] build the site\n";
    const int built = build_with_report(ctx, db, out / "site", std::nullopt, 0);
    if (built != k_exit_ok)
        return built;

    const store::SnapshotRepository snapshots(db);
    const auto latest = snapshots.latest();

    // The week's digests, "sent" as files whatever the config says: a demo mails nobody.
    ctx.err << "[demo] weekly digests\n";
    NotifyRequest digests;
    digests.week = latest->as_of;
    digests.transport = "file";
    digests.outbox_dir = out / "outbox";
    const int notified = notify_with_report(ctx, db, digests);
    if (notified != k_exit_ok)
        return notified;

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
            << "  try        homeroom snapshots; sqlite3 " << db.path().string()
            << " 'SELECT * FROM schools'\n";
    return k_exit_ok;
}

}  // namespace homeroom::app
