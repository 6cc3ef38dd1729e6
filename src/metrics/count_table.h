// A published table seen as suppression sees it: counts of students, and the "total = sum of
// parts" relations a reader can use to work out a hidden count by subtraction.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace homeroom::metrics {

// counts[total] == sum of counts[parts]: a school's students split by gender, or the district's
// Asian students split by school.
struct Partition {
    std::size_t total = 0;
    std::vector<std::size_t> parts;
};

struct CountTable {
    std::vector<std::int64_t> counts;  // students, never negative
    std::vector<Partition> partitions;

    // Throws std::invalid_argument for an index outside `counts`.
    void check() const;
};

}  // namespace homeroom::metrics
