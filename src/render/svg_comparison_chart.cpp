// comparison_chart_svg (svg_chart.h).
#include <algorithm>
#include <vector>

#include "render/chart_layout.h"
#include "render/svg_chart.h"

namespace homeroom::render {

using namespace chart_detail;

namespace {

constexpr double k_row_height = 24;
constexpr double k_bar_height = 14;

std::string listing(const ComparisonChart& chart, const ChartOptions& options) {
    std::string out;
    if (!chart.reference_name.empty())
        out +=
            chart.reference_name + ": " + value_text(chart.reference, chart.labels, options) + ".";
    std::string rows;
    for (const ComparisonBar& bar : chart.bars) {
        rows += rows.empty() ? "" : "; ";
        rows += bar.label + ": " + value_text(bar.value, chart.labels, options);
    }
    if (!rows.empty())
        out += (out.empty() ? "" : " ") + rows + ".";
    return out;
}

}  // namespace

std::string comparison_chart_svg(const ComparisonChart& chart, const ChartOptions& options) {
    SvgCanvas canvas(options);
    const double width = canvas.width();
    double largest = drawable(chart.reference) ? *chart.reference.value : 0;
    bool any_gap = false;
    double widest_label = estimated_text_width(chart.labels.y_axis, k_tick_size);
    double widest_value = 0;
    for (const ComparisonBar& bar : chart.bars) {
        if (drawable(bar.value))
            largest = std::max(largest, *bar.value.value);
        else
            any_gap = true;
        widest_label = std::max(widest_label, estimated_text_width(bar.label, k_tick_size));
        widest_value = std::max(
            widest_value,
            estimated_text_width(value_text(bar.value, chart.labels, options), k_value_size));
    }
    const AxisScale scale = make_scale(chart.axis, largest);

    const double label_width = std::min(widest_label, width * 0.38);
    const double plot_left = k_padding + label_width + 10;
    const double plot_right = width - k_padding - std::max(widest_value + 6, 16.0);
    const auto x_of = [&](double value) { return scale.position(value, plot_left, plot_right); };

    double y = draw_title(canvas, chart.labels, options, k_padding);
    // The reference line is named in a legend rather than over the line, where a label near 0%
    // or 100% would run out of the picture or into the names.
    if (drawable(chart.reference)) {
        const std::string value = value_text(chart.reference, chart.labels, options);
        const std::vector<LegendEntry> legend = {
            {LegendEntry::Swatch::reference,
             chart.reference_name.empty() ? value : chart.reference_name + ": " + value, 0}};
        y = draw_legend(canvas, legend, y) + 4;
    }
    // The header row: what the rows are.
    const double header_baseline = y + k_tick_size;
    if (!chart.labels.y_axis.empty())
        canvas.text(plot_left - 8, header_baseline,
                    fit_text(chart.labels.y_axis, k_tick_size, plot_left - 8 - k_padding),
                    {.bold = true, .anchor = Anchor::end});
    const double rows_top = header_baseline + 10;
    const double rows_bottom =
        rows_top + k_row_height * static_cast<double>(std::max<std::size_t>(chart.bars.size(), 2));

    canvas.begin_group("value-axis");
    std::vector<std::string> tick_labels;
    for (const double tick : scale.ticks()) {
        const double x = x_of(tick);
        canvas.line(x, rows_top, x, rows_bottom, {k_grid_colour, 1, {}});
        const std::string label = number_text(tick, scale.decimals, options);
        const double half = estimated_text_width(label, k_tick_size) / 2;
        canvas.text(std::clamp(x, k_padding + half, width - k_padding - half), rows_bottom + 18,
                    label, {.colour = k_muted_text_colour, .anchor = Anchor::middle});
    }
    canvas.line(plot_left, rows_top, plot_left, rows_bottom, {k_axis_colour, 1, {}});
    canvas.end_group();

    canvas.begin_group("bars");
    for (std::size_t i = 0; i < chart.bars.size(); ++i) {
        const ComparisonBar& bar = chart.bars[i];
        const double row_top = rows_top + k_row_height * static_cast<double>(i);
        const double middle = row_top + k_row_height / 2;
        canvas.text(plot_left - 8, middle + 4, fit_text(bar.label, k_tick_size, label_width),
                    {.bold = bar.highlighted, .anchor = Anchor::end, .isolate = true});
        if (!drawable(bar.value)) {
            canvas.gap_marker(plot_left + 9, middle);
            canvas.text(plot_left + 19, middle + 4, value_text(bar.value, chart.labels, options),
                        {.size = k_value_size, .colour = k_muted_text_colour});
            continue;
        }
        const double end = x_of(*bar.value.value);
        canvas.rect(plot_left, middle - k_bar_height / 2, end - plot_left, k_bar_height,
                    bar.highlighted ? k_highlight_colour : k_bar_colour);
    }
    canvas.end_group();
    if (chart.bars.empty())
        canvas.text(
            (plot_left + plot_right) / 2, (rows_top + rows_bottom) / 2 + 4, chart.labels.no_data,
            {.size = k_axis_title_size, .colour = k_muted_text_colour, .anchor = Anchor::middle});

    if (drawable(chart.reference)) {
        canvas.begin_group("reference");
        const double x = x_of(*chart.reference.value);
        canvas.line(x, rows_top - 4, x, rows_bottom, reference_stroke());
        canvas.end_group();
    }

    // The values last, over the reference line.
    canvas.begin_group("values");
    for (std::size_t i = 0; i < chart.bars.size(); ++i) {
        const ComparisonBar& bar = chart.bars[i];
        if (!drawable(bar.value))
            continue;
        const double middle = rows_top + k_row_height * (static_cast<double>(i) + 0.5);
        canvas.text(x_of(*bar.value.value) + 4, middle + 4,
                    value_text(bar.value, chart.labels, options),
                    {.size = k_value_size, .bold = bar.highlighted, .halo = true});
    }
    canvas.end_group();

    y = rows_bottom + 18 + 4;
    if (!chart.labels.x_axis.empty()) {
        y += k_axis_title_size + 8;
        canvas.text((plot_left + plot_right) / 2, y,
                    fit_text(chart.labels.x_axis, k_axis_title_size, plot_right - plot_left),
                    {.size = k_axis_title_size, .anchor = Anchor::middle});
        y += 4;
    }
    y += 10;
    if (any_gap && !chart.labels.gap_note.empty())
        y = draw_gap_note(canvas, chart.labels.gap_note, y);

    return canvas.document(y + k_padding, chart.labels.title,
                           description(chart.labels, options, listing(chart, options), any_gap));
}

}  // namespace homeroom::render
