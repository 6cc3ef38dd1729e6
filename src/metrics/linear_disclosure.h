// Which hidden cells of a count table a reader can still work out exactly from the published
// cells, by combining any number of its "total = sum of parts" relations (not only one at a
// time: in a table of schools by subgroups, adding and subtracting rows and columns can isolate a
// cell that no single row or column gives away).
//
// A hidden cell is worked out exactly when its unit vector lies in the row space of the
// relations restricted to hidden cells (published cells are known constants). This is decided by
// Gaussian elimination over the integers modulo the prime 2^31 - 1, and by two seeded random
// solutions of the homogeneous system: a cell that is zero in both is determined. A cell that is
// not determined is zero in a random solution only with probability 2^-31 per trial, and such a
// mistake only hides one cell too many; it can never let a determined cell through.
#pragma once

#include <cstddef>
#include <vector>

#include "metrics/count_table.h"

namespace homeroom::metrics {

// The hidden cells whose value follows from the published ones, ascending. `hidden` has one entry
// per cell of the table.
std::vector<std::size_t> determined_cells(const CountTable& table, const std::vector<bool>& hidden);

}  // namespace homeroom::metrics
