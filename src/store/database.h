// The project's SQLite file: opened with the pragmas the workload needs and migrated to the
// current schema. Other modules see only this handle; SQLiteCpp stays inside src/store.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

namespace SQLite {
class Database;
}

namespace homeroom::store {

class Database {
  public:
    enum class Open {
        create,    // make the file (and its folder) when there is none: commands that store data
        existing,  // refuse a missing file: commands that only read, where an empty database
                   // made by a mistyped --db would answer "nothing recorded" with confidence
    };

    // Opens (with `Open::create`, creating) the file and applies pending migrations.
    // Throws NoInputError("no database at PATH ...") for a missing file with `Open::existing`,
    // IoError("cannot open database PATH: why") otherwise.
    explicit Database(const std::filesystem::path& path, Open mode = Open::create);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    int schema_version() const;

    // From now on every commit of this connection is on disk before it returns (synchronous =
    // FULL: the WAL is fsynced at each commit). The default, NORMAL, survives a crashed process
    // but may lose the last commits to a power cut — too weak for the outbox, whose claims must
    // be durable before a byte is sent and whose outcomes before the next message.
    void require_durable_commits();

    // For the store's own repositories.
    SQLite::Database& sql() { return *m_db; }

  private:
    std::filesystem::path m_path;
    std::unique_ptr<SQLite::Database> m_db;
};

}  // namespace homeroom::store
