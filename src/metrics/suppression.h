// Small-cell suppression: which counts of a public table are hidden so that no figure about fewer
// than N students can be read or worked out. docs/suppression.md explains it for the public.
//
// The rule, on a table of counts of students with "total = sum of parts" relations (count_table.h):
//  1. Primary: a cell of fewer than N students (default 10; 0 included) is hidden.
//  2. Complementary, for every relation (a total and the parts that make it up: a two-way split
//     such as English learners / not, a partition such as race/ethnicity, or a subgroup's count
//     across the schools of the district), until no relation needs more:
//     a. a relation never has exactly one hidden cell (among its total and its parts), since that
//        cell would be the published total minus the published parts (or the sum of the parts).
//        The next cell hidden is the smallest published part (ties: the earlier cell); the total
//        only when no part is left;
//     b. when the total is published, the hidden parts together count at least N students:
//        anyone can compute that sum, so it must not itself describe a small group ("the 3
//        students who are not female or male"). Hide the next smallest part until it does.
//  3. Audit: relations are also combined with each other (schools by subgroups is a
//     two-dimensional table, where a cell can be isolated by adding and subtracting rows and
//     columns although every row and column hides two cells). Any hidden cell that the published
//     cells still determine exactly (linear_disclosure.h) gets a complement: the smallest
//     published cell of a relation it is in, and step 2 runs again. This repeats until nothing
//     hidden can be worked out.
// Cells only ever go from published to hidden, so the process ends, and it is deterministic: the
// same table always gives the same pattern.
//
// Rates (publication.h) reuse the same engine a second time on the same table, with a rate
// counted as "hidden" when its group is suppressed or when it is coded near 0% or 100%, so that a
// coded rate cannot be decoded from the total's rate and its siblings' rates either.
//
// Not covered, by design: ranges (a reader may bound a hidden count, e.g. between 0 and 9), and
// differences between tables of different populations or dates (this week's table against last
// week's). Compute the pattern of one measure once over every cell that is published anywhere
// (a school's report card and the board's table of all schools must show the same pattern) —
// publish_measure in publication.h does exactly that.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "metrics/count_table.h"
#include "metrics/rate_format.h"

namespace homeroom::metrics {

struct SuppressionSettings {
    // N: a cell of fewer students is suppressed.
    std::int64_t minimum_group_size = 10;
    // Rule 2b: the hidden parts of a relation with a published total count at least N students.
    bool hidden_parts_reach_minimum = true;
    // Hide a second rate where a coded (or suppressed) rate could otherwise be decoded.
    bool protect_coded_rates = true;
    // Rates of groups of at least `minimum_students` closer than `percent` points to 0% or 100%
    // are shown as "<5%" / ">95%". A district may widen the band for smaller groups, e.g.
    // {{0, 10}, {20, 5}, {100, 2}}: in a group of 12 one student is 8%, so a 5-point band there
    // only ever hides a 0%.
    std::vector<RateBand> rate_bands = {{0, 5}};
    // Also code shares of days (the attendance rate)? A day rate near 100% says nothing certain
    // about any one student, and coding it would blur every school's attendance to ">95%".
    bool code_day_shares = false;
    // One marker for every hidden cell: showing "n<10" for primary cells and another mark for
    // complementary ones would tell readers which hidden cells are small, narrowing them down.
    std::string suppressed_marker = "*";
    std::string no_data_marker = "-";
};

enum class SuppressionReason : std::uint8_t {
    none,
    small_group,         // the group has fewer than N students: count and rate hidden
    complementary,       // hidden so that a small group cannot be worked out: count and rate hidden
    complementary_rate,  // only the rate is hidden, so that a coded or hidden rate cannot be worked
                         // out
};
std::string_view to_code(SuppressionReason reason);

// Steps 1 to 3 on the table's counts; one reason per cell.
std::vector<SuppressionReason> suppress_small_groups(const CountTable& table,
                                                     const SuppressionSettings& settings);

// Steps 2 and 3 from cells hidden for any reason: `hidden` (one entry per cell) only grows.
// Throws std::invalid_argument for a malformed table.
void protect_hidden_cells(const CountTable& table, std::vector<bool>& hidden,
                          const SuppressionSettings& settings);

}  // namespace homeroom::metrics
