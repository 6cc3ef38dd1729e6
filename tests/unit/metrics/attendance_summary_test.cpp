#include "metrics/attendance_summary.h"

#include <gtest/gtest.h>

#include "fixtures.h"

namespace homeroom::metrics {
namespace {

using testing::absence;
using testing::day;
using testing::student;
using enum AttendanceStatus;

// September 2025: Monday 1st to Friday 26th is 4 weeks of 20 weekdays.
const SchoolCalendar k_september = testing::weekdays("2025-09-01", "2025-09-26");

TEST(AttendanceSummary, TwoUnexcusedAndOneExcusedOfTwentyDaysIsEightyFivePercentAndChronic) {
    const std::vector<AttendanceRecord> rows = {absence("2025-09-03", unexcused),
                                                absence("2025-09-10", unexcused),
                                                absence("2025-09-17", excused)};
    const auto summary =
        summarize_attendance(student("2025-09-01"), rows, k_september, day("2025-09-26"));
    EXPECT_EQ(summary.counts.enrolled_days, 20);
    EXPECT_EQ(summary.counts.unexcused_absences, 2);
    EXPECT_EQ(summary.counts.excused_absences, 1);
    EXPECT_EQ(summary.counts.absences(), 3);
    EXPECT_EQ(summary.counts.present_days(), 17);
    EXPECT_DOUBLE_EQ(*summary.counts.rate(), 0.85);
    EXPECT_TRUE(is_chronically_absent(summary.counts, IndicatorSettings{}));
}

TEST(AttendanceSummary, DaysWithoutARowArePresent) {
    const auto summary =
        summarize_attendance(student("2025-09-01"), {}, k_september, day("2025-09-26"));
    EXPECT_EQ(summary.counts.enrolled_days, 20);
    EXPECT_EQ(summary.counts.present_days(), 20);
    EXPECT_DOUBLE_EQ(*summary.counts.rate(), 1.0);
    EXPECT_TRUE(summary.events.empty());
}

TEST(AttendanceSummary, APresentRowChangesNothing) {
    const std::vector<AttendanceRecord> rows = {absence("2025-09-03", present)};
    const auto with_row =
        summarize_attendance(student("2025-09-01"), rows, k_september, day("2025-09-26"));
    const auto without =
        summarize_attendance(student("2025-09-01"), {}, k_september, day("2025-09-26"));
    EXPECT_EQ(with_row.counts, without.counts);
    EXPECT_TRUE(with_row.events.empty());
}

TEST(AttendanceSummary, TardyAndPartialDaysArePresentButCountedSeparately) {
    const std::vector<AttendanceRecord> rows = {
        absence("2025-09-02", tardy), absence("2025-09-03", tardy), absence("2025-09-04", partial)};
    const auto summary =
        summarize_attendance(student("2025-09-01"), rows, k_september, day("2025-09-26"));
    EXPECT_EQ(summary.counts.tardies, 2);
    EXPECT_EQ(summary.counts.partials, 1);
    EXPECT_EQ(summary.counts.absences(), 0);
    EXPECT_EQ(summary.counts.present_days(), 20);
    ASSERT_EQ(summary.events.size(), 3u);
    EXPECT_EQ(summary.events[2].status, partial);
}

TEST(AttendanceSummary, EntryMidMonthCountsOnlyDaysFromEntry) {
    // Entry Wednesday 10th: 3 + 5 + 5 = 13 days; an absence before entry is not counted.
    const std::vector<AttendanceRecord> rows = {absence("2025-09-08", unexcused),
                                                absence("2025-09-10", unexcused)};
    const auto summary =
        summarize_attendance(student("2025-09-10"), rows, k_september, day("2025-09-26"));
    EXPECT_EQ(summary.counts.enrolled_days, 13);
    EXPECT_EQ(summary.counts.unexcused_absences, 1);
    EXPECT_EQ(summary.window.first, day("2025-09-10"));
}

TEST(AttendanceSummary, ExitBeforeAsOfEndsEnrollmentOnTheExitDate) {
    // Exit Friday 12th: 10 days; the exit day counts, later rows do not.
    const std::vector<AttendanceRecord> rows = {absence("2025-09-12", excused),
                                                absence("2025-09-15", unexcused)};
    const auto summary = summarize_attendance(student("2025-09-01", "2025-09-12"), rows,
                                              k_september, day("2025-09-26"));
    EXPECT_EQ(summary.counts.enrolled_days, 10);
    EXPECT_EQ(summary.counts.excused_absences, 1);
    EXPECT_EQ(summary.counts.unexcused_absences, 0);
}

TEST(AttendanceSummary, DaysAfterAsOfAreIgnored) {
    const std::vector<AttendanceRecord> rows = {absence("2025-09-19", unexcused),
                                                absence("2025-09-22", unexcused)};
    const auto summary =
        summarize_attendance(student("2025-09-01"), rows, k_september, day("2025-09-19"));
    EXPECT_EQ(summary.counts.enrolled_days, 15);
    EXPECT_EQ(summary.counts.unexcused_absences, 1);
}

TEST(AttendanceSummary, NonInstructionalDaysAreNeitherEnrolledNorAbsent) {
    std::vector<Date> days(k_september.days().begin(), k_september.days().end());
    std::erase(days, day("2025-09-15"));  // a holiday
    const SchoolCalendar calendar(days);
    const std::vector<AttendanceRecord> rows = {absence("2025-09-15", unexcused),
                                                absence("2025-09-13", unexcused)};  // Saturday
    const auto summary =
        summarize_attendance(student("2025-09-01"), rows, calendar, day("2025-09-26"));
    EXPECT_EQ(summary.counts.enrolled_days, 19);
    EXPECT_EQ(summary.counts.absences(), 0);
}

TEST(AttendanceSummary, TheFirstRowOfARepeatedDateCounts) {
    const std::vector<AttendanceRecord> rows = {absence("2025-09-03", excused),
                                                absence("2025-09-03", unexcused)};
    const auto summary =
        summarize_attendance(student("2025-09-01"), rows, k_september, day("2025-09-26"));
    EXPECT_EQ(summary.counts.excused_absences, 1);
    EXPECT_EQ(summary.counts.unexcused_absences, 0);
}

TEST(AttendanceSummary, EventsAreSortedByDateWhateverTheRowOrder) {
    const std::vector<AttendanceRecord> rows = {absence("2025-09-17", excused),
                                                absence("2025-09-03", unexcused),
                                                absence("2025-09-10", tardy)};
    const auto summary =
        summarize_attendance(student("2025-09-01"), rows, k_september, day("2025-09-26"));
    ASSERT_EQ(summary.events.size(), 3u);
    EXPECT_EQ(summary.events[0].date, day("2025-09-03"));
    EXPECT_EQ(summary.events[1].date, day("2025-09-10"));
    EXPECT_EQ(summary.events[2].date, day("2025-09-17"));
}

TEST(AttendanceSummary, NoEnrolledDayHasNoRateAndIsNotChronic) {
    // Entered on a Saturday that is also the as-of date.
    const auto summary =
        summarize_attendance(student("2025-09-27"), {}, k_september, day("2025-09-27"));
    EXPECT_EQ(summary.counts.enrolled_days, 0);
    EXPECT_FALSE(summary.counts.rate());
    EXPECT_FALSE(is_chronically_absent(summary.counts, IndicatorSettings{}));
    EXPECT_FALSE(meets_attendance_minimum(summary.counts, IndicatorSettings{}));
}

TEST(AttendanceSummary, AsOfBeforeEntryGivesAnEmptyWindow) {
    const auto summary =
        summarize_attendance(student("2025-09-10"), {}, k_september, day("2025-09-05"));
    EXPECT_TRUE(summary.window.empty());
    EXPECT_EQ(summary.counts.enrolled_days, 0);
}

TEST(AttendanceSummary, CountsBetweenRestrictsToTheWindowAndTheRange) {
    const std::vector<AttendanceRecord> rows = {absence("2025-09-03", unexcused),
                                                absence("2025-09-10", tardy)};
    const auto summary =
        summarize_attendance(student("2025-09-02"), rows, k_september, day("2025-09-26"));
    const auto first_week =
        counts_between(summary, k_september, day("2025-08-25"), day("2025-09-07"));
    EXPECT_EQ(first_week.enrolled_days, 4);  // from entry on Tuesday
    EXPECT_EQ(first_week.unexcused_absences, 1);
    EXPECT_EQ(first_week.tardies, 0);
}

TEST(ChronicAbsence, MissingExactlyTenPercentIsChronic) {
    const SchoolCalendar thirty_days = testing::weekdays("2025-09-01", "2025-10-10");
    ASSERT_EQ(thirty_days.days().size(), 30u);
    AttendanceCounts counts;
    counts.enrolled_days = 30;
    counts.unexcused_absences = 3;  // 0.1 * 30 is not exactly 3 in floating point
    EXPECT_TRUE(is_chronically_absent(counts, IndicatorSettings{}));
    counts.unexcused_absences = 2;
    EXPECT_FALSE(is_chronically_absent(counts, IndicatorSettings{}));
}

TEST(ChronicAbsence, ExcusedAbsencesCountToo) {
    AttendanceCounts counts;
    counts.enrolled_days = 20;
    counts.excused_absences = 2;
    EXPECT_TRUE(is_chronically_absent(counts, IndicatorSettings{}));
}

TEST(ChronicAbsence, TardiesAndPartialsDoNotCount) {
    AttendanceCounts counts;
    counts.enrolled_days = 20;
    counts.tardies = 10;
    counts.partials = 10;
    EXPECT_FALSE(is_chronically_absent(counts, IndicatorSettings{}));
}

TEST(ChronicAbsence, ThresholdIsConfigurable) {
    IndicatorSettings settings;
    settings.chronic_absence_share = 0.2;
    AttendanceCounts counts;
    counts.enrolled_days = 20;
    counts.unexcused_absences = 3;
    EXPECT_FALSE(is_chronically_absent(counts, settings));
    counts.unexcused_absences = 4;
    EXPECT_TRUE(is_chronically_absent(counts, settings));
}

TEST(ChronicAbsence, WaitsForTheMinimumOfEnrolledDays) {
    IndicatorSettings settings;
    settings.attendance_minimum_enrolled_days = 10;
    AttendanceCounts counts;
    counts.enrolled_days = 9;
    counts.unexcused_absences = 9;
    EXPECT_FALSE(is_chronically_absent(counts, settings));
    counts.enrolled_days = 10;
    EXPECT_TRUE(is_chronically_absent(counts, settings));
}

}  // namespace
}  // namespace homeroom::metrics
