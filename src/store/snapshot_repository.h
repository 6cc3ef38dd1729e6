// The dated snapshots held in the store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "store/database.h"

namespace homeroom::store {

struct SnapshotInfo {
    std::int64_t id = 0;
    Date as_of;
    std::string fingerprint;
    std::string imported_at;  // UTC, ISO 8601
    std::int64_t row_count = 0;
};

class SnapshotRepository {
  public:
    explicit SnapshotRepository(Database& db) : m_db(db) {}
    std::vector<SnapshotInfo> list() const;  // oldest first
    std::optional<SnapshotInfo> find(Date as_of) const;
    std::optional<SnapshotInfo> latest() const;
    // The newest snapshot strictly before `as_of`.
    std::optional<SnapshotInfo> previous(Date as_of) const;
    // Rows of `table` in a snapshot (table must be one of schema.h's snapshot_tables()).
    std::int64_t count_rows(std::int64_t snapshot_id, std::string_view table) const;

  private:
    Database& m_db;
};

}  // namespace homeroom::store
