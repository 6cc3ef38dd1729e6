#include "metrics/student_indicators.h"

#include <gtest/gtest.h>

#include "fixtures.h"
#include "metrics/student_changes.h"

namespace homeroom::metrics {
namespace {

using testing::absence;
using testing::day;
using testing::mark;
using enum AttendanceStatus;

const SchoolCalendar k_september = testing::weekdays("2025-09-01", "2025-09-26");

Incident incident(const char* id, const char* date) {
    Incident i;
    i.id = id;
    i.student_id = "S1";
    i.date = day(date);
    return i;
}

StudentRecords records() {
    StudentRecords r;
    r.student = testing::student("2025-09-01");
    r.attendance = {absence("2025-09-03", unexcused), absence("2025-09-10", unexcused),
                    absence("2025-09-17", excused), absence("2025-09-24", tardy)};
    r.marks = {mark("ENG", "ela", "Q1", "2025-09-01", "2025-11-07", "F"),
               mark("ALG", "math", "Q1", "2025-09-01", "2025-11-07", "B")};
    AssessmentResult test;
    test.subject = "math";
    test.date = day("2025-09-15");
    test.proficient = true;
    r.assessments = {test};
    r.incidents = {incident("I1", "2025-09-12")};
    r.discipline_actions = {{"I1", "out_of_school_suspension", 2}};
    return r;
}

TEST(StudentIndicators, ComputesEveryIndicatorOfAStudent) {
    const auto indicators =
        compute_student_indicators(records(), k_september, day("2025-09-26"), IndicatorSettings{});
    EXPECT_EQ(indicators.student_id, "S1");
    EXPECT_EQ(indicators.as_of, day("2025-09-26"));
    EXPECT_EQ(indicators.attendance.counts.enrolled_days, 20);
    EXPECT_DOUBLE_EQ(*indicators.attendance.counts.rate(), 0.85);
    EXPECT_TRUE(indicators.meets_attendance_minimum);
    EXPECT_TRUE(indicators.chronically_absent);
    EXPECT_EQ(indicators.weeks.size(), 4u);
    EXPECT_EQ(indicators.week.this_week.counts.tardies, 1);
    EXPECT_EQ(indicators.week.last_week.counts.excused_absences, 1);
    EXPECT_DOUBLE_EQ(indicators.courses.gpa->value(), 1.5);
    ASSERT_EQ(indicators.latest_assessments.size(), 1u);
    EXPECT_EQ(indicators.discipline.suspensions(), 1);
    EXPECT_EQ(indicators.flags, (EarlyWarningFlags{true, true, true}));
}

TEST(StudentIndicators, AnEarlierAsOfDateSeesAnEarlierStudent) {
    const auto indicators =
        compute_student_indicators(records(), k_september, day("2025-09-05"), IndicatorSettings{});
    EXPECT_EQ(indicators.attendance.counts.enrolled_days, 5);
    EXPECT_EQ(indicators.attendance.counts.absences(), 1);
    EXPECT_TRUE(indicators.latest_assessments.empty());
    EXPECT_EQ(indicators.discipline.incidents, 0);
    EXPECT_FALSE(indicators.flags.behavior);
}

TEST(NewMarks, ReportsNewAndChangedMarksButNotACommentAlone) {
    const std::vector<SectionMark> before = {
        mark("ENG", "ela", "Q1", "2025-09-01", "2025-11-07", "B"),
        mark("ALG", "math", "Q1", "2025-09-01", "2025-11-07", "C")};
    std::vector<SectionMark> now = before;
    now[0].mark.comment = "Reads every evening.";
    now[1].mark.letter = "F";
    now.push_back(mark("BIO", "science", "Q1", "2025-09-01", "2025-11-07", "A"));
    const auto changes = new_marks(before, now, GradeScale{});
    ASSERT_EQ(changes.size(), 2u);
    EXPECT_EQ(changes[0].mark.mark.section_id, "ALG");
    ASSERT_TRUE(changes[0].previous);
    EXPECT_EQ(changes[0].previous->letter, "C");
    EXPECT_TRUE(changes[0].failing);
    EXPECT_EQ(changes[1].mark.mark.section_id, "BIO");
    EXPECT_FALSE(changes[1].previous);
    EXPECT_FALSE(changes[1].failing);
}

TEST(NewMarks, AChangedPercentIsANewMark) {
    const std::vector<SectionMark> before = {
        mark("ALG", "math", "Q1", "2025-09-01", "2025-11-07", "", 72.0)};
    std::vector<SectionMark> now = before;
    now[0].mark.percent = 58.0;
    const auto changes = new_marks(before, now, GradeScale{});
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_TRUE(changes[0].failing);
}

TEST(NewMarks, AreSortedByMarkingPeriodThenSection) {
    const std::vector<SectionMark> now = {mark("B", "ela", "Q2", "2025-11-10", "2026-01-23", "A"),
                                          mark("C", "ela", "Q1", "2025-09-01", "2025-11-07", "A"),
                                          mark("A", "ela", "Q2", "2025-11-10", "2026-01-23", "A")};
    const auto changes = new_marks({}, now, GradeScale{});
    ASSERT_EQ(changes.size(), 3u);
    EXPECT_EQ(changes[0].mark.mark.section_id, "C");
    EXPECT_EQ(changes[1].mark.mark.section_id, "A");
    EXPECT_EQ(changes[2].mark.mark.section_id, "B");
}

TEST(NewIncidents, AreThoseThePreviousSnapshotDidNotHaveEvenIfBackdated) {
    const std::vector<Incident> before = {incident("I1", "2025-09-12")};
    const std::vector<Incident> now = {incident("I1", "2025-09-12"), incident("I3", "2025-09-20"),
                                       incident("I2", "2025-09-05")};  // entered late
    const auto added = new_incidents(before, now);
    ASSERT_EQ(added.size(), 2u);
    EXPECT_EQ(added[0].id, "I2");
    EXPECT_EQ(added[1].id, "I3");
}

TEST(IncidentsSince, TakesIncidentsAfterTheDateUpToAsOf) {
    const std::vector<Incident> incidents = {
        incident("I1", "2025-09-12"), incident("I2", "2025-09-13"), incident("I3", "2025-09-20"),
        incident("I4", "2025-09-21")};
    const auto recent = incidents_since(incidents, day("2025-09-12"), day("2025-09-20"));
    ASSERT_EQ(recent.size(), 2u);
    EXPECT_EQ(recent[0].id, "I2");
    EXPECT_EQ(recent[1].id, "I3");
}

TEST(StudentChanges, CombinesFlagsMarksAndIncidentsBetweenSnapshots) {
    const IndicatorSettings settings;
    StudentRecords before_records = records();
    before_records.incidents.clear();
    before_records.discipline_actions.clear();
    before_records.marks[0].mark.letter = "C";
    const auto before =
        compute_student_indicators(before_records, k_september, day("2025-09-19"), settings);
    const StudentRecords now_records = records();
    const auto now =
        compute_student_indicators(now_records, k_september, day("2025-09-26"), settings);

    const auto changes =
        changes_between(before_records, before, now_records, now, settings.grade_scale);
    EXPECT_FALSE(changes.empty());
    const std::vector<FlagChange> expected_flags = {
        {WarningFlag::behavior, FlagChangeKind::raised},
        {WarningFlag::course_performance, FlagChangeKind::raised}};
    EXPECT_EQ(changes.flags, expected_flags);
    ASSERT_EQ(changes.marks.size(), 1u);
    EXPECT_EQ(changes.marks[0].mark.mark.section_id, "ENG");
    ASSERT_EQ(changes.incidents.size(), 1u);
    EXPECT_EQ(changes.incidents[0].id, "I1");
}

TEST(StudentChanges, NothingChangedIsEmpty) {
    const IndicatorSettings settings;
    const StudentRecords r = records();
    const auto indicators = compute_student_indicators(r, k_september, day("2025-09-26"), settings);
    EXPECT_TRUE(changes_between(r, indicators, r, indicators, settings.grade_scale).empty());
}

}  // namespace
}  // namespace homeroom::metrics
