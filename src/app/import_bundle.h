// Import = validate the bundle while writing it into one snapshot transaction, then commit
// only if no error was found. Shared by `import`, `demo` and the import benchmark.
#pragma once

#include <cstdint>
#include <filesystem>

#include "core/date.h"
#include "core/diagnostics.h"
#include "ingest/native_bundle.h"
#include "ingest/oneroster_bundle.h"
#include "store/database.h"

namespace homeroom::app {

enum class ImportResult { applied, replaced, unchanged, refused, validated };

struct ImportOutcome {
    ImportResult result = ImportResult::refused;
    ingest::BundleCounts counts;
    Diagnostics diagnostics;
    std::int64_t snapshot_id = 0;
};

// Which reader takes the folder: `automatic` reads a folder with a `manifest.csv` as a
// OneRoster export (docs/oneroster.md) and any other as the native bundle.
enum class BundleFormat { automatic, native, oneroster };

// The reader `format` means for `dir` (never `automatic`).
BundleFormat resolve_format(const std::filesystem::path& dir, BundleFormat format);

// With `dry_run` everything is validated and written inside the transaction, then rolled back.
ImportOutcome import_bundle(store::Database& db, const std::filesystem::path& dir, Date as_of,
                            bool dry_run, const ingest::ImportProgress& progress = {},
                            BundleFormat format = BundleFormat::automatic);

}  // namespace homeroom::app
