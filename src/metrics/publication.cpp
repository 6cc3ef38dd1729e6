#include "metrics/publication.h"

#include "metrics/subgroup_tables.h"

namespace homeroom::metrics {
namespace {

DisplayValue unsuppressed_value(const Cell& cell, ValueFormat format,
                                const SuppressionSettings& settings) {
    switch (format) {
        case ValueFormat::count:
            return count_value(cell.students);
        case ValueFormat::student_share:
            return rate_value(cell.numerator, cell.denominator,
                              band_percent_for(cell.students, settings.rate_bands));
        case ValueFormat::day_share:
            return rate_value(cell.numerator, cell.denominator,
                              settings.code_day_shares
                                  ? band_percent_for(cell.students, settings.rate_bands)
                                  : 0);
    }
    return {};
}

}  // namespace

PublishedTable publish_measure(std::span<const SubgroupCells> schools, ValueFormat format,
                               const SuppressionSettings& settings) {
    std::vector<const Cell*> cells;  // in the count table's cell order
    std::vector<SubgroupCounts> sizes(schools.size());
    for (std::size_t row = 0; row < schools.size(); ++row)
        for (std::size_t g = 0; g < k_subgroup_count; ++g) {
            sizes[row][g] = schools[row][g].students;
            cells.push_back(&schools[row][g]);
        }
    SubgroupCells district{};
    for (const SubgroupCells& school : schools)
        for (std::size_t g = 0; g < k_subgroup_count; ++g) district[g] += school[g];
    for (const Cell& cell : district) cells.push_back(&cell);

    const CountTable table = schools_and_district_table(sizes);
    std::vector<SuppressionReason> reasons = suppress_small_groups(table, settings);

    std::vector<DisplayValue> values(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i)
        values[i] = unsuppressed_value(*cells[i], format, settings);
    if (format != ValueFormat::count && settings.protect_coded_rates) {
        std::vector<bool> hidden(cells.size());
        for (std::size_t i = 0; i < cells.size(); ++i)
            hidden[i] = reasons[i] != SuppressionReason::none || values[i].is_coded();
        protect_hidden_cells(table, hidden, settings);
        for (std::size_t i = 0; i < cells.size(); ++i)
            if (hidden[i] && reasons[i] == SuppressionReason::none && !values[i].is_coded())
                reasons[i] = SuppressionReason::complementary_rate;
    }

    PublishedTable published;
    published.schools.resize(schools.size());
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const std::size_t row = i / k_subgroup_count, g = i % k_subgroup_count;
        PublishedCell& out =
            row < schools.size() ? published.schools[row][g] : published.district[g];
        out.reason = reasons[i];
        const bool group_hidden = reasons[i] == SuppressionReason::small_group ||
                                  reasons[i] == SuppressionReason::complementary;
        out.students = group_hidden ? suppressed_value() : count_value(cells[i]->students);
        out.value = reasons[i] != SuppressionReason::none ? suppressed_value() : values[i];
        out.numerator = cells[i]->numerator;
        out.denominator = cells[i]->denominator;
    }
    return published;
}

std::string value_text(const PublishedCell& cell, const SuppressionSettings& settings) {
    return to_text(cell.value, settings.suppressed_marker, settings.no_data_marker);
}

}  // namespace homeroom::metrics
