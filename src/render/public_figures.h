// The published figures of the public site: each measure suppressed ONCE over all schools and the
// district together (metrics/publication.h), so that a report card, the district summary, the
// charts and the board workbook all show the same pattern of hidden cells.
#pragma once

#include <map>
#include <span>
#include <string>
#include <vector>

#include "core/date.h"
#include "metrics/group_aggregates.h"
#include "metrics/publication.h"
#include "metrics/suppression.h"

namespace homeroom::render {

struct PublicFigures {
    Date as_of;
    std::size_t school_count = 0;
    std::map<metrics::MeasureId, metrics::PublishedTable> tables;

    bool has(const metrics::MeasureId& measure) const { return tables.count(measure) > 0; }
    // Throws std::out_of_range for a measure that was not published.
    const metrics::PublishedTable& table(const metrics::MeasureId& measure) const;
    const metrics::PublishedCell& school(const metrics::MeasureId& measure, std::size_t school,
                                         std::size_t subgroup = metrics::k_all_students) const;
    const metrics::PublishedCell& district(const metrics::MeasureId& measure,
                                           std::size_t subgroup = metrics::k_all_students) const;
    // The proficiency subjects, in the order of their codes.
    std::vector<std::string> subjects() const;
};

// Every measure any of the groups has (proficiency in every subject anyone was tested in).
std::vector<metrics::MeasureId> measures_of(std::span<const metrics::GroupAggregates> schools);

// `measures` of `schools` (one entry per school, in the site's school order), published.
PublicFigures publish_figures(Date as_of, std::span<const metrics::GroupAggregates> schools,
                              std::span<const metrics::MeasureId> measures,
                              const metrics::SuppressionSettings& settings);

// The share of students with at least one early-warning flag, derived from the published cell of
// "no flags" rather than suppressed on its own: the two are complements, so they must be hidden
// and coded together ("<5%" with no flags is ">95%" with one or more).
metrics::PublishedCell any_flag_cell(const metrics::PublishedCell& no_flags);

}  // namespace homeroom::render
