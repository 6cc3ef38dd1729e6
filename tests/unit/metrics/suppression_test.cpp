#include "metrics/suppression.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "metrics/linear_disclosure.h"
#include "metrics/subgroup_tables.h"

namespace homeroom::metrics {
namespace {

using enum SuppressionReason;

// Cell 0 is the total of cells 1..n.
CountTable partition_table(std::vector<std::int64_t> parts) {
    CountTable table;
    table.counts.push_back(std::accumulate(parts.begin(), parts.end(), std::int64_t{0}));
    Partition partition{0, {}};
    for (std::int64_t count : parts) {
        partition.parts.push_back(table.counts.size());
        table.counts.push_back(count);
    }
    table.partitions.push_back(partition);
    return table;
}

std::vector<bool> hidden_of(const std::vector<SuppressionReason>& reasons) {
    std::vector<bool> hidden;
    for (SuppressionReason reason : reasons) hidden.push_back(reason != none);
    return hidden;
}

// A rows x columns table with row totals, column totals and a grand total; the interior cell
// (r, c) is r * columns + c.
struct GridTable {
    std::size_t rows, columns;
    CountTable table;
    std::size_t row_total(std::size_t r) const { return rows * columns + r; }
    std::size_t column_total(std::size_t c) const { return rows * columns + rows + c; }
    std::size_t grand_total() const { return rows * columns + rows + columns; }
};

GridTable grid_table(const std::vector<std::vector<std::int64_t>>& interior) {
    GridTable grid{interior.size(), interior.front().size(), {}};
    CountTable& t = grid.table;
    for (const auto& row : interior) t.counts.insert(t.counts.end(), row.begin(), row.end());
    std::int64_t grand = 0;
    for (std::size_t r = 0; r < grid.rows; ++r) {
        Partition row{grid.rows * grid.columns + r, {}};
        std::int64_t sum = 0;
        for (std::size_t c = 0; c < grid.columns; ++c) {
            row.parts.push_back(r * grid.columns + c);
            sum += interior[r][c];
        }
        t.counts.push_back(sum);
        grand += sum;
        t.partitions.push_back(row);
    }
    for (std::size_t c = 0; c < grid.columns; ++c) {
        Partition column{grid.rows * grid.columns + grid.rows + c, {}};
        std::int64_t sum = 0;
        for (std::size_t r = 0; r < grid.rows; ++r) {
            column.parts.push_back(r * grid.columns + c);
            sum += interior[r][c];
        }
        t.counts.push_back(sum);
        t.partitions.push_back(column);
    }
    t.counts.push_back(grand);
    Partition by_rows{grid.grand_total(), {}}, by_columns{grid.grand_total(), {}};
    for (std::size_t r = 0; r < grid.rows; ++r) by_rows.parts.push_back(grid.row_total(r));
    for (std::size_t c = 0; c < grid.columns; ++c) by_columns.parts.push_back(grid.column_total(c));
    t.partitions.push_back(by_rows);
    t.partitions.push_back(by_columns);
    return grid;
}

// An independent check of linear_disclosure.h, in floating point with partial pivoting: the
// reduced row echelon form of the relations over hidden cells has a row with a single non-zero
// entry exactly for the determined cells.
std::vector<std::size_t> determined_by_elimination(const CountTable& table,
                                                   const std::vector<bool>& hidden) {
    std::vector<std::size_t> cells;
    std::vector<std::size_t> column_of(table.counts.size(), SIZE_MAX);
    for (std::size_t i = 0; i < hidden.size(); ++i)
        if (hidden[i]) {
            column_of[i] = cells.size();
            cells.push_back(i);
        }
    const std::size_t n = cells.size();
    std::vector<std::vector<double>> m;
    for (const Partition& p : table.partitions) {
        std::vector<double> row(n, 0.0);
        if (hidden[p.total])
            row[column_of[p.total]] += 1;
        for (std::size_t part : p.parts)
            if (hidden[part])
                row[column_of[part]] -= 1;
        m.push_back(row);
    }
    std::size_t rank = 0;
    std::vector<std::size_t> pivot_columns;
    for (std::size_t c = 0; c < n && rank < m.size(); ++c) {
        std::size_t best = rank;
        for (std::size_t r = rank; r < m.size(); ++r)
            if (std::abs(m[r][c]) > std::abs(m[best][c]))
                best = r;
        if (std::abs(m[best][c]) < 1e-9)
            continue;
        std::swap(m[best], m[rank]);
        const double pivot = m[rank][c];
        for (double& v : m[rank]) v /= pivot;
        for (std::size_t r = 0; r < m.size(); ++r)
            if (r != rank && std::abs(m[r][c]) > 1e-12) {
                const double f = m[r][c];
                for (std::size_t k = 0; k < n; ++k) m[r][k] -= f * m[rank][k];
            }
        pivot_columns.push_back(c);
        ++rank;
    }
    std::vector<std::size_t> determined;
    for (std::size_t r = 0; r < rank; ++r) {
        int nonzero = 0;
        for (std::size_t k = 0; k < n; ++k) nonzero += std::abs(m[r][k]) > 1e-9 ? 1 : 0;
        if (nonzero == 1)
            determined.push_back(cells[pivot_columns[r]]);
    }
    std::sort(determined.begin(), determined.end());
    return determined;
}

// SplitMix64: the tests' own fixed-seed generator (std distributions differ across libraries).
class Random {
  public:
    explicit Random(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::int64_t below(std::int64_t n) {
        return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(n));
    }
    double unit() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
    // Index drawn with the given weights.
    std::size_t pick(const std::vector<double>& weights) {
        double r = unit() * std::accumulate(weights.begin(), weights.end(), 0.0);
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (r < weights[i])
                return i;
            r -= weights[i];
        }
        return weights.size() - 1;
    }

  private:
    std::uint64_t m_state;
};

// A group of `students` spread over the subgroups with skewed, random weights, so that small
// and empty cells are common.
SubgroupCounts random_group(Random& random, std::int64_t students) {
    SubgroupCounts counts{};
    std::vector<std::vector<double>> weights;
    for (const SubgroupPartition& partition : k_subgroup_partitions) {
        std::vector<double> w;
        for (std::size_t i = 0; i < partition.count; ++i) {
            const double u = random.unit();
            w.push_back(u * u * u + (random.below(4) == 0 ? 0.0 : 0.01));
        }
        weights.push_back(w);
    }
    counts[k_all_students] = students;
    for (std::int64_t s = 0; s < students; ++s)
        for (std::size_t d = 0; d < k_subgroup_partitions.size(); ++d)
            ++counts[k_subgroup_partitions[d].first + random.pick(weights[d])];
    return counts;
}

// The properties every suppressed table must have.
void expect_protected(const CountTable& table, const std::vector<SuppressionReason>& reasons,
                      const SuppressionSettings& settings, const std::string& context) {
    ASSERT_EQ(reasons.size(), table.counts.size());
    for (std::size_t cell = 0; cell < reasons.size(); ++cell) {
        // No published count below N; exactly the small cells are primary.
        ASSERT_EQ(reasons[cell] == small_group, table.counts[cell] < settings.minimum_group_size)
            << context << " cell " << cell;
        ASSERT_NE(reasons[cell], complementary_rate) << context;
    }
    const std::vector<bool> hidden = hidden_of(reasons);
    for (const Partition& p : table.partitions) {
        int hidden_cells = hidden[p.total] ? 1 : 0;
        std::int64_t hidden_students = 0;
        for (std::size_t part : p.parts)
            if (hidden[part]) {
                ++hidden_cells;
                hidden_students += table.counts[part];
            }
        // Nothing recoverable by one subtraction: zero or at least two hidden cells.
        ASSERT_NE(hidden_cells, 1) << context << " partition of cell " << p.total;
        // The hidden parts of a published total do not form a small group themselves.
        if (!hidden[p.total] && hidden_cells > 0) {
            ASSERT_GE(hidden_students, settings.minimum_group_size) << context;
        }
    }
    // Nothing recoverable by combining relations either.
    ASSERT_EQ(determined_by_elimination(table, hidden), std::vector<std::size_t>{}) << context;
}

const SuppressionSettings k_defaults;

TEST(Suppression, PublishesEveryCellWhenAllGroupsReachTheMinimum) {
    const auto reasons = suppress_small_groups(partition_table({10, 20, 30}), k_defaults);
    EXPECT_EQ(reasons, std::vector<SuppressionReason>(4, none));
}

TEST(Suppression, SuppressesNineStudentsButNotTen) {
    const auto reasons = suppress_small_groups(partition_table({9, 10, 50}), k_defaults);
    EXPECT_EQ(reasons[1], small_group);
    EXPECT_EQ(reasons[2], complementary);
    EXPECT_EQ(reasons[3], none);
}

TEST(Suppression, SuppressesEmptyGroups) {
    const auto reasons = suppress_small_groups(partition_table({0, 40, 50}), k_defaults);
    EXPECT_EQ(reasons[1], small_group);
    EXPECT_EQ(reasons[2], complementary);
}

TEST(Suppression, SuppressesSecondSmallestCellWhenOnlyOneCellOfAPartitionIsSmall) {
    const auto reasons = suppress_small_groups(partition_table({5, 40, 25, 30}), k_defaults);
    const std::vector<SuppressionReason> expected = {none, small_group, none, complementary, none};
    EXPECT_EQ(reasons, expected);
}

TEST(Suppression, SuppressesTheOtherSideOfATwoWaySplit) {
    const auto reasons = suppress_small_groups(partition_table({8, 192}), k_defaults);
    const std::vector<SuppressionReason> expected = {none, small_group, complementary};
    EXPECT_EQ(reasons, expected);
}

TEST(Suppression, LeavesATwoWaySplitAloneWhenBothSidesReachTheMinimum) {
    const auto reasons = suppress_small_groups(partition_table({10, 190}), k_defaults);
    EXPECT_EQ(reasons, std::vector<SuppressionReason>(3, none));
}

TEST(Suppression, LeavesTwoSmallCellsThatTogetherReachTheMinimumWithoutAComplement) {
    const auto reasons = suppress_small_groups(partition_table({4, 6, 50, 60}), k_defaults);
    const std::vector<SuppressionReason> expected = {none, small_group, small_group, none, none};
    EXPECT_EQ(reasons, expected);
}

TEST(Suppression, HidesMorePartsUntilTheHiddenOnesTogetherReachTheMinimum) {
    // 3 + 2 = 5 students could be computed as the total minus the rest.
    const auto reasons = suppress_small_groups(partition_table({3, 2, 12, 83}), k_defaults);
    const std::vector<SuppressionReason> expected = {none, small_group, small_group, complementary,
                                                     none};
    EXPECT_EQ(reasons, expected);
}

TEST(Suppression, WithoutTheSumRuleTwoHiddenCellsAreEnough) {
    SuppressionSettings settings;
    settings.hidden_parts_reach_minimum = false;
    const auto reasons = suppress_small_groups(partition_table({3, 2, 12, 83}), settings);
    const std::vector<SuppressionReason> expected = {none, small_group, small_group, none, none};
    EXPECT_EQ(reasons, expected);
}

TEST(Suppression, BreaksTiesBetweenEqualCellsByTheEarlierCell) {
    const auto reasons = suppress_small_groups(partition_table({5, 30, 30, 35}), k_defaults);
    EXPECT_EQ(reasons[2], complementary);
    EXPECT_EQ(reasons[3], none);
}

TEST(Suppression, ASmallTotalHidesTheWholeGroup) {
    const auto reasons = suppress_small_groups(partition_table({4, 3, 1}), k_defaults);
    EXPECT_EQ(reasons, std::vector<SuppressionReason>(4, small_group));
}

TEST(Suppression, HidesAPartWhenOnlyTheTotalIsHidden) {
    const CountTable table = partition_table({40, 25, 30});
    std::vector<bool> hidden = {true, false, false, false};
    protect_hidden_cells(table, hidden, k_defaults);
    EXPECT_EQ(hidden, (std::vector<bool>{true, false, true, false}));
}

TEST(Suppression, HidesTheTotalOfAPartitionWithASingleHiddenPart) {
    const CountTable table = partition_table({15});
    std::vector<bool> hidden = {false, true};
    protect_hidden_cells(table, hidden, k_defaults);
    EXPECT_EQ(hidden, (std::vector<bool>{true, true}));
}

TEST(Suppression, ASmallThresholdOfOneHidesOnlyEmptyGroups) {
    SuppressionSettings settings;
    settings.minimum_group_size = 1;
    const auto reasons = suppress_small_groups(partition_table({0, 1, 5}), settings);
    const std::vector<SuppressionReason> expected = {none, small_group, complementary, none};
    EXPECT_EQ(reasons, expected);
}

TEST(Suppression, ProtectsATypicalSchoolsSubgroups) {
    SubgroupCounts school{};
    // all; F M X; american_indian asian black hispanic pacific_islander white two_or_more
    // not_reported; EL yes/no; SPED yes/no; econ yes/no
    school = {412, 200, 209, 3, 0, 12, 300, 60, 0, 35, 5, 0, 40, 372, 55, 357, 300, 112};
    const CountTable table = single_group_table(school);
    const auto reasons = suppress_small_groups(table, k_defaults);
    const std::vector<SuppressionReason> expected = {
        none,                                                          // all students
        complementary, none,          small_group,                     // F M X
        small_group,   complementary, none,        none, small_group,  // AI asian black hispanic PI
        none,          small_group,   small_group,  // white two_or_more not_reported
        none,          none,          none,        none, none,        none};
    EXPECT_EQ(reasons, expected);
    expect_protected(table, reasons, k_defaults, "typical school");
}

TEST(Suppression, ProtectsASchoolsSmallGroupFromTheDistrictColumn) {
    // Only school A has few Asian students (5). Its row complement is its 10 American Indian
    // students. The district's Asian count minus school B's would still give school A's, so
    // school B's Asian count is hidden too, and with it, for school B's row and for the American
    // Indian column, school B's American Indian count: a cycle that nothing can be read from.
    const SubgroupCounts a = {100, 50, 50, 0,  10, 5,  20, 20, 10,
                              15,  10, 10, 50, 50, 50, 50, 50, 50};
    const SubgroupCounts b = {200, 100, 100, 0,   10,  30,  60,  50,  10,
                              20,  10,  10,  100, 100, 100, 100, 100, 100};
    const std::vector<SubgroupCounts> schools = {a, b};
    const CountTable table = schools_and_district_table(schools);
    const auto reasons = suppress_small_groups(table, k_defaults);
    const std::size_t american_indian = 4, asian = 5, black = 6;
    EXPECT_EQ(reasons[subgroup_cell(0, asian)], small_group);
    EXPECT_EQ(reasons[subgroup_cell(0, american_indian)], complementary);
    EXPECT_EQ(reasons[subgroup_cell(1, asian)], complementary);
    EXPECT_EQ(reasons[subgroup_cell(1, american_indian)], complementary);
    EXPECT_EQ(reasons[subgroup_cell(0, black)], none);
    EXPECT_EQ(reasons[subgroup_cell(2, asian)], none);  // the district's 35 Asian students
    EXPECT_EQ(reasons[subgroup_cell(2, american_indian)], none);
    expect_protected(table, reasons, k_defaults, "two schools");
}

TEST(Suppression, CellsOutsideEveryPartitionAreOnlyPrimary) {
    CountTable table;
    table.counts = {5, 50};
    const auto reasons = suppress_small_groups(table, k_defaults);
    EXPECT_EQ(reasons, (std::vector<SuppressionReason>{small_group, none}));
}

TEST(Suppression, RefusesAPartitionOutsideTheTable) {
    CountTable table;
    table.counts = {5};
    table.partitions = {{0, {3}}};
    EXPECT_THROW(suppress_small_groups(table, k_defaults), std::invalid_argument);
}

TEST(LinearDisclosure, OneHiddenPartOfAPublishedTotalIsDetermined) {
    const CountTable table = partition_table({5, 40, 25});
    EXPECT_EQ(determined_cells(table, {false, true, false, false}), std::vector<std::size_t>{1});
}

TEST(LinearDisclosure, TwoHiddenPartsAreNotDetermined) {
    const CountTable table = partition_table({5, 40, 25});
    EXPECT_TRUE(determined_cells(table, {false, true, false, true}).empty());
}

TEST(LinearDisclosure, AHiddenTotalOfPublishedPartsIsDetermined) {
    const CountTable table = partition_table({5, 40, 25});
    EXPECT_EQ(determined_cells(table, {true, false, false, false}), std::vector<std::size_t>{0});
}

TEST(LinearDisclosure, AHiddenTotalIsDeterminedByAnotherFullyPublishedPartition) {
    // Gender hides two cells and the total, but the EL split still adds up to the total.
    CountTable table;
    table.counts = {100, 45, 50, 5, 30, 70};
    table.partitions = {{0, {1, 2, 3}}, {0, {4, 5}}};
    EXPECT_EQ(determined_cells(table, {true, true, false, true, false, false}),
              std::vector<std::size_t>{0});
}

TEST(LinearDisclosure, FindsACellIsolatedByCombiningRowsAndColumns) {
    // Two 2x2 blocks of hidden cells joined by one hidden cell (0, 2): every row and column hides
    // at least two cells, yet row0 + row1 - column0 - column1 isolates (0, 2).
    const GridTable grid =
        grid_table({{5, 5, 5, 20}, {5, 5, 20, 20}, {20, 20, 5, 5}, {20, 20, 5, 5}});
    std::vector<bool> hidden(grid.table.counts.size(), false);
    for (std::size_t cell : {0, 1, 2, 4, 5, 10, 11, 14, 15}) hidden[cell] = true;
    EXPECT_EQ(determined_cells(grid.table, hidden), std::vector<std::size_t>{2});
    EXPECT_EQ(determined_by_elimination(grid.table, hidden), std::vector<std::size_t>{2});
}

TEST(LinearDisclosure, CellsInNoRelationAreNotDetermined) {
    CountTable table;
    table.counts = {5, 50};
    EXPECT_TRUE(determined_cells(table, {true, false}).empty());
}

TEST(Suppression, HidesAComplementForACellIsolatedByCombiningRowsAndColumns) {
    const GridTable grid =
        grid_table({{5, 5, 5, 20}, {5, 5, 20, 20}, {20, 20, 5, 5}, {20, 20, 5, 5}});
    const auto reasons = suppress_small_groups(grid.table, k_defaults);
    int complements = 0;
    for (SuppressionReason reason : reasons) complements += reason == complementary ? 1 : 0;
    EXPECT_GE(complements, 1);
    expect_protected(grid.table, reasons, k_defaults, "bridged grid");
}

TEST(Suppression, PropertiesHoldForRandomSingleGroups) {
    Random random(20250901);
    for (int trial = 0; trial < 400; ++trial) {
        const std::int64_t students = random.below(4) == 0 ? random.below(30) : random.below(600);
        const CountTable table = single_group_table(random_group(random, students));
        const auto reasons = suppress_small_groups(table, k_defaults);
        expect_protected(table, reasons, k_defaults, "group " + std::to_string(trial));
        EXPECT_EQ(reasons, suppress_small_groups(table, k_defaults)) << "deterministic";
    }
}

TEST(Suppression, PropertiesHoldForRandomDistrictsOfSchools) {
    Random random(1234567);
    for (int trial = 0; trial < 120; ++trial) {
        std::vector<SubgroupCounts> schools;
        const std::int64_t school_count = 1 + random.below(6);
        for (std::int64_t s = 0; s < school_count; ++s)
            schools.push_back(random_group(random, 5 + random.below(400)));
        const CountTable table = schools_and_district_table(schools);
        const auto reasons = suppress_small_groups(table, k_defaults);
        expect_protected(table, reasons, k_defaults, "district " + std::to_string(trial));
    }
}

TEST(Suppression, PropertiesHoldForRandomTwoWayTables) {
    Random random(99);
    for (int trial = 0; trial < 300; ++trial) {
        const std::size_t rows = 2 + random.below(5), columns = 2 + random.below(5);
        std::vector<std::vector<std::int64_t>> interior(rows, std::vector<std::int64_t>(columns));
        for (auto& row : interior)
            for (auto& cell : row)
                cell = random.below(3) == 0 ? random.below(10) : random.below(60);
        const GridTable grid = grid_table(interior);
        SuppressionSettings settings;
        settings.hidden_parts_reach_minimum = trial % 2 == 0;
        const auto reasons = suppress_small_groups(grid.table, settings);
        if (settings.hidden_parts_reach_minimum) {
            expect_protected(grid.table, reasons, settings, "grid " + std::to_string(trial));
        } else {
            // Without the sum rule: still no single hidden cell and nothing determined.
            const auto hidden = hidden_of(reasons);
            for (const Partition& p : grid.table.partitions) {
                int count = hidden[p.total] ? 1 : 0;
                for (std::size_t part : p.parts) count += hidden[part] ? 1 : 0;
                ASSERT_NE(count, 1) << "grid " << trial;
            }
            ASSERT_TRUE(determined_by_elimination(grid.table, hidden).empty()) << "grid " << trial;
        }
    }
}

TEST(Suppression, ProtectsRandomHiddenPatternsOfLargeTables) {
    // Hidden cells chosen at random rather than by size: patterns where rows and columns each
    // hide two cells yet some cell is isolated by combining them are common here.
    Random random(4242);
    for (int trial = 0; trial < 300; ++trial) {
        const std::size_t rows = 2 + random.below(6), columns = 2 + random.below(6);
        std::vector<std::vector<std::int64_t>> interior(rows, std::vector<std::int64_t>(columns));
        for (auto& row : interior)
            for (auto& cell : row) cell = 10 + random.below(90);
        const GridTable grid = grid_table(interior);
        std::vector<bool> hidden(grid.table.counts.size());
        for (std::size_t i = 0; i < rows * columns; ++i) hidden[i] = random.below(4) == 0;
        const std::vector<bool> initial = hidden;
        protect_hidden_cells(grid.table, hidden, k_defaults);
        for (std::size_t i = 0; i < hidden.size(); ++i)
            ASSERT_TRUE(hidden[i] || !initial[i]) << "cells only become hidden";
        for (const Partition& p : grid.table.partitions) {
            int count = hidden[p.total] ? 1 : 0;
            for (std::size_t part : p.parts) count += hidden[part] ? 1 : 0;
            ASSERT_NE(count, 1) << "pattern " << trial;
        }
        ASSERT_TRUE(determined_by_elimination(grid.table, hidden).empty()) << "pattern " << trial;
    }
}

TEST(Suppression, RandomGroupsWithoutSmallCellsArePublishedWhole) {
    Random random(7);
    for (int trial = 0; trial < 100; ++trial) {
        std::vector<std::int64_t> parts;
        for (std::int64_t i = 0, n = 2 + random.below(8); i < n; ++i)
            parts.push_back(10 + random.below(200));
        const auto reasons = suppress_small_groups(partition_table(parts), k_defaults);
        EXPECT_EQ(reasons, std::vector<SuppressionReason>(parts.size() + 1, none));
    }
}

TEST(LinearDisclosure, AgreesWithFloatingPointEliminationOnRandomPatterns) {
    Random random(31337);
    for (int trial = 0; trial < 300; ++trial) {
        const std::size_t rows = 2 + random.below(4), columns = 2 + random.below(4);
        const GridTable grid = grid_table(
            std::vector<std::vector<std::int64_t>>(rows, std::vector<std::int64_t>(columns, 20)));
        std::vector<bool> hidden(grid.table.counts.size());
        for (std::size_t i = 0; i < hidden.size(); ++i) hidden[i] = random.below(3) == 0;
        ASSERT_EQ(determined_cells(grid.table, hidden),
                  determined_by_elimination(grid.table, hidden))
            << "pattern " << trial;
    }
}

}  // namespace
}  // namespace homeroom::metrics
