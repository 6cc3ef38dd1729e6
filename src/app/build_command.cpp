// homeroom build [--out DIR] [--as-of DATE] [--threads N] [--pdf]
#include <chrono>

#include "app/command.h"
#include "app/command_line.h"
#include "app/config_values.h"
#include "app/exit_codes.h"
#include "app/progress_line.h"
#include "app/resource_paths.h"
#include "app/site_localizers.h"
#include "core/errors.h"
#include "site/private_token.h"
#include "site/site_builder.h"
#include "store/settings_repository.h"
#include "store/snapshot_repository.h"

namespace homeroom::app {

namespace {

int build_and_report(CommandContext& ctx, store::Database& db, const std::filesystem::path& out,
                     std::optional<Date> as_of, unsigned threads, bool pdf) {
    const store::SnapshotRepository snapshots(db);
    const auto snapshot = as_of ? snapshots.find(*as_of) : snapshots.latest();
    if (!snapshot)
        throw NoInputError(as_of ? "no snapshot of " + as_of->to_string() + " in " +
                                       db.path().string() + " (see homeroom snapshots)"
                                 : "no snapshot in " + db.path().string() +
                                       " (import a bundle first)");

    site::SiteOptions options;
    options.out_dir = out;
    options.threads = threads;
    options.templates_dir = find_resource_dir(ctx.config.getString("site.templates", ""),
                                              "templates", "student.mustache");
    options.district_name = ctx.config.getString("site.district_name", options.district_name);
    options.secret = ctx.config.getString("site.secret", "");
    options.pdf = pdf;
    options.paper = render::parse_paper(ctx.config.getString("pdf.paper", "letter"));
    if (options.secret.empty())
        options.secret =
            store::SettingsRepository(db).get_or_create("site.secret", site::random_secret());

    const SiteLocalizers localizers = load_site_localizers(
        ctx,
        find_resource_dir(ctx.config.getString("site.locales", ""), "locales", "messages.pot"));

    ProgressLine progress(ctx.err, ctx.terminal);
    options.progress = [&](const std::string& stage, std::size_t done, std::size_t total) {
        progress.update("  " + stage + ": " + with_thousands(done) + " of " +
                        with_thousands(total));
    };
    const auto started = std::chrono::steady_clock::now();
    const auto report = site::build_site(db, *snapshot, options, *localizers.set);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    char timing[32];
    std::snprintf(timing, sizeof timing, "%.1f s", seconds);
    progress.done("");
    ctx.out << "built site for " << snapshot->as_of.to_string() << " in " << out.string() << ": "
            << with_thousands(report.student_pages) << " student pages ("
            << with_thousands(report.students) << " students), "
            << with_thousands(report.class_pages) << " class pages, "
            << with_thousands(report.partner_pages) << " partner pages, "
            << with_thousands(report.public_pages) << " public files; "
            << with_thousands(report.files_written) << " written, "
            << with_thousands(report.files_unchanged) << " unchanged, "
            << with_thousands(report.files_removed) << " out of date removed (" << timing << ")\n";
    if (pdf)
        ctx.out << "PDFs: " << with_thousands(report.student_pdfs) << " student reports, "
                << with_thousands(report.public_pdfs) << " report cards and summaries, "
                << with_thousands(report.print_batches) << " print batches ("
                << with_thousands(report.batch_reports) << " mailed reports)\n";
    // Characters no installed font has print as boxes: the build goes on, and says where.
    constexpr std::size_t k_max_warnings = 100;
    for (std::size_t i = 0; i < report.warnings.size() && i < k_max_warnings; ++i)
        ctx.err << "warning: " << report.warnings[i] << "\n";
    if (report.warnings.size() > k_max_warnings)
        ctx.err << "... and " << with_thousands(report.warnings.size() - k_max_warnings)
                << " more warnings\n";
    if (!report.warnings.empty())
        ctx.out << with_thousands(report.warnings.size())
                << (report.warnings.size() == 1 ? " warning" : " warnings")
                << ": characters no installed font can draw print as boxes (see above)\n";
    return k_exit_ok;
}

}  // namespace

// Shared with `demo` and the job runner: PDFs when `pdf` says so, else when the configuration
// says [pdf] enabled.
int build_with_report(CommandContext& ctx, store::Database& db, const std::filesystem::path& out,
                      std::optional<Date> as_of, unsigned threads, std::optional<bool> pdf) {
    return build_and_report(ctx, db, out, as_of, threads,
                            pdf.value_or(config_bool(ctx.config, "pdf.enabled", false)));
}

int run_build(CommandContext& ctx, const std::vector<std::string>& args) {
    CommandLine cl("build", "",
                   "Build the static site from a snapshot: public report cards and district "
                   "summary (aggregates only, small cells suppressed) and private progress and "
                   "class pages under opaque paths.");
    cl.value("out", "DIR", "where the site goes (default output/site)")
        .value("as-of", "YYYY-MM-DD", "the snapshot to build (default: the latest)")
        .value("threads", "N", "worker threads (default: one per core)")
        .flag("pdf",
              "also write PDFs: student reports, report cards, district summary and one print "
              "batch per school (paper from [pdf] paper: letter or a4)");
    if (!cl.parse(args, ctx.out))
        return k_exit_ok;
    if (!cl.positional().empty())
        throw UsageError("homeroom build: unexpected argument \"" + cl.positional().front() + "\"");
    store::Database db(ctx.db_path);
    return build_and_report(ctx, db, cl.get("out", ctx.config.getString("site.out", "output/site")),
                            cl.get_date("as-of"),
                            static_cast<unsigned>(cl.get_int("threads", 0, 0, 256)),
                            cl.has("pdf") || config_bool(ctx.config, "pdf.enabled", false));
}

}  // namespace homeroom::app
