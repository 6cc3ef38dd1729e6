// Import = validate the bundle while writing it into one snapshot transaction, then commit
// only if no error was found. Shared by `import`, `demo` and the import benchmark.
#pragma once

#include <cstdint>
#include <filesystem>

#include "core/date.h"
#include "core/diagnostics.h"
#include "ingest/native_bundle.h"
#include "store/database.h"

namespace homeroom::app {

enum class ImportResult { applied, replaced, unchanged, refused, validated };

struct ImportOutcome {
    ImportResult result = ImportResult::refused;
    ingest::BundleCounts counts;
    Diagnostics diagnostics;
    std::int64_t snapshot_id = 0;
};

// With `dry_run` everything is validated and written inside the transaction, then rolled back.
ImportOutcome import_bundle(store::Database& db, const std::filesystem::path& dir, Date as_of,
                            bool dry_run, const ingest::ImportProgress& progress = {});

}  // namespace homeroom::app
