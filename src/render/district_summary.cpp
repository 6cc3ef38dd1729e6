#include "render/district_summary.h"

#include "render/code_labels.h"
#include "render/public_figure_text.h"
#include "render/public_labels.h"
#include "render/untrusted_text.h"

namespace homeroom::render {
namespace {

using metrics::Measure;
using metrics::MeasureId;

metrics::DisplayValue value_of(const PublicFigures& f, const MeasureId& measure,
                               std::optional<std::size_t> index) {
    if (!f.has(measure))
        return {};  // no school has a figure (nobody tested in the subject): no data
    return index ? f.school(measure, *index).value : f.district(measure).value;
}

}  // namespace

std::array<metrics::DisplayValue, k_district_columns.size()> district_row(
    const PublicFigures& f, std::optional<std::size_t> index) {
    std::array<metrics::DisplayValue, k_district_columns.size()> out{};
    for (std::size_t c = 0; c < k_district_columns.size(); ++c) {
        switch (k_district_columns[c]) {
            case DistrictColumn::school:
                break;
            case DistrictColumn::enrollment:
                out[c] = value_of(f, {Measure::enrollment, {}}, index);
                break;
            case DistrictColumn::attendance_rate:
                out[c] = value_of(f, {Measure::attendance_rate, {}}, index);
                break;
            case DistrictColumn::chronic_absenteeism:
                out[c] = value_of(f, {Measure::chronic_absenteeism, {}}, index);
                break;
            case DistrictColumn::ela_proficiency:
                out[c] = value_of(f, {Measure::proficiency, "ela"}, index);
                break;
            case DistrictColumn::math_proficiency:
                out[c] = value_of(f, {Measure::proficiency, "math"}, index);
                break;
            case DistrictColumn::suspension_rate:
                out[c] = value_of(f, {Measure::suspension_rate, {}}, index);
                break;
            case DistrictColumn::early_warning: {
                const MeasureId no_flags{Measure::no_flags, {}};
                if (f.has(no_flags))
                    out[c] =
                        any_flag_cell(index ? f.school(no_flags, *index) : f.district(no_flags))
                            .value;
                break;
            }
        }
    }
    return out;
}

std::string district_column_label(DistrictColumn column, const Localizer& l) {
    switch (column) {
        case DistrictColumn::school:
            return l.text("School");
        case DistrictColumn::enrollment:
            return l.text("Students enrolled");
        case DistrictColumn::attendance_rate:
            return l.text("Attendance rate");
        case DistrictColumn::chronic_absenteeism:
            return l.text("Chronic absenteeism");
        case DistrictColumn::ela_proficiency:
            return proficiency_label("ela", l);
        case DistrictColumn::math_proficiency:
            return proficiency_label("math", l);
        case DistrictColumn::suspension_rate:
            return l.text("Suspension rate");
        case DistrictColumn::early_warning:
            return l.text("Any early-warning flag");
    }
    return {};
}

mstch::map district_summary_context(const DistrictSummaryData& d, const PageChrome& chrome,
                                    const Localizer& l,
                                    const metrics::SuppressionSettings& settings) {
    mstch::map c = chrome_context(chrome, l);
    c["about_href"] = d.about_href;
    c["workbook_href"] = d.workbook_href;
    c["as_of_text"] = l.date(d.figures.as_of, DateStyle::long_form);
    c["school_count_text"] =
        l.plural("%d school", "%d schools", static_cast<long long>(d.schools.size()));

    // The district's own figures.
    const auto district = district_row(d.figures, std::nullopt);
    mstch::array cards;
    for (std::size_t col = 1; col < k_district_columns.size(); ++col)
        cards.push_back(mstch::map{{"label", district_column_label(k_district_columns[col], l)},
                                   {"value", figure_context(district[col], l, settings, true)},
                                   {"district", false},
                                   {"note", std::string()}});
    c["cards"] = cards;

    // The table, sorted.
    std::vector<SortableSchool> sortable;
    std::vector<std::array<metrics::DisplayValue, k_district_columns.size()>> rows_values;
    for (std::size_t i = 0; i < d.schools.size(); ++i) {
        rows_values.push_back(district_row(d.figures, i));
        SortableSchool s{d.schools[i].name, d.schools[i].id, {}};
        for (std::size_t col = 0; col < k_district_columns.size(); ++col)
            s.keys[col] = sort_key(rows_values.back()[col]);
        sortable.push_back(std::move(s));
    }
    const auto order = sorted_rows(sortable, d.sort, d.compare_names);

    mstch::array headers;
    for (const DistrictColumn column : k_district_columns) {
        const bool current = column == d.sort.column;
        const bool ascending = d.sort.direction == SortDirection::ascending;
        const DistrictSort next = sort_after_click(d.sort, column);
        std::string next_words;
        if (column == DistrictColumn::school)
            next_words = next.direction == SortDirection::ascending ? l.text("sort A to Z")
                                                                    : l.text("sort Z to A");
        else
            next_words = next.direction == SortDirection::descending ? l.text("sort highest first")
                                                                     : l.text("sort lowest first");
        headers.push_back(
            mstch::map{{"label", district_column_label(column, l)},
                       {"href", district_file_name(next) + "#schools"},
                       {"link_title", next_words},
                       {"current", current},
                       {"aria_sort", std::string(ascending ? "ascending" : "descending")},
                       {"arrow", std::string(ascending ? "▲" : "▼")},
                       {"numeric", column != DistrictColumn::school}});
    }
    c["headers"] = headers;

    const DistrictColumn sorted_by = d.sort.column;
    std::string order_words;
    if (sorted_by == DistrictColumn::school)
        order_words =
            d.sort.direction == SortDirection::ascending ? l.text("A to Z") : l.text("Z to A");
    else
        order_words = d.sort.direction == SortDirection::descending ? l.text("highest first")
                                                                    : l.text("lowest first");
    c["sort_text"] =
        fill_placeholder(fill_placeholder(l.text("Sorted by {{column}}, {{order}}."), "column",
                                          district_column_label(sorted_by, l)),
                         "order", order_words);

    mstch::array rows;
    for (const std::size_t i : order) {
        mstch::array cells;
        for (std::size_t col = 1; col < k_district_columns.size(); ++col)
            cells.push_back(figure_context(rows_values[i][col], l, settings));
        rows.push_back(mstch::map{{"name", clean_untrusted_text(d.schools[i].name)},
                                  {"href", d.schools[i].href},
                                  {"cells", cells}});
    }
    c["rows"] = rows;
    mstch::array district_cells;
    for (std::size_t col = 1; col < k_district_columns.size(); ++col)
        district_cells.push_back(figure_context(district[col], l, settings, true));
    c["district_cells"] = district_cells;

    c["trend_charts"] = d.trend_charts;
    c["has_trend"] = !d.trend_charts.empty();
    c["comparison_charts"] = d.comparison_charts;
    return c;
}

}  // namespace homeroom::render
