#include "render/decimal_text.h"

#include <gtest/gtest.h>

#include <clocale>
#include <limits>

namespace homeroom::render {
namespace {

TEST(DecimalText, WritesFixedDecimals) {
    EXPECT_EQ(fixed_decimal(87.456, 2), "87.46");
    EXPECT_EQ(fixed_decimal(87.0, 1), "87.0");
    EXPECT_EQ(fixed_decimal(0.125, 0), "0");
    EXPECT_EQ(fixed_decimal(2.5, 0), "3");  // half away from zero, like the site's percentages
    EXPECT_EQ(fixed_decimal(86.5, 0), "87");
    EXPECT_EQ(fixed_decimal(-2.5, 0), "-3");
    EXPECT_EQ(fixed_decimal(0.125, 2), "0.13");
    EXPECT_EQ(fixed_decimal(12345.678, 1), "12345.7");
}

TEST(DecimalText, NeverWritesNegativeZeroOrNonNumbers) {
    EXPECT_EQ(fixed_decimal(-0.0, 1), "0.0");
    EXPECT_EQ(fixed_decimal(-0.04, 1), "0.0");
    EXPECT_EQ(fixed_decimal(-0.06, 1), "-0.1");
    EXPECT_EQ(fixed_decimal(std::numeric_limits<double>::quiet_NaN(), 1), "0.0");
    EXPECT_EQ(fixed_decimal(std::numeric_limits<double>::infinity(), 0), "0");
}

TEST(DecimalText, WritesSvgNumbersWithoutTrailingZero) {
    EXPECT_EQ(svg_number(12.0), "12");
    EXPECT_EQ(svg_number(12.54), "12.5");
    EXPECT_EQ(svg_number(-0.01), "0");
    EXPECT_EQ(svg_number(640), "640");
}

TEST(DecimalText, IgnoresTheProcessLocale) {
    // A locale with a decimal comma, if the machine has one; the C.UTF-8 fallback still runs.
    const char* previous = std::setlocale(LC_NUMERIC, nullptr);
    const std::string saved = previous != nullptr ? previous : "C";
    for (const char* name : {"de_DE.UTF-8", "fr_FR.UTF-8", "C.UTF-8"})
        if (std::setlocale(LC_NUMERIC, name) != nullptr)
            break;
    EXPECT_EQ(fixed_decimal(1.5, 1), "1.5");
    std::setlocale(LC_NUMERIC, saved.c_str());
}

}  // namespace
}  // namespace homeroom::render
