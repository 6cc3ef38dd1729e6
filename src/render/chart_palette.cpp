#include "render/chart_palette.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "core/hex_digit.h"

namespace homeroom::render {
namespace {

// WCAG 2.x relative luminance (sRGB, the 0.03928 threshold of the recommendation's text).
double relative_luminance(std::string_view colour) {
    if (colour.size() != 7 || colour[0] != '#')
        throw std::invalid_argument("not a #RRGGBB colour: " + std::string(colour));
    std::array<double, 3> channel{};
    for (std::size_t i = 0; i < 3; ++i) {
        const int high = hex_digit_value(colour[1 + 2 * i]),
                  low = hex_digit_value(colour[2 + 2 * i]);
        if (high < 0 || low < 0)
            throw std::invalid_argument("not a #RRGGBB colour: " + std::string(colour));
        const double c = (high * 16 + low) / 255.0;
        channel[i] = c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
}

}  // namespace

double contrast_ratio(std::string_view colour_a, std::string_view colour_b) {
    const double a = relative_luminance(colour_a), b = relative_luminance(colour_b);
    return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

}  // namespace homeroom::render
