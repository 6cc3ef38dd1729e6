// Public figures of one measure, suppressed and formatted: the only way aggregates should reach a
// public page. The pattern is computed once over all schools and the district together, and
// each school's report card, the district page and the board's side-by-side table all take their
// row from the same result: a count published on one page and hidden on another would undo the
// suppression.
//
// For shares (rates), the group's size decides first (suppression.h, steps 1-3): a suppressed
// group shows neither its size nor its rate. Then the rates get the same engine once more, with a
// rate counted as hidden when its group is suppressed or when it is coded ("<5%", ">95%"): where a
// relation would otherwise let a reader decode it (total's rate times its size minus the other
// parts' rates times their sizes), one more rate is hidden (reason complementary_rate) while that
// group's size stays published.
//
// Publish group sizes once, in the enrollment table: each measure counts its own population
// (tested students, students with the minimum of enrolled days), and showing several populations'
// sizes side by side lets readers subtract one from another.
#pragma once

#include <array>
#include <span>
#include <string>
#include <vector>

#include "metrics/group_aggregates.h"
#include "metrics/rate_format.h"
#include "metrics/subgroups.h"
#include "metrics/suppression.h"

namespace homeroom::metrics {

struct PublishedCell {
    DisplayValue students;  // the group's size, or suppressed
    DisplayValue value;     // the count or the rate, or suppressed
    SuppressionReason reason = SuppressionReason::none;
    // The exact counts behind a rate, never shown: a figure derived from this one (the share
    // with any flag from the share with none) is rounded from its own counts, not from this
    // cell's rounded percent.
    std::int64_t numerator = 0, denominator = 0;

    bool suppressed() const { return reason != SuppressionReason::none; }
};

using PublishedRow = std::array<PublishedCell, k_subgroup_count>;

struct PublishedTable {
    std::vector<PublishedRow> schools;  // in the order given
    PublishedRow district;              // the sum of the schools
};

PublishedTable publish_measure(std::span<const SubgroupCells> schools, ValueFormat format,
                               const SuppressionSettings& settings);

// Default text of a cell's value ("87%", "<5%", "*").
std::string value_text(const PublishedCell& cell, const SuppressionSettings& settings);

}  // namespace homeroom::metrics
