#include "metrics/course_performance.h"

#include <gtest/gtest.h>

#include "fixtures.h"
#include "metrics/assessment_summary.h"

namespace homeroom::metrics {
namespace {

using testing::day;
using testing::mark;

SectionMark q1(const std::string& section, const std::string& subject, const std::string& letter) {
    return mark(section, subject, "Q1", "2025-09-01", "2025-11-07", letter);
}
SectionMark q2(const std::string& section, const std::string& subject, const std::string& letter) {
    return mark(section, subject, "Q2", "2025-11-10", "2026-01-23", letter);
}

const GradeScale k_scale;

TEST(CoursePerformance, UsesEachSectionsLatestMarkingPeriodAsOfTheDate) {
    const std::vector<SectionMark> marks = {q2("ALG", "math", "F"), q1("ALG", "math", "B")};
    const auto in_q2 = summarize_courses(marks, day("2025-12-01"), k_scale);
    ASSERT_EQ(in_q2.sections.size(), 1u);
    EXPECT_EQ(in_q2.sections[0].marks.size(), 2u);
    EXPECT_EQ(in_q2.sections[0].marks[0].mark.marking_period_id, "Q1");
    EXPECT_EQ(in_q2.sections[0].latest().mark.letter, "F");
    EXPECT_TRUE(in_q2.sections[0].failing);
    EXPECT_EQ(in_q2.failing_section_ids, std::vector<std::string>{"ALG"});

    // Before Q2 began, its mark does not exist yet for this date.
    const auto in_q1 = summarize_courses(marks, day("2025-10-15"), k_scale);
    ASSERT_EQ(in_q1.sections.size(), 1u);
    EXPECT_EQ(in_q1.sections[0].marks.size(), 1u);
    EXPECT_EQ(in_q1.sections[0].latest().mark.letter, "B");
    EXPECT_FALSE(in_q1.sections[0].failing);
}

TEST(CoursePerformance, GpaAveragesLatestGradedMarksAndLeavesOutPass) {
    const std::vector<SectionMark> marks = {q1("ENG", "ela", "A"), q1("BIO", "science", "B"),
                                            q1("ART", "arts", "P"),
                                            q1("GYM", "physical_education", "I")};
    const auto courses = summarize_courses(marks, day("2025-10-15"), k_scale);
    ASSERT_TRUE(courses.gpa);
    EXPECT_EQ(courses.gpa->graded_courses, 2);
    EXPECT_DOUBLE_EQ(courses.gpa->value(), 3.5);
    EXPECT_EQ(courses.sections.size(), 4u);
    EXPECT_EQ(courses.sections[0].section_id, "ART");  // by section id
    EXPECT_FALSE(courses.sections[0].points_hundredths);
}

TEST(CoursePerformance, NoGradedMarkMeansNoGpa) {
    const std::vector<SectionMark> marks = {q1("ART", "arts", "P")};
    EXPECT_FALSE(summarize_courses(marks, day("2025-10-15"), k_scale).gpa);
    EXPECT_FALSE(summarize_courses({}, day("2025-10-15"), k_scale).gpa);
}

TEST(CoursePerformance, APercentOnlyMarkBelowSixtyIsFailing) {
    const std::vector<SectionMark> marks = {
        mark("ALG", "math", "Q1", "2025-09-01", "2025-11-07", "", 59.5)};
    const auto courses = summarize_courses(marks, day("2025-10-15"), k_scale);
    EXPECT_TRUE(courses.sections[0].failing);
    EXPECT_EQ(courses.gpa->total_points_hundredths, 0);
}

TEST(CoursePerformance, FindsFailingSectionsBySubject) {
    const std::vector<SectionMark> marks = {q1("BIO", "science", "F"), q1("ENG", "ela", "C")};
    const auto courses = summarize_courses(marks, day("2025-10-15"), k_scale);
    const std::vector<std::string> core = {"ela", "math"};
    const std::vector<std::string> science = {"science"};
    EXPECT_FALSE(courses.has_failing_section_in(core));
    EXPECT_TRUE(courses.has_failing_section_in(science));
}

TEST(LatestAssessments, KeepsTheLatestResultPerSubjectAsOfTheDate) {
    auto result = [](const char* subject, const char* date, bool proficient, int level) {
        AssessmentResult r;
        r.test = "M-STEP";
        r.subject = subject;
        r.date = day(date);
        r.proficient = proficient;
        r.performance_level = level;
        return r;
    };
    const std::vector<AssessmentResult> results = {
        result("math", "2025-05-01", false, 2), result("math", "2025-10-01", true, 3),
        result("math", "2026-01-10", false, 1),  // after the as-of date
        result("ela", "2025-05-01", true, 4)};
    const auto latest = latest_assessments(results, day("2025-12-01"));
    ASSERT_EQ(latest.size(), 2u);
    EXPECT_EQ(latest[0].subject, "ela");
    EXPECT_EQ(latest[1].subject, "math");
    EXPECT_EQ(latest[1].date, day("2025-10-01"));
    EXPECT_TRUE(latest[1].proficient);
    EXPECT_TRUE(latest_assessments(results, day("2025-01-01")).empty());
}

}  // namespace
}  // namespace homeroom::metrics
