#include "metrics/rate_format.h"

#include <gtest/gtest.h>

namespace homeroom::metrics {
namespace {

std::string rate_text(std::int64_t numerator, std::int64_t denominator, int band = 5) {
    return to_text(rate_value(numerator, denominator, band));
}

TEST(RateFormat, RoundsToAWholePercentHalfUp) {
    EXPECT_EQ(whole_percent(1, 8), 13);  // 12.5
    EXPECT_EQ(whole_percent(1, 3), 33);
    EXPECT_EQ(whole_percent(2, 3), 67);
    EXPECT_EQ(whole_percent(17, 20), 85);
    EXPECT_EQ(rate_text(87, 100), "87%");
}

TEST(RateFormat, CodesRatesWithinFivePointsOfZeroOrOneHundred) {
    EXPECT_EQ(rate_text(0, 40), "<5%");
    EXPECT_EQ(rate_text(1, 40), "<5%");  // 2.5%
    EXPECT_EQ(rate_text(40, 40), ">95%");
    EXPECT_EQ(rate_text(39, 40), ">95%");  // 97.5%
    EXPECT_EQ(rate_text(6, 100), "6%");
    EXPECT_EQ(rate_text(94, 100), "94%");
}

TEST(RateFormat, ExactlyFiveOrNinetyFivePercentIsShown) {
    EXPECT_EQ(rate_text(5, 100), "5%");
    EXPECT_EQ(rate_text(2, 40), "5%");
    EXPECT_EQ(rate_text(95, 100), "95%");
    EXPECT_EQ(rate_text(38, 40), "95%");
}

TEST(RateFormat, CodingDecidesOnTheExactFractionNotTheRoundedOne) {
    EXPECT_EQ(rate_text(46, 1000), "<5%");  // 4.6% would round to 5%
    EXPECT_EQ(rate_text(954, 1000), ">95%");
    EXPECT_EQ(rate_text(51, 1000), "5%");
}

TEST(RateFormat, BandIsConfigurableAndZeroCodesNothing) {
    EXPECT_EQ(rate_text(8, 100, 10), "<10%");
    EXPECT_EQ(rate_text(10, 100, 10), "10%");
    EXPECT_EQ(rate_text(0, 100, 0), "0%");
    EXPECT_EQ(rate_text(100, 100, 0), "100%");
}

// Audit (issue 14, item 1): "<5%" of a group of 10 to 20 could only be 0 of them. The band is
// widened until it holds two counts: 0 or 1 of 10 is "<11%", and so is neither 2 of 10.
TEST(RateFormat, ABandNeverHoldsASingleCount) {
    EXPECT_EQ(rate_text(0, 10), "<11%");
    EXPECT_EQ(rate_text(1, 10), "<11%");
    EXPECT_EQ(rate_text(2, 10), "20%");
    EXPECT_EQ(rate_text(9, 10), ">89%");
    EXPECT_EQ(rate_text(10, 10), ">89%");
    EXPECT_EQ(rate_text(0, 20), "<6%");
    EXPECT_EQ(rate_text(1, 20), "<6%");  // 5%: inside the widened band
    EXPECT_EQ(rate_text(0, 21), "<5%");  // 5% of 21 is 1.05: 0 and 1 are both below
    EXPECT_EQ(rate_text(1, 21), "<5%");
    for (std::int64_t d = 10; d <= 200; ++d) {
        int below = 0, above = 0;
        for (std::int64_t n = 0; n <= d; ++n) {
            const auto v = rate_value(n, d, 5);
            below += v.kind == DisplayValue::Kind::below;
            above += v.kind == DisplayValue::Kind::above;
        }
        EXPECT_GE(below, 2) << d;
        EXPECT_GE(above, 2) << d;
    }
}

TEST(RateFormat, NoDenominatorIsNoData) {
    EXPECT_EQ(rate_value(0, 0, 5).kind, DisplayValue::Kind::no_data);
    EXPECT_EQ(to_text(rate_value(0, 0, 5), "*", "n/a"), "n/a");
}

TEST(RateFormat, WritesCountsAndTheSuppressedMarker) {
    EXPECT_EQ(to_text(count_value(412)), "412");
    EXPECT_EQ(to_text(suppressed_value()), "*");
    EXPECT_EQ(to_text(suppressed_value(), "n<10"), "n<10");
}

TEST(RateBands, TheBandOfTheLargestMinimumReachedApplies) {
    const std::vector<RateBand> bands = {{0, 10}, {20, 5}, {100, 2}};
    EXPECT_EQ(band_percent_for(12, bands), 10);
    EXPECT_EQ(band_percent_for(20, bands), 5);
    EXPECT_EQ(band_percent_for(99, bands), 5);
    EXPECT_EQ(band_percent_for(5000, bands), 2);
    EXPECT_EQ(band_percent_for(5, std::vector<RateBand>{{10, 5}}), 0);
}

}  // namespace
}  // namespace homeroom::metrics
