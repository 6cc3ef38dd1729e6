#include "render/localizer.h"

#include <array>
#include <cmath>
#include <cstdio>

namespace homeroom::render {

std::string replace_count(std::string_view pattern, std::string_view value) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] == 'd') {
            out += value;
            ++i;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

std::string EnglishLocalizer::plural(std::string_view singular, std::string_view plural_form,
                                     long long n) const {
    return replace_count(n == 1 ? singular : plural_form, number(n));
}

std::string EnglishLocalizer::number(long long n) const {
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

std::string EnglishLocalizer::percent(double ratio, int decimals) const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f%%", decimals, ratio * 100.0);
    return buf;
}

std::string EnglishLocalizer::decimal(double value, int decimals) const {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    return buf;
}

std::string EnglishLocalizer::date(Date d, DateStyle style) const {
    static constexpr std::array<const char*, 12> k_months = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    if (style == DateStyle::short_numeric)
        return std::to_string(d.month()) + "/" + std::to_string(d.day()) + "/" +
               std::to_string(d.year());
    std::string month = k_months[static_cast<std::size_t>(d.month() - 1)];
    if (style == DateStyle::medium)
        month = month.substr(0, 3);
    return month + " " + std::to_string(d.day()) + ", " + std::to_string(d.year());
}

}  // namespace homeroom::render
