#include "render/svg_chart.h"

#include <gtest/gtest.h>

#include <Poco/DOM/Text.h>
#include <Poco/SAX/SAXException.h>

#include <clocale>
#include <cmath>
#include <limits>

#include "render/svg_canvas.h"
#include "xml_inspection.h"

namespace homeroom::render {
namespace {

using Poco::XML::Element;
using testing::elements_named;
using testing::number_attribute;
using testing::painted_attribute;
using testing::parse_xml;
using testing::XmlDocument;

const std::string k_hostile = "<script>alert(\"x\")</script> & 'Lincoln' \u202Eloocs\u202C";
const std::string k_hostile_clean = "<script>alert(\"x\")</script> & 'Lincoln' loocs";

ChartLabels week_labels() {
    return {"Absences", "Days absent each week.", "Week",
            "Days",     "No school that week.",   "No data"};
}

BarChart tiny_bar_chart() {
    BarChart chart;
    chart.labels = week_labels();
    chart.value_name = "Absent";
    chart.out_of_name = "Enrolled";
    chart.bars = {{"Sep 1", ChartValue::of(1), 5.0}, {"Sep 8", ChartValue::gap(), std::nullopt}};
    return chart;
}

BarChart weeks_bar_chart(int weeks) {
    BarChart chart;
    chart.labels = week_labels();
    chart.value_name = "Absent";
    chart.out_of_name = "Enrolled";
    for (int i = 0; i < weeks; ++i) {
        BarDatum bar{"Week " + std::to_string(i + 1), ChartValue::of(i % 6), 5.0};
        if (i % 7 == 3)
            bar = {"Week " + std::to_string(i + 1), ChartValue::gap(), std::nullopt};
        chart.bars.push_back(bar);
    }
    return chart;
}

LineChart trend_chart() {
    LineChart chart;
    chart.labels = {
        "Attendance rate", "Attendance rate by term.", "Term", "Rate", "* Fewer than 10 students.",
        "No data"};
    chart.categories = {"Fall 2024", "Winter 2025", "Spring 2025", "Fall 2025"};
    chart.series = {
        {"Lincoln",
         {ChartValue::of(93.5), ChartValue::of(91.25), ChartValue::of(90), ChartValue::of(92)}},
        {"Roosevelt",
         {ChartValue::of(88), ChartValue::gap("*"), ChartValue::of(86.5), ChartValue::of(87)}},
    };
    return chart;
}

ComparisonChart schools_chart() {
    ComparisonChart chart;
    chart.labels = {"Chronic absenteeism",       "Students who missed 10% of days or more.",
                    "Chronically absent",        "School",
                    "* Fewer than 10 students.", "No data"};
    chart.bars = {{"Lincoln", ChartValue::of(50), false},
                  {"Roosevelt", ChartValue::of(30), true},
                  {"Cass", ChartValue::gap("*"), false}};
    chart.reference_name = "District";
    chart.reference = ChartValue::of(25);
    return chart;
}

ChartOptions options_with_id(std::string id) {
    ChartOptions options;
    options.id = std::move(id);
    return options;
}

ChartOptions percent_options(std::string id = "chart") {
    ChartOptions options;
    options.id = std::move(id);
    options.value_suffix = "%";
    return options;
}

struct ViewBox {
    double width = 0, height = 0;
};

ViewBox view_box(const XmlDocument& document) {
    const Element* root = document->documentElement();
    const std::vector<double> numbers = testing::point_list(root->getAttribute("viewBox"));
    EXPECT_EQ(numbers.size(), 4u);
    if (numbers.size() != 4)
        return {};
    EXPECT_EQ(numbers[0], 0);
    EXPECT_EQ(numbers[1], 0);
    return {numbers[2], numbers[3]};
}

std::string text_of(const Element& element) {
    return element.innerText();
}

// Every coordinate of every shape lies inside the viewBox, and so does every text by the
// estimate of its width.
void expect_inside_view_box(const std::string& svg) {
    const XmlDocument document = parse_xml(svg);
    const ViewBox box = view_box(document);
    const bool rtl = document->documentElement()->getAttribute("direction") == "rtl";
    const auto inside_x = [&](double x, const std::string& what) {
        EXPECT_GE(x, 0) << what;
        EXPECT_LE(x, box.width) << what;
    };
    const auto inside_y = [&](double y, const std::string& what) {
        EXPECT_GE(y, 0) << what;
        EXPECT_LE(y, box.height) << what;
    };
    for (const Element* rect : elements_named(document, "rect")) {
        const double x = number_attribute(*rect, "x").value_or(0),
                     y = number_attribute(*rect, "y").value_or(0);
        const double w = number_attribute(*rect, "width").value_or(-1),
                     h = number_attribute(*rect, "height").value_or(-1);
        EXPECT_GE(w, 0);
        EXPECT_GE(h, 0);
        inside_x(x, "rect x");
        inside_x(x + w, "rect right");
        inside_y(y, "rect y");
        inside_y(y + h, "rect bottom");
    }
    for (const Element* line : elements_named(document, "line")) {
        inside_x(*number_attribute(*line, "x1"), "line x1");
        inside_x(*number_attribute(*line, "x2"), "line x2");
        inside_y(*number_attribute(*line, "y1"), "line y1");
        inside_y(*number_attribute(*line, "y2"), "line y2");
    }
    for (const Element* circle : elements_named(document, "circle")) {
        const double r = *number_attribute(*circle, "r");
        inside_x(*number_attribute(*circle, "cx") - r, "circle");
        inside_x(*number_attribute(*circle, "cx") + r, "circle");
        inside_y(*number_attribute(*circle, "cy") - r, "circle");
        inside_y(*number_attribute(*circle, "cy") + r, "circle");
    }
    for (const char* tag : {"polyline", "polygon"})
        for (const Element* shape : elements_named(document, tag)) {
            const std::vector<double> points = testing::point_list(shape->getAttribute("points"));
            ASSERT_EQ(points.size() % 2, 0u);
            for (std::size_t i = 0; i < points.size(); i += 2) {
                inside_x(points[i], tag);
                inside_y(points[i + 1], tag);
            }
        }
    for (const Element* path : elements_named(document, "path")) {
        std::string d = path->getAttribute("d");
        for (char& c : d)
            if (c == 'M' || c == 'L')
                c = ' ';
        const std::vector<double> points = testing::point_list(d);
        for (std::size_t i = 0; i + 1 < points.size(); i += 2) {
            inside_x(points[i], "path");
            inside_y(points[i + 1], "path");
        }
    }
    for (const Element* text : elements_named(document, "text")) {
        const double x = *number_attribute(*text, "x"), y = *number_attribute(*text, "y");
        const double size = *number_attribute(*text, "font-size");
        const double width = chart_detail::estimated_text_width(text_of(*text), size);
        const std::string what = "text \"" + text_of(*text) + "\"";
        if (text->hasAttribute("transform")) {  // vertical: its length runs along y
            inside_y(y - width / 2, what);
            inside_y(y + width / 2, what);
            inside_x(x - size, what);
            inside_x(x + size, what);
            continue;
        }
        const std::string anchor =
            text->hasAttribute("text-anchor") ? text->getAttribute("text-anchor") : "start";
        double left = x;
        if (anchor == "middle")
            left = x - width / 2;
        else if ((anchor == "end") != rtl)  // "end" of left-to-right text, "start" of rtl text
            left = x - width;
        inside_x(left, what);
        inside_x(left + width, what);
        inside_y(y - size, what);
        inside_y(y, what);
    }
}

TEST(SvgChart, WritesAccessibleStandaloneSvg) {
    const std::string svg = bar_chart_svg(tiny_bar_chart(), options_with_id("absences"));
    const XmlDocument document = parse_xml(svg);
    const Element* root = document->documentElement();
    EXPECT_EQ(root->tagName(), "svg");
    EXPECT_EQ(root->getAttribute("xmlns"), "http://www.w3.org/2000/svg");
    EXPECT_EQ(root->getAttribute("role"), "img");
    EXPECT_EQ(root->getAttribute("aria-labelledby"), "absences-title");
    EXPECT_EQ(root->getAttribute("aria-describedby"), "absences-desc");
    EXPECT_TRUE(root->hasAttribute("viewBox"));
    EXPECT_FALSE(svg.starts_with("<?xml"));  // inlinable in HTML
    EXPECT_EQ(svg.find("<style"), std::string::npos);

    const auto titles = elements_named(document, "title");
    ASSERT_EQ(titles.size(), 1u);
    EXPECT_EQ(titles[0]->getAttribute("id"), "absences-title");
    EXPECT_EQ(text_of(*titles[0]), "Absences");
    const auto descs = elements_named(document, "desc");
    ASSERT_EQ(descs.size(), 1u);
    EXPECT_EQ(descs[0]->getAttribute("id"), "absences-desc");
    EXPECT_EQ(text_of(*descs[0]),
              "Days absent each week. Sep 1: Absent 1, Enrolled 5; Sep 8: No data. "
              "No school that week.");
}

TEST(SvgChart, WritesTheExactDocumentForATinyBarChart) {
    ChartOptions options;
    options.id = "t";
    options.width = 300;
    const std::string expected =
        R"svg(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 361" width="300" height="361" role="img" aria-labelledby="t-title" aria-describedby="t-desc" font-family="&#39;Noto Sans&#39;, &#39;DejaVu Sans&#39;, Arial, sans-serif">
  <title id="t-title">Absences</title>
  <desc id="t-desc">Days absent each week. Sep 1: Absent 1, Enrolled 5; Sep 8: No data. No school that week.</desc>
  <rect width="300" height="361" fill="#FFFFFF"/>
  <text x="12" y="28" font-size="16" fill="#1A1A1A" font-weight="bold">Absences</text>
  <rect x="18" y="45" width="12" height="12" fill="#0072B2"/>
  <text x="42" y="55" font-size="12" fill="#1A1A1A">Absent</text>
  <rect x="109.9" y="45.5" width="11" height="11" fill="#EEEEEE" stroke="#767676" stroke-width="1"/>
  <text x="133.4" y="55" font-size="12" fill="#1A1A1A">Enrolled</text>
  <g class="value-axis">
    <text x="42" y="279" font-size="12" fill="#595959" text-anchor="end">0</text>
    <line x1="50" y1="235" x2="284" y2="235" stroke="#DDDDDD" stroke-width="1"/>
    <text x="42" y="239" font-size="12" fill="#595959" text-anchor="end">1</text>
    <line x1="50" y1="195" x2="284" y2="195" stroke="#DDDDDD" stroke-width="1"/>
    <text x="42" y="199" font-size="12" fill="#595959" text-anchor="end">2</text>
    <line x1="50" y1="155" x2="284" y2="155" stroke="#DDDDDD" stroke-width="1"/>
    <text x="42" y="159" font-size="12" fill="#595959" text-anchor="end">3</text>
    <line x1="50" y1="115" x2="284" y2="115" stroke="#DDDDDD" stroke-width="1"/>
    <text x="42" y="119" font-size="12" fill="#595959" text-anchor="end">4</text>
    <line x1="50" y1="75" x2="284" y2="75" stroke="#DDDDDD" stroke-width="1"/>
    <text x="42" y="79" font-size="12" fill="#595959" text-anchor="end">5</text>
    <text x="25" y="175" font-size="13" fill="#1A1A1A" text-anchor="middle" transform="rotate(-90 25 175)">Days</text>
  </g>
  <g class="tracks" fill="#EEEEEE" stroke="#767676" stroke-width="1">
    <rect x="85" y="75.5" width="47" height="199.5"/>
  </g>
  <g class="bars" fill="#0072B2">
    <rect x="84.5" y="235" width="48" height="40"/>
  </g>
  <g class="values">
    <text x="108.5" y="231" font-size="11" fill="#1A1A1A" text-anchor="middle" stroke="#FFFFFF" stroke-width="3" stroke-linejoin="round" paint-order="stroke">1</text>
    <path d="M221.5 263L229.5 271M221.5 271L229.5 263" fill="none" stroke="#595959" stroke-width="2" stroke-linecap="round"/>
  </g>
  <g class="category-axis">
    <line x1="50" y1="275" x2="284" y2="275" stroke="#595959" stroke-width="1"/>
    <text x="108.5" y="293" font-size="12" fill="#595959" text-anchor="middle">Sep 1</text>
    <text x="225.5" y="293" font-size="12" fill="#595959" text-anchor="middle">Sep 8</text>
    <text x="167" y="318" font-size="13" fill="#1A1A1A" text-anchor="middle">Week</text>
  </g>
  <path d="M13 334L21 342M13 342L21 334" fill="none" stroke="#595959" stroke-width="2" stroke-linecap="round"/>
  <text x="28" y="344" font-size="12" fill="#595959">No school that week.</text>
</svg>
)svg";
    EXPECT_EQ(bar_chart_svg(tiny_bar_chart(), options), expected);
}

TEST(SvgChart, IsDeterministicAndIgnoresTheProcessLocale) {
    const std::string first = line_chart_svg(trend_chart(), percent_options());
    const char* previous = std::setlocale(LC_ALL, nullptr);
    const std::string saved = previous != nullptr ? previous : "C";
    for (const char* name : {"de_DE.UTF-8", "fr_FR.UTF-8", "C.UTF-8"})
        if (std::setlocale(LC_ALL, name) != nullptr)
            break;
    const std::string second = line_chart_svg(trend_chart(), percent_options());
    std::setlocale(LC_ALL, saved.c_str());
    EXPECT_EQ(first, second);
}

TEST(SvgChart, EscapesHostileLabelsEverywhere) {
    BarChart bars = tiny_bar_chart();
    bars.labels.title = bars.labels.x_axis = bars.labels.gap_note = k_hostile;
    bars.bars[0].label = k_hostile;
    LineChart lines = trend_chart();
    lines.series[0].name = k_hostile;
    lines.categories[0] = k_hostile;
    ComparisonChart schools = schools_chart();
    schools.bars[0].label = k_hostile;
    schools.reference_name = k_hostile;
    schools.labels.y_axis = k_hostile;

    for (const std::string& svg :
         {bar_chart_svg(bars, {}), line_chart_svg(lines, {}), comparison_chart_svg(schools, {})}) {
        EXPECT_EQ(svg.find("<script"), std::string::npos);
        EXPECT_EQ(svg.find("\u202E"), std::string::npos);
        EXPECT_EQ(svg.find("\u202C"), std::string::npos);
        const XmlDocument document = parse_xml(svg);  // well-formed despite the label
        bool found = false;
        for (const Element* text : elements_named(document, "text")) {
            const std::string content = text_of(*text);
            // A comparison chart shortens long names; each keeps its own isolate.
            found = found || content.find("<script>alert(\"x\")") != std::string::npos;
        }
        EXPECT_TRUE(found) << svg;
        EXPECT_EQ(elements_named(document, "script").size(), 0u);
    }
}

TEST(SvgChart, KeepsOnlySafeCharactersOfTheIdPrefix) {
    const std::string svg =
        bar_chart_svg(tiny_bar_chart(), options_with_id("a\" onload=\"alert(1)"));
    const XmlDocument document = parse_xml(svg);
    EXPECT_EQ(document->documentElement()->getAttribute("aria-labelledby"), "aonloadalert1-title");
    EXPECT_FALSE(document->documentElement()->hasAttribute("onload"));
    EXPECT_EQ(chart_detail::sanitized_id("9lives"), "chart9lives");
    EXPECT_EQ(chart_detail::sanitized_id(""), "chart");
}

TEST(SvgChart, SetsApartNamesAsBidiIsolates) {
    const XmlDocument document = parse_xml(comparison_chart_svg(schools_chart(), {}));
    int isolated = 0;
    for (const Element* text : elements_named(document, "text"))
        if (text_of(*text) == "\u2068Lincoln\u2069")
            ++isolated;
    EXPECT_EQ(isolated, 1);
}

// Right to left: every x is mirrored, nothing else changes.
void expect_mirrored(const std::string& ltr_svg, const std::string& rtl_svg) {
    const XmlDocument ltr = parse_xml(ltr_svg), rtl = parse_xml(rtl_svg);
    const double width = view_box(ltr).width;
    EXPECT_EQ(view_box(rtl).width, width);
    EXPECT_EQ(view_box(rtl).height, view_box(ltr).height);
    EXPECT_FALSE(ltr->documentElement()->hasAttribute("direction"));
    EXPECT_EQ(rtl->documentElement()->getAttribute("direction"), "rtl");

    const auto ltr_rects = elements_named(ltr, "rect"), rtl_rects = elements_named(rtl, "rect");
    ASSERT_EQ(ltr_rects.size(), rtl_rects.size());
    for (std::size_t i = 1; i < ltr_rects.size(); ++i) {  // [0] is the background
        const double x = *number_attribute(*ltr_rects[i], "x"),
                     w = *number_attribute(*ltr_rects[i], "width");
        EXPECT_NEAR(*number_attribute(*rtl_rects[i], "x"), width - x - w, 0.11);
        EXPECT_EQ(rtl_rects[i]->getAttribute("y"), ltr_rects[i]->getAttribute("y"));
    }
    const auto ltr_texts = elements_named(ltr, "text"), rtl_texts = elements_named(rtl, "text");
    ASSERT_EQ(ltr_texts.size(), rtl_texts.size());
    for (std::size_t i = 0; i < ltr_texts.size(); ++i) {
        EXPECT_NEAR(*number_attribute(*rtl_texts[i], "x"),
                    width - *number_attribute(*ltr_texts[i], "x"), 0.11);
        // The anchor keyword stays: under direction="rtl" "start" is the right end.
        EXPECT_EQ(rtl_texts[i]->getAttribute("text-anchor"),
                  ltr_texts[i]->getAttribute("text-anchor"));
    }
    const auto ltr_lines = elements_named(ltr, "line"), rtl_lines = elements_named(rtl, "line");
    ASSERT_EQ(ltr_lines.size(), rtl_lines.size());
    for (std::size_t i = 0; i < ltr_lines.size(); ++i)
        EXPECT_NEAR(*number_attribute(*rtl_lines[i], "x1"),
                    width - *number_attribute(*ltr_lines[i], "x1"), 0.11);
}

TEST(SvgChart, MirrorsEachChartForRightToLeftPages) {
    ChartOptions ltr = percent_options();
    ChartOptions rtl = ltr;
    rtl.right_to_left = true;
    expect_mirrored(bar_chart_svg(tiny_bar_chart(), ltr), bar_chart_svg(tiny_bar_chart(), rtl));
    expect_mirrored(line_chart_svg(trend_chart(), ltr), line_chart_svg(trend_chart(), rtl));
    expect_mirrored(comparison_chart_svg(schools_chart(), ltr),
                    comparison_chart_svg(schools_chart(), rtl));
}

TEST(SvgChart, PutsTheFirstCategoryOnTheRightOfARightToLeftChart) {
    ChartOptions rtl;
    rtl.right_to_left = true;
    BarChart chart = tiny_bar_chart();
    chart.bars[1] = {"Sep 8", ChartValue::of(2), 5.0};
    const XmlDocument document = parse_xml(bar_chart_svg(chart, rtl));
    std::vector<double> bar_x;
    for (const Element* rect : elements_named(document, "rect"))
        if (painted_attribute(*rect, "fill") == std::string(k_bar_colour))
            bar_x.push_back(*number_attribute(*rect, "x"));
    ASSERT_EQ(bar_x.size(), 3u);  // the legend's swatch, then the two bars
    EXPECT_GT(bar_x[1], bar_x[2]);
    // And the value axis is on the right.
    for (const Element* text : elements_named(document, "text")) {
        if (text_of(*text) == "5") {
            EXPECT_GT(*number_attribute(*text, "x"), view_box(document).width / 2);
        }
    }
}

TEST(SvgChart, LabelsTheLanguageWhenGiven) {
    ChartOptions options;
    options.language = "ar\"><x";
    const XmlDocument document = parse_xml(bar_chart_svg(tiny_bar_chart(), options));
    EXPECT_EQ(document->documentElement()->getAttribute("lang"), "arx");
}

TEST(SvgChart, DrawsAnEmptyChartWithItsNoDataText) {
    BarChart bars = tiny_bar_chart();
    bars.bars.clear();
    LineChart lines = trend_chart();
    lines.series.clear();
    LineChart no_categories = trend_chart();
    no_categories.categories.clear();
    ComparisonChart schools = schools_chart();
    schools.bars.clear();
    schools.reference = ChartValue::gap();
    for (const std::string& svg :
         {bar_chart_svg(bars, {}), line_chart_svg(lines, {}), line_chart_svg(no_categories, {}),
          comparison_chart_svg(schools, {})}) {
        const XmlDocument document = parse_xml(svg);
        bool no_data = false;
        for (const Element* text : elements_named(document, "text"))
            no_data = no_data || text_of(*text) == "No data";
        EXPECT_TRUE(no_data) << svg;
        EXPECT_EQ(elements_named(document, "polyline").size(), 0u);
        EXPECT_EQ(elements_named(document, "path").size(), 0u);  // no gap markers, no note
        expect_inside_view_box(svg);
    }
}

TEST(SvgChart, DrawsSuppressedValuesAsMarkedGapsExplainedInTheDescription) {
    // Bars: the gap has a marker and no bar; the note is drawn and in the <desc>.
    const XmlDocument bars = parse_xml(bar_chart_svg(tiny_bar_chart(), {}));
    int blue_bars = 0;
    for (const Element* rect : elements_named(bars, "rect"))
        blue_bars += painted_attribute(*rect, "fill") == std::string(k_bar_colour) ? 1 : 0;
    EXPECT_EQ(blue_bars, 2);                             // legend swatch + one bar
    EXPECT_EQ(elements_named(bars, "path").size(), 2u);  // the gap's marker + the note's
    EXPECT_NE(text_of(*elements_named(bars, "desc")[0]).find("No school that week."),
              std::string::npos);

    // Lines: the gap breaks the line in two (one point on its own has only a marker).
    const XmlDocument lines = parse_xml(line_chart_svg(trend_chart(), percent_options()));
    EXPECT_EQ(elements_named(lines, "polyline").size(), 2u);
    const std::string desc = text_of(*elements_named(lines, "desc")[0]);
    EXPECT_EQ(desc,
              "Attendance rate by term. Lincoln: Fall 2024 94%, Winter 2025 91%, Spring 2025 90%, "
              "Fall 2025 92%. Roosevelt: Fall 2024 88%, Winter 2025 *, Spring 2025 87%, "
              "Fall 2025 87%. * Fewer than 10 students.");

    // Comparison: the gap shows its own text next to the marker.
    const XmlDocument schools = parse_xml(comparison_chart_svg(schools_chart(), {}));
    EXPECT_EQ(elements_named(schools, "path").size(), 2u);
}

TEST(SvgChart, LeavesOutTheGapNoteWithoutGaps) {
    LineChart chart = trend_chart();
    chart.series.pop_back();
    const std::string svg = line_chart_svg(chart, {});
    EXPECT_EQ(svg.find("Fewer than 10"), std::string::npos);
    EXPECT_EQ(elements_named(parse_xml(svg), "path").size(), 0u);
}

TEST(SvgChart, TreatsNonFiniteValuesAsGaps) {
    BarChart chart = tiny_bar_chart();
    chart.bars[0].value = ChartValue::of(std::numeric_limits<double>::quiet_NaN());
    chart.bars[0].out_of = std::numeric_limits<double>::infinity();
    const std::string svg = bar_chart_svg(chart, {});
    EXPECT_EQ(svg.find("nan"), std::string::npos);
    EXPECT_EQ(svg.find("inf"), std::string::npos);
    expect_inside_view_box(svg);
}

TEST(SvgChart, KeepsEveryCoordinateInsideTheViewBox) {
    ChartOptions narrow;
    narrow.width = 320;
    ChartOptions rtl = percent_options();
    rtl.right_to_left = true;

    expect_inside_view_box(bar_chart_svg(tiny_bar_chart(), {}));
    expect_inside_view_box(bar_chart_svg(weeks_bar_chart(52), {}));
    expect_inside_view_box(bar_chart_svg(weeks_bar_chart(52), narrow));
    expect_inside_view_box(bar_chart_svg(weeks_bar_chart(3), rtl));

    LineChart lines = trend_chart();
    lines.series[0].values[0] = ChartValue::of(250);  // beyond the axis: clamped
    lines.series[1].values[2] = ChartValue::of(-40);
    for (int i = 0; i < 8; ++i)
        lines.series.push_back({"Series with a long name " + std::to_string(i),
                                {ChartValue::gap(), ChartValue::gap(), ChartValue::of(50)}});
    expect_inside_view_box(line_chart_svg(lines, percent_options()));
    expect_inside_view_box(line_chart_svg(lines, narrow));
    expect_inside_view_box(line_chart_svg(lines, rtl));

    ComparisonChart schools = schools_chart();
    schools.bars.push_back({std::string(200, 'W'), ChartValue::of(100), false});
    schools.bars.push_back({"Over the top", ChartValue::of(180), false});
    schools.bars.push_back({"Below zero", ChartValue::of(-5), false});
    schools.reference = ChartValue::of(99.9);
    schools.labels.title = std::string(60, 'T') + " " + std::string(60, 'U');
    expect_inside_view_box(comparison_chart_svg(schools, percent_options()));
    expect_inside_view_box(comparison_chart_svg(schools, narrow));
    expect_inside_view_box(comparison_chart_svg(schools, rtl));
}

TEST(SvgChart, CutsLabelsTooLongForThePicture) {
    const std::string huge(300, 'M');
    BarChart bars = tiny_bar_chart();
    bars.labels.x_axis = bars.labels.y_axis = bars.value_name = bars.out_of_name = huge;
    bars.bars[0].label = huge;
    LineChart lines = trend_chart();
    lines.labels.x_axis = lines.labels.y_axis = lines.series[0].name = huge;
    lines.categories[2] = huge;
    ComparisonChart schools = schools_chart();
    schools.labels.x_axis = schools.labels.y_axis = schools.reference_name = huge;
    schools.bars[1].label = huge;
    ChartOptions rtl;
    rtl.right_to_left = true;
    for (const ChartOptions& options : {ChartOptions{}, rtl}) {
        expect_inside_view_box(bar_chart_svg(bars, options));
        expect_inside_view_box(line_chart_svg(lines, options));
        expect_inside_view_box(comparison_chart_svg(schools, options));
    }
    // The accessible text keeps every label whole.
    const XmlDocument document = parse_xml(comparison_chart_svg(schools, {}));
    EXPECT_NE(text_of(*elements_named(document, "desc")[0]).find(huge), std::string::npos);
}

TEST(SvgChart, ThinsCategoryLabelsThatWouldCollide) {
    const XmlDocument document = parse_xml(bar_chart_svg(weeks_bar_chart(52), {}));
    int week_labels_shown = 0;
    for (const Element* text : elements_named(document, "text"))
        week_labels_shown += text_of(*text).starts_with("Week ") ? 1 : 0;
    EXPECT_GT(week_labels_shown, 3);
    EXPECT_LT(week_labels_shown, 52);
}

TEST(SvgChart, DrawsTheReferenceLineAtTheReferenceValue) {
    const XmlDocument document = parse_xml(comparison_chart_svg(schools_chart(), {}));
    const Element* lincoln = nullptr;  // 50%
    const Element* roosevelt = nullptr;
    for (const Element* rect : elements_named(document, "rect")) {
        if (rect->getAttribute("fill") == std::string(k_bar_colour))
            lincoln = rect;
        if (rect->getAttribute("fill") == std::string(k_highlight_colour))
            roosevelt = rect;
    }
    ASSERT_NE(lincoln, nullptr);
    ASSERT_NE(roosevelt, nullptr);  // the highlighted school has its own colour...
    bool bold_roosevelt = false;
    for (const Element* text : elements_named(document, "text"))
        bold_roosevelt = bold_roosevelt || (text_of(*text) == "\u2068Roosevelt\u2069" &&
                                            text->getAttribute("font-weight") == "bold");
    EXPECT_TRUE(bold_roosevelt);  // ...and a bold name, for readers who cannot tell colours

    const double x0 = *number_attribute(*lincoln, "x");
    const double half = *number_attribute(*lincoln, "width") / 2;  // 25%
    int reference_lines = 0;
    for (const Element* line : elements_named(document, "line"))
        if (line->getAttribute("stroke-dasharray") == "5 3" &&
            *number_attribute(*line, "x1") == *number_attribute(*line, "x2") &&
            *number_attribute(*line, "y2") - *number_attribute(*line, "y1") > 20) {
            ++reference_lines;
            EXPECT_NEAR(*number_attribute(*line, "x1"), x0 + half, 0.2);
        }
    EXPECT_EQ(reference_lines, 1);
}

TEST(SvgChart, LabelsThePercentAxisFromZeroToOneHundred) {
    const XmlDocument document = parse_xml(line_chart_svg(trend_chart(), percent_options()));
    std::vector<std::string> ticks;
    for (const Element* text : elements_named(document, "text"))
        if (text_of(*text).ends_with("%"))
            ticks.push_back(text_of(*text));
    EXPECT_EQ(ticks, (std::vector<std::string>{"0%", "25%", "50%", "75%", "100%"}));
}

TEST(SvgChart, UsesTheCallersNumberFormat) {
    ChartOptions options;
    options.format = [](double value, int) {
        return "<" + std::to_string(static_cast<int>(std::lround(value))) + ">";
    };
    const std::string svg = line_chart_svg(trend_chart(), options);
    EXPECT_NE(svg.find("&lt;100&gt;"), std::string::npos);
    EXPECT_EQ(svg.find("<100>"), std::string::npos);
}

TEST(SvgChart, DistinguishesSeriesByMarkerAndDash) {
    const XmlDocument document = parse_xml(line_chart_svg(trend_chart(), {}));
    const auto lines = elements_named(document, "polyline");
    ASSERT_GE(lines.size(), 2u);
    EXPECT_FALSE(lines[0]->hasAttribute("stroke-dasharray"));
    EXPECT_EQ(lines.back()->getAttribute("stroke-dasharray"), "6 3");
    EXPECT_GT(elements_named(document, "circle").size(), 0u);  // series 1: circles
    int squares = 0;                                           // series 2: squares
    for (const Element* rect : elements_named(document, "rect"))
        squares += rect->getAttribute("width") == "7" ? 1 : 0;
    EXPECT_GT(squares, 0);
}

TEST(ChartScale, ChoosesRoundStepsUpToTheLargestValue) {
    const chart_detail::AxisScale days = chart_detail::make_scale({}, 5);
    EXPECT_EQ(days.max, 5);
    EXPECT_EQ(days.step, 1);
    EXPECT_EQ(days.ticks().size(), 6u);
    const chart_detail::AxisScale counts = chart_detail::make_scale({}, 412);
    EXPECT_EQ(counts.step, 100);
    EXPECT_EQ(counts.max, 500);
    const chart_detail::AxisScale small = chart_detail::make_scale({}, 0.3);
    EXPECT_DOUBLE_EQ(small.step, 0.1);
    EXPECT_EQ(small.decimals, 1);
    EXPECT_EQ(small.ticks().size(), 4u);
    const chart_detail::AxisScale none = chart_detail::make_scale({}, 0);
    EXPECT_EQ(none.max, 1);
    const chart_detail::AxisScale fixed = chart_detail::make_scale({0, 100, 25}, 412);
    EXPECT_EQ(fixed.max, 100);
    EXPECT_EQ(fixed.position(412, 200, 0), 0);  // clamped
}

}  // namespace
}  // namespace homeroom::render
