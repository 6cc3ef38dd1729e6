// Words of the public pages for the metrics' codes: measures, subgroup dimensions, school levels.
// English source texts that the catalogs translate.
#pragma once

#include <string>
#include <string_view>

#include "metrics/group_aggregates.h"
#include "metrics/subgroups.h"
#include "render/localizer.h"

namespace homeroom::render {

// "Attendance rate", "Proficient in Mathematics", "Students with 2 early-warning flags".
std::string measure_label(const metrics::MeasureId& measure, const Localizer& l);
// "Proficient in Mathematics".
std::string proficiency_label(std::string_view subject, const Localizer& l);
// The heading of a dimension's rows: "Gender", "Race and ethnicity", ...; empty for all students.
std::string dimension_label(metrics::SubgroupDimension dimension, const Localizer& l);
// The label of k_subgroups[index].
std::string subgroup_name(std::size_t index, const Localizer& l);
// "Elementary school", "High school", ...; "School" for a level outside the vocabulary.
std::string school_level_label(std::string_view level, const Localizer& l);

// Replaces every "{{name}}" in `pattern` (a translated text) with `value`.
std::string fill_placeholder(std::string pattern, std::string_view name, std::string_view value);

}  // namespace homeroom::render
