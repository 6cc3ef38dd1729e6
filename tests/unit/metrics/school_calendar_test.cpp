#include "metrics/school_calendar.h"

#include <gtest/gtest.h>

#include "fixtures.h"

namespace homeroom::metrics {
namespace {

using testing::day;

TEST(SchoolCalendar, KeepsOnlyInstructionalDaysSortedOnce) {
    const std::vector<CalendarDay> rows = {{"A", day("2025-09-03"), true},
                                           {"A", day("2025-09-01"), false},
                                           {"A", day("2025-09-02"), true},
                                           {"A", day("2025-09-03"), true}};
    const SchoolCalendar calendar = SchoolCalendar::from_calendar_days(rows);
    ASSERT_EQ(calendar.days().size(), 2u);
    EXPECT_EQ(calendar.days()[0], day("2025-09-02"));
    EXPECT_EQ(calendar.days()[1], day("2025-09-03"));
    EXPECT_FALSE(calendar.is_instructional(day("2025-09-01")));
    EXPECT_TRUE(calendar.is_instructional(day("2025-09-03")));
}

TEST(SchoolCalendar, CountsInstructionalDaysInclusiveOfBothEnds) {
    const SchoolCalendar calendar = testing::weekdays("2025-09-01", "2025-09-30");
    EXPECT_EQ(calendar.count_between(day("2025-09-01"), day("2025-09-05")), 5);
    EXPECT_EQ(calendar.count_between(day("2025-09-06"), day("2025-09-07")), 0);  // a weekend
    EXPECT_EQ(calendar.count_between(day("2025-09-01"), day("2025-09-30")), 22);
    EXPECT_EQ(calendar.count_between(day("2025-09-05"), day("2025-09-01")), 0);  // reversed
    EXPECT_EQ(calendar.count_between(day("2025-08-01"), day("2025-08-31")), 0);
}

TEST(SchoolCalendar, EveryWeekdaySkipsSaturdaysAndSundays) {
    const SchoolCalendar calendar = testing::weekdays("2025-09-06", "2025-09-08");
    ASSERT_EQ(calendar.days().size(), 1u);
    EXPECT_EQ(calendar.days()[0], day("2025-09-08"));
}

}  // namespace
}  // namespace homeroom::metrics
