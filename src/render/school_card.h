// The view model of a school's public report card (templates/school.mustache): enrollment and
// demographics, attendance and chronic absenteeism, proficiency, suspensions and early-warning
// counts, overall and by student group, each next to the district's figure, and the trend when
// there is more than one snapshot. Every figure comes from the published tables (public_figures.h).
#pragma once

#include <mstch/mstch.hpp>

#include <span>
#include <string>

#include "core/records.h"
#include "metrics/indicator_settings.h"
#include "metrics/suppression.h"
#include "render/localizer.h"
#include "render/page_chrome.h"
#include "render/public_figures.h"

namespace homeroom::render {

struct SchoolCardData {
    const School& school;
    std::size_t index;                     // the school's row in the figures
    std::span<const PublicFigures> trend;  // oldest first; the last is the as-of snapshot
    std::string about_href;                // the "about the data" page, relative to this page
    const metrics::IndicatorSettings& indicators;  // for the wording of the thresholds
};

mstch::map school_card_context(const SchoolCardData& data, const PageChrome& chrome,
                               const Localizer& l, const metrics::SuppressionSettings& settings);

}  // namespace homeroom::render
