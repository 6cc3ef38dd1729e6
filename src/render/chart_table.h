// The text equivalent of each chart: the same figures as an HTML <table> fragment with a caption
// and header cells, for screen readers, for readers who prefer numbers, and for when images are
// off. Cells read exactly as the chart's value labels and <desc>. All text is cleaned and
// escaped (untrusted_text.h); the fragment has class "chart-table" for the page's stylesheet.
#pragma once

#include <string>

#include "render/chart_data.h"

namespace homeroom::render {

// Columns: the category axis, the value, and the "out of" figure when there is one.
std::string bar_chart_table(const BarChart& chart, const ChartOptions& options);

// Columns: the category axis, then one per series.
std::string line_chart_table(const LineChart& chart, const ChartOptions& options);

// Columns: the category axis (schools) and the value; the reference is the last row.
std::string comparison_chart_table(const ComparisonChart& chart, const ChartOptions& options);

}  // namespace homeroom::render
