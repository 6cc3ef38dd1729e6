#include "render/public_figures.h"

#include <set>
#include <stdexcept>

namespace homeroom::render {

const metrics::PublishedTable& PublicFigures::table(const metrics::MeasureId& measure) const {
    const auto found = tables.find(measure);
    if (found == tables.end())
        throw std::out_of_range(
            "measure not published: " + std::string(metrics::to_code(measure.measure)) + " " +
            measure.subject);
    return found->second;
}

const metrics::PublishedCell& PublicFigures::school(const metrics::MeasureId& measure,
                                                    std::size_t school_index,
                                                    std::size_t subgroup) const {
    return table(measure).schools.at(school_index).at(subgroup);
}

const metrics::PublishedCell& PublicFigures::district(const metrics::MeasureId& measure,
                                                      std::size_t subgroup) const {
    return table(measure).district.at(subgroup);
}

std::vector<std::string> PublicFigures::subjects() const {
    std::vector<std::string> out;
    for (const auto& entry : tables)
        if (entry.first.measure == metrics::Measure::proficiency)
            out.push_back(entry.first.subject);
    return out;
}

std::vector<metrics::MeasureId> measures_of(std::span<const metrics::GroupAggregates> schools) {
    std::set<metrics::MeasureId> all;
    for (const auto& school : schools)
        for (const auto& measure : school.measures()) all.insert(measure);
    if (schools.empty())
        for (const auto& measure : metrics::GroupAggregates{}.measures()) all.insert(measure);
    return {all.begin(), all.end()};
}

PublicFigures publish_figures(Date as_of, std::span<const metrics::GroupAggregates> schools,
                              std::span<const metrics::MeasureId> measures,
                              const metrics::SuppressionSettings& settings) {
    PublicFigures figures;
    figures.as_of = as_of;
    figures.school_count = schools.size();
    std::vector<metrics::SubgroupCells> cells(schools.size());
    for (const auto& measure : measures) {
        for (std::size_t i = 0; i < schools.size(); ++i) cells[i] = schools[i].cells(measure);
        figures.tables.emplace(
            measure,
            metrics::publish_measure(cells, metrics::value_format(measure.measure), settings));
    }
    return figures;
}

metrics::PublishedCell any_flag_cell(const metrics::PublishedCell& no_flags) {
    using Kind = metrics::DisplayValue::Kind;
    metrics::PublishedCell out = no_flags;
    switch (no_flags.value.kind) {
        case Kind::percent:  // rounded from its own count: 27 of 72 is 38%, not 100 - 63
            out.value.number = metrics::whole_percent(no_flags.denominator - no_flags.numerator,
                                                      no_flags.denominator);
            out.numerator = no_flags.denominator - no_flags.numerator;
            break;
        case Kind::below:
            out.value = {Kind::above, 100 - no_flags.value.number};
            break;
        case Kind::above:
            out.value = {Kind::below, 100 - no_flags.value.number};
            break;
        case Kind::number:  // not a share: nothing to derive
        case Kind::no_data:
        case Kind::suppressed:
            break;
    }
    return out;
}

}  // namespace homeroom::render
