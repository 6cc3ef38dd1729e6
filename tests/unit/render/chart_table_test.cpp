#include "render/chart_table.h"

#include <gtest/gtest.h>

#include "xml_inspection.h"

namespace homeroom::render {
namespace {

using testing::elements_named;
using testing::parse_xml;

BarChart weeks() {
    BarChart chart;
    chart.labels = {"Absences", "Days absent each week.", "Week",
                    "Days",     "No school that week.",   "No data"};
    chart.value_name = "Absent";
    chart.out_of_name = "Enrolled";
    chart.bars = {{"Sep 1", ChartValue::of(1), 5.0}, {"Sep 8", ChartValue::gap(), std::nullopt}};
    return chart;
}

TEST(ChartTable, WritesTheBarChartsFiguresWithCaptionAndHeaders) {
    EXPECT_EQ(bar_chart_table(weeks(), {}),
              "<table class=\"chart-table\">\n"
              "<caption>Absences</caption>\n"
              "<thead>\n"
              "<tr><th scope=\"col\">Week</th><th scope=\"col\">Absent</th>"
              "<th scope=\"col\">Enrolled</th></tr>\n"
              "</thead>\n"
              "<tbody>\n"
              "<tr><th scope=\"row\">Sep 1</th><td>1</td><td>5</td></tr>\n"
              "<tr><th scope=\"row\">Sep 8</th><td>No data</td><td>No data</td></tr>\n"
              "</tbody>\n"
              "<tfoot>\n"
              "<tr><td colspan=\"3\">No school that week.</td></tr>\n"
              "</tfoot>\n"
              "</table>\n");
}

TEST(ChartTable, LeavesOutTheOutOfColumnAndTheNoteWhenNotNeeded) {
    BarChart chart = weeks();
    chart.bars = {{"Sep 1", ChartValue::of(1.25), std::nullopt}};
    ChartOptions options;
    options.value_decimals = 1;
    const std::string html = bar_chart_table(chart, options);
    EXPECT_EQ(html.find("Enrolled"), std::string::npos);
    EXPECT_EQ(html.find("<tfoot>"), std::string::npos);
    EXPECT_NE(html.find("<td>1.3</td>"), std::string::npos);
}

TEST(ChartTable, PutsOneColumnPerSeriesForALineChart) {
    LineChart chart;
    chart.labels = {"Attendance", "", "Term", "Rate", "* Fewer than 10 students.", "-"};
    chart.categories = {"Fall", "Winter"};
    chart.series = {{"Lincoln", {ChartValue::of(93), ChartValue::of(91)}},
                    {"Cass", {ChartValue::gap("*")}}};  // the missing value is a gap too
    ChartOptions options;
    options.value_suffix = "%";
    const auto document = parse_xml(line_chart_table(chart, options));
    EXPECT_EQ(elements_named(document, "th").size(), 3u + 2u);
    const auto cells = elements_named(document, "td");
    ASSERT_EQ(cells.size(), 5u);
    EXPECT_EQ(cells[0]->innerText(), "93%");
    EXPECT_EQ(cells[1]->innerText(), "*");
    EXPECT_EQ(cells[2]->innerText(), "91%");
    EXPECT_EQ(cells[3]->innerText(), "-");
    EXPECT_EQ(cells[4]->innerText(), "* Fewer than 10 students.");
}

TEST(ChartTable, EndsAComparisonWithTheReferenceRow) {
    ComparisonChart chart;
    chart.labels = {"Chronic absenteeism", "", "Rate", "School", "", "-"};
    chart.bars = {{"Lincoln", ChartValue::of(12), false}};
    chart.reference_name = "District";
    chart.reference = ChartValue::of(22);
    ChartOptions options;
    options.value_suffix = "%";
    const auto document = parse_xml(comparison_chart_table(chart, options));
    const auto rows = elements_named(document, "th");
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[3]->innerText(), "District");
    EXPECT_EQ(rows[3]->getAttribute("scope"), "row");
    EXPECT_EQ(elements_named(document, "td")[1]->innerText(), "22%");
}

TEST(ChartTable, EscapesHostileText) {
    ComparisonChart chart;
    chart.labels = {"<b>Title</b>", "", "Rate & more", "School", "", "-"};
    chart.bars = {{"<script>alert('x')</script>\u202E\"", ChartValue::gap("<5%"), false}};
    const std::string html = comparison_chart_table(chart, {});
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("<b>"), std::string::npos);
    EXPECT_EQ(html.find("\u202E"), std::string::npos);
    const auto document = parse_xml(html);
    EXPECT_EQ(elements_named(document, "th")[2]->innerText(), "<script>alert('x')</script>\"");
    EXPECT_EQ(elements_named(document, "td")[0]->innerText(), "<5%");
    EXPECT_EQ(elements_named(document, "caption")[0]->innerText(), "<b>Title</b>");
}

}  // namespace
}  // namespace homeroom::render
