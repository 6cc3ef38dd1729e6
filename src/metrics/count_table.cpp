#include "metrics/count_table.h"

#include <stdexcept>
#include <string>

namespace homeroom::metrics {

void CountTable::check() const {
    const auto check_index = [&](std::size_t index) {
        if (index >= counts.size())
            throw std::invalid_argument("count table: partition refers to cell " +
                                        std::to_string(index) + " of " +
                                        std::to_string(counts.size()));
    };
    for (const Partition& partition : partitions) {
        check_index(partition.total);
        for (std::size_t part : partition.parts) check_index(part);
    }
}

}  // namespace homeroom::metrics
