// The count tables of published subgroup breakdowns, with every relation a reader can use:
// within a row, each dimension's parts add up to the row's all-students cell; down a column, the
// schools add up to the district.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "metrics/count_table.h"
#include "metrics/subgroups.h"

namespace homeroom::metrics {

using SubgroupCounts = std::array<std::int64_t, k_subgroup_count>;

// The cell of (row, subgroup) in the tables below.
constexpr std::size_t subgroup_cell(std::size_t row, std::size_t subgroup) {
    return row * k_subgroup_count + subgroup;
}

// One group on its own: one row of k_subgroup_count cells.
CountTable single_group_table(const SubgroupCounts& group);

// The schools as rows 0 .. n-1 and, as row n, the district: their sum, computed here so that the
// column relations hold exactly.
CountTable schools_and_district_table(std::span<const SubgroupCounts> schools);

}  // namespace homeroom::metrics
