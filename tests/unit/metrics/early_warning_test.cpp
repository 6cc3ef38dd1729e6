#include "metrics/early_warning.h"

#include <gtest/gtest.h>

#include "fixtures.h"

namespace homeroom::metrics {
namespace {

using testing::day;
using testing::mark;

AttendanceCounts attendance(int enrolled, int absent) {
    AttendanceCounts counts;
    counts.enrolled_days = enrolled;
    counts.unexcused_absences = absent;
    return counts;
}

CoursePerformance courses(const std::vector<SectionMark>& marks) {
    return summarize_courses(marks, day("2025-10-15"), GradeScale{});
}

SectionMark q1(const std::string& section, const std::string& subject, const std::string& letter,
               std::optional<double> percent = std::nullopt) {
    return mark(section, subject, "Q1", "2025-09-01", "2025-11-07", letter, percent);
}

const IndicatorSettings k_defaults;

TEST(AttendanceFlag, ExactlyNinetyPercentIsNotFlagged) {
    EXPECT_FALSE(attendance_flag(attendance(20, 2), k_defaults));  // 90%
    EXPECT_TRUE(attendance_flag(attendance(20, 3), k_defaults));   // 85%
    EXPECT_FALSE(attendance_flag(attendance(30, 3), k_defaults));  // 90%, inexact in binary
}

TEST(AttendanceFlag, TardiesDoNotLowerTheRate) {
    AttendanceCounts counts = attendance(20, 0);
    counts.tardies = 20;
    EXPECT_FALSE(attendance_flag(counts, k_defaults));
}

TEST(AttendanceFlag, WaitsForTheMinimumOfEnrolledDays) {
    IndicatorSettings settings;
    settings.attendance_minimum_enrolled_days = 5;
    EXPECT_FALSE(attendance_flag(attendance(4, 4), settings));
    EXPECT_TRUE(attendance_flag(attendance(5, 1), settings));
    EXPECT_FALSE(attendance_flag(attendance(0, 0), k_defaults));
}

TEST(AttendanceFlag, ThresholdIsConfigurable) {
    IndicatorSettings settings;
    settings.attendance_flag_below_rate = 0.95;
    EXPECT_TRUE(attendance_flag(attendance(20, 2), settings));
    EXPECT_FALSE(attendance_flag(attendance(20, 1), settings));  // exactly 95%
}

TEST(BehaviorFlag, OneSuspensionIsFlagged) {
    DisciplineSummary discipline;
    EXPECT_FALSE(behavior_flag(discipline, k_defaults));
    discipline.in_school_suspensions = 1;
    EXPECT_TRUE(behavior_flag(discipline, k_defaults));
    discipline = {};
    discipline.out_of_school_suspensions = 1;
    EXPECT_TRUE(behavior_flag(discipline, k_defaults));
}

TEST(BehaviorFlag, AnExpulsionIsFlagged) {
    DisciplineSummary discipline;
    discipline.expulsions = 1;
    EXPECT_TRUE(behavior_flag(discipline, k_defaults));
}

TEST(BehaviorFlag, IncidentsAloneAreNotFlaggedByDefault) {
    DisciplineSummary discipline;
    discipline.incidents = 25;
    EXPECT_FALSE(behavior_flag(discipline, k_defaults));
}

TEST(BehaviorFlag, ADistrictIncidentCountFlagsAtExactlyThatCount) {
    IndicatorSettings settings;
    settings.behavior_flag_minimum_incidents = 3;
    DisciplineSummary discipline;
    discipline.incidents = 2;
    EXPECT_FALSE(behavior_flag(discipline, settings));
    discipline.incidents = 3;
    EXPECT_TRUE(behavior_flag(discipline, settings));
}

TEST(BehaviorFlag, SuspensionCountIsConfigurable) {
    IndicatorSettings settings;
    settings.behavior_flag_minimum_suspensions = 2;
    DisciplineSummary discipline;
    discipline.in_school_suspensions = 1;
    EXPECT_FALSE(behavior_flag(discipline, settings));
    discipline.out_of_school_suspensions = 1;
    EXPECT_TRUE(behavior_flag(discipline, settings));
}

TEST(CoursePerformanceFlag, AFailingMarkInElaOrMathIsFlagged) {
    EXPECT_TRUE(course_performance_flag(courses({q1("ENG", "ela", "F"), q1("X1", "arts", "A"),
                                                 q1("X2", "arts", "A"), q1("X3", "arts", "A")}),
                                        k_defaults));
    EXPECT_TRUE(course_performance_flag(courses({q1("ALG", "math", "", 55.0)}), k_defaults));
}

TEST(CoursePerformanceFlag, AFailingMarkInAnotherSubjectIsNotFlaggedWithAGoodGpa) {
    EXPECT_FALSE(course_performance_flag(
        courses({q1("BIO", "science", "F"), q1("ENG", "ela", "A"), q1("ALG", "math", "A")}),
        k_defaults));  // GPA 2.67
}

TEST(CoursePerformanceFlag, AGpaOfExactlyTwoIsNotFlagged) {
    EXPECT_FALSE(course_performance_flag(courses({q1("ENG", "ela", "C+"), q1("ALG", "math", "C-")}),
                                         k_defaults));
    EXPECT_TRUE(course_performance_flag(
        courses({q1("ENG", "ela", "C"), q1("ALG", "math", "C-"), q1("BIO", "science", "C")}),
        k_defaults));  // 1.90
}

TEST(CoursePerformanceFlag, NoMarksNoFlag) {
    EXPECT_FALSE(course_performance_flag(courses({}), k_defaults));
    EXPECT_FALSE(course_performance_flag(courses({q1("ART", "arts", "I")}), k_defaults));
}

TEST(CoursePerformanceFlag, SubjectsAndGpaThresholdAreConfigurable) {
    IndicatorSettings settings;
    settings.course_flag_subjects = {"science"};
    settings.course_flag_gpa_below = 3.0;
    EXPECT_TRUE(course_performance_flag(courses({q1("BIO", "science", "F"), q1("A", "ela", "A"),
                                                 q1("B", "ela", "A"), q1("C", "ela", "A")}),
                                        settings));
    EXPECT_TRUE(course_performance_flag(courses({q1("ENG", "ela", "B-")}), settings));
    EXPECT_FALSE(course_performance_flag(courses({q1("ENG", "ela", "B")}), settings));
}

TEST(EarlyWarningFlags, CountsFlags) {
    EarlyWarningFlags flags{true, false, true};
    EXPECT_EQ(flags.count(), 2);
    EXPECT_TRUE(flags.has(WarningFlag::attendance));
    EXPECT_FALSE(flags.has(WarningFlag::behavior));
    EXPECT_EQ(to_code(WarningFlag::course_performance), "course_performance");
}

TEST(FlagChanges, ReportsRaisedAndClearedFlagsInOrder) {
    const auto changes = flag_changes({true, false, false}, {false, true, true});
    const std::vector<FlagChange> expected = {
        {WarningFlag::attendance, FlagChangeKind::cleared},
        {WarningFlag::behavior, FlagChangeKind::raised},
        {WarningFlag::course_performance, FlagChangeKind::raised}};
    EXPECT_EQ(changes, expected);
}

TEST(FlagChanges, UnchangedFlagsReportNothing) {
    EXPECT_TRUE(flag_changes({true, false, true}, {true, false, true}).empty());
}

}  // namespace
}  // namespace homeroom::metrics
