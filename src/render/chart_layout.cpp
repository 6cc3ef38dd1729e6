#include "render/chart_layout.h"

#include <algorithm>
#include <cmath>

#include "render/untrusted_text.h"

namespace homeroom::render::chart_detail {
namespace {

constexpr double k_line_gap = 5;         // between lines of wrapped text
constexpr double k_legend_swatch = 24;   // width of a legend's swatch
constexpr double k_legend_spacing = 18;  // between legend entries
constexpr double k_axis_title_gap = 6;   // between a value axis's tick labels and its title

}  // namespace

std::string fit_text(std::string_view text, double font_size, double max_width) {
    const std::string clean = clean_untrusted_text(text);
    std::size_t keep = code_point_count(clean);
    std::string fitted = clean;
    while (keep > 1 && estimated_text_width(fitted, font_size) > max_width)
        fitted = truncate_code_points(clean, --keep);
    return fitted;
}

std::vector<std::string> wrap_text(std::string_view text, double font_size, double max_width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view word = text.substr(start, end - start);
        if (!word.empty()) {
            std::string candidate =
                line.empty() ? std::string(word) : line + " " + std::string(word);
            if (!line.empty() && estimated_text_width(candidate, font_size) > max_width) {
                lines.push_back(line);
                line = std::string(word);
            } else {
                line = std::move(candidate);
            }
        }
        start = end + 1;
    }
    if (!line.empty())
        lines.push_back(line);
    // A word too long for any line (a hostile name) is cut rather than drawn off the picture.
    for (std::string& long_line : lines) long_line = fit_text(long_line, font_size, max_width);
    return lines;
}

double draw_title(SvgCanvas& canvas, const ChartLabels& labels, const ChartOptions& options,
                  double top) {
    if (!options.draw_title || labels.title.empty())
        return top;
    const double max_width = canvas.width() - 2 * k_padding;
    double y = top;
    for (const std::string& line : wrap_text(labels.title, k_title_size, max_width)) {
        y += k_title_size;
        canvas.text(k_padding, y, line, {.size = k_title_size, .bold = true});
        y += k_line_gap;
    }
    return y + 8;
}

double draw_legend(SvgCanvas& canvas, std::span<const LegendEntry> entries, double top) {
    if (entries.empty())
        return top;
    const double row_height = 20, max_x = canvas.width() - k_padding;
    double x = k_padding, y = top + 10;  // y: the middle of the row
    const double name_room = max_x - k_padding - k_legend_swatch - 6;
    for (const LegendEntry& entry : entries) {
        const std::string name = fit_text(entry.name, k_tick_size, name_room);
        const double width = k_legend_swatch + 6 + estimated_text_width(name, k_tick_size);
        if (x > k_padding && x + width > max_x) {
            x = k_padding;
            y += row_height;
        }
        switch (entry.swatch) {
            case LegendEntry::Swatch::bar:
                canvas.rect(x + 6, y - 6, 12, 12, k_bar_colour);
                break;
            case LegendEntry::Swatch::track: {
                const Stroke outline{k_track_stroke, 1};
                canvas.rect(x + 6.5, y - 5.5, 11, 11, k_track_fill, &outline);
                break;
            }
            case LegendEntry::Swatch::series: {
                const SeriesStyle& style = series_style(entry.series);
                canvas.line(x, y, x + k_legend_swatch, y, {style.colour, 2, style.dash});
                canvas.marker(x + k_legend_swatch / 2, y, style.marker, style.colour);
                break;
            }
            case LegendEntry::Swatch::reference:
                canvas.line(x + 12, y - 8, x + 12, y + 8, reference_stroke());
                break;
        }
        // Series are often schools: their names are data.
        canvas.text(
            x + k_legend_swatch + 6, y + 4, name,
            {.colour = k_text_colour, .isolate = entry.swatch == LegendEntry::Swatch::series});
        x += width + k_legend_spacing;
    }
    return y + row_height / 2 + 4;
}

double draw_gap_note(SvgCanvas& canvas, std::string_view note, double top) {
    const double text_x = k_padding + 16;
    double y = top;
    canvas.gap_marker(k_padding + 5, top + k_tick_size / 2);
    for (const std::string& line :
         wrap_text(note, k_tick_size, canvas.width() - text_x - k_padding)) {
        y += k_tick_size;
        canvas.text(text_x, y, line, {.colour = k_muted_text_colour});
        y += k_line_gap;
    }
    return std::max(y, top + k_tick_size + k_line_gap);
}

CategoryPlot::CategoryPlot(const SvgCanvas& canvas, const AxisScale& scale,
                           const ChartLabels& labels, const ChartOptions& options,
                           std::size_t category_count, double top)
    : m_scale(scale), m_labels(labels), m_options(options) {
    double tick_width = 0;
    for (const double tick : m_scale.ticks()) {
        m_tick_labels.push_back(number_text(tick, m_scale.decimals, options));
        tick_width = std::max(tick_width, estimated_text_width(m_tick_labels.back(), k_tick_size));
    }
    const double title_width = labels.y_axis.empty() ? 0 : k_axis_title_size + k_axis_title_gap + 4;
    m_left = k_padding + title_width + tick_width + 8;
    m_right = canvas.width() - k_padding - 4;
    m_top = top + k_tick_size / 2;  // room for the top tick label
    m_bottom = m_top + k_plot_height;
    m_slot = (m_right - m_left) / static_cast<double>(std::max<std::size_t>(category_count, 1));
}

void CategoryPlot::draw_value_axis(SvgCanvas& canvas) const {
    canvas.begin_group("value-axis");
    const std::vector<double> ticks = m_scale.ticks();
    for (std::size_t i = 0; i < ticks.size(); ++i) {
        const double y = value_y(ticks[i]);
        if (i > 0)
            canvas.line(m_left, y, m_right, y, {k_grid_colour, 1});
        canvas.text(m_left - 8, y + 4, m_tick_labels[i],
                    {.colour = k_muted_text_colour, .anchor = Anchor::end});
    }
    if (!m_labels.y_axis.empty())
        canvas.text(k_padding + k_axis_title_size, (m_top + m_bottom) / 2,
                    fit_text(m_labels.y_axis, k_axis_title_size, m_bottom - m_top),
                    {.size = k_axis_title_size, .anchor = Anchor::middle, .vertical = true});
    canvas.end_group();
}

double CategoryPlot::draw_category_axis(SvgCanvas& canvas,
                                        std::span<const std::string> categories) const {
    canvas.begin_group("category-axis");
    canvas.line(m_left, m_bottom, m_right, m_bottom, {k_axis_colour, 1});
    std::vector<std::string> labels;
    double widest = 0;
    for (const std::string& label : categories) {
        labels.push_back(fit_text(label, k_tick_size, canvas.width() - 2 * k_padding));
        widest = std::max(widest, estimated_text_width(labels.back(), k_tick_size));
    }
    // Show every k-th label so that neighbours keep 8 units apart; the table lists them all.
    const auto every = static_cast<std::size_t>(std::max(1.0, std::ceil((widest + 8) / m_slot)));
    for (std::size_t i = 0; i < categories.size(); i += every) {
        // Keep the first and last labels inside the picture.
        double x = category_x(i);
        const double half = estimated_text_width(labels[i], k_tick_size) / 2;
        x = std::clamp(x, k_padding + half, canvas.width() - k_padding - half);
        canvas.text(x, m_bottom + 18, labels[i],
                    {.colour = k_muted_text_colour, .anchor = Anchor::middle});
    }
    double y = m_bottom + 18 + 4;
    if (!m_labels.x_axis.empty()) {
        y += k_axis_title_size + 8;
        canvas.text((m_left + m_right) / 2, y,
                    fit_text(m_labels.x_axis, k_axis_title_size, m_right - m_left),
                    {.size = k_axis_title_size, .anchor = Anchor::middle});
        y += 4;
    }
    canvas.end_group();
    return y + 10;
}

void CategoryPlot::draw_empty(SvgCanvas& canvas, std::string_view no_data) const {
    canvas.text(
        (m_left + m_right) / 2, (m_top + m_bottom) / 2, no_data,
        {.size = k_axis_title_size, .colour = k_muted_text_colour, .anchor = Anchor::middle});
}

}  // namespace homeroom::render::chart_detail
