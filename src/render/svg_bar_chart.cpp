// bar_chart_svg (svg_chart.h).
#include <algorithm>
#include <cmath>
#include <vector>

#include "render/chart_layout.h"
#include "render/svg_chart.h"

namespace homeroom::render {

using namespace chart_detail;

namespace {

bool has_track(const BarDatum& bar) {
    return bar.out_of.has_value() && std::isfinite(*bar.out_of) && *bar.out_of > 0;
}

std::string listing(const BarChart& chart, const ChartOptions& options) {
    std::string out;
    for (const BarDatum& bar : chart.bars) {
        out += out.empty() ? "" : "; ";
        out += bar.label + ":";
        // "Sep 8: No data" rather than "Sep 8: Days absent No data".
        if (!chart.value_name.empty() && drawable(bar.value))
            out += " " + chart.value_name;
        out += " " + value_text(bar.value, chart.labels, options);
        if (has_track(bar) && drawable(bar.value)) {
            out += ",";
            if (!chart.out_of_name.empty())
                out += " " + chart.out_of_name;
            out += " " + number_text(*bar.out_of, options.value_decimals, options);
        }
    }
    if (!out.empty())
        out += ".";
    return out;
}

}  // namespace

std::string bar_chart_svg(const BarChart& chart, const ChartOptions& options) {
    SvgCanvas canvas(options);
    double largest = 0;
    bool any_track = false, any_gap = false;
    for (const BarDatum& bar : chart.bars) {
        if (drawable(bar.value))
            largest = std::max(largest, *bar.value.value);
        else
            any_gap = true;
        if (has_track(bar)) {
            largest = std::max(largest, *bar.out_of);
            any_track = true;
        }
    }
    const AxisScale scale = make_scale(chart.axis, largest);

    double y = draw_title(canvas, chart.labels, options, k_padding);
    if (any_track) {
        const std::vector<LegendEntry> legend = {
            {LegendEntry::Swatch::bar, chart.value_name, 0},
            {LegendEntry::Swatch::track, chart.out_of_name, 0},
        };
        y = draw_legend(canvas, legend, y) + 4;
    }
    const CategoryPlot plot(canvas, scale, chart.labels, options, chart.bars.size(), y);
    plot.draw_value_axis(canvas);

    const double bar_width = std::min(plot.slot_width() * 0.7, 48.0);
    const auto bar_left = [&](std::size_t i) { return plot.category_x(i) - bar_width / 2; };
    // Tracks, then bars, then labels and gap markers, each group with the paint its members
    // share. Slots do not overlap, so drawing by kind looks the same as drawing by category.
    const Stroke track_outline{k_track_stroke, 1, {}};
    if (any_track) {
        canvas.begin_group("tracks", {k_track_fill, &track_outline});
        for (std::size_t i = 0; i < chart.bars.size(); ++i) {
            const BarDatum& bar = chart.bars[i];
            if (!has_track(bar))
                continue;
            const double top = plot.value_y(*bar.out_of);
            // Inset by half the outline so it is drawn inside the track's area.
            canvas.rect(bar_left(i) + 0.5, top + 0.5, bar_width - 1, plot.bottom() - top - 0.5,
                        k_track_fill, &track_outline);
        }
        canvas.end_group();
    }
    canvas.begin_group("bars", {k_bar_colour});
    for (std::size_t i = 0; i < chart.bars.size(); ++i) {
        const BarDatum& bar = chart.bars[i];
        if (!drawable(bar.value))
            continue;
        const double top = plot.value_y(*bar.value.value);
        if (top < plot.bottom())  // a zero draws nothing (SVG: a zero height disables the rect)
            canvas.rect(bar_left(i), top, bar_width, plot.bottom() - top, k_bar_colour);
    }
    canvas.end_group();
    // Value labels only where each fits over its bar; the table has them all.
    double widest_value = 0;
    for (const BarDatum& bar : chart.bars)
        widest_value = std::max(
            widest_value,
            estimated_text_width(value_text(bar.value, chart.labels, options), k_value_size));
    const bool label_values = !chart.bars.empty() && widest_value + 4 <= plot.slot_width();
    if (label_values || any_gap)
        canvas.begin_group("values");
    for (std::size_t i = 0; i < chart.bars.size(); ++i) {
        const BarDatum& bar = chart.bars[i];
        if (!drawable(bar.value)) {
            canvas.gap_marker(plot.category_x(i), plot.bottom() - 8);
            if (label_values && !bar.value.text.empty())
                canvas.text(plot.category_x(i), plot.bottom() - 18, bar.value.text,
                            {.size = k_value_size,
                             .colour = k_muted_text_colour,
                             .anchor = Anchor::middle});
            continue;
        }
        const double top = plot.value_y(*bar.value.value);
        if (label_values)
            canvas.text(plot.category_x(i), std::max(top - 4, plot.top() + k_value_size),
                        value_text(bar.value, chart.labels, options),
                        {.size = k_value_size, .anchor = Anchor::middle, .halo = true});
    }
    if (label_values || any_gap)
        canvas.end_group();
    if (chart.bars.empty())
        plot.draw_empty(canvas, chart.labels.no_data);

    std::vector<std::string> categories;
    for (const BarDatum& bar : chart.bars) categories.push_back(bar.label);
    y = plot.draw_category_axis(canvas, categories);
    if (any_gap && !chart.labels.gap_note.empty())
        y = draw_gap_note(canvas, chart.labels.gap_note, y);

    return canvas.document(
        y + k_padding, chart.labels.title,
        description(chart.labels, options, options.describe_values ? listing(chart, options) : "",
                    any_gap));
}

}  // namespace homeroom::render
