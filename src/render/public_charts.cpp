#include "render/public_charts.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "render/chart_data.h"
#include "render/public_figure_text.h"
#include "render/public_labels.h"
#include "render/svg_chart.h"
#include "render/untrusted_text.h"

namespace homeroom::render {
namespace {

ChartLabels chart_labels(const PublicChartText& text, const std::string& value_axis,
                         const Localizer& l) {
    ChartLabels labels;
    labels.title = text.title;
    labels.summary = text.summary;
    labels.x_axis = text.categories;
    labels.y_axis = value_axis;
    labels.gap_note =
        l.text("A gap is a figure hidden to protect students' privacy or shown only as a range.");
    labels.no_data = l.text("No data");
    return labels;
}

ChartOptions chart_options(const PublicChartText& text, const Localizer& l) {
    ChartOptions options;
    options.id = text.id;
    options.right_to_left = l.right_to_left();
    options.language = l.language();
    options.value_suffix = "%";
    // The page's <figcaption> is the visible title: it wraps and zooms with the text.
    options.draw_title = false;
    options.width = text.width;
    // Tick and value labels in the page's digits and percent sign, like the tables.
    options.format = [&l](double value, int decimals) {
        return l.percent(value / 100.0, decimals);
    };
    return options;
}

// The size the SVG declares in its viewBox, so that the <img> keeps its proportions.
std::pair<std::string, std::string> svg_size(const std::string& svg) {
    const std::string key = "viewBox=\"0 0 ";
    const auto at = svg.find(key);
    if (at == std::string::npos)
        return {"640", "320"};
    const auto start = at + key.size();
    const auto space = svg.find(' ', start);
    const auto quote = svg.find('"', start);
    if (space == std::string::npos || quote == std::string::npos || space > quote)
        return {"640", "320"};
    return {svg.substr(start, space - start), svg.substr(space + 1, quote - space - 1)};
}

mstch::map chart_context(const std::string& svg, const PublicChartText& text, mstch::array headers,
                         mstch::array rows, bool wide) {
    const auto [width, height] = svg_size(svg);
    return mstch::map{{"id", text.id},
                      {"src", svg_image_uri(svg)},
                      {"alt", text.alt},
                      {"caption", text.title},
                      {"width", width},
                      {"height", height},
                      {"headers", std::move(headers)},
                      {"rows", std::move(rows)},
                      {"wide", wide}};
}

// The lowest drawable value, for an axis that does not waste most of its height below the data.
std::optional<double> lowest(const std::vector<ChartValue>& values) {
    std::optional<double> low;
    for (const auto& v : values)
        if (v.value && (!low || *v.value < *low))
            low = *v.value;
    return low;
}

}  // namespace

mstch::map trend_chart_context(std::span<const PublicFigures> trend,
                               const metrics::MeasureId& measure, std::span<const TrendLine> lines,
                               const PublicChartText& text, const Localizer& l,
                               const metrics::SuppressionSettings& settings) {
    LineChart chart;
    chart.labels = chart_labels(text, measure_label(measure, l), l);
    for (const auto& point : trend) chart.categories.push_back(l.date(point.as_of));

    mstch::array headers{mstch::map{{"text", text.categories}}};
    std::vector<ChartValue> every_value;
    std::vector<std::vector<metrics::DisplayValue>> shown(lines.size());
    for (std::size_t s = 0; s < lines.size(); ++s) {
        LineSeries series;
        series.name = lines[s].name;
        for (const auto& point : trend) {
            metrics::DisplayValue value = metrics::suppressed_value();
            if (point.has(measure)) {
                const auto& table = point.table(measure);
                if (!lines[s].school)
                    value = table.district[metrics::k_all_students].value;
                else if (*lines[s].school < table.schools.size())
                    value = table.schools[*lines[s].school][metrics::k_all_students].value;
            }
            shown[s].push_back(value);
            series.values.push_back(chart_value(value, l, settings));
            every_value.push_back(series.values.back());
        }
        chart.series.push_back(std::move(series));
        headers.push_back(mstch::map{{"text", lines[s].name}});
    }
    // Attendance rates sit near the top of the scale: start the axis a little below the lowest
    // one rather than at 0%, where every line would be flat. Shares of students start at 0%.
    if (metrics::value_format(measure.measure) == metrics::ValueFormat::day_share) {
        const auto low = lowest(every_value);
        const double floor_at = low ? std::max(0.0, std::floor((*low - 5.0) / 10.0) * 10.0) : 0.0;
        chart.axis = {floor_at, 100, 0};
    } else {
        chart.axis = {0, 0, 0};
    }

    mstch::array rows;
    for (std::size_t i = 0; i < trend.size(); ++i) {
        mstch::array cells;
        for (std::size_t s = 0; s < lines.size(); ++s)
            cells.push_back(figure_context(shown[s][i], l, settings, !lines[s].school));
        rows.push_back(mstch::map{{"label", chart.categories[i]}, {"cells", std::move(cells)}});
    }
    const std::string svg = line_chart_svg(chart, chart_options(text, l));
    return chart_context(svg, text, std::move(headers), std::move(rows), false);
}

mstch::map comparison_chart_context(const PublicFigures& figures, const metrics::MeasureId& measure,
                                    std::span<const std::string> names, const PublicChartText& text,
                                    const Localizer& l,
                                    const metrics::SuppressionSettings& settings) {
    const auto& table = figures.table(measure);
    std::vector<std::size_t> order(std::min(names.size(), table.schools.size()));
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto key = [&](std::size_t i) {
        return sort_key(table.schools[i][metrics::k_all_students].value);
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto ka = key(a), kb = key(b);
        if (ka.has_value() != kb.has_value())
            return ka.has_value();
        if (ka && *ka != *kb)
            return *ka > *kb;
        return names[a] < names[b];
    });

    ComparisonChart chart;
    chart.labels = chart_labels(text, measure_label(measure, l), l);
    chart.labels.x_axis = measure_label(measure, l);
    chart.labels.y_axis = text.categories;
    chart.reference_name = l.text("District");
    const auto& district = table.district[metrics::k_all_students].value;
    chart.reference = chart_value(district, l, settings);
    chart.axis = {0, 0, 0};
    mstch::array rows;
    for (const std::size_t i : order) {
        const auto& value = table.schools[i][metrics::k_all_students].value;
        chart.bars.push_back({names[i], chart_value(value, l, settings), false});
        rows.push_back(
            mstch::map{{"label", clean_untrusted_text(names[i])},
                       {"cells", mstch::array{figure_context(value, l, settings, false)}}});
    }
    rows.push_back(
        mstch::map{{"label", l.text("District")},
                   {"cells", mstch::array{figure_context(district, l, settings, true)}}});
    mstch::array headers{mstch::map{{"text", text.categories}},
                         mstch::map{{"text", measure_label(measure, l)}}};
    const std::string svg = comparison_chart_svg(chart, chart_options(text, l));
    // One row per school: on a phone it scrolls sideways rather than shrink its text away.
    return chart_context(svg, text, std::move(headers), std::move(rows), true);
}

std::string svg_image_uri(std::string_view svg) {
    static constexpr char k_alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out = "data:image/svg+xml;base64,";
    out.reserve(out.size() + (svg.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < svg.size(); i += 3) {
        const auto n = (static_cast<unsigned>(static_cast<unsigned char>(svg[i])) << 16) |
                       (static_cast<unsigned>(static_cast<unsigned char>(svg[i + 1])) << 8) |
                       static_cast<unsigned>(static_cast<unsigned char>(svg[i + 2]));
        out += k_alphabet[(n >> 18) & 63];
        out += k_alphabet[(n >> 12) & 63];
        out += k_alphabet[(n >> 6) & 63];
        out += k_alphabet[n & 63];
    }
    if (i < svg.size()) {
        unsigned n = static_cast<unsigned>(static_cast<unsigned char>(svg[i])) << 16;
        const bool two = i + 1 < svg.size();
        if (two)
            n |= static_cast<unsigned>(static_cast<unsigned char>(svg[i + 1])) << 8;
        out += k_alphabet[(n >> 18) & 63];
        out += k_alphabet[(n >> 12) & 63];
        out += two ? k_alphabet[(n >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

}  // namespace homeroom::render
