// homeroom sample-data --students N --schools M --seed S --out DIR
#include "app/command.h"
#include "app/command_line.h"
#include "app/exit_codes.h"
#include "app/progress_line.h"
#include "core/errors.h"
#include "sample/sample_district.h"

namespace homeroom::app {

// Shared with `demo`: writes a sample bundle with progress and prints what it wrote.
void write_sample_with_report(CommandContext& ctx, const sample::SampleOptions& options,
                              const std::filesystem::path& out) {
    ProgressLine progress(ctx.err, ctx.terminal);
    const auto summary =
        sample::write_sample_district(options, out, [&](std::size_t done, std::size_t total) {
            progress.update("  generating: " + std::to_string(done) + " of " +
                            std::to_string(total));
        });
    progress.done("wrote sample district (" + std::to_string(options.students) + " students, " +
                  std::to_string(options.schools) + " schools, seed " +
                  std::to_string(options.seed) + ", as of " + options.as_of.to_string() + ") to " +
                  out.string() + ": " + with_thousands(summary.total_rows()) + " rows");
}

int run_sample_data(CommandContext& ctx, const std::vector<std::string>& args) {
    CommandLine cl("sample-data", "",
                   "Write a realistic, deterministic sample district as a native CSV bundle or a "
                   "OneRoster 1.1 export. "
                   "The same options always give the same bytes.");
    cl.value("students", "N", "number of students (default 2000)")
        .value("schools", "M", "number of schools (default 6)")
        .value("seed", "S", "random seed (default 1)")
        .value("as-of", "YYYY-MM-DD",
               "last day of data, within the 2025-26 school year (default 2026-06-12)")
        .value("out", "DIR", "folder to write (default output/sample)")
        .value("format", "native|oneroster",
               "native: the CSV bundle of docs/data-format.md (default); oneroster: a OneRoster "
               "1.1 bulk export plus the native files for what OneRoster does not carry "
               "(docs/oneroster.md; no marks)");
    if (!cl.parse(args, ctx.out))
        return k_exit_ok;
    if (!cl.positional().empty())
        throw UsageError("homeroom sample-data: unexpected argument \"" + cl.positional().front() +
                         "\" (see homeroom sample-data --help)");
    sample::SampleOptions options;
    options.students = static_cast<int>(cl.get_int("students", options.students, 1, 2000000));
    options.schools = static_cast<int>(cl.get_int("schools", options.schools, 1, 5000));
    options.seed = static_cast<std::uint64_t>(cl.get_int("seed", 1, 0, INT64_MAX));
    if (auto d = cl.get_date("as-of"))
        options.as_of = *d;
    const std::string format = cl.get("format", "native");
    if (format == "oneroster")
        options.format = sample::SampleFormat::oneroster;
    else if (format != "native")
        throw UsageError("homeroom sample-data: --format must be native or oneroster (got \"" +
                         format + "\")");
    write_sample_with_report(ctx, options, cl.get("out", "output/sample"));
    return k_exit_ok;
}

}  // namespace homeroom::app
