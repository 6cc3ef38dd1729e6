#include "notify/quiet_hours.h"

#include <gtest/gtest.h>

namespace homeroom::notify {
namespace {

using std::chrono::sys_seconds;

sys_seconds utc(int y, unsigned m, unsigned d, int h, int min) {
    return sys_seconds(std::chrono::sys_days(std::chrono::year(y) / m / d)) +
           std::chrono::hours(h) + std::chrono::minutes(min);
}

// New York: -5 h, or -4 h from 2026-03-08 07:00 UTC (DST).
int new_york(std::int64_t t) {
    return t >= utc(2026, 3, 8, 7, 0).time_since_epoch().count() ? -4 * 3600 : -5 * 3600;
}

TEST(QuietHours, ParsesTimesOfDay) {
    EXPECT_EQ(parse_minute_of_day("08:00"), 480);
    EXPECT_EQ(parse_minute_of_day("21:30"), 1290);
    EXPECT_EQ(parse_minute_of_day("24:00"), 1440);
    EXPECT_FALSE(parse_minute_of_day("24:01"));
    EXPECT_FALSE(parse_minute_of_day("8:00"));
    EXPECT_FALSE(parse_minute_of_day("08:60"));
    EXPECT_FALSE(parse_minute_of_day("ab:cd"));
    EXPECT_EQ(format_minute_of_day(480), "08:00");
}

TEST(QuietHours, DefaultIsNightAcrossMidnight) {
    const QuietHours q;  // 21:00 to 08:00
    EXPECT_TRUE(q.is_quiet(21 * 60));
    EXPECT_TRUE(q.is_quiet(23 * 60 + 59));
    EXPECT_TRUE(q.is_quiet(0));
    EXPECT_TRUE(q.is_quiet(7 * 60 + 59));
    EXPECT_FALSE(q.is_quiet(8 * 60));
    EXPECT_FALSE(q.is_quiet(20 * 60 + 59));
    EXPECT_TRUE((QuietHours{0, 0}.none()));
    EXPECT_FALSE((QuietHours{0, 0}.is_quiet(600)));
    const QuietHours day{12 * 60, 13 * 60};
    EXPECT_TRUE(day.is_quiet(12 * 60 + 30));
    EXPECT_FALSE(day.is_quiet(13 * 60));
}

TEST(QuietHours, InTheDistrictsZone) {
    const QuietHours q;
    // 01:30 UTC = 20:30 in New York (winter): not quiet.
    EXPECT_FALSE(quiet_until(q, utc(2026, 1, 15, 1, 30), new_york));
    // 02:30 UTC = 21:30: quiet until 08:00 local = 13:00 UTC.
    EXPECT_EQ(quiet_until(q, utc(2026, 1, 15, 2, 30), new_york), utc(2026, 1, 15, 13, 0));
    // 12:59:30 UTC = 07:59:30: quiet until 08:00 local.
    EXPECT_EQ(quiet_until(q, utc(2026, 1, 15, 12, 59) + std::chrono::seconds(30), new_york),
              utc(2026, 1, 15, 13, 0));
    // Across the spring change: 21:30 on 7 March (EST) → 08:00 EDT on 8 March = 12:00 UTC.
    EXPECT_EQ(quiet_until(q, utc(2026, 3, 8, 2, 30), new_york), utc(2026, 3, 8, 12, 0));
    // UTC itself.
    const auto zero = [](std::int64_t) { return 0; };
    EXPECT_EQ(quiet_until(q, utc(2026, 6, 1, 22, 0), zero), utc(2026, 6, 2, 8, 0));
    EXPECT_FALSE((quiet_until(QuietHours{0, 0}, utc(2026, 6, 1, 22, 0), zero)));
}

}  // namespace
}  // namespace homeroom::notify
