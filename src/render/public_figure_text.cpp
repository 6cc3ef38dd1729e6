#include "render/public_figure_text.h"

#include "render/public_labels.h"

namespace homeroom::render {

using Kind = metrics::DisplayValue::Kind;

std::string figure_text(const metrics::DisplayValue& value, const Localizer& l,
                        const metrics::SuppressionSettings& settings) {
    switch (value.kind) {
        case Kind::no_data:
            return settings.no_data_marker;
        case Kind::number:
            return l.number(value.number);
        case Kind::percent:
            return l.percent(static_cast<double>(value.number) / 100.0, 0);
        case Kind::below:
            return fill_placeholder(l.text("<{{percent}}"), "percent",
                                    l.percent(static_cast<double>(value.number) / 100.0, 0));
        case Kind::above:
            return fill_placeholder(l.text(">{{percent}}"), "percent",
                                    l.percent(static_cast<double>(value.number) / 100.0, 0));
        case Kind::suppressed:
            return settings.suppressed_marker;
    }
    return settings.no_data_marker;
}

mstch::map figure_context(const metrics::DisplayValue& value, const Localizer& l,
                          const metrics::SuppressionSettings& settings, bool is_district) {
    return mstch::map{{"text", figure_text(value, l, settings)},
                      {"suppressed", value.kind == Kind::suppressed},
                      {"no_data", value.kind == Kind::no_data},
                      {"is_district", is_district}};
}

ChartValue chart_value(const metrics::DisplayValue& value, const Localizer& l,
                       const metrics::SuppressionSettings& settings) {
    if (value.kind == Kind::number || value.kind == Kind::percent)
        return ChartValue::of(static_cast<double>(value.number));
    return ChartValue::gap(figure_text(value, l, settings));
}

std::optional<double> sort_key(const metrics::DisplayValue& value) {
    switch (value.kind) {
        case Kind::number:
        case Kind::percent:
            return static_cast<double>(value.number);
        case Kind::below:
            return static_cast<double>(value.number) - 0.5;
        case Kind::above:
            return static_cast<double>(value.number) + 0.5;
        case Kind::no_data:
        case Kind::suppressed:
            return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace homeroom::render
