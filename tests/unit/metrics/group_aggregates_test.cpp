#include "metrics/group_aggregates.h"

#include <gtest/gtest.h>

#include "fixtures.h"

namespace homeroom::metrics {
namespace {

using testing::day;

const Date k_as_of = day("2025-09-26");

std::size_t index_of(SubgroupDimension dimension, std::string_view code) {
    for (std::size_t g = 0; g < k_subgroup_count; ++g)
        if (k_subgroups[g].dimension == dimension && k_subgroups[g].code == code)
            return g;
    throw std::logic_error("no such subgroup");
}

struct Pupil {
    Student student;
    StudentIndicators indicators;
};

Pupil pupil(const char* gender, bool english_learner, int enrolled, int absent) {
    Pupil p;
    p.student = testing::student("2025-09-01");
    p.student.gender = std::string(gender);
    p.student.english_learner = english_learner;
    p.indicators.as_of = k_as_of;
    p.indicators.attendance.counts.enrolled_days = enrolled;
    p.indicators.attendance.counts.unexcused_absences = absent;
    p.indicators.meets_attendance_minimum = enrolled > 0;
    p.indicators.chronically_absent =
        is_chronically_absent(p.indicators.attendance.counts, IndicatorSettings{});
    return p;
}

AssessmentResult test(const char* subject, bool proficient) {
    AssessmentResult r;
    r.subject = subject;
    r.proficient = proficient;
    return r;
}

TEST(GroupAggregates, SumsAttendanceDaysAndChronicStudentsBySubgroup) {
    GroupAggregates aggregates;
    const std::vector<Pupil> pupils = {pupil("F", true, 20, 3), pupil("F", false, 20, 0),
                                       pupil("M", false, 10, 1)};
    for (const Pupil& p : pupils) add_student(aggregates, p.student, p.indicators);

    const Cell& all = aggregates.attendance_rate[k_all_students];
    EXPECT_EQ(all.students, 3);
    EXPECT_EQ(all.numerator, 17 + 20 + 9);  // sum present / sum enrolled, not a mean of rates
    EXPECT_EQ(all.denominator, 50);
    EXPECT_DOUBLE_EQ(*all.rate(), 46.0 / 50.0);

    const Cell& chronic = aggregates.chronic_absenteeism[k_all_students];
    EXPECT_EQ(chronic.numerator, 2);  // 3 of 20, 1 of 10
    EXPECT_EQ(chronic.denominator, 3);

    const Cell& girls = aggregates.chronic_absenteeism[index_of(SubgroupDimension::gender, "F")];
    EXPECT_EQ(girls, (Cell{2, 1, 2}));
    const Cell& learners =
        aggregates.attendance_rate[index_of(SubgroupDimension::english_learner, "yes")];
    EXPECT_EQ(learners, (Cell{1, 17, 20}));
    EXPECT_EQ(aggregates.enrollment[index_of(SubgroupDimension::gender, "X")], Cell{});
}

TEST(GroupAggregates, StudentsWithoutTheMinimumOfDaysAreLeftOutOfAttendance) {
    GroupAggregates aggregates;
    const Pupil p = pupil("F", false, 0, 0);
    add_student(aggregates, p.student, p.indicators);
    EXPECT_EQ(aggregates.attendance_rate[k_all_students].students, 0);
    EXPECT_EQ(aggregates.chronic_absenteeism[k_all_students].students, 0);
    EXPECT_EQ(aggregates.enrollment[k_all_students].students, 1);
}

TEST(GroupAggregates, ProficiencyIsPerSubjectOverTestedStudents) {
    GroupAggregates aggregates;
    Pupil a = pupil("F", false, 20, 0), b = pupil("M", false, 20, 0), c = pupil("M", true, 20, 0);
    a.indicators.latest_assessments = {test("ela", true), test("math", false)};
    b.indicators.latest_assessments = {test("math", true)};
    for (const Pupil* p : {&a, &b, &c}) add_student(aggregates, p->student, p->indicators);
    EXPECT_EQ(aggregates.proficiency.at("math")[k_all_students], (Cell{2, 1, 2}));
    EXPECT_EQ(aggregates.proficiency.at("ela")[k_all_students], (Cell{1, 1, 1}));
    EXPECT_EQ(aggregates.cells({Measure::proficiency, "science"})[k_all_students], Cell{});
}

TEST(GroupAggregates, SuspensionRateCountsEveryoneEnrolledThisYearIncludingLeavers) {
    GroupAggregates aggregates;
    Pupil stayed = pupil("F", false, 20, 0), left = pupil("M", false, 10, 0);
    left.student.exit_date = day("2025-09-12");
    left.indicators.discipline.out_of_school_suspensions = 1;
    add_student(aggregates, stayed.student, stayed.indicators);
    add_student(aggregates, left.student, left.indicators);
    EXPECT_EQ(aggregates.suspension_rate[k_all_students], (Cell{2, 1, 2}));
    EXPECT_EQ(aggregates.enrollment[k_all_students].students, 1);  // enrolled on the as-of date
    EXPECT_EQ(aggregates.behavior_flag[k_all_students].students, 1);
}

TEST(GroupAggregates, StudentsEnteringAfterAsOfAreNotCounted) {
    GroupAggregates aggregates;
    Pupil p = pupil("F", false, 0, 0);
    p.student.entry_date = day("2025-10-01");
    add_student(aggregates, p.student, p.indicators);
    EXPECT_EQ(aggregates.suspension_rate[k_all_students].students, 0);
    EXPECT_EQ(aggregates.enrollment[k_all_students].students, 0);
}

TEST(GroupAggregates, CountsStudentsByNumberOfFlagsAndPerFlag) {
    GroupAggregates aggregates;
    Pupil none = pupil("F", false, 20, 0), two = pupil("F", false, 20, 0),
          three = pupil("M", false, 20, 0);
    two.indicators.flags = {true, false, true};
    three.indicators.flags = {true, true, true};
    for (const Pupil* p : {&none, &two, &three}) add_student(aggregates, p->student, p->indicators);
    EXPECT_EQ(aggregates.students_by_flag_count[0][k_all_students].numerator, 1);
    EXPECT_EQ(aggregates.students_by_flag_count[1][k_all_students].numerator, 0);
    EXPECT_EQ(aggregates.students_by_flag_count[2][k_all_students].numerator, 1);
    EXPECT_EQ(aggregates.students_by_flag_count[3][k_all_students].numerator, 1);
    EXPECT_EQ(aggregates.attendance_flag[k_all_students], (Cell{3, 2, 3}));
    EXPECT_EQ(aggregates.behavior_flag[k_all_students], (Cell{3, 1, 3}));
    EXPECT_EQ(aggregates.cells({Measure::two_flags, {}})[k_all_students], (Cell{3, 1, 3}));
}

TEST(GroupAggregates, AddingSchoolsEqualsAggregatingTheirStudentsTogether) {
    GroupAggregates school_a, school_b, together;
    Pupil a = pupil("F", true, 20, 3), b = pupil("M", false, 20, 1);
    a.indicators.latest_assessments = {test("ela", true)};
    b.indicators.latest_assessments = {test("math", false)};
    b.indicators.flags.behavior = true;
    add_student(school_a, a.student, a.indicators);
    add_student(school_b, b.student, b.indicators);
    add_student(together, a.student, a.indicators);
    add_student(together, b.student, b.indicators);
    GroupAggregates district = school_a;
    district += school_b;
    for (const MeasureId& id : together.measures())
        EXPECT_EQ(district.cells(id), together.cells(id)) << to_code(id.measure) << id.subject;
    EXPECT_EQ(district.measures(), together.measures());
}

TEST(GroupAggregates, ListsMeasuresInDisplayOrderWithEachTestedSubject) {
    GroupAggregates aggregates;
    aggregates.proficiency["math"];
    aggregates.proficiency["ela"];
    const auto ids = aggregates.measures();
    ASSERT_EQ(ids.size(), 13u);
    EXPECT_EQ(ids[0].measure, Measure::enrollment);
    EXPECT_EQ(ids[4], (MeasureId{Measure::proficiency, "ela"}));
    EXPECT_EQ(ids[5], (MeasureId{Measure::proficiency, "math"}));
    EXPECT_EQ(ids[12].measure, Measure::three_flags);
    EXPECT_EQ(value_format(Measure::enrollment), ValueFormat::count);
    EXPECT_EQ(value_format(Measure::attendance_rate), ValueFormat::day_share);
    EXPECT_EQ(value_format(Measure::chronic_absenteeism), ValueFormat::student_share);
}

TEST(GroupAggregates, EveryDimensionAddsUpToAllStudents) {
    GroupAggregates aggregates;
    const char* genders[] = {"F", "M", "X"};
    const char* races[] = {"asian", "black", "white", "two_or_more"};
    for (int i = 0; i < 200; ++i) {
        Pupil p = pupil(genders[i % 3], i % 7 == 0, 20, i % 4);
        p.student.race_ethnicity = std::string(races[i % 4]);
        p.student.special_education = i % 5 == 0;
        p.student.economically_disadvantaged = i % 2 == 0;
        p.indicators.latest_assessments = {test("math", i % 3 == 0)};
        p.indicators.flags = {i % 4 >= 2, i % 6 == 0, i % 9 == 0};
        add_student(aggregates, p.student, p.indicators);
    }
    for (const MeasureId& id : aggregates.measures()) {
        const SubgroupCells cells = aggregates.cells(id);
        for (const SubgroupPartition& partition : k_subgroup_partitions) {
            Cell sum;
            for (std::size_t g = partition.first; g < partition.first + partition.count; ++g)
                sum += cells[g];
            EXPECT_EQ(sum, cells[k_all_students]) << to_code(id.measure);
        }
    }
}

}  // namespace
}  // namespace homeroom::metrics
