// The everyday case of the product brief: 50,000 students in 100 schools with a school year of
// daily attendance. Checks that the pipeline stays linear and consistent at that size; the time
// is recorded as a test property (timing assertions would be flaky under sanitizers).
#include <gtest/gtest.h>

#include <chrono>

#include "fixtures.h"
#include "metrics/group_aggregates.h"
#include "metrics/publication.h"
#include "metrics/student_indicators.h"

namespace homeroom::metrics {
namespace {

using testing::day;

struct Random {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
};

StudentRecords synthetic_student(Random& random, int index, const SchoolCalendar& calendar) {
    static const char* genders[] = {"F", "M", "X"};
    static const char* races[] = {"american_indian",  "asian", "black",       "hispanic",
                                  "pacific_islander", "white", "two_or_more", "not_reported"};
    static const char* subjects[] = {"ela", "math", "science", "social_studies"};
    static const char* letters[] = {"A", "B+", "B", "C", "C-", "D", "F"};
    StudentRecords r;
    r.student = testing::student("2025-09-02");
    r.student.id = "S" + std::to_string(index);
    r.student.gender = std::string(genders[random.below(40) == 0 ? 2 : random.below(2)]);
    r.student.race_ethnicity = std::string(races[random.below(8)]);
    r.student.english_learner = random.below(6) == 0;
    r.student.special_education = random.below(7) == 0;
    r.student.economically_disadvantaged = random.below(2) == 0;
    if (random.below(20) == 0)
        r.student.exit_date = day("2026-01-16");
    const auto days = calendar.days();
    const int absences = random.below(4) == 0 ? 10 + random.below(30) : random.below(10);
    for (int a = 0; a < absences; ++a)
        r.attendance.push_back(
            {r.student.id,
             days[static_cast<std::size_t>(random.below(static_cast<int>(days.size())))],
             static_cast<AttendanceStatus>(1 + random.below(4)), 0});
    for (int s = 0; s < 4; ++s)
        for (int q = 0; q < 2; ++q)
            r.marks.push_back(
                testing::mark("SEC" + std::to_string(s), subjects[s], q == 0 ? "Q1" : "Q2",
                              q == 0 ? "2025-09-02" : "2025-11-10",
                              q == 0 ? "2025-11-07" : "2026-01-23", letters[random.below(7)]));
    for (int t = 0; t < 2; ++t) {
        AssessmentResult result;
        result.subject = subjects[t];
        result.date = day("2025-10-15");
        result.proficient = random.below(2) == 0;
        r.assessments.push_back(result);
    }
    if (random.below(5) == 0) {
        Incident incident;
        incident.id = "I" + std::to_string(index);
        incident.date = day("2025-10-01");
        r.incidents.push_back(incident);
        if (random.below(2) == 0)
            r.discipline_actions.push_back({incident.id, "out_of_school_suspension", 2});
    }
    return r;
}

TEST(DistrictScale, FiftyThousandStudentsInAHundredSchoolsComputeConsistently) {
    const SchoolCalendar calendar = testing::weekdays("2025-09-02", "2026-06-12");
    const Date as_of = day("2026-05-01");
    const IndicatorSettings settings;
    constexpr int k_schools = 100, k_students_per_school = 500;

    // Generate all records first so that the timing covers only the metrics.
    Random random{2026};
    std::vector<StudentRecords> students;
    students.reserve(k_schools * k_students_per_school);
    for (int i = 0; i < k_schools * k_students_per_school; ++i)
        students.push_back(synthetic_student(random, i, calendar));

    const auto start = std::chrono::steady_clock::now();
    std::vector<GroupAggregates> schools(k_schools);
    std::int64_t flagged = 0;
    for (std::size_t i = 0; i < students.size(); ++i) {
        const StudentIndicators indicators =
            compute_student_indicators(students[i], calendar, as_of, settings);
        flagged += indicators.flags.count() > 0 ? 1 : 0;
        add_student(schools[i / k_students_per_school], students[i].student, indicators);
    }
    const auto computed = std::chrono::steady_clock::now();

    GroupAggregates district;
    for (const GroupAggregates& school : schools) district += school;
    std::size_t published_tables = 0;
    for (const MeasureId& id : district.measures()) {
        std::vector<SubgroupCells> cells;
        for (const GroupAggregates& school : schools) cells.push_back(school.cells(id));
        const PublishedTable table =
            publish_measure(cells, value_format(id.measure), SuppressionSettings{});
        ASSERT_EQ(table.schools.size(), schools.size());
        ++published_tables;
    }
    const auto published = std::chrono::steady_clock::now();

    using std::chrono::duration_cast, std::chrono::milliseconds;
    RecordProperty("indicators_and_aggregates_ms",
                   static_cast<int>(duration_cast<milliseconds>(computed - start).count()));
    RecordProperty("suppression_ms",
                   static_cast<int>(duration_cast<milliseconds>(published - computed).count()));
    std::printf("50,000 students: indicators + aggregates %lld ms, %zu tables published %lld ms\n",
                static_cast<long long>(duration_cast<milliseconds>(computed - start).count()),
                published_tables,
                static_cast<long long>(duration_cast<milliseconds>(published - computed).count()));

    EXPECT_EQ(district.suspension_rate[k_all_students].students, 50000);
    EXPECT_EQ(district.students_by_flag_count[0][k_all_students].numerator +
                  district.students_by_flag_count[1][k_all_students].numerator +
                  district.students_by_flag_count[2][k_all_students].numerator +
                  district.students_by_flag_count[3][k_all_students].numerator,
              district.enrollment[k_all_students].students);
    EXPECT_GT(flagged, 0);
}

}  // namespace
}  // namespace homeroom::metrics
