// The view models of the small public pages: the home page of a language (the district and its
// schools), the "about the data" page (indicators and the suppression rule in plain words, with
// the district's own thresholds), and the language chooser at the site's root.
#pragma once

#include <mstch/mstch.hpp>

#include <span>
#include <string>

#include "metrics/indicator_settings.h"
#include "metrics/suppression.h"
#include "render/district_summary.h"
#include "render/localizer.h"
#include "render/page_chrome.h"
#include "render/public_figures.h"

namespace homeroom::render {

struct HomeSchool {
    std::string name;   // as the district spells it
    std::string level;  // School::level
    std::string href;   // relative to the home page
    std::size_t index;  // in the figures
};

struct HomePageData {
    const PublicFigures& figures;
    std::span<const HomeSchool> schools;  // in the order to list them
};

mstch::map home_page_context(const HomePageData& data, const PageChrome& chrome, const Localizer& l,
                             const metrics::SuppressionSettings& settings);

mstch::map about_page_context(const metrics::IndicatorSettings& indicators,
                              const metrics::SuppressionSettings& settings, Date as_of,
                              const PageChrome& chrome, const Localizer& l);

// Every language of `languages`, each named and described in itself. Rendered in `l` (English).
mstch::map language_chooser_context(const LocalizerSet& languages, std::string_view district_name,
                                    Date as_of, const Localizer& l);

}  // namespace homeroom::render
