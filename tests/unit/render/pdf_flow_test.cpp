// Where a flowing document's pages end (render/pdf_flow.h): pure, from box positions.
#include "render/pdf_flow.h"

#include <gtest/gtest.h>

using homeroom::render::pdf::FlowBox;
using homeroom::render::pdf::FlowLayout;
using homeroom::render::pdf::FlowTable;
using homeroom::render::pdf::plan_sheets;

namespace {

// A table at 0: a 20 px caption, a 40 px header row, then `rows` rows of 30 px.
FlowLayout table(int rows) {
    FlowLayout l;
    l.boxes.push_back(FlowBox{0, 20, true});
    l.boxes.push_back(FlowBox{20, 60, true});
    for (int i = 0; i < rows; ++i) l.boxes.push_back(FlowBox{60 + 30 * i, 90 + 30 * i, false});
    l.height = 60 + 30 * rows;
    l.tables.push_back(FlowTable{0, l.height, 20, 60});
    return l;
}

}  // namespace

TEST(PdfFlow, RowsMoveWholeAndTheHeaderRepeats) {
    const auto sheets = plan_sheets(table(10), 200);
    // 200 px: caption, header and four rows (180 px); the fifth would end at 210.
    ASSERT_EQ(sheets.size(), 3u);
    EXPECT_EQ(sheets[0].top, 0);
    EXPECT_EQ(sheets[0].bottom, 180);
    EXPECT_FALSE(sheets[0].header);
    // Then the header (40 px) and five rows (150 px) a sheet.
    ASSERT_TRUE(sheets[1].header);
    EXPECT_EQ(sheets[1].header->top, 20);
    EXPECT_EQ(sheets[1].header->bottom, 60);
    EXPECT_EQ(sheets[1].top, 180);
    EXPECT_EQ(sheets[1].bottom, 330);
    EXPECT_EQ(sheets[2].top, 330);
    EXPECT_EQ(sheets[2].bottom, 360);
    ASSERT_TRUE(sheets[2].header);
}

TEST(PdfFlow, AHeadingIsNotLeftAtThePageFoot) {
    FlowLayout l;
    l.boxes = {FlowBox{0, 150, false}, FlowBox{150, 180, true}, FlowBox{180, 300, false}};
    l.height = 300;
    const auto sheets = plan_sheets(l, 200);
    ASSERT_EQ(sheets.size(), 2u);
    EXPECT_EQ(sheets[0].bottom, 150);  // the heading goes with the chart below it
    EXPECT_EQ(sheets[1].top, 150);
}

TEST(PdfFlow, ABoxTallerThanAPageIsCutWhereItMust) {
    FlowLayout l;
    l.boxes = {FlowBox{0, 50, false}, FlowBox{50, 500, false}};
    l.height = 500;
    const auto sheets = plan_sheets(l, 200);
    ASSERT_EQ(sheets.size(), 4u);
    EXPECT_EQ(sheets[0].bottom, 50);
    EXPECT_EQ(sheets[1].bottom, 250);
    EXPECT_EQ(sheets[2].bottom, 450);
    EXPECT_EQ(sheets[3].bottom, 500);
}
