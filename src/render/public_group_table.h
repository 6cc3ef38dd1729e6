// A table of one school's figures by student group, each next to the district's
// (templates/partials/group_table.mustache): one row per subgroup, grouped by dimension, and for
// each measure a column for the school and one for the district.
#pragma once

#include <mstch/mstch.hpp>

#include <span>
#include <string>

#include "metrics/group_aggregates.h"
#include "metrics/suppression.h"
#include "render/localizer.h"
#include "render/public_figures.h"

namespace homeroom::render {

struct GroupTableColumn {
    std::string name;  // translated
    metrics::MeasureId measure;
};

mstch::map group_table_context(std::string id, std::string caption,
                               std::span<const GroupTableColumn> columns,
                               const PublicFigures& figures, std::size_t school, const Localizer& l,
                               const metrics::SuppressionSettings& settings);

}  // namespace homeroom::render
