#include "sample/district_plan.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace homeroom::sample {
namespace {

int total(const std::vector<SchoolPlan>& plans) {
    int n = 0;
    for (const auto& p : plans) n += p.student_count();
    return n;
}

TEST(DistrictPlan, HasExactlyTheStudentsAskedFor) {
    for (const auto& [students, schools] :
         std::vector<std::pair<int, int>>{{1, 1}, {13, 2}, {300, 3}, {2000, 6}, {50000, 100}})
        EXPECT_EQ(total(plan_district(students, schools, 1)), students);
}

TEST(DistrictPlan, ServesEveryGradeWhateverTheNumberOfSchools) {
    for (const int schools : {1, 2, 3, 6, 100}) {
        const auto plans = plan_district(5000, schools, 9);
        ASSERT_EQ(plans.size(), static_cast<std::size_t>(schools));
        for (int g = 0; g < k_grade_count; ++g) {
            int served = 0;
            for (const auto& p : plans) served += p.low_grade <= g && g <= p.high_grade ? 1 : 0;
            EXPECT_GT(served, 0) << "grade " << g << " with " << schools << " schools";
        }
        for (const auto& p : plans) {
            for (int g = 0; g < k_grade_count; ++g) {
                if (g < p.low_grade || g > p.high_grade) {
                    EXPECT_EQ(p.students_by_grade[static_cast<std::size_t>(g)], 0);
                }
            }
        }
    }
}

TEST(DistrictPlan, MixesLevelsLikeARealDistrict) {
    std::map<std::string, int> levels;
    for (const auto& p : plan_district(50000, 100, 1)) ++levels[p.school.level];
    EXPECT_EQ(levels["high"], 20);
    EXPECT_EQ(levels["middle"], 20);
    EXPECT_EQ(levels["k8"], 5);
    EXPECT_EQ(levels["elementary"], 55);
    EXPECT_EQ(plan_district(10, 1, 1)[0].school.level, "k12");
}

TEST(DistrictPlan, GivesEverySchoolAUniqueIdAndName) {
    const auto plans = plan_district(50000, 300, 2);
    std::set<std::string> ids, names;
    std::uint64_t next = plans.front().first_student_number;
    for (const auto& p : plans) {
        EXPECT_TRUE(ids.insert(p.school.id).second) << p.school.id;
        EXPECT_TRUE(names.insert(p.school.name).second) << p.school.name;
        EXPECT_FALSE(p.school.address.empty());
        EXPECT_EQ(p.first_student_number, next);
        next += static_cast<std::uint64_t>(p.student_count());
    }
}

TEST(DistrictPlan, DependsOnlyOnItsInputs) {
    const auto a = plan_district(2000, 6, 5);
    const auto b = plan_district(2000, 6, 5);
    const auto c = plan_district(2000, 6, 6);
    bool differs = false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].school.name, b[i].school.name);
        EXPECT_EQ(a[i].students_by_grade, b[i].students_by_grade);
        differs = differs || a[i].school.name != c[i].school.name;
    }
    EXPECT_TRUE(differs);
}

}  // namespace
}  // namespace homeroom::sample
