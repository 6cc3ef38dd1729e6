// How a published figure is shown: a count, a whole percent, a coded rate near 0% or 100%, or the
// suppression marker. Kept as a kind and a number rather than as text so that the renderer can
// write numbers in each locale's digits; to_text gives the default (English) form.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace homeroom::metrics {

struct DisplayValue {
    enum class Kind : std::uint8_t {
        no_data,     // nothing to show (no students counted)
        number,      // `number` students
        percent,     // `number` %, rounded to a whole percent
        below,       // "<`number`%": a rate too close to 0% to show
        above,       // ">`number`%": a rate too close to 100% to show
        suppressed,  // hidden to protect students' privacy
    };
    Kind kind = Kind::no_data;
    std::int64_t number = 0;

    bool is_coded() const { return kind == Kind::below || kind == Kind::above; }
    friend bool operator==(const DisplayValue&, const DisplayValue&) = default;
};

// Rates closer than `percent` points to 0% or 100% are coded for groups of at least
// `minimum_students` (the band of the largest minimum a group reaches applies).
struct RateBand {
    std::int64_t minimum_students = 0;
    int percent = 5;
};

// 0 (no coding) when no band applies.
int band_percent_for(std::int64_t students, std::span<const RateBand> bands);

// numerator / denominator as a percent rounded half up; denominator > 0, 0 <= numerator.
std::int64_t whole_percent(std::int64_t numerator, std::int64_t denominator);

DisplayValue count_value(std::int64_t count);
// Strictly below `band_percent` % is "<band%", strictly above 100 - band is ">(100 - band)%",
// decided on the exact fraction (4.6% is "<5%" although it rounds to 5%; exactly 5% is "5%").
// A band never holds a single count: for a denominator d with band·d <= 100 it is widened to
// 100 / d + 1 (d = 10: "<11%", that is 0 or 1 of 10; d = 20: "<6%"), so a coded rate never pins
// its count (audit of issue 14: "<5%" of 10 students could only mean 0).
// No data without a denominator; band 0 codes nothing.
DisplayValue rate_value(std::int64_t numerator, std::int64_t denominator, int band_percent);
DisplayValue suppressed_value();

// "412", "87%", "<5%", ">95%", the suppressed marker, or the no-data marker.
std::string to_text(const DisplayValue& value, std::string_view suppressed_marker = "*",
                    std::string_view no_data_marker = "-");

}  // namespace homeroom::metrics
