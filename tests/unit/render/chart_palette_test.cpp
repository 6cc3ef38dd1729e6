#include "render/chart_palette.h"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>

namespace homeroom::render {
namespace {

constexpr std::string_view k_white = "#FFFFFF";

TEST(ChartPalette, ComputesWcagContrastRatios) {
    EXPECT_NEAR(contrast_ratio("#000000", "#FFFFFF"), 21.0, 1e-9);
    EXPECT_NEAR(contrast_ratio("#FFFFFF", "#FFFFFF"), 1.0, 1e-9);
    EXPECT_NEAR(contrast_ratio("#767676", "#ffffff"), 4.54, 0.01);  // the classic AA grey
    EXPECT_THROW(contrast_ratio("red", k_white), std::invalid_argument);
    EXPECT_THROW(contrast_ratio("#12345G", k_white), std::invalid_argument);
}

TEST(ChartPalette, EverySeriesColourPassesAaTextContrastOnWhite) {
    for (const SeriesStyle& style : k_series_styles)
        EXPECT_GE(contrast_ratio(style.colour, k_white), 4.5) << style.name;
}

TEST(ChartPalette, EveryColourThatCarriesInformationPassesAaOnWhite) {
    for (const std::string_view colour :
         {k_text_colour, k_muted_text_colour, k_axis_colour, k_gap_colour, k_track_stroke,
          k_reference_colour, k_highlight_colour, k_bar_colour})
        EXPECT_GE(contrast_ratio(colour, k_white), 4.5) << colour;
}

TEST(ChartPalette, SeriesDifferInMarkerAndDashNotOnlyInColour) {
    std::set<SeriesStyle::Marker> markers;
    std::set<std::string_view> dashes, colours;
    for (const SeriesStyle& style : k_series_styles) {
        markers.insert(style.marker);
        dashes.insert(style.dash);
        colours.insert(style.colour);
    }
    EXPECT_EQ(markers.size(), k_series_styles.size());
    EXPECT_EQ(dashes.size(), k_series_styles.size());
    EXPECT_EQ(colours.size(), k_series_styles.size());
    EXPECT_EQ(&series_style(k_series_styles.size()), &series_style(0));
}

}  // namespace
}  // namespace homeroom::render
