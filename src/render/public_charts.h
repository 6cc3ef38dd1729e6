// The charts of the public pages, built from published figures only (a hidden or coded figure is
// a gap, never a bar): trends across snapshots and schools side by side. Each chart comes as an
// <img> with a data: URI (so the page needs no raw HTML and a PDF renderer that cannot draw inline
// SVG still can), its alt text, and the same figures as a table
// (templates/partials/public_chart.mustache).
#pragma once

#include <mstch/mstch.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "metrics/group_aggregates.h"
#include "metrics/suppression.h"
#include "render/localizer.h"
#include "render/public_figures.h"

namespace homeroom::render {

// What a chart says in words, already translated.
struct PublicChartText {
    std::string id;          // unique on its page
    std::string title;       // the caption and the SVG's title
    std::string summary;     // the SVG's description, before its figures
    std::string alt;         // the image's alt text; the table follows it
    std::string categories;  // the heading of the table's first column ("Date", "School")
    double width = 480;      // in SVG units: the chart shows at this many CSS pixels where it fits
};

// A line of a trend chart: one school's figures, or the district's.
struct TrendLine {
    std::string name;
    std::optional<std::size_t> school;  // none: the district
};

// `measure`'s all-students figure at each snapshot of `trend` (oldest first), one line each.
mstch::map trend_chart_context(std::span<const PublicFigures> trend,
                               const metrics::MeasureId& measure, std::span<const TrendLine> lines,
                               const PublicChartText& text, const Localizer& l,
                               const metrics::SuppressionSettings& settings);

// Every school's all-students figure of `measure`, highest first (hidden ones last), with the
// district as the reference line. `names[i]` names school i of `figures`.
mstch::map comparison_chart_context(const PublicFigures& figures, const metrics::MeasureId& measure,
                                    std::span<const std::string> names, const PublicChartText& text,
                                    const Localizer& l,
                                    const metrics::SuppressionSettings& settings);

// "data:image/svg+xml;base64,..." of an SVG document.
std::string svg_image_uri(std::string_view svg);

}  // namespace homeroom::render
