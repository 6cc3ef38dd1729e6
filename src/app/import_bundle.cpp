#include "app/import_bundle.h"

#include <chrono>
#include <ctime>

#include "ingest/bundle_fingerprint.h"
#include "store/snapshot_import.h"
#include "store/snapshot_repository.h"

namespace homeroom::app {
namespace {

std::string utc_now() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace

BundleFormat resolve_format(const std::filesystem::path& dir, BundleFormat format) {
    if (format != BundleFormat::automatic)
        return format;
    return ingest::has_oneroster_manifest(dir) ? BundleFormat::oneroster : BundleFormat::native;
}

ImportOutcome import_bundle(store::Database& db, const std::filesystem::path& dir, Date as_of,
                            bool dry_run, const ingest::ImportProgress& progress,
                            BundleFormat format) {
    ImportOutcome outcome;
    format = resolve_format(dir, format);
    // The same files read by the other reader are another snapshot, never "unchanged".
    const std::string fingerprint =
        (format == BundleFormat::oneroster ? "oneroster:" : "") + ingest::bundle_fingerprint(dir);
    if (!dry_run) {
        const auto existing = store::SnapshotRepository(db).find(as_of);
        if (existing && existing->fingerprint == fingerprint) {
            outcome.result = ImportResult::unchanged;
            outcome.snapshot_id = existing->id;
            return outcome;
        }
    }
    store::SnapshotImport transaction(db, as_of, fingerprint, utc_now());
    outcome.counts = format == BundleFormat::oneroster
                         ? ingest::read_oneroster_bundle(dir, as_of, transaction.sink(),
                                                         outcome.diagnostics, progress)
                         : ingest::read_native_bundle(dir, as_of, transaction.sink(),
                                                      outcome.diagnostics, progress);
    outcome.snapshot_id = transaction.snapshot_id();
    if (outcome.diagnostics.has_errors()) {
        outcome.result = ImportResult::refused;
        return outcome;  // the transaction rolls back
    }
    if (dry_run) {
        outcome.result = ImportResult::validated;
        return outcome;
    }
    transaction.commit(static_cast<std::int64_t>(outcome.counts.total_rows()));
    outcome.result =
        transaction.replaces_existing() ? ImportResult::replaced : ImportResult::applied;
    return outcome;
}

}  // namespace homeroom::app
