// Times `import` of a generated district (default: 50,000 students, 100 schools, a full school
// year) into a fresh SQLite file and prints rows/s and peak memory.
//
//   build/bench/import_bench [--students N] [--schools M] [--dir DIR]
//
// Target (issue "Foundation"): under 20 s and under 500 MB peak on a 2-core machine.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "app/import_bundle.h"
#include "sample/sample_district.h"
#include "store/database.h"

namespace fs = std::filesystem;
using namespace homeroom;

int main(int argc, char** argv) {
    sample::SampleOptions options;
    options.students = 50000;
    options.schools = 100;
    fs::path dir = "output/bench/import";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--students"))
            options.students = std::atoi(argv[i + 1]);
        if (!std::strcmp(argv[i], "--schools"))
            options.schools = std::atoi(argv[i + 1]);
        if (!std::strcmp(argv[i], "--dir"))
            dir = argv[i + 1];
    }
    const fs::path bundle = dir / "bundle";
    const fs::path db_path = dir / "bench.db";

    // Generate in a child process so its memory does not count as the import's peak.
    const auto gen_start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        sample::write_sample_district(options, bundle);
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::fprintf(stderr, "import_bench: generating the district failed\n");
        return 1;
    }
    const double gen_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - gen_start).count();

    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_path.string() + suffix);
    const auto start = std::chrono::steady_clock::now();
    app::ImportOutcome outcome;
    {
        store::Database db(db_path);
        outcome = app::import_bundle(db, bundle, options.as_of, false);
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (outcome.result != app::ImportResult::applied) {
        std::fprintf(stderr, "import_bench: import failed:\n%s",
                     outcome.diagnostics.format(20).c_str());
        return 1;
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double peak_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
    const auto rows = outcome.counts.total_rows();

    std::printf("district: %d students, %d schools, as of %s (generated in %.1f s)\n",
                options.students, options.schools, options.as_of.to_string().c_str(), gen_seconds);
    for (const auto& [file, n] : outcome.counts.rows_per_file)
        std::printf("  %-26s %10zu rows\n", file.c_str(), n);
    std::printf("import: %zu rows in %.2f s = %.0f rows/s; peak memory %.0f MB\n", rows, seconds,
                static_cast<double>(rows) / seconds, peak_mb);
    std::printf("target: < 20 s and < 500 MB: %s\n",
                seconds < 20 && peak_mb < 500 ? "met" : "NOT met");
    return 0;
}
