// One import = one transaction: the snapshot's rows are written as the bundle is read and
// become visible only at commit(); anything else (an error, an exception, kill -9) leaves the
// database exactly as it was.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/date.h"
#include "core/record_sink.h"
#include "store/database.h"

namespace homeroom::store {

class SnapshotImport {
  public:
    // Begins the transaction. An existing snapshot of the same date is deleted inside it, so
    // the new content replaces it only if the import commits.
    SnapshotImport(Database& db, Date as_of, std::string fingerprint, std::string imported_at);
    ~SnapshotImport();  // rolls back unless committed
    SnapshotImport(const SnapshotImport&) = delete;
    SnapshotImport& operator=(const SnapshotImport&) = delete;

    RecordSink& sink();
    bool replaces_existing() const;
    std::int64_t snapshot_id() const;
    void commit(std::int64_t row_count);

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace homeroom::store
