#include "notify/week_snapshots.h"

#include <gtest/gtest.h>

namespace homeroom::notify {
namespace {

store::SnapshotInfo snap(std::int64_t id, int month, int day) {
    store::SnapshotInfo s;
    s.id = id;
    s.as_of = Date::from_ymd(2026, month, day);
    return s;
}

const Date k_week = Date::from_ymd(2026, 6, 10);  // Monday June 8 to Sunday June 14

TEST(WeekSnapshots, UsesTheWeeksNewestSnapshotAndTheNewestBeforeTheWeek) {
    const auto w = choose_week_snapshots(
        {snap(1, 5, 29), snap(2, 6, 5), snap(3, 6, 9), snap(4, 6, 12), snap(5, 6, 19)}, k_week,
        std::nullopt);
    ASSERT_TRUE(w);
    EXPECT_EQ(w->now.id, 4);
    ASSERT_TRUE(w->before);
    EXPECT_EQ(w->before->id, 2);  // not June 9: changes cover the whole week
    EXPECT_FALSE(w->stale);
}

TEST(WeekSnapshots, WithoutEarlierDataThereIsNothingToCompare) {
    const auto w = choose_week_snapshots({snap(4, 6, 12)}, k_week, std::nullopt);
    ASSERT_TRUE(w);
    EXPECT_FALSE(w->before);
}

TEST(WeekSnapshots, AnOlderSnapshotIsStale) {
    const auto w = choose_week_snapshots({snap(1, 5, 29), snap(2, 6, 5)}, k_week, std::nullopt);
    ASSERT_TRUE(w);
    EXPECT_EQ(w->now.id, 2);
    EXPECT_TRUE(w->stale);
}

TEST(WeekSnapshots, AsOfNamesTheSnapshot) {
    const std::vector<store::SnapshotInfo> all = {snap(2, 6, 5), snap(4, 6, 12)};
    const auto w = choose_week_snapshots(all, k_week, Date::from_ymd(2026, 6, 5));
    ASSERT_TRUE(w);
    EXPECT_EQ(w->now.id, 2);
    EXPECT_TRUE(w->stale);
    EXPECT_FALSE(choose_week_snapshots(all, k_week, Date::from_ymd(2026, 6, 6)));
}

TEST(WeekSnapshots, NothingOnOrBeforeTheWeeksEnd) {
    EXPECT_FALSE(choose_week_snapshots({snap(5, 6, 15)}, k_week, std::nullopt));
    EXPECT_FALSE(choose_week_snapshots({}, k_week, std::nullopt));
}

}  // namespace
}  // namespace homeroom::notify
