#include "render/district_sort.h"

#include <algorithm>
#include <numeric>

namespace homeroom::render {

std::string_view to_code(DistrictColumn column) {
    switch (column) {
        case DistrictColumn::school:
            return "school";
        case DistrictColumn::enrollment:
            return "enrollment";
        case DistrictColumn::attendance_rate:
            return "attendance_rate";
        case DistrictColumn::chronic_absenteeism:
            return "chronic_absenteeism";
        case DistrictColumn::ela_proficiency:
            return "ela_proficiency";
        case DistrictColumn::math_proficiency:
            return "math_proficiency";
        case DistrictColumn::suspension_rate:
            return "suspension_rate";
        case DistrictColumn::early_warning:
            return "early_warning";
    }
    return "school";
}

SortDirection first_direction(DistrictColumn column) {
    return column == DistrictColumn::school ? SortDirection::ascending : SortDirection::descending;
}

std::vector<DistrictSort> district_sorts() {
    std::vector<DistrictSort> out;
    for (const DistrictColumn column : k_district_columns)
        for (const SortDirection direction : {SortDirection::ascending, SortDirection::descending})
            out.push_back({column, direction});
    return out;
}

std::string district_file_name(DistrictSort sort) {
    const bool first = sort.direction == first_direction(sort.column);
    if (sort.column == DistrictColumn::school && first)
        return "district.html";
    return "district-by-" + std::string(to_code(sort.column)) + (first ? "" : "-reverse") + ".html";
}

DistrictSort sort_after_click(DistrictSort current, DistrictColumn clicked) {
    if (current.column != clicked)
        return {clicked, first_direction(clicked)};
    return {clicked, current.direction == SortDirection::ascending ? SortDirection::descending
                                                                   : SortDirection::ascending};
}

std::vector<std::size_t> sorted_rows(std::span<const SortableSchool> schools, DistrictSort sort,
                                     const NameCompare& compare_names) {
    std::vector<std::size_t> order(schools.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto column = static_cast<std::size_t>(
        std::find(k_district_columns.begin(), k_district_columns.end(), sort.column) -
        k_district_columns.begin());
    const bool descending = sort.direction == SortDirection::descending;

    const auto by_name = [&](std::size_t a, std::size_t b) {
        const int names = compare_names(schools[a].name, schools[b].name);
        if (names != 0)
            return names < 0;
        return schools[a].id < schools[b].id;
    };
    const auto less = [&](std::size_t a, std::size_t b) {
        if (sort.column == DistrictColumn::school)
            return descending ? by_name(b, a) : by_name(a, b);
        const auto& ka = schools[a].keys[column];
        const auto& kb = schools[b].keys[column];
        if (ka.has_value() != kb.has_value())
            return ka.has_value();  // hidden figures last, whatever the direction
        if (ka && *ka != *kb)
            return descending ? *ka > *kb : *ka < *kb;
        return by_name(a, b);
    };
    std::sort(order.begin(), order.end(), less);
    return order;
}

}  // namespace homeroom::render
