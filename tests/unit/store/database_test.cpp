#include "store/database.h"

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

}  // namespace
}  // namespace homeroom::store
