// Times `import` of the same generated district (default: 50,000 students, 100 schools, a full
// school year) from its native bundle and from its OneRoster 1.1 form (`sample-data --format
// oneroster`: the export plus the native files beside it), each into a fresh SQLite file in its
// own process, and prints time and peak memory side by side.
//
//   build/bench/oneroster_import_bench [--students N] [--schools M] [--dir DIR]
//
// Target (issue 16): the OneRoster form in at most 1.5x the native time, under 500 MB peak.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "app/import_bundle.h"
#include "child_process.h"
#include "sample/sample_district.h"
#include "store/database.h"

namespace fs = std::filesystem;
using namespace homeroom;

namespace {

struct Timing {
    double seconds = 0, peak_mb = 0;
    std::size_t rows = 0;
};

// Imports `bundle` in a child process (so each side's peak is its own) and reads its figures
// back from a small file the child writes.
bool timed_import(const fs::path& bundle, const fs::path& db_path, Date as_of, Timing& out) {
    const fs::path figures = db_path.string() + ".figures";
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_path.string() + suffix);
    const bool ok = bench::in_child("oneroster_import_bench", [&] {
        const auto start = std::chrono::steady_clock::now();
        app::ImportOutcome outcome;
        {
            store::Database db(db_path);
            outcome = app::import_bundle(db, bundle, as_of, false);
        }
        const double seconds = bench::seconds_since(start);
        if (outcome.result != app::ImportResult::applied) {
            std::fprintf(stderr, "oneroster_import_bench: import of %s failed:\n%s", bundle.c_str(),
                         outcome.diagnostics.format(20).c_str());
            return false;
        }
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        std::FILE* f = std::fopen(figures.c_str(), "w");
        if (!f)
            return false;
        std::fprintf(f, "%.3f %.1f %zu\n", seconds, static_cast<double>(usage.ru_maxrss) / 1024.0,
                     outcome.counts.total_rows());
        return std::fclose(f) == 0;
    });
    if (!ok)
        return false;
    std::FILE* f = std::fopen(figures.c_str(), "r");
    if (!f)
        return false;
    const bool read = std::fscanf(f, "%lf %lf %zu", &out.seconds, &out.peak_mb, &out.rows) == 3;
    std::fclose(f);
    fs::remove(figures);
    return read;
}

}  // namespace

int main(int argc, char** argv) {
    sample::SampleOptions options;
    options.students = 50000;
    options.schools = 100;
    fs::path dir = "output/bench/oneroster-import";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--students"))
            options.students = std::atoi(argv[i + 1]);
        if (!std::strcmp(argv[i], "--schools"))
            options.schools = std::atoi(argv[i + 1]);
        if (!std::strcmp(argv[i], "--dir"))
            dir = argv[i + 1];
    }
    const fs::path native = dir / "native", oneroster = dir / "oneroster";
    const auto gen_start = std::chrono::steady_clock::now();
    const bool generated = bench::in_child("oneroster_import_bench", [&] {
        fs::remove_all(native);
        fs::remove_all(oneroster);
        sample::write_sample_district(options, native);
        sample::SampleOptions as_oneroster = options;
        as_oneroster.format = sample::SampleFormat::oneroster;
        sample::write_sample_district(as_oneroster, oneroster);
        return true;
    });
    if (!generated) {
        std::fprintf(stderr, "oneroster_import_bench: generating the district failed\n");
        return 1;
    }
    std::printf("district: %d students, %d schools, as of %s (both forms generated in %.1f s)\n",
                options.students, options.schools, options.as_of.to_string().c_str(),
                bench::seconds_since(gen_start));

    Timing n, o;
    if (!timed_import(native, dir / "native.db", options.as_of, n) ||
        !timed_import(oneroster, dir / "oneroster.db", options.as_of, o))
        return 1;
    std::printf("%-10s %12s %10s %12s %10s\n", "form", "rows", "seconds", "rows/s", "peak MB");
    for (const auto& [name, t] : {std::pair{"native", n}, std::pair{"oneroster", o}})
        std::printf("%-10s %12zu %10.2f %12.0f %10.0f\n", name, t.rows, t.seconds,
                    static_cast<double>(t.rows) / t.seconds, t.peak_mb);
    const double ratio = o.seconds / n.seconds;
    std::printf(
        "oneroster / native time: %.2fx (the native bundle also holds marks, which the "
        "OneRoster form does not carry yet)\n",
        ratio);
    std::printf("target: at most 1.5x and < 500 MB: %s\n",
                ratio <= 1.5 && o.peak_mb < 500 ? "met" : "NOT met");
    return 0;
}
