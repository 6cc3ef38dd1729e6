#include "render/decimal_text.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace homeroom::render {

std::string fixed_decimal(double value, int decimals) {
    decimals = std::clamp(decimals, 0, 6);
    if (!std::isfinite(value))
        value = 0;
    // Halves round away from zero, as the site's percentages do (metrics/rate_format.h), rather
    // than to even as to_chars would on an exact tie (86.5 -> "87", not "86"). Values that round
    // to zero must not print as "-0.0".
    const double scale = std::pow(10.0, decimals);
    value = std::round(value * scale) / scale;
    if (value == 0)
        value = 0;
    std::array<char, 64> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                      std::chars_format::fixed, decimals);
    if (result.ec != std::errc())
        return "0";
    return std::string(buffer.data(), result.ptr);
}

std::string svg_number(double value) {
    std::string text;
    append_svg_number(text, value);
    return text;
}

void append_svg_number(std::string& out, double value) {
    // In tenths, halves away from zero as fixed_decimal(value, 1) rounds; beyond 1e15 tenths
    // (never a coordinate) fall back to it.
    const double tenths = std::isfinite(value) ? std::round(value * 10) : 0;
    if (std::fabs(tenths) >= 1e15) {
        std::string text = fixed_decimal(value, 1);
        if (text.ends_with(".0"))
            text.resize(text.size() - 2);
        out += text;
        return;
    }
    const auto n = static_cast<long long>(tenths);
    if (n < 0)
        out += '-';
    const unsigned long long magnitude =
        n < 0 ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
    std::array<char, 24> buffer{};
    const auto r = std::to_chars(buffer.data(), buffer.data() + buffer.size(), magnitude / 10);
    out.append(buffer.data(), r.ptr);
    if (const auto digit = magnitude % 10) {
        out += '.';
        out += static_cast<char>('0' + digit);
    }
}

}  // namespace homeroom::render
