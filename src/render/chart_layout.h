// The parts of a chart's picture that the charts share: the title, a legend, the note that
// explains gaps, and the plot of values over categories that the bar and line charts both use.
// Internal to the chart writers.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "render/svg_canvas.h"

namespace homeroom::render::chart_detail {

// `text` cut (with an ellipsis) to fit `max_width` by estimate: a label never runs out of the
// picture or into its neighbours; the <desc> and the table keep it whole.
std::string fit_text(std::string_view text, double font_size, double max_width);

// `text` broken at spaces into lines no wider than `max_width` (by estimate); a word wider than
// that gets a line of its own, cut with an ellipsis.
std::vector<std::string> wrap_text(std::string_view text, double font_size, double max_width);

// The visible title when asked for; returns the y where the next part may start.
double draw_title(SvgCanvas& canvas, const ChartLabels& labels, const ChartOptions& options,
                  double top);

struct LegendEntry {
    enum class Swatch { bar, track, series, reference } swatch;
    std::string name;
    std::size_t series = 0;  // Swatch::series: its index in the palette
};

// Entries in a row, wrapping onto more rows when needed; returns the y below the legend.
double draw_legend(SvgCanvas& canvas, std::span<const LegendEntry> entries, double top);

// How the reference line (a district's figure across the schools) is drawn.
inline Stroke reference_stroke() {
    return {k_reference_colour, 1.5, "5 3"};
}

// The gap marker followed by the gap note, wrapped; returns the y below it.
double draw_gap_note(SvgCanvas& canvas, std::string_view note, double top);

// A plot of values over categories: the value axis on the left (mirrored: right), categories
// spaced evenly along the bottom.
class CategoryPlot {
  public:
    CategoryPlot(const SvgCanvas& canvas, const AxisScale& scale, const ChartLabels& labels,
                 const ChartOptions& options, std::size_t category_count, double top);

    double left() const { return m_left; }
    double right() const { return m_right; }
    double top() const { return m_top; }
    double bottom() const { return m_bottom; }
    double slot_width() const { return m_slot; }
    double category_x(std::size_t index) const { return m_left + m_slot * (index + 0.5); }
    double value_y(double value) const { return m_scale.position(value, m_bottom, m_top); }

    // Grid lines, tick labels and the value axis title (under the data).
    void draw_value_axis(SvgCanvas& canvas) const;
    // The baseline, the category labels (every k-th when they would collide) and the category
    // axis title; returns the y below them.
    double draw_category_axis(SvgCanvas& canvas, std::span<const std::string> categories) const;
    // "No data" in the middle of an empty plot.
    void draw_empty(SvgCanvas& canvas, std::string_view no_data) const;

  private:
    AxisScale m_scale;
    const ChartLabels& m_labels;
    const ChartOptions& m_options;
    std::vector<std::string> m_tick_labels;
    double m_left = 0, m_right = 0, m_top = 0, m_bottom = 0, m_slot = 0;
};

}  // namespace homeroom::render::chart_detail
