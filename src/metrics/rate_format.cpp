#include "metrics/rate_format.h"

#include <algorithm>

namespace homeroom::metrics {

int band_percent_for(std::int64_t students, std::span<const RateBand> bands) {
    const RateBand* best = nullptr;
    for (const RateBand& band : bands)
        if (band.minimum_students <= students &&
            (best == nullptr || band.minimum_students > best->minimum_students))
            best = &band;
    return best != nullptr ? best->percent : 0;
}

std::int64_t whole_percent(std::int64_t numerator, std::int64_t denominator) {
    return (200 * numerator + denominator) / (2 * denominator);
}

DisplayValue count_value(std::int64_t count) {
    return {DisplayValue::Kind::number, count};
}

DisplayValue rate_value(std::int64_t numerator, std::int64_t denominator, int band_percent) {
    if (denominator <= 0)
        return {};
    if (band_percent > 0) {
        // A band must hold two counts at least (0 and 1, or all and all but one), or "<5%" of a
        // group of 10 to 20 says exactly 0: widened to the smallest whole percent that does.
        band_percent = static_cast<int>(std::min<std::int64_t>(
            50, std::max<std::int64_t>(band_percent, 100 / denominator + 1)));
        if (numerator * 100 < band_percent * denominator)
            return {DisplayValue::Kind::below, band_percent};
        if (numerator * 100 > (100 - band_percent) * denominator)
            return {DisplayValue::Kind::above, 100 - band_percent};
    }
    return {DisplayValue::Kind::percent, whole_percent(numerator, denominator)};
}

DisplayValue suppressed_value() {
    return {DisplayValue::Kind::suppressed, 0};
}

std::string to_text(const DisplayValue& value, std::string_view suppressed_marker,
                    std::string_view no_data_marker) {
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "<" + std::to_string(n).
    std::string text;
    switch (value.kind) {
        case DisplayValue::Kind::no_data:
            text = no_data_marker;
            break;
        case DisplayValue::Kind::number:
            text = std::to_string(value.number);
            break;
        case DisplayValue::Kind::percent:
            text = std::to_string(value.number);
            text += '%';
            break;
        case DisplayValue::Kind::below:
        case DisplayValue::Kind::above:
            text = value.kind == DisplayValue::Kind::below ? '<' : '>';
            text += std::to_string(value.number);
            text += '%';
            break;
        case DisplayValue::Kind::suppressed:
            text = suppressed_marker;
            break;
    }
    return text;
}

}  // namespace homeroom::metrics
