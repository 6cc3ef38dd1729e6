// The PDF renderer draws the project's own left-to-right charts itself and leaves everything
// else to librsvg: which documents it takes is the behaviour that matters (a document it took
// but drew wrong would show in the pdf_document tests' text and in the pictures).
#include "render/pdf_chart.h"

#include <gtest/gtest.h>

#include "render/svg_chart.h"

namespace homeroom::render::pdf {
namespace {

BarChart weekly_chart() {
    BarChart chart;
    chart.labels.title = "Days absent, week by week";
    chart.labels.x_axis = "Week of";
    chart.labels.y_axis = "Days";
    chart.labels.gap_note = "A gap is a week without school days.";
    chart.value_name = "Days absent";
    chart.out_of_name = "School days";
    chart.bars = {{"8/25/25", ChartValue::of(1), 5.0},
                  {"9/1/25", ChartValue::gap(), std::nullopt},
                  {"9/8/25", ChartValue::of(0), 4.0}};
    chart.axis.min = 0;
    chart.axis.max = 5;
    chart.axis.step = 1;
    return chart;
}

TEST(PdfChart, TakesTheWeeklyChartWithItsSizeAndEveryLabel) {
    ChartOptions options;
    options.width = 720;
    options.draw_title = false;
    const std::string svg = bar_chart_svg(weekly_chart(), options);
    const auto drawing = ChartDrawing::parse(svg);
    ASSERT_TRUE(drawing) << svg;
    EXPECT_EQ(drawing->width(), 720);
    EXPECT_GT(drawing->height(), 200);
}

TEST(PdfChart, LeavesRightToLeftAndUnknownMarkupToLibrsvg) {
    ChartOptions rtl;
    rtl.right_to_left = true;
    EXPECT_FALSE(ChartDrawing::parse(bar_chart_svg(weekly_chart(), rtl)));
    const std::string base =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\" width=\"10\" "
        "height=\"10\" font-family=\"Noto Sans\">";
    EXPECT_TRUE(ChartDrawing::parse(base + "<rect width=\"10\" height=\"10\" fill=\"#FFFFFF\"/>"
                                           "</svg>"));
    for (const std::string other :
         {"<circle cx=\"1\" cy=\"1\" r=\"1\"/>", "<rect width=\"1\" height=\"1\" rx=\"1\"/>",
          "<rect width=\"1\" height=\"1\" fill=\"url(#g)\"/>",
          "<path d=\"M1 1C2 2 3 3 4 4\" fill=\"none\" stroke=\"#000000\"/>",
          "<text x=\"1\" y=\"1\" font-size=\"12\"><tspan>x</tspan></text>",
          "<line x1=\"0\" y1=\"0\" x2=\"1\" y2=\"1\" stroke=\"#000000\" "
          "stroke-dasharray=\"4 2\"/>",
          "<g transform=\"scale(2)\"></g>", "<image href=\"x.png\"/>"})
        EXPECT_FALSE(ChartDrawing::parse(base + other + "</svg>")) << other;
    EXPECT_FALSE(ChartDrawing::parse("<html></html>"));
    EXPECT_FALSE(ChartDrawing::parse(base + "<g>"));  // not closed
}

}  // namespace
}  // namespace homeroom::render::pdf
