#include "render/school_card.h"

#include <vector>

#include "render/code_labels.h"
#include "render/public_charts.h"
#include "render/public_figure_text.h"
#include "render/public_group_table.h"
#include "render/public_labels.h"
#include "render/untrusted_text.h"

namespace homeroom::render {
namespace {

using metrics::Measure;
using metrics::MeasureId;

mstch::map card(std::string label, std::string note, const metrics::PublishedCell& school,
                const metrics::PublishedCell& district, const Localizer& l,
                const metrics::SuppressionSettings& settings) {
    return mstch::map{{"label", std::move(label)},
                      {"note", std::move(note)},
                      {"value", figure_context(school.value, l, settings)},
                      {"district", figure_context(district.value, l, settings, true)}};
}

std::string address_line(const School& s) {
    std::string out;
    for (const std::string* part : {&s.address, &s.city}) {
        if (part->empty())
            continue;
        out += (out.empty() ? "" : ", ") + *part;
    }
    const std::string region =
        s.state + (s.state.empty() || s.postal_code.empty() ? "" : " ") + s.postal_code;
    if (!region.empty())
        out += (out.empty() ? "" : ", ") + region;
    return clean_untrusted_text(out);
}

}  // namespace

mstch::map school_card_context(const SchoolCardData& d, const PageChrome& chrome,
                               const Localizer& l, const metrics::SuppressionSettings& settings) {
    const PublicFigures& f = d.trend.back();
    const std::size_t i = d.index;
    mstch::map c = chrome_context(chrome, l);
    c["about_href"] = d.about_href;
    c["school_name"] = clean_untrusted_text(d.school.name);
    c["level_text"] = school_level_label(d.school.level, l);
    c["address"] = address_line(d.school);
    c["phone"] = clean_untrusted_text(d.school.phone);
    c["as_of_text"] = l.date(f.as_of, DateStyle::long_form);

    const MeasureId enrollment{Measure::enrollment, {}};
    const MeasureId attendance{Measure::attendance_rate, {}};
    const MeasureId chronic{Measure::chronic_absenteeism, {}};
    const MeasureId suspension{Measure::suspension_rate, {}};
    const MeasureId no_flags{Measure::no_flags, {}};

    const std::string chronic_share = l.percent(d.indicators.chronic_absence_share, 0);
    const std::string chronic_note =
        fill_placeholder(l.text("Missed {{share}} or more of school days"), "share", chronic_share);
    c["chronic_share"] = chronic_share;
    c["suppressed_marker"] = settings.suppressed_marker;
    c["cards"] =
        mstch::array{card(l.text("Students enrolled"), l.text("On the date of the figures"),
                          f.school(enrollment, i), f.district(enrollment), l, settings),
                     card(l.text("Attendance rate"), l.text("Share of school days present"),
                          f.school(attendance, i), f.district(attendance), l, settings),
                     card(l.text("Chronic absenteeism"), chronic_note, f.school(chronic, i),
                          f.district(chronic), l, settings),
                     card(l.text("Suspension rate"), l.text("Suspended at least once this year"),
                          f.school(suspension, i), f.district(suspension), l, settings),
                     card(l.text("Early-warning flags"), l.text("Students with one or more flags"),
                          any_flag_cell(f.school(no_flags, i)), any_flag_cell(f.district(no_flags)),
                          l, settings)};

    const std::vector<GroupTableColumn> enrollment_columns = {{l.text("Students"), enrollment}};
    c["enrollment_table"] = group_table_context("enrollment", l.text("Students enrolled by group"),
                                                enrollment_columns, f, i, l, settings);

    const std::vector<GroupTableColumn> attendance_columns = {
        {l.text("Attendance rate"), attendance}, {l.text("Chronic absenteeism"), chronic}};
    c["attendance_table"] =
        group_table_context("attendance", l.text("Attendance and chronic absenteeism by group"),
                            attendance_columns, f, i, l, settings);

    std::vector<GroupTableColumn> subject_columns;
    for (const auto& subject : f.subjects())
        subject_columns.push_back({subject_label(subject, l), {Measure::proficiency, subject}});
    c["has_proficiency"] = !subject_columns.empty();
    if (!subject_columns.empty())
        c["proficiency_table"] = group_table_context(
            "proficiency",
            l.text("Share of tested students who are proficient, by subject and group"),
            subject_columns, f, i, l, settings);

    const std::vector<GroupTableColumn> suspension_columns = {
        {l.text("Suspension rate"), suspension}};
    c["suspension_table"] = group_table_context(
        "suspension", l.text("Share of students suspended at least once, by group"),
        suspension_columns, f, i, l, settings);

    const std::vector<GroupTableColumn> flag_count_columns = {
        {l.text("No flags"), no_flags},
        {l.text("1 flag"), {Measure::one_flag, {}}},
        {l.text("2 flags"), {Measure::two_flags, {}}},
        {l.text("3 flags"), {Measure::three_flags, {}}}};
    c["flag_count_table"] = group_table_context(
        "flag-counts", l.text("Share of students by number of early-warning flags"),
        flag_count_columns, f, i, l, settings);
    const std::vector<GroupTableColumn> flag_columns = {
        {flag_label("attendance", l), {Measure::attendance_flag, {}}},
        {flag_label("behavior", l), {Measure::behavior_flag, {}}},
        {flag_label("course_performance", l), {Measure::course_performance_flag, {}}}};
    c["flag_table"] = group_table_context("flags", l.text("Share of students with each flag"),
                                          flag_columns, f, i, l, settings);

    mstch::array charts;
    if (d.trend.size() > 1) {
        const std::vector<TrendLine> lines = {{l.text("This school"), i},
                                              {l.text("District"), std::nullopt}};
        charts.push_back(trend_chart_context(
            d.trend, attendance, lines,
            {"trend-attendance", l.text("Attendance rate over time"),
             l.text("The attendance rate of this school and of the district at each date of the "
                    "figures."),
             l.text("Line chart of the attendance rate of this school and of the district over "
                    "time. The figures are in the table below the chart."),
             l.text("Date")},
            l, settings));
        charts.push_back(trend_chart_context(
            d.trend, chronic, lines,
            {"trend-chronic", l.text("Chronic absenteeism over time"),
             fill_placeholder(l.text("The share of students who missed {{share}} or more of "
                                     "school days, at this school and in the district, at each "
                                     "date of the figures."),
                              "share", chronic_share),
             l.text("Line chart of chronic absenteeism at this school and in the district over "
                    "time. The figures are in the table below the chart."),
             l.text("Date")},
            l, settings));
    }
    c["has_trend"] = !charts.empty();
    c["trend_charts"] = charts;
    return c;
}

}  // namespace homeroom::render
