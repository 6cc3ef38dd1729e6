#include "render/public_figures.h"

#include <gtest/gtest.h>

#include "public_site_fixture.h"
#include "render/public_charts.h"
#include "render/public_figure_text.h"

namespace homeroom::render {
namespace {

using metrics::DisplayValue;
using Kind = DisplayValue::Kind;

TEST(PublicFigures, EveryMeasureIsPublishedOnceForSchoolsAndDistrict) {
    const PublicSiteData data = testing::sample_site(1);
    std::vector<metrics::GroupAggregates> schools;
    for (const auto& s : data.schools) schools.push_back(s.aggregates);
    const auto measures = measures_of(schools);
    const PublicFigures figures =
        publish_figures(data.as_of, schools, measures, metrics::SuppressionSettings{});
    EXPECT_EQ(figures.subjects(), (std::vector<std::string>{"ela", "math"}));
    const metrics::MeasureId chronic{metrics::Measure::chronic_absenteeism, {}};
    ASSERT_TRUE(figures.has(chronic));
    EXPECT_EQ(figures.table(chronic).schools.size(), schools.size());
    // The tiny school's figures are hidden, and so is a complement in the district's columns.
    EXPECT_TRUE(figures.school(chronic, 2).suppressed());
    EXPECT_TRUE(figures.school(chronic, 3).suppressed());
    EXPECT_FALSE(figures.school(chronic, 0).suppressed());
    EXPECT_THROW(figures.table({metrics::Measure::proficiency, "science"}), std::out_of_range);
}

TEST(AnyFlagCell, IsTheComplementOfNoFlagsCodedTheOtherWay) {
    metrics::PublishedCell cell{{Kind::number, 200}, {Kind::percent, 62}, {}, 124, 200};
    EXPECT_EQ(any_flag_cell(cell).value, (DisplayValue{Kind::percent, 38}));
    // Audit (issue 14, item 7): rounded from its own count. 45 of 72 without flags is 62.5% →
    // 63%; 27 of 72 with one is 37.5% → 38%, not 100 - 63.
    const metrics::PublishedCell half{{Kind::number, 72}, {Kind::percent, 63}, {}, 45, 72};
    EXPECT_EQ(any_flag_cell(half).value, (DisplayValue{Kind::percent, 38}));
    cell.value = {Kind::below, 5};
    EXPECT_EQ(any_flag_cell(cell).value, (DisplayValue{Kind::above, 95}));
    cell.value = {Kind::above, 95};
    EXPECT_EQ(any_flag_cell(cell).value, (DisplayValue{Kind::below, 5}));
    cell.value = metrics::suppressed_value();
    cell.reason = metrics::SuppressionReason::small_group;
    EXPECT_TRUE(any_flag_cell(cell).suppressed());
    EXPECT_EQ(any_flag_cell(cell).value.kind, Kind::suppressed);
}

TEST(FigureText, WritesCountsRatesRangesAndMarkers) {
    const EnglishLocalizer l;
    metrics::SuppressionSettings settings;
    EXPECT_EQ(figure_text({Kind::number, 1234}, l, settings), "1,234");
    EXPECT_EQ(figure_text({Kind::percent, 87}, l, settings), "87%");
    EXPECT_EQ(figure_text({Kind::below, 5}, l, settings), "<5%");
    EXPECT_EQ(figure_text({Kind::above, 95}, l, settings), ">95%");
    EXPECT_EQ(figure_text(metrics::suppressed_value(), l, settings), "*");
    EXPECT_EQ(figure_text({}, l, settings), "-");
    settings.suppressed_marker = "n<10";
    EXPECT_EQ(figure_text(metrics::suppressed_value(), l, settings), "n<10");
}

TEST(FigureText, ChartsGetValuesOnlyForFiguresShownExactly) {
    const EnglishLocalizer l;
    const metrics::SuppressionSettings settings;
    EXPECT_EQ(chart_value({Kind::percent, 40}, l, settings).value, 40.0);
    const ChartValue coded = chart_value({Kind::below, 5}, l, settings);
    EXPECT_FALSE(coded.value);  // never drawn as 0% or 5%
    EXPECT_EQ(coded.text, "<5%");
    EXPECT_EQ(chart_value(metrics::suppressed_value(), l, settings).text, "*");
}

TEST(FigureText, SortKeysPutRangesInsideTheirBoundsAndHiddenFiguresNowhere) {
    EXPECT_LT(*sort_key({Kind::below, 5}), *sort_key({Kind::percent, 5}));
    EXPECT_GT(*sort_key({Kind::below, 5}), *sort_key({Kind::percent, 4}));
    EXPECT_GT(*sort_key({Kind::above, 95}), *sort_key({Kind::percent, 95}));
    EXPECT_FALSE(sort_key(metrics::suppressed_value()));
    EXPECT_FALSE(sort_key({}));
}

TEST(SvgImageUri, IsBase64OfTheDocument) {
    EXPECT_EQ(svg_image_uri(""), "data:image/svg+xml;base64,");
    EXPECT_EQ(svg_image_uri("Man"), "data:image/svg+xml;base64,TWFu");
    EXPECT_EQ(svg_image_uri("Ma"), "data:image/svg+xml;base64,TWE=");
    EXPECT_EQ(svg_image_uri("M"), "data:image/svg+xml;base64,TQ==");
    EXPECT_EQ(svg_image_uri("<svg/>\xC3\xA9"), "data:image/svg+xml;base64,PHN2Zy8+w6k=");
}

}  // namespace
}  // namespace homeroom::render
