// A published figure as a public page shows it, in the page's language: counts in the locale's
// digits, whole percents, the coded ranges ("<5%", ">95%") and the suppression marker.
#pragma once

#include <mstch/mstch.hpp>

#include <optional>
#include <string>

#include "metrics/rate_format.h"
#include "metrics/suppression.h"
#include "render/chart_data.h"
#include "render/localizer.h"

namespace homeroom::render {

std::string figure_text(const metrics::DisplayValue& value, const Localizer& l,
                        const metrics::SuppressionSettings& settings);

// {text, suppressed, no_data, is_district}: what templates/partials/figure.mustache shows. Every
// key is always set, so that a missing one can never be found in an enclosing context.
mstch::map figure_context(const metrics::DisplayValue& value, const Localizer& l,
                          const metrics::SuppressionSettings& settings, bool is_district = false);

// The figure on a chart's percent axis: a drawable value for a count or a whole percent, a gap
// that keeps its text for a coded, hidden or missing figure (a chart never draws "<5%" as 0%).
ChartValue chart_value(const metrics::DisplayValue& value, const Localizer& l,
                       const metrics::SuppressionSettings& settings);

// Where the figure sorts in a column: a coded rate just inside its bound ("<5%" before "5%",
// ">95%" after "95%"), nothing for a hidden or missing figure (those sort last).
std::optional<double> sort_key(const metrics::DisplayValue& value);

}  // namespace homeroom::render
