#include "render/chart_table.h"

#include <cmath>
#include <vector>

#include "render/svg_canvas.h"
#include "render/untrusted_text.h"

namespace homeroom::render {

using namespace chart_detail;

namespace {

// Builds the fragment row by row; every text goes through escape_markup.
class HtmlTable {
  public:
    HtmlTable(const std::string& caption, const std::vector<std::string>& headers) {
        m_html = "<table class=\"chart-table\">\n<caption>" + escape_markup(caption) +
                 "</caption>\n<thead>\n<tr>";
        for (const std::string& header : headers)
            m_html += "<th scope=\"col\">" + escape_markup(header) + "</th>";
        m_html += "</tr>\n</thead>\n<tbody>\n";
        m_columns = headers.size();
    }

    void row(const std::string& heading, const std::vector<std::string>& cells) {
        m_html += "<tr><th scope=\"row\">" + escape_markup(heading) + "</th>";
        for (const std::string& cell : cells) m_html += "<td>" + escape_markup(cell) + "</td>";
        m_html += "</tr>\n";
    }

    // The gap note under the figures, when a figure is missing.
    std::string finish(bool has_gaps, const std::string& gap_note) {
        m_html += "</tbody>\n";
        if (has_gaps && !gap_note.empty())
            m_html += "<tfoot>\n<tr><td colspan=\"" + std::to_string(m_columns) + "\">" +
                      escape_markup(gap_note) + "</td></tr>\n</tfoot>\n";
        m_html += "</table>\n";
        return m_html;
    }

  private:
    std::string m_html;
    std::size_t m_columns = 0;
};

}  // namespace

std::string bar_chart_table(const BarChart& chart, const ChartOptions& options) {
    bool any_track = false, any_gap = false;
    for (const BarDatum& bar : chart.bars) {
        any_track = any_track || (bar.out_of.has_value() && std::isfinite(*bar.out_of));
        any_gap = any_gap || !drawable(bar.value);
    }
    std::vector<std::string> headers = {chart.labels.x_axis, chart.value_name};
    if (any_track)
        headers.push_back(chart.out_of_name);
    HtmlTable table(chart.labels.title, headers);
    for (const BarDatum& bar : chart.bars) {
        std::vector<std::string> cells = {value_text(bar.value, chart.labels, options)};
        if (any_track)
            cells.push_back(bar.out_of.has_value() && std::isfinite(*bar.out_of)
                                ? number_text(*bar.out_of, options.value_decimals, options)
                                : chart.labels.no_data);
        table.row(bar.label, cells);
    }
    return table.finish(any_gap, chart.labels.gap_note);
}

std::string line_chart_table(const LineChart& chart, const ChartOptions& options) {
    std::vector<std::string> headers = {chart.labels.x_axis};
    for (const LineSeries& series : chart.series) headers.push_back(series.name);
    HtmlTable table(chart.labels.title, headers);
    bool any_gap = false;
    for (std::size_t i = 0; i < chart.categories.size(); ++i) {
        std::vector<std::string> cells;
        for (const LineSeries& series : chart.series) {
            const ChartValue value =
                i < series.values.size() ? series.values[i] : ChartValue::gap();
            any_gap = any_gap || !drawable(value);
            cells.push_back(value_text(value, chart.labels, options));
        }
        table.row(chart.categories[i], cells);
    }
    return table.finish(any_gap, chart.labels.gap_note);
}

std::string comparison_chart_table(const ComparisonChart& chart, const ChartOptions& options) {
    HtmlTable table(chart.labels.title, {chart.labels.y_axis, chart.labels.x_axis});
    bool any_gap = false;
    for (const ComparisonBar& bar : chart.bars) {
        any_gap = any_gap || !drawable(bar.value);
        table.row(bar.label, {value_text(bar.value, chart.labels, options)});
    }
    if (!chart.reference_name.empty())
        table.row(chart.reference_name, {value_text(chart.reference, chart.labels, options)});
    return table.finish(any_gap, chart.labels.gap_note);
}

}  // namespace homeroom::render
