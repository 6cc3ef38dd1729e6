// Charts as standalone SVG documents written by the project: the same string is a .svg file
// (an <img>, or an image librsvg draws into a PDF) and can be inlined in an HTML page.
//
// Every chart has role="img", a <title> and a <desc> (aria-labelledby / aria-describedby): the
// caller's summary, the values, and what a gap means. Colours are chart_palette.h's. Text is
// cleaned and escaped (untrusted_text.h). The output depends only on the arguments: numbers are
// written with std::to_chars, never the locale, and the layout uses estimated text widths rather
// than fonts. A viewBox lets the picture scale down to a phone (CSS: max-width: 100%; height:
// auto). Pair every chart with its text equivalent (chart_table.h).
#pragma once

#include <string>

#include "render/chart_data.h"

namespace homeroom::render {

// Vertical bars over categories, each optionally over a pale "out of" track.
std::string bar_chart_svg(const BarChart& chart, const ChartOptions& options);

// One line per series over the categories, broken where a value is missing; a marker shape and
// dash pattern per series.
std::string line_chart_svg(const LineChart& chart, const ChartOptions& options);

// Horizontal bars, one per school, with a reference line (the district) across them.
std::string comparison_chart_svg(const ComparisonChart& chart, const ChartOptions& options);

}  // namespace homeroom::render
