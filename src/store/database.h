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
    // Creates the file (and its folder) if needed and applies pending migrations.
    // Throws IoError("cannot open database PATH: why").
    explicit Database(const std::filesystem::path& path);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    int schema_version() const;

    // For the store's own repositories.
    SQLite::Database& sql() { return *m_db; }

  private:
    std::filesystem::path m_path;
    std::unique_ptr<SQLite::Database> m_db;
};

}  // namespace homeroom::store
