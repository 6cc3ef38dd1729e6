// The view model of the board's district summary (templates/district.mustache): every school side
// by side in one table sorted by one column (district_sort.h), the district's own figures, and the
// charts, which are the same on every sorted copy of the page and built once by the caller.
#pragma once

#include <mstch/mstch.hpp>

#include <span>
#include <string>

#include "metrics/rate_format.h"
#include "metrics/suppression.h"
#include "render/district_sort.h"
#include "render/localizer.h"
#include "render/page_chrome.h"
#include "render/public_figures.h"

namespace homeroom::render {

struct DistrictSchool {
    std::string name;  // as the district's files spell it (cleaned and escaped on the way out)
    std::string id;
    std::string href;  // its report card, relative to the district page
};

// The table's figures of school `index` (or of the district for none), one per column of
// k_district_columns; the school column's is empty. The board workbook shows the same.
std::array<metrics::DisplayValue, k_district_columns.size()> district_row(
    const PublicFigures& figures, std::optional<std::size_t> index);

// The words of a column's heading.
std::string district_column_label(DistrictColumn column, const Localizer& l);

struct DistrictSummaryData {
    const PublicFigures& figures;
    std::span<const DistrictSchool> schools;  // in the figures' school order
    DistrictSort sort;
    const NameCompare& compare_names;
    // templates/partials/public_chart.mustache contexts: trends (none with a single snapshot) and
    // schools compared.
    mstch::array trend_charts;
    mstch::array comparison_charts;
    std::string workbook_href;
    std::string about_href;
};

mstch::map district_summary_context(const DistrictSummaryData& data, const PageChrome& chrome,
                                    const Localizer& l,
                                    const metrics::SuppressionSettings& settings);

}  // namespace homeroom::render
