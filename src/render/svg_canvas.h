// What the three SVG charts share: a canvas that writes elements in logical (left-to-right)
// coordinates and mirrors them for right-to-left pages, the value axis arithmetic, and the text
// of values and of the <desc>. Internal to the chart writers (svg_*_chart.cpp, chart_table.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "render/chart_data.h"
#include "render/chart_palette.h"

namespace homeroom::render::chart_detail {

inline constexpr std::string_view k_font_family = "'Noto Sans', 'DejaVu Sans', Arial, sans-serif";
inline constexpr double k_padding = 12;
inline constexpr double k_title_size = 16;
inline constexpr double k_axis_title_size = 13;
inline constexpr double k_tick_size = 12;
inline constexpr double k_value_size = 11;
inline constexpr double k_plot_height = 200;

enum class Anchor { start, middle, end };

struct TextStyle {
    double size = k_tick_size;
    std::string_view colour = k_text_colour;
    bool bold = false;
    Anchor anchor = Anchor::start;
    bool vertical = false;  // rotated a quarter turn about its position, baseline toward the plot
    // Data rather than wording (a school's name): set apart as a first-strong isolate (U+2068 ...
    // U+2069), so that an English name on an Arabic chart, or the reverse, keeps its own order
    // and its punctuation stays at its own end.
    bool isolate = false;
    // A white outline under the glyphs, so that a value label stays legible where it crosses a
    // grid or reference line.
    bool halo = false;
};

struct Stroke {
    std::string_view colour = k_axis_colour;
    double width = 1;
    std::string_view dash = {};
};

// The paint a group gives the rects in it (SvgCanvas::begin_group).
struct GroupPaint {
    std::string_view fill;
    const Stroke* stroke = nullptr;
};

// An SVG document being drawn. Charts lay themselves out left to right; on a right-to-left page
// the canvas mirrors every x (x -> width - x) and text keeps its anchor keyword, because the
// document's `direction` is then rtl, under which "start" is the right end of the text (SVG 1.1
// 10.9.1; librsvg and browsers both follow it).
class SvgCanvas {
  public:
    explicit SvgCanvas(const ChartOptions& options);

    double width() const { return m_width; }
    // Mirrors a logical x for the page direction.
    double physical_x(double x) const { return m_mirrored ? m_width - x : x; }

    void line(double x1, double y1, double x2, double y2, const Stroke& stroke);
    void rect(double x, double y, double w, double h, std::string_view fill,
              const Stroke* stroke = nullptr);
    void text(double x, double y, std::string_view content, const TextStyle& style);
    // A polyline through logical points (x, y, x, y, ...).
    void polyline(const std::vector<double>& points, const Stroke& stroke);
    void marker(double x, double y, SeriesStyle::Marker shape, std::string_view colour);
    // The gap marker: a small diagonal cross, centred on (x, y).
    void gap_marker(double x, double y, std::string_view colour = k_gap_colour);

    // Opens and closes a group (e.g. one per series) so that a reader of the source sees the
    // structure. A group may carry the paint its rects share: a rect in it then leaves out the
    // attributes the group has (a year of weekly bars was a third of the chart's bytes).
    void begin_group(std::string_view name, GroupPaint paint = {});
    void end_group();

    // The finished document, `height` high, with <title> and <desc>.
    std::string document(double height, std::string_view title, std::string_view description) const;

  private:
    void append(const std::string& element);

    std::string m_id;
    std::string m_language;
    double m_width;
    bool m_mirrored;
    std::string m_body;
    int m_depth = 1;
    std::vector<GroupPaint> m_paints;  // of the open groups, innermost last
};

// Rough width of text in the chart font: enough to keep labels apart and inside the picture,
// never used to position text exactly (renderers differ by a few percent).
double estimated_text_width(std::string_view text, double font_size);

// The id prefix with everything outside [A-Za-z0-9_-] removed; "chart" if nothing is left or it
// does not start with a letter.
std::string sanitized_id(std::string_view id);

struct AxisScale {
    double min = 0;
    double max = 1;
    double step = 1;
    int decimals = 0;  // of tick labels

    std::vector<double> ticks() const;
    // Position of `value` between `low_px` (at min) and `high_px` (at max), clamped to the axis.
    double position(double value, double low_px, double high_px) const;
};

// The axis as asked, or from 0 to a round number (1, 2, 2.5 or 5 times a power of ten per
// step, at most 5 steps) at or above `largest`.
AxisScale make_scale(const ValueAxis& axis, double largest);

// True when the value is a finite number the chart can draw.
bool drawable(const ChartValue& value);

// The value as shown: its own text, else the formatter, else ChartLabels::no_data for a gap.
std::string value_text(const ChartValue& value, const ChartLabels& labels,
                       const ChartOptions& options);
std::string number_text(double value, int decimals, const ChartOptions& options);

// The <desc>: the summary, then the listing (when asked for), then the gap note when there are
// gaps.
std::string description(const ChartLabels& labels, const ChartOptions& options,
                        std::string_view listing, bool has_gaps);

}  // namespace homeroom::render::chart_detail
