#include "metrics/linear_disclosure.h"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace homeroom::metrics {
namespace {

constexpr std::uint64_t k_prime = 2147483647;  // 2^31 - 1: products of two residues fit 64 bits

std::uint64_t multiply(std::uint64_t a, std::uint64_t b) {
    return a * b % k_prime;
}

std::uint64_t power(std::uint64_t base, std::uint64_t exponent) {
    std::uint64_t result = 1;
    while (exponent > 0) {
        if (exponent & 1)
            result = multiply(result, base);
        base = multiply(base, base);
        exponent >>= 1;
    }
    return result;
}

std::uint64_t inverse(std::uint64_t a) {
    return power(a, k_prime - 2);
}

// (column, coefficient), columns strictly increasing, coefficients non-zero residues.
using SparseRow = std::vector<std::pair<std::size_t, std::uint64_t>>;

// row - factor * pivot
SparseRow subtract_multiple(const SparseRow& row, std::uint64_t factor, const SparseRow& pivot) {
    SparseRow result;
    result.reserve(row.size() + pivot.size());
    std::size_t i = 0, j = 0;
    while (i < row.size() || j < pivot.size()) {
        if (j == pivot.size() || (i < row.size() && row[i].first < pivot[j].first)) {
            result.push_back(row[i++]);
        } else {
            const std::uint64_t scaled = k_prime - multiply(factor, pivot[j].second);
            std::uint64_t value = scaled % k_prime;
            if (i < row.size() && row[i].first == pivot[j].first)
                value = (row[i++].second + value) % k_prime;
            if (value != 0)
                result.emplace_back(pivot[j].first, value);
            ++j;
        }
    }
    return result;
}

// SplitMix64: a fixed, portable sequence, so the same table always gives the same answer.
struct SplitMix64 {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
};

}  // namespace

std::vector<std::size_t> determined_cells(const CountTable& table,
                                          const std::vector<bool>& hidden) {
    // Unknowns: the hidden cells, numbered in cell order.
    std::vector<std::size_t> cell_of_unknown;
    std::vector<std::size_t> unknown_of_cell(table.counts.size(), SIZE_MAX);
    for (std::size_t cell = 0; cell < table.counts.size(); ++cell)
        if (hidden[cell]) {
            unknown_of_cell[cell] = cell_of_unknown.size();
            cell_of_unknown.push_back(cell);
        }
    const std::size_t unknowns = cell_of_unknown.size();
    if (unknowns == 0)
        return {};

    // Echelon form, built one relation at a time: pivot_of[c] is the row whose leading column is c,
    // scaled so that its leading coefficient is 1.
    std::vector<SparseRow> pivots;
    std::vector<std::size_t> pivot_of(unknowns, SIZE_MAX);
    for (const Partition& partition : table.partitions) {
        // total - sum(parts) = 0, published cells moved to the (irrelevant) right-hand side.
        SparseRow row;
        if (hidden[partition.total])
            row.emplace_back(unknown_of_cell[partition.total], 1);
        for (std::size_t part : partition.parts)
            if (hidden[part])
                row.emplace_back(unknown_of_cell[part], k_prime - 1);
        std::sort(row.begin(), row.end());
        SparseRow merged;  // a cell listed twice in one relation
        for (const auto& [column, value] : row) {
            if (!merged.empty() && merged.back().first == column)
                merged.back().second = (merged.back().second + value) % k_prime;
            else
                merged.emplace_back(column, value);
        }
        std::erase_if(merged, [](const auto& entry) { return entry.second == 0; });
        row = std::move(merged);

        while (!row.empty()) {
            const std::size_t lead = row.front().first;
            if (pivot_of[lead] == SIZE_MAX) {
                const std::uint64_t scale = inverse(row.front().second);
                for (auto& entry : row) entry.second = multiply(entry.second, scale);
                pivot_of[lead] = pivots.size();
                pivots.push_back(std::move(row));
                break;
            }
            row = subtract_multiple(row, row.front().second, pivots[pivot_of[lead]]);
        }
    }

    // Random solutions of the homogeneous system: free unknowns random, pivots solved from the
    // last column back (a pivot row's other columns are all later ones).
    std::vector<bool> zero_in_every_solution(unknowns, true);
    SplitMix64 random{0x5EED5EEDULL + unknowns};
    std::vector<std::uint64_t> solution(unknowns);
    for (int trial = 0; trial < 2; ++trial) {
        for (std::size_t u = unknowns; u-- > 0;) {
            if (pivot_of[u] == SIZE_MAX) {
                solution[u] = 1 + random.next() % (k_prime - 1);
                continue;
            }
            std::uint64_t sum = 0;
            const SparseRow& row = pivots[pivot_of[u]];
            for (std::size_t k = 1; k < row.size(); ++k)
                sum = (sum + multiply(row[k].second, solution[row[k].first])) % k_prime;
            solution[u] = (k_prime - sum) % k_prime;
        }
        for (std::size_t u = 0; u < unknowns; ++u)
            if (solution[u] != 0)
                zero_in_every_solution[u] = false;
    }

    std::vector<std::size_t> determined;
    for (std::size_t u = 0; u < unknowns; ++u)
        if (zero_in_every_solution[u])
            determined.push_back(cell_of_unknown[u]);
    return determined;
}

}  // namespace homeroom::metrics
