// Comparing a count's share of a total with a configured decimal threshold ("missed 10% of
// enrolled days", "attendance below 90%"). 0.1 * 30 is 3.0000000000000004 in binary floating
// point, yet 3 of 30 is exactly 10%: the comparison allows a tolerance far below one unit.
#pragma once

#include <cstdint>

namespace homeroom::metrics {

inline bool share_at_least(std::int64_t count, std::int64_t total, double threshold) {
    const double bound = threshold * static_cast<double>(total);
    const double tolerance = 1e-9 * (1.0 + static_cast<double>(total));
    return static_cast<double>(count) >= bound - tolerance;
}

inline bool share_below(std::int64_t count, std::int64_t total, double threshold) {
    return !share_at_least(count, total, threshold);
}

}  // namespace homeroom::metrics
