#include "render/public_group_table.h"

#include "render/public_figure_text.h"
#include "render/public_labels.h"

namespace homeroom::render {

mstch::map group_table_context(std::string id, std::string caption,
                               std::span<const GroupTableColumn> columns,
                               const PublicFigures& figures, std::size_t school, const Localizer& l,
                               const metrics::SuppressionSettings& settings) {
    mstch::array measures;
    for (const auto& column : columns) measures.push_back(mstch::map{{"name", column.name}});

    mstch::array groups;
    mstch::array rows;
    std::optional<metrics::SubgroupDimension> dimension;
    const auto close_group = [&] {
        if (!dimension)
            return;
        const std::string label = dimension_label(*dimension, l);
        groups.push_back(
            mstch::map{{"label", label}, {"has_label", !label.empty()}, {"rows", std::move(rows)}});
        rows = mstch::array{};
    };
    for (std::size_t g = 0; g < metrics::k_subgroup_count; ++g) {
        const auto this_dimension = metrics::k_subgroups[g].dimension;
        if (dimension != this_dimension) {
            close_group();
            dimension = this_dimension;
        }
        mstch::array cells;
        for (const auto& column : columns) {
            cells.push_back(
                figure_context(figures.school(column.measure, school, g).value, l, settings));
            cells.push_back(
                figure_context(figures.district(column.measure, g).value, l, settings, true));
        }
        rows.push_back(mstch::map{{"label", subgroup_name(g, l)},
                                  {"all_students", g == metrics::k_all_students},
                                  {"cells", std::move(cells)}});
    }
    close_group();

    return mstch::map{{"id", std::move(id)},
                      {"caption", std::move(caption)},
                      {"measures", std::move(measures)},
                      {"colspan", std::to_string(1 + 2 * columns.size())},
                      {"groups", std::move(groups)}};
}

}  // namespace homeroom::render
