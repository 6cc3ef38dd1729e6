#include "metrics/subgroup_tables.h"

namespace homeroom::metrics {
namespace {

void add_row(CountTable& table, const SubgroupCounts& row) {
    const std::size_t index = table.counts.size() / k_subgroup_count;
    table.counts.insert(table.counts.end(), row.begin(), row.end());
    for (const SubgroupPartition& dimension : k_subgroup_partitions) {
        Partition partition{subgroup_cell(index, k_all_students), {}};
        for (std::size_t g = dimension.first; g < dimension.first + dimension.count; ++g)
            partition.parts.push_back(subgroup_cell(index, g));
        table.partitions.push_back(std::move(partition));
    }
}

}  // namespace

CountTable single_group_table(const SubgroupCounts& group) {
    CountTable table;
    add_row(table, group);
    return table;
}

CountTable schools_and_district_table(std::span<const SubgroupCounts> schools) {
    CountTable table;
    SubgroupCounts district{};
    for (const SubgroupCounts& school : schools) {
        add_row(table, school);
        for (std::size_t g = 0; g < k_subgroup_count; ++g) district[g] += school[g];
    }
    add_row(table, district);
    const std::size_t district_row = schools.size();
    for (std::size_t g = 0; g < k_subgroup_count; ++g) {
        Partition column{subgroup_cell(district_row, g), {}};
        for (std::size_t row = 0; row < schools.size(); ++row)
            column.parts.push_back(subgroup_cell(row, g));
        table.partitions.push_back(std::move(column));
    }
    return table;
}

}  // namespace homeroom::metrics
