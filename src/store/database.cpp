#include "store/database.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <chrono>
#include <thread>

#include "core/errors.h"
#include "store/schema.h"

namespace homeroom::store {

namespace {

// The pragmas the workload needs, then each pending migration under BEGIN IMMEDIATE with the
// version read again inside it: two processes opening a new database at once (a job and
// `homeroom jobs history`, say) then take turns instead of re-running a migration.
void configure_and_migrate(SQLite::Database& db, const std::filesystem::path& path) {
    // WAL: readers never block the writer; a killed writer leaves the last commit intact.
    db.exec("PRAGMA journal_mode=WAL");
    db.exec("PRAGMA synchronous=NORMAL");
    db.exec("PRAGMA foreign_keys=ON");
    db.exec("PRAGMA cache_size=-65536");
    db.exec("PRAGMA temp_store=MEMORY");
    const auto& migrations = schema_migrations();
    const auto newer_check = [&](int version) {
        if (version > static_cast<int>(migrations.size()))
            throw IoError("cannot open database " + path.string() + ": schema version " +
                          std::to_string(version) + " is newer than this homeroom (" +
                          std::to_string(migrations.size()) + ")");
    };
    int version = db.execAndGet("PRAGMA user_version").getInt();
    newer_check(version);
    while (version < static_cast<int>(migrations.size())) {
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        version = db.execAndGet("PRAGMA user_version").getInt();
        newer_check(version);
        if (version < static_cast<int>(migrations.size())) {
            db.exec(std::string(migrations[static_cast<std::size_t>(version)]));
            db.exec("PRAGMA user_version=" + std::to_string(++version));
        }
        tx.commit();
    }
}

}  // namespace

Database::Database(const std::filesystem::path& path, Open mode) : m_path(path) {
    using namespace std::chrono_literals;
    constexpr auto k_busy_timeout = 10s;
    try {
        if (mode == Open::existing) {
            // Also a folder or a dangling link: SQLite would say only "unable to open".
            std::error_code ec;
            if (!std::filesystem::is_regular_file(path, ec))
                throw NoInputError("no database at " + path.string() +
                                   " (check --db or [store] db; `homeroom import` creates it)");
        } else if (path.has_parent_path()) {
            std::filesystem::create_directories(path.parent_path());
        }
        // Without OPEN_CREATE a file removed since the check above is still not created.
        m_db = std::make_unique<SQLite::Database>(
            path.string(),
            SQLite::OPEN_READWRITE | (mode == Open::create ? SQLite::OPEN_CREATE : 0));
        m_db->setBusyTimeout(static_cast<int>(k_busy_timeout / 1ms));
        // SQLite answers "database is locked" at once, without waiting for the busy timeout, to a
        // connection that meets another one turning a new file to WAL or recovering its WAL
        // (seen with eight connections opening one new file): such a refusal is tried again.
        const auto deadline = std::chrono::steady_clock::now() + k_busy_timeout;
        for (;;) {
            try {
                configure_and_migrate(*m_db, path);
                break;
            } catch (const SQLite::Exception& e) {
                if ((e.getErrorCode() & 0xff) != SQLITE_BUSY ||
                    std::chrono::steady_clock::now() > deadline)
                    throw;
                std::this_thread::sleep_for(10ms);
            }
        }
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot open database " + path.string() + ": " + e.what());
    } catch (const std::filesystem::filesystem_error& e) {
        throw IoError("cannot open database " + path.string() + ": " + e.code().message());
    }
}

Database::~Database() = default;

void Database::require_durable_commits() {
    try {
        m_db->exec("PRAGMA synchronous=FULL");
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot configure database " + m_path.string() + ": " + e.what());
    }
}

int Database::schema_version() const {
    return m_db->execAndGet("PRAGMA user_version").getInt();
}

}  // namespace homeroom::store
