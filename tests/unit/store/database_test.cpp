#include "store/database.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "store/schema.h"
#include "temp_dir.h"

namespace homeroom::store {
namespace {

// A job starting while `homeroom jobs history` polls the same new database: every opener
// migrates or waits its turn, none fails and no migration runs twice.
TEST(Database, OpensTheSameNewDatabaseFromManyConnectionsAtOnce) {
    for (int round = 0; round < 5; ++round) {
        testing::TempDir dir;
        const auto path = dir / "homeroom.db";
        std::atomic<int> ready{0};
        std::vector<std::string> errors(8);
        std::vector<int> versions(8, -1);
        std::vector<std::thread> openers;
        for (int i = 0; i < 8; ++i)
            openers.emplace_back([&, i] {
                ++ready;
                while (ready < 8) std::this_thread::yield();
                try {
                    versions[i] = Database(path).schema_version();
                } catch (const std::exception& e) {
                    errors[i] = e.what();
                }
            });
        for (auto& t : openers) t.join();
        for (int i = 0; i < 8; ++i) {
            EXPECT_EQ(errors[i], "") << "opener " << i;
            EXPECT_EQ(versions[i], static_cast<int>(schema_migrations().size())) << "opener " << i;
        }
    }
}

// Short links sent before student pages moved into two-character folders still lead to the page.
TEST(Database, MovesShortLinksToTheNewPlaceOfStudentPages) {
    testing::TempDir dir;
    const auto path = dir / "homeroom.db";
    const auto& migrations = schema_migrations();
    std::size_t moved_at = 0;  // the migration that moves them: the first UPDATE of short_links
    while (std::string_view(migrations[moved_at]).find("UPDATE short_links") ==
           std::string_view::npos)
        ++moved_at;
    {
        SQLite::Database old(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        for (std::size_t i = 0; i < moved_at; ++i) old.exec(std::string(migrations[i]));
        old.exec("PRAGMA user_version=" + std::to_string(moved_at));
        old.exec(
            "INSERT INTO short_links VALUES "
            "('aaaaaaaaaa', 'private/students/abcdefghijklmnopqrstuvwxyz/es.html', 'T'),"
            "('bbbbbbbbbb', 'private/students/cd/cdefghijklmnopqrstuvwxyzab.en.html', 'T'),"
            "('cccccccccc', 'private/students/short/en.html', 'T')");
    }
    Database db(path);
    EXPECT_EQ(db.schema_version(), static_cast<int>(migrations.size()));
    std::vector<std::string> targets;
    SQLite::Statement q(db.sql(), "SELECT target FROM short_links ORDER BY code");
    while (q.executeStep()) targets.push_back(q.getColumn(0).getString());
    EXPECT_EQ(targets,
              (std::vector<std::string>{"private/students/ab/abcdefghijklmnopqrstuvwxyz.es.html",
                                        "private/students/cd/cdefghijklmnopqrstuvwxyzab.en.html",
                                        "private/students/short/en.html"}));
}

}  // namespace
}  // namespace homeroom::store
