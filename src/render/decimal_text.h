// Numbers as text the same way on every machine: std::to_chars in fixed notation, never the
// C or C++ locale (a German locale would write "12,5" into an SVG coordinate and break it).
#pragma once

#include <string>

namespace homeroom::render {

// `value` with exactly `decimals` decimals (clamped to 0..6), halves rounded away from zero,
// "-0" written as "0"; NaN and
// infinities as "0" (callers treat them as gaps before getting here).
std::string fixed_decimal(double value, int decimals);

// A coordinate or length for SVG: one decimal, without a trailing ".0" ("12", "12.5").
std::string svg_number(double value);
// The same, appended to `out` (charts write thousands of coordinates per page).
void append_svg_number(std::string& out, double value);

}  // namespace homeroom::render
