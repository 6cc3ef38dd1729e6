#include "store/snapshot_repository.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include "core/errors.h"
#include "store/schema.h"

namespace homeroom::store {
namespace {

SnapshotInfo read_info(SQLite::Statement& q) {
    SnapshotInfo s;
    s.id = q.getColumn(0).getInt64();
    s.as_of = *Date::parse(q.getColumn(1).getString());
    s.fingerprint = q.getColumn(2).getString();
    s.imported_at = q.getColumn(3).getString();
    s.row_count = q.getColumn(4).getInt64();
    return s;
}

constexpr const char* k_select =
    "SELECT snapshot_id, as_of, fingerprint, imported_at, row_count FROM snapshots ";

}  // namespace

std::vector<SnapshotInfo> SnapshotRepository::list() const {
    try {
        SQLite::Statement q(m_db.sql(), std::string(k_select) + "ORDER BY as_of");
        std::vector<SnapshotInfo> out;
        while (q.executeStep()) out.push_back(read_info(q));
        return out;
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot read snapshots from " + m_db.path().string() + ": " + e.what());
    }
}

std::optional<SnapshotInfo> SnapshotRepository::find(Date as_of) const {
    try {
        SQLite::Statement q(m_db.sql(), std::string(k_select) + "WHERE as_of = ?");
        q.bind(1, as_of.to_string());
        if (q.executeStep())
            return read_info(q);
        return std::nullopt;
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot read snapshots from " + m_db.path().string() + ": " + e.what());
    }
}

std::optional<SnapshotInfo> SnapshotRepository::latest() const {
    try {
        SQLite::Statement q(m_db.sql(), std::string(k_select) + "ORDER BY as_of DESC LIMIT 1");
        if (q.executeStep())
            return read_info(q);
        return std::nullopt;
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot read snapshots from " + m_db.path().string() + ": " + e.what());
    }
}

std::optional<SnapshotInfo> SnapshotRepository::previous(Date as_of) const {
    try {
        SQLite::Statement q(m_db.sql(),
                            std::string(k_select) + "WHERE as_of < ? ORDER BY as_of DESC LIMIT 1");
        q.bind(1, as_of.to_string());
        if (q.executeStep())
            return read_info(q);
        return std::nullopt;
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot read snapshots from " + m_db.path().string() + ": " + e.what());
    }
}

std::int64_t SnapshotRepository::count_rows(std::int64_t snapshot_id,
                                            std::string_view table) const {
    const auto& tables = snapshot_tables();
    if (std::find(tables.begin(), tables.end(), table) == tables.end())
        throw std::invalid_argument("not a snapshot table: " + std::string(table));
    try {
        SQLite::Statement q(
            m_db.sql(), "SELECT count(*) FROM " + std::string(table) + " WHERE snapshot_id = ?");
        q.bind(1, snapshot_id);
        q.executeStep();
        return q.getColumn(0).getInt64();
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot read " + std::string(table) + " from " + m_db.path().string() + ": " +
                      e.what());
    }
}

}  // namespace homeroom::store
