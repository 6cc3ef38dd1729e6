// The colours of the charts. Series colours are the Okabe-Ito palette (Okabe & Ito, "Color
// Universal Design", 2008; the palette recommended for readers with any common colour-vision
// deficiency), darkened where needed so that every colour that draws data or text has at least
// 4.5:1 contrast against white (WCAG 2.x AA for text, more than the 3:1 it asks of graphics).
// Hue alone never tells series apart: each series also has its own marker shape and dash
// pattern, so the charts read in greyscale and when printed.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace homeroom::render {

struct SeriesStyle {
    std::string_view colour;  // "#RRGGBB"
    std::string_view name;    // the Okabe-Ito hue it derives from (for documentation and tests)
    std::string_view dash;    // stroke-dasharray; empty: solid
    enum class Marker { circle, square, triangle, diamond, cross, bar } marker;
};

// In order of use: blue and vermillion first, the pair that stays apart under every type of
// colour blindness.
inline constexpr std::array<SeriesStyle, 6> k_series_styles = {{
    {"#0072B2", "blue", "", SeriesStyle::Marker::circle},                               // 5.2:1
    {"#B84F00", "vermillion (darkened)", "6 3", SeriesStyle::Marker::square},           // 5.1:1
    {"#007A5A", "bluish green (darkened)", "2 3", SeriesStyle::Marker::triangle},       // 5.3:1
    {"#A8527F", "reddish purple (darkened)", "8 3 2 3", SeriesStyle::Marker::diamond},  // 5.0:1
    {"#9E6A00", "orange (darkened)", "10 4", SeriesStyle::Marker::cross},               // 4.7:1
    {"#000000", "black", "1 3", SeriesStyle::Marker::bar},                              // 21:1
}};

// Series beyond the sixth reuse the styles in turn (a chart with that many lines should be a
// table).
inline const SeriesStyle& series_style(std::size_t index) {
    return k_series_styles[index % k_series_styles.size()];
}

inline constexpr std::string_view k_text_colour = "#1A1A1A";        // 17:1
inline constexpr std::string_view k_muted_text_colour = "#595959";  // 7:1: ticks, notes
inline constexpr std::string_view k_axis_colour = "#595959";
inline constexpr std::string_view k_grid_colour = "#DDDDDD";  // decorative, under the data
inline constexpr std::string_view k_gap_colour = "#595959";   // the gap marker
// The "out of" track behind a bar: a pale fill carries no information by itself, its outline
// (4.5:1) shows where the track ends.
inline constexpr std::string_view k_track_fill = "#EEEEEE";
inline constexpr std::string_view k_track_stroke = "#767676";
inline constexpr std::string_view k_reference_colour = "#1A1A1A";  // the district line
inline constexpr std::string_view k_highlight_colour = "#B84F00";  // "this school"
inline constexpr std::string_view k_bar_colour = "#0072B2";

// WCAG 2.x contrast ratio of two "#RRGGBB" colours (1 to 21). Throws std::invalid_argument for
// another form.
double contrast_ratio(std::string_view colour_a, std::string_view colour_b);

}  // namespace homeroom::render
