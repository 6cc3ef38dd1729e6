// homeroom import DIR --as-of YYYY-MM-DD
#include <chrono>
#include <optional>

#include "app/command.h"
#include "app/command_line.h"
#include "app/exit_codes.h"
#include "app/import_bundle.h"
#include "app/progress_line.h"
#include "core/errors.h"
#include "ingest/zip_export.h"

namespace homeroom::app {

// Shared with `demo`: runs one import with progress and prints its diagnostics and outcome.
namespace {

// `shown` names the input in the outcome (the .zip for an extracted archive).
int import_in_format(CommandContext& ctx, store::Database& db, const std::filesystem::path& dir,
                     Date as_of, bool dry_run, std::size_t max_errors, BundleFormat format,
                     const std::filesystem::path& shown) {
    const auto started = std::chrono::steady_clock::now();
    ProgressLine progress(ctx.err, ctx.terminal);
    format = resolve_format(dir, format);
    ImportOutcome outcome = import_bundle(
        db, dir, as_of, dry_run,
        [&](const std::string& file, std::size_t rows, bool finished) {
            const std::string text = "  " + file + ": " + with_thousands(rows) + " rows";
            if (finished)
                progress.done(text);
            else
                progress.update(text);
        },
        format);
    const std::string source =
        (format == BundleFormat::oneroster ? "the OneRoster export " : "") + shown.string();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const auto& diags = outcome.diagnostics;
    if (!diags.items().empty())
        ctx.err << diags.format(max_errors);

    char timing[64];
    std::snprintf(timing, sizeof timing, "%.1f s", seconds);
    const std::string rows = with_thousands(outcome.counts.total_rows());
    switch (outcome.result) {
        case ImportResult::unchanged:
            ctx.out << "unchanged: the snapshot of " << as_of.to_string()
                    << " already holds this bundle; nothing to do\n";
            return k_exit_ok;
        case ImportResult::refused:
            throw DataError("import refused: " + with_thousands(diags.error_count()) +
                            (diags.error_count() == 1 ? " error" : " errors") + " in " + source +
                            "; nothing was applied");
        case ImportResult::validated:
            ctx.out << "dry run: " << rows << " rows in " << source
                    << " are valid; nothing was applied (" << timing << ")\n";
            return k_exit_ok;
        case ImportResult::applied:
        case ImportResult::replaced:
            ctx.out << (outcome.result == ImportResult::replaced ? "replaced" : "imported")
                    << " snapshot " << as_of.to_string() << ": " << rows << " rows from " << source
                    << " into " << db.path().string() << " (" << timing;
            if (diags.warning_count() > 0)
                ctx.out << ", " << diags.warning_count()
                        << (diags.warning_count() == 1 ? " warning" : " warnings");
            ctx.out << ")\n";
            return k_exit_ok;
    }
    return k_exit_software;
}

}  // namespace

// Shared with `demo` and the jobs: the format is chosen by the folder (resolve_format).
int import_with_report(CommandContext& ctx, store::Database& db, const std::filesystem::path& dir,
                       Date as_of, bool dry_run, std::size_t max_errors) {
    return import_in_format(ctx, db, dir, as_of, dry_run, max_errors, BundleFormat::automatic, dir);
}

int run_import(CommandContext& ctx, const std::vector<std::string>& args) {
    CommandLine cl("import", "DIR|EXPORT.zip",
                   "Validate the bundle in DIR and store it as the snapshot of the --as-of date. "
                   "The format is chosen by the folder: one with a manifest.csv is read as a "
                   "OneRoster 1.1 CSV export (docs/oneroster.md), as is a .zip holding one, any "
                   "other as the native CSV "
                   "bundle (docs/data-format.md); --format forces one. All or nothing: any error "
                   "applies nothing and is printed as FILE:LINE:COLUMN: error: MESSAGE (exit 65).");
    cl.value("as-of", "YYYY-MM-DD", "the date the bundle describes (required)", true)
        .value("format", "native|oneroster",
               "read DIR in this format (default: oneroster if DIR has a manifest.csv, else "
               "native)")
        .value("max-errors", "N", "print at most N diagnostics (default 50)")
        .flag("dry-run", "validate everything, apply nothing");
    if (!cl.parse(args, ctx.out))
        return k_exit_ok;
    if (cl.positional().size() != 1)
        throw UsageError(
            "homeroom import: expected one bundle folder (see homeroom import --help)");
    const auto as_of = *cl.get_date("as-of");
    const auto max_errors = static_cast<std::size_t>(cl.get_int("max-errors", 50, 1, 1000000));
    const std::filesystem::path input = cl.positional().front();
    std::optional<ingest::ZipExport> zip;
    if (ingest::is_zip_export(input))
        zip.emplace(input);  // its CSV files in a private temporary folder, removed afterwards
    const std::filesystem::path dir = zip ? zip->dir() : input;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        throw NoInputError("cannot read bundle " + dir.string() + ": no such folder");
    BundleFormat format = BundleFormat::automatic;
    if (cl.has("format")) {
        const std::string f = cl.get("format");
        if (f == "native")
            format = BundleFormat::native;
        else if (f == "oneroster")
            format = BundleFormat::oneroster;
        else
            throw UsageError("homeroom import: --format \"" + f +
                             "\" is not one of: native, oneroster");
    }
    store::Database db(ctx.db_path);
    return import_in_format(ctx, db, dir, as_of, cl.has("dry-run"), max_errors, format, input);
}

}  // namespace homeroom::app
