// The student groups that public aggregates are broken down by. Each dimension other than "all
// students" splits all students into parts that add up to them: suppression relies on exactly
// that (a part's count is the total minus the other parts).
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "core/records.h"

namespace homeroom::metrics {

enum class SubgroupDimension {
    all_students,
    gender,
    race_ethnicity,
    english_learner,
    special_education,
    economically_disadvantaged,
};
std::string_view to_code(SubgroupDimension dimension);

struct Subgroup {
    SubgroupDimension dimension;
    // The student field's code ("F", "black"); "yes" / "no" for the yes-or-no dimensions; "all".
    std::string_view code;
};

inline constexpr std::size_t k_subgroup_count = 18;
// In display order; an aggregate's cells are indexed the same way.
inline constexpr std::array<Subgroup, k_subgroup_count> k_subgroups = {{
    {SubgroupDimension::all_students, "all"},
    {SubgroupDimension::gender, "F"},
    {SubgroupDimension::gender, "M"},
    {SubgroupDimension::gender, "X"},
    {SubgroupDimension::race_ethnicity, "american_indian"},
    {SubgroupDimension::race_ethnicity, "asian"},
    {SubgroupDimension::race_ethnicity, "black"},
    {SubgroupDimension::race_ethnicity, "hispanic"},
    {SubgroupDimension::race_ethnicity, "pacific_islander"},
    {SubgroupDimension::race_ethnicity, "white"},
    {SubgroupDimension::race_ethnicity, "two_or_more"},
    {SubgroupDimension::race_ethnicity, "not_reported"},
    {SubgroupDimension::english_learner, "yes"},
    {SubgroupDimension::english_learner, "no"},
    {SubgroupDimension::special_education, "yes"},
    {SubgroupDimension::special_education, "no"},
    {SubgroupDimension::economically_disadvantaged, "yes"},
    {SubgroupDimension::economically_disadvantaged, "no"},
}};
inline constexpr std::size_t k_all_students = 0;

// The subgroups [first, first + count) of one dimension; together they are all students.
struct SubgroupPartition {
    SubgroupDimension dimension;
    std::size_t first;
    std::size_t count;
};
inline constexpr std::array<SubgroupPartition, 5> k_subgroup_partitions = {{
    {SubgroupDimension::gender, 1, 3},
    {SubgroupDimension::race_ethnicity, 4, 8},
    {SubgroupDimension::english_learner, 12, 2},
    {SubgroupDimension::special_education, 14, 2},
    {SubgroupDimension::economically_disadvantaged, 16, 2},
}};

// The index of every subgroup the student is in: all students, then one per partition.
using StudentSubgroups = std::array<std::size_t, 1 + k_subgroup_partitions.size()>;

// Throws std::invalid_argument for a gender or race/ethnicity code outside the vocabulary: such a
// student would belong to no part, and the parts would no longer add up to the total.
StudentSubgroups subgroups_of(const Student& student);

}  // namespace homeroom::metrics
