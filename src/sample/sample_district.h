// `homeroom sample-data`: a realistic, deterministic sample district as a native CSV bundle.
// The same options give the same bytes on every platform (the generator has its own random
// numbers), and a later as-of date with the same seed extends an earlier snapshot: the same
// students, the same days absent, the same incidents, plus what happened since.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/record_sink.h"

namespace homeroom::sample {

enum class SampleFormat {
    native,     // docs/data-format.md
    oneroster,  // a OneRoster 1.1 bulk export plus the native files beside it (docs/oneroster.md)
};

struct SampleOptions {
    int students = 2000;  // everyone enrolled at some time in the school year; students who
                          // enter after as_of are not in the bundle yet
    int schools = 6;
    std::uint64_t seed = 1;
    // Data runs from the first school day to as_of. The school year is the latest one that has
    // started by as_of (2025-26: 2025-08-25 to 2026-06-12); after its last day, the whole year.
    Date as_of = Date::from_ymd(2026, 6, 12);
    SampleFormat format = SampleFormat::native;
};

struct SampleSummary {
    std::vector<std::pair<std::string, std::size_t>> rows_per_file;  // bundle order
    std::size_t total_rows() const;
};

using SampleProgress = std::function<void(std::size_t done, std::size_t total)>;

// Writes the whole bundle (native or OneRoster, options.format) into out_dir (created if missing).
// Throws UsageError for options out of range, IoError("cannot write PATH: why") when a file cannot
// be written. `progress(done, total)` is called once per school (done = schools finished); may be
// empty.
SampleSummary write_sample_district(const SampleOptions& options,
                                    const std::filesystem::path& out_dir,
                                    const SampleProgress& progress = {});

// The same district as records: first the schools, marking periods, partners and agreements,
// then school by school, so that every record arrives after those it refers to. Holds one
// school in memory at a time.
void generate_sample_district(const SampleOptions& options, RecordSink& sink,
                              const SampleProgress& progress = {});

}  // namespace homeroom::sample
