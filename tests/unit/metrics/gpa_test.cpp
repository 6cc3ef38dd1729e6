#include "metrics/gpa.h"

#include <gtest/gtest.h>

namespace homeroom::metrics {
namespace {

Mark letter(const std::string& l) {
    Mark m;
    m.letter = l;
    return m;
}

Mark percent(double p) {
    Mark m;
    m.percent = p;
    return m;
}

const GradeScale k_scale;

TEST(GradePoints, FollowTheDefaultFourPointScale) {
    const std::vector<std::pair<std::string, int>> expected = {
        {"A+", 400}, {"A", 400},  {"A-", 370}, {"B+", 330}, {"B", 300}, {"B-", 270}, {"C+", 230},
        {"C", 200},  {"C-", 170}, {"D+", 130}, {"D", 100},  {"D-", 70}, {"F", 0}};
    for (const auto& [l, points] : expected)
        EXPECT_EQ(grade_points_hundredths(letter(l), k_scale), points) << l;
}

TEST(GradePoints, PassAndIncompleteAreLeftOut) {
    EXPECT_FALSE(grade_points_hundredths(letter("P"), k_scale));
    EXPECT_FALSE(grade_points_hundredths(letter("I"), k_scale));
    EXPECT_FALSE(is_failing(letter("P"), k_scale));
    EXPECT_FALSE(is_failing(letter("I"), k_scale));
}

TEST(GradePoints, AMarkWithNeitherLetterNorPercentIsLeftOut) {
    EXPECT_FALSE(grade_points_hundredths(Mark{}, k_scale));
    EXPECT_EQ(effective_letter(Mark{}, k_scale), "");
}

TEST(GradePoints, APercentOnlyMarkMapsThroughTheCutoffs) {
    EXPECT_EQ(effective_letter(percent(100), k_scale), "A");
    EXPECT_EQ(effective_letter(percent(90), k_scale), "A");
    EXPECT_EQ(effective_letter(percent(89.99), k_scale), "B");
    EXPECT_EQ(effective_letter(percent(80), k_scale), "B");
    EXPECT_EQ(effective_letter(percent(79.5), k_scale), "C");
    EXPECT_EQ(effective_letter(percent(70), k_scale), "C");
    EXPECT_EQ(effective_letter(percent(60), k_scale), "D");
    EXPECT_EQ(effective_letter(percent(59.99), k_scale), "F");
    EXPECT_EQ(effective_letter(percent(0), k_scale), "F");
    EXPECT_EQ(grade_points_hundredths(percent(85), k_scale), 300);
}

TEST(GradePoints, CutoffsAreConfigurableInAnyOrder) {
    GradeScale scale;
    scale.percent_cutoffs = {{65, "D"}, {93, "A"}, {85, "B"}, {75, "C"}};
    EXPECT_EQ(effective_letter(percent(92), scale), "B");
    EXPECT_EQ(effective_letter(percent(93), scale), "A");
    EXPECT_EQ(effective_letter(percent(64), scale), "F");
    EXPECT_TRUE(is_failing(percent(64), scale));
}

TEST(Failing, IsAnFOrAPercentBelowSixty) {
    EXPECT_TRUE(is_failing(letter("F"), k_scale));
    EXPECT_TRUE(is_failing(percent(59), k_scale));
    EXPECT_FALSE(is_failing(percent(60), k_scale));
    EXPECT_FALSE(is_failing(letter("D-"), k_scale));
}

TEST(Failing, TheTeachersLetterDecidesOverAPercentGivenWithIt) {
    Mark m = letter("D");
    m.percent = 40;
    EXPECT_FALSE(is_failing(m, k_scale));
    EXPECT_EQ(grade_points_hundredths(m, k_scale), 100);
}

TEST(Gpa, IsExactWhereFloatingPointIsNot) {
    Gpa gpa;  // C+ and C- average exactly 2.0
    gpa.add(230);
    gpa.add(170);
    EXPECT_FALSE(gpa.is_below(2.0));
    EXPECT_DOUBLE_EQ(gpa.value(), 2.0);
    gpa.add(199);
    EXPECT_TRUE(gpa.is_below(2.0));
}

TEST(Gpa, AveragesGradedCourses) {
    Gpa gpa;
    gpa.add(400);
    gpa.add(300);
    gpa.add(270);
    EXPECT_EQ(gpa.graded_courses, 3);
    EXPECT_NEAR(gpa.value(), 3.2333333, 1e-6);
    EXPECT_DOUBLE_EQ(Gpa{}.value(), 0.0);
}

TEST(GradeScale, ACustomScaleChangesPointsAndFailing) {
    GradeScale scale;
    scale.letters = {{"E", 4.0, false}, {"S", 3.0, false}, {"N", 1.0, false}, {"U", 0.0, true}};
    EXPECT_EQ(grade_points_hundredths(letter("S"), scale), 300);
    EXPECT_TRUE(is_failing(letter("U"), scale));
    EXPECT_FALSE(grade_points_hundredths(letter("A"), scale));
}

}  // namespace
}  // namespace homeroom::metrics
