#include "store/database.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/errors.h"
#include "store/schema.h"

namespace homeroom::store {

Database::Database(const std::filesystem::path& path) : m_path(path) {
    try {
        if (path.has_parent_path())
            std::filesystem::create_directories(path.parent_path());
        m_db = std::make_unique<SQLite::Database>(path.string(),
                                                  SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        m_db->setBusyTimeout(10000);
        // WAL: readers never block the writer; a killed writer leaves the last commit intact.
        m_db->exec("PRAGMA journal_mode=WAL");
        m_db->exec("PRAGMA synchronous=NORMAL");
        m_db->exec("PRAGMA foreign_keys=ON");
        m_db->exec("PRAGMA cache_size=-65536");
        m_db->exec("PRAGMA temp_store=MEMORY");

        // Each migration under BEGIN IMMEDIATE, with the version read again inside it: two
        // processes opening a new database at once (a job and `homeroom jobs history`, say)
        // then take turns instead of one failing on a busy upgrade or re-running a migration.
        const auto& migrations = schema_migrations();
        const auto newer_check = [&](int version) {
            if (version > static_cast<int>(migrations.size()))
                throw IoError("cannot open database " + path.string() + ": schema version " +
                              std::to_string(version) + " is newer than this homeroom (" +
                              std::to_string(migrations.size()) + ")");
        };
        int version = m_db->execAndGet("PRAGMA user_version").getInt();
        newer_check(version);
        while (version < static_cast<int>(migrations.size())) {
            SQLite::Transaction tx(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
            version = m_db->execAndGet("PRAGMA user_version").getInt();
            newer_check(version);
            if (version < static_cast<int>(migrations.size())) {
                m_db->exec(std::string(migrations[static_cast<std::size_t>(version)]));
                m_db->exec("PRAGMA user_version=" + std::to_string(++version));
            }
            tx.commit();
        }
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot open database " + path.string() + ": " + e.what());
    } catch (const std::filesystem::filesystem_error& e) {
        throw IoError("cannot open database " + path.string() + ": " + e.code().message());
    }
}

Database::~Database() = default;

int Database::schema_version() const {
    return m_db->execAndGet("PRAGMA user_version").getInt();
}

}  // namespace homeroom::store
