#include "metrics/attendance_weeks.h"

#include <gtest/gtest.h>

#include "fixtures.h"

namespace homeroom::metrics {
namespace {

using testing::absence;
using testing::day;
using testing::student;
using enum AttendanceStatus;

const SchoolCalendar k_september = testing::weekdays("2025-09-01", "2025-09-26");

TEST(WeeklyAttendance, ListsEveryIsoWeekFromEntryToAsOf) {
    // Entry Wednesday 3rd, as of Wednesday 24th.
    const std::vector<AttendanceRecord> rows = {absence("2025-09-04", unexcused),
                                                absence("2025-09-16", excused),
                                                absence("2025-09-17", tardy)};
    const auto summary =
        summarize_attendance(student("2025-09-03"), rows, k_september, day("2025-09-24"));
    const auto weeks = weekly_attendance(summary, k_september);
    ASSERT_EQ(weeks.size(), 4u);
    EXPECT_EQ(weeks[0].week_start, day("2025-09-01"));
    EXPECT_EQ(weeks[0].counts.enrolled_days, 3);
    EXPECT_EQ(weeks[0].counts.absences(), 1);
    EXPECT_EQ(weeks[1].week_start, day("2025-09-08"));
    EXPECT_EQ(weeks[1].counts.enrolled_days, 5);
    EXPECT_EQ(weeks[1].counts.absences(), 0);
    EXPECT_EQ(weeks[2].counts.excused_absences, 1);
    EXPECT_EQ(weeks[2].counts.tardies, 1);
    EXPECT_EQ(weeks[3].week_start, day("2025-09-22"));
    EXPECT_EQ(weeks[3].counts.enrolled_days, 3);
}

TEST(WeeklyAttendance, AHolidayWeekStaysInTheSeriesWithNoEnrolledDays) {
    std::vector<Date> days(k_september.days().begin(), k_september.days().end());
    std::erase_if(days, [](Date d) { return d.week_start() == day("2025-09-15"); });
    const SchoolCalendar calendar(days);
    const auto summary =
        summarize_attendance(student("2025-09-01"), {}, calendar, day("2025-09-26"));
    const auto weeks = weekly_attendance(summary, calendar);
    ASSERT_EQ(weeks.size(), 4u);
    EXPECT_EQ(weeks[2].week_start, day("2025-09-15"));
    EXPECT_EQ(weeks[2].counts.enrolled_days, 0);
}

TEST(WeeklyAttendance, IsEmptyWithoutAnEnrolledDay) {
    const auto summary =
        summarize_attendance(student("2025-09-27"), {}, k_september, day("2025-09-28"));
    EXPECT_TRUE(weekly_attendance(summary, k_september).empty());
}

TEST(WeeklyAttendance, WeeksAddUpToTheYear) {
    const std::vector<AttendanceRecord> rows = {
        absence("2025-09-02", unexcused), absence("2025-09-09", excused),
        absence("2025-09-12", partial), absence("2025-09-25", tardy)};
    const auto summary =
        summarize_attendance(student("2025-09-01"), rows, k_september, day("2025-09-26"));
    AttendanceCounts total;
    for (const WeekAttendance& week : weekly_attendance(summary, k_september)) {
        total.enrolled_days += week.counts.enrolled_days;
        total.excused_absences += week.counts.excused_absences;
        total.unexcused_absences += week.counts.unexcused_absences;
        total.tardies += week.counts.tardies;
        total.partials += week.counts.partials;
    }
    EXPECT_EQ(total, summary.counts);
}

TEST(WeekComparison, ComparesTheWeekOfAsOfWithTheWeekBeforeAndListsThisWeeksDates) {
    // As of Thursday 18th: this week is Monday 15th to Thursday 18th.
    const std::vector<AttendanceRecord> rows = {
        absence("2025-09-08", unexcused), absence("2025-09-09", unexcused),
        absence("2025-09-12", tardy), absence("2025-09-15", excused), absence("2025-09-17", tardy)};
    const auto summary =
        summarize_attendance(student("2025-09-01"), rows, k_september, day("2025-09-18"));
    const auto comparison = compare_weeks(summary, k_september, day("2025-09-18"));
    EXPECT_EQ(comparison.this_week.week_start, day("2025-09-15"));
    EXPECT_EQ(comparison.this_week.counts.enrolled_days, 4);
    EXPECT_EQ(comparison.this_week.counts.absences(), 1);
    EXPECT_EQ(comparison.this_week.counts.tardies, 1);
    EXPECT_EQ(comparison.last_week.week_start, day("2025-09-08"));
    EXPECT_EQ(comparison.last_week.counts.enrolled_days, 5);
    EXPECT_EQ(comparison.last_week.counts.absences(), 2);
    EXPECT_EQ(comparison.last_week.counts.tardies, 1);
    ASSERT_EQ(comparison.this_week_events.size(), 2u);
    EXPECT_EQ(comparison.this_week_events[0], (AttendanceEvent{day("2025-09-15"), excused, 0}));
    EXPECT_EQ(comparison.this_week_events[1].date, day("2025-09-17"));
    EXPECT_EQ(comparison.this_week_events[1].status, tardy);
}

TEST(WeekComparison, AnAsOfOnSundayCoversTheWholeWeek) {
    const auto summary =
        summarize_attendance(student("2025-09-01"), {}, k_september, day("2025-09-21"));
    const auto comparison = compare_weeks(summary, k_september, day("2025-09-21"));
    EXPECT_EQ(comparison.this_week.week_start, day("2025-09-15"));
    EXPECT_EQ(comparison.this_week.counts.enrolled_days, 5);
}

TEST(WeekComparison, AStudentWhoEnteredThisWeekHasNoLastWeek) {
    const auto summary =
        summarize_attendance(student("2025-09-16"), {}, k_september, day("2025-09-18"));
    const auto comparison = compare_weeks(summary, k_september, day("2025-09-18"));
    EXPECT_EQ(comparison.this_week.counts.enrolled_days, 3);
    EXPECT_EQ(comparison.last_week.counts.enrolled_days, 0);
}

}  // namespace
}  // namespace homeroom::metrics
