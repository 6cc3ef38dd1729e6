// The district summary's table of schools sorts without JavaScript: every column heading links
// to a pre-rendered copy of the page sorted by that column. This names the copies and orders the
// rows; pure.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace homeroom::render {

enum class DistrictColumn {
    school,
    enrollment,
    attendance_rate,
    chronic_absenteeism,
    ela_proficiency,
    math_proficiency,
    suspension_rate,
    early_warning,  // students with one or more flags
};
inline constexpr std::array<DistrictColumn, 8> k_district_columns = {
    DistrictColumn::school,          DistrictColumn::enrollment,
    DistrictColumn::attendance_rate, DistrictColumn::chronic_absenteeism,
    DistrictColumn::ela_proficiency, DistrictColumn::math_proficiency,
    DistrictColumn::suspension_rate, DistrictColumn::early_warning};
std::string_view to_code(DistrictColumn column);  // "chronic_absenteeism"

enum class SortDirection { ascending, descending };

struct DistrictSort {
    DistrictColumn column = DistrictColumn::school;
    SortDirection direction = SortDirection::ascending;
    friend bool operator==(const DistrictSort&, const DistrictSort&) = default;
};

// Schools by name A to Z; figures highest first (what a board looks for first). The other
// direction is one more click away.
SortDirection first_direction(DistrictColumn column);

// Every sort that has a page: each column in both directions.
std::vector<DistrictSort> district_sorts();

// "district.html" (schools A to Z: the page the site links to), "district-by-<column>.html" in
// the column's first direction, "district-by-<column>-reverse.html" in the other.
std::string district_file_name(DistrictSort sort);

// What a column heading links to on a page sorted by `current`: the column's first direction,
// or the other direction when the page is already sorted by it.
DistrictSort sort_after_click(DistrictSort current, DistrictColumn clicked);

struct SortableSchool {
    std::string name;
    std::string id;  // the last tie-break, so that the order never depends on the input order
    // One key per column of k_district_columns (the school column's is unused); none for a hidden
    // or missing figure.
    std::array<std::optional<double>, k_district_columns.size()> keys{};
};

// Negative, zero or positive, like strcmp; the page's collation of names.
using NameCompare = std::function<int(std::string_view, std::string_view)>;

// Row indices in display order. Figures without a key come last in both directions; ties, and
// the rows without a key, follow the school name A to Z, then the id.
std::vector<std::size_t> sorted_rows(std::span<const SortableSchool> schools, DistrictSort sort,
                                     const NameCompare& compare_names);

}  // namespace homeroom::render
