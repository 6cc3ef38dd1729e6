// The public side of the site: aggregates only, every figure through small-cell suppression.
// No student appears here in any form (name, id, token, or a count below the threshold).
#pragma once

#include <string>
#include <vector>

#include "core/records.h"
#include "metrics/group_aggregates.h"
#include "metrics/indicator_settings.h"
#include "metrics/suppression.h"
#include "render/localizer.h"
#include "render/template_set.h"

namespace homeroom::render {

struct SchoolAggregate {
    School school;
    metrics::GroupAggregates aggregates;
};

// One snapshot's aggregates, for trends.
struct TrendPoint {
    Date as_of;
    metrics::GroupAggregates district;
    std::vector<metrics::GroupAggregates> schools;  // in the order of PublicSiteData::schools
};

struct PublicSiteData {
    Date as_of;
    std::string district_name;
    std::vector<SchoolAggregate> schools;  // ordered by school id
    std::vector<TrendPoint> trend;         // oldest first; the last one is as_of
    // The thresholds the indicators were computed with, for the "about the data" page.
    metrics::IndicatorSettings indicators;
};

// A file of the site: its path relative to the site folder ("public/es/district.html") and bytes.
struct SitePage {
    std::string path;
    std::string bytes;
};

// Every public page in every language of `localizers`, the board workbook in each language
// (public/<lang>/board-workbook.xlsx: its headings are translated), and public/index.html (the
// language chooser). Paths and their meaning are documented in
// docs/site.md.
std::vector<SitePage> render_public_pages(const PublicSiteData& data, const TemplateSet& templates,
                                          const LocalizerSet& localizers,
                                          const metrics::SuppressionSettings& suppression);

}  // namespace homeroom::render
