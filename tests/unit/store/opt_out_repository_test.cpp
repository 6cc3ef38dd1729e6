#include "store/opt_out_repository.h"

#include <gtest/gtest.h>

#include "temp_dir.h"

namespace homeroom::store {
namespace {

const TimePoint k_now{std::chrono::sys_days{std::chrono::June / 12 / 2026}};

TEST(OptOutRepository, RecordsOncePerContactAndChannel) {
    testing::TempDir dir;
    Database db(dir / "h.db");
    OptOutRepository repo(db);
    EXPECT_EQ(repo.record("C1", Channel::email, "one-click", k_now), OptOutResult::recorded);
    EXPECT_EQ(repo.record("C1", Channel::email, "confirmation-page", k_now),
              OptOutResult::already_recorded);
    EXPECT_EQ(repo.record("C1", Channel::sms, "stop", k_now), OptOutResult::recorded);
    EXPECT_TRUE(repo.is_opted_out("C1", Channel::email));
    EXPECT_FALSE(repo.is_opted_out("C2", Channel::email));
    EXPECT_EQ(repo.contacts(Channel::email), (std::set<std::string, std::less<>>{"C1"}));
}

TEST(OptOutRepository, SurvivesReopeningTheDatabase) {
    testing::TempDir dir;
    {
        Database db(dir / "h.db");
        OptOutRepository(db).record("C9", Channel::email, "one-click", k_now);
    }
    Database db(dir / "h.db");
    EXPECT_TRUE(OptOutRepository(db).is_opted_out("C9", Channel::email));
}

}  // namespace
}  // namespace homeroom::store
