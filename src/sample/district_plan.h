// How many schools of which level, their names and addresses, and how many students of each
// grade each one has. Decided up front (it is small) so that schools can then be generated
// one at a time.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/records.h"

namespace homeroom::sample {

inline constexpr int k_grade_count = 13;  // K (0) to 12

struct SchoolPlan {
    std::size_t index = 0;  // position in the district, 0-based
    School school;
    int low_grade = 0, high_grade = 0;  // 0 = K
    std::array<int, k_grade_count> students_by_grade{};
    std::uint64_t first_student_number = 0;  // students are numbered consecutively from here

    int student_count() const;
};

// Every grade from K to 12 is served whatever the number of schools: one school is a K-12,
// two are a K-8 and a high school, three or more mix elementary, middle and high schools
// (and some K-8s in larger districts). The students add up to exactly `students`.
std::vector<SchoolPlan> plan_district(int students, int schools, std::uint64_t seed);

// "K", "1", ... "12".
std::string grade_code(int grade);

}  // namespace homeroom::sample
