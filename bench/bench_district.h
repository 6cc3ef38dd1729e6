// The district the site and PDF benchmarks build: generated and imported into DIR/bench.db in a
// child process (its memory is not the build's), or reused from an earlier run.
#pragma once

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "app/import_bundle.h"
#include "child_process.h"
#include "sample/sample_district.h"
#include "store/database.h"

namespace homeroom::bench {

// Returns DIR/bench.db, or an empty path when preparing failed (said on stderr).
inline std::filesystem::path prepare_district(const char* program,
                                              const sample::SampleOptions& options,
                                              const std::filesystem::path& dir, bool reuse) {
    const auto bundle = dir / "bundle", db_path = dir / "bench.db";
    const auto start = std::chrono::steady_clock::now();
    const bool prepared = (reuse && std::filesystem::exists(db_path)) || in_child(program, [&] {
                              sample::write_sample_district(options, bundle);
                              for (const char* suffix : {"", "-wal", "-shm"})
                                  std::filesystem::remove(db_path.string() + suffix);
                              store::Database db(db_path);
                              return app::import_bundle(db, bundle, options.as_of, false).result ==
                                     app::ImportResult::applied;
                          });
    if (!prepared) {
        std::fprintf(stderr, "%s: preparing the district failed\n", program);
        return {};
    }
    std::printf("district: %d students, %d schools, as of %s (generated and imported in %.1f s)\n",
                options.students, options.schools, options.as_of.to_string().c_str(),
                seconds_since(start));
    return db_path;
}

}  // namespace homeroom::bench
