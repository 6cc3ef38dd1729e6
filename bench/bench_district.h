// The district the site and PDF benchmarks build: generated and imported into DIR/bench.db in a
// child process (its memory is not the build's), or reused from an earlier run.
#pragma once

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "app/import_bundle.h"
#include "child_process.h"
#include "core/diagnostics.h"
#include "render/catalog_localizer.h"
#include "sample/sample_district.h"
#include "site/site_builder.h"
#include "store/database.h"
#include "store/snapshot_repository.h"

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

// One timed `build_site` of the newest snapshot, with this process's CPU and peak memory after it.
struct TimedBuild {
    site::SiteReport report;
    double seconds = 0, user = 0, system = 0, peak_mb = 0;
    double cpu() const { return user + system; }
};

// `options` says where the site goes and what it holds (out_dir, threads, pdf, paper); the
// shipped templates and catalogs of the source tree and the benchmark's secret are filled in.
inline TimedBuild timed_build(store::Database& db, site::SiteOptions options) {
    const std::filesystem::path source = HOMEROOM_SOURCE_DIR;
    const auto snapshot = *store::SnapshotRepository(db).latest();
    Diagnostics diags;
    const auto localizers = render::CatalogLocalizerSet::load(source / "locales", diags);
    options.templates_dir = source / "templates";
    options.secret = "bench";
    TimedBuild t;
    const auto start = std::chrono::steady_clock::now();
    t.report = site::build_site(db, snapshot, options, *localizers);
    t.seconds = seconds_since(start);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds_of = [](const timeval& tv) {
        return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) / 1e6;
    };
    t.user = seconds_of(usage.ru_utime);
    t.system = seconds_of(usage.ru_stime);
    t.peak_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
    return t;
}

}  // namespace homeroom::bench
