// line_chart_svg (svg_chart.h).
#include <algorithm>
#include <vector>

#include "render/chart_layout.h"
#include "render/svg_chart.h"

namespace homeroom::render {

using namespace chart_detail;

namespace {

ChartValue value_at(const LineSeries& series, std::size_t index) {
    return index < series.values.size() ? series.values[index] : ChartValue::gap();
}

std::string listing(const LineChart& chart, const ChartOptions& options) {
    std::string out;
    for (const LineSeries& series : chart.series) {
        std::string sentence = series.name.empty() ? std::string() : series.name + ":";
        for (std::size_t i = 0; i < chart.categories.size(); ++i) {
            if (i > 0)
                sentence += ",";
            if (!sentence.empty())
                sentence += " ";
            sentence +=
                chart.categories[i] + " " + value_text(value_at(series, i), chart.labels, options);
        }
        if (!out.empty())
            out += " ";
        out += sentence + ".";
    }
    return out;
}

}  // namespace

std::string line_chart_svg(const LineChart& chart, const ChartOptions& options) {
    SvgCanvas canvas(options);
    const std::size_t count = chart.categories.size();
    double largest = 0;
    bool any_gap = false;
    for (const LineSeries& series : chart.series)
        for (std::size_t i = 0; i < count; ++i) {
            const ChartValue value = value_at(series, i);
            if (drawable(value))
                largest = std::max(largest, *value.value);
            else
                any_gap = true;
        }
    const AxisScale scale = make_scale(chart.axis, largest);

    double y = draw_title(canvas, chart.labels, options, k_padding);
    // A legend also for one named series: its marker and dash tell which line is which in the
    // table and in print.
    std::vector<LegendEntry> legend;
    for (std::size_t s = 0; s < chart.series.size(); ++s)
        if (chart.series.size() > 1 || !chart.series[s].name.empty())
            legend.push_back({LegendEntry::Swatch::series, chart.series[s].name, s});
    y = draw_legend(canvas, legend, y) + (legend.empty() ? 0 : 4);

    const CategoryPlot plot(canvas, scale, chart.labels, options, count, y);
    plot.draw_value_axis(canvas);

    std::vector<int> gaps_at(count, 0);  // gap markers already drawn per category
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const LineSeries& series = chart.series[s];
        const SeriesStyle& style = series_style(s);
        canvas.begin_group("series");
        // Consecutive values are joined; a gap breaks the line, so nothing is drawn where no
        // value is known.
        std::vector<double> run;
        const auto flush = [&] {
            if (run.size() >= 4)
                canvas.polyline(run, {style.colour, 2.5, style.dash});
            run.clear();
        };
        for (std::size_t i = 0; i < count; ++i) {
            const ChartValue value = value_at(series, i);
            if (drawable(value)) {
                run.push_back(plot.category_x(i));
                run.push_back(plot.value_y(*value.value));
            } else {
                flush();
            }
        }
        flush();
        for (std::size_t i = 0; i < count; ++i) {
            const ChartValue value = value_at(series, i);
            if (drawable(value))
                canvas.marker(plot.category_x(i), plot.value_y(*value.value), style.marker,
                              style.colour);
            else  // on the baseline, where it cannot pass for a value; stacked when several
                canvas.gap_marker(plot.category_x(i), plot.bottom() - 11 * (gaps_at[i]++ % 8),
                                  style.colour);
        }
        canvas.end_group();
    }
    if (count == 0 || chart.series.empty())
        plot.draw_empty(canvas, chart.labels.no_data);

    y = plot.draw_category_axis(canvas, chart.categories);
    if (any_gap && !chart.labels.gap_note.empty())
        y = draw_gap_note(canvas, chart.labels.gap_note, y);

    return canvas.document(y + k_padding, chart.labels.title,
                           description(chart.labels, options, listing(chart, options), any_gap));
}

}  // namespace homeroom::render
