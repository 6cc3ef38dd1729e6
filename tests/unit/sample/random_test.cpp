#include "sample/random.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <vector>

namespace homeroom::sample {
namespace {

TEST(Random, MatchesTheReferenceXoshiro256StarStarSeededBySplitmix64) {
    // Values from an independent implementation of the published algorithms (seed 1).
    Random rng(1);
    EXPECT_EQ(rng.next(), 0xb3f2af6d0fc710c5ULL);
    EXPECT_EQ(rng.next(), 0x853b559647364ceaULL);
    EXPECT_EQ(rng.next(), 0x92f89756082a4514ULL);
    EXPECT_EQ(rng.next(), 0x642e1c7bc266a3a7ULL);
}

TEST(Random, StreamsAreReproducibleAndIndependent) {
    Random a = Random::stream(7, {1, 2, 3});
    Random b = Random::stream(7, {1, 2, 3});
    Random c = Random::stream(7, {1, 2, 4});
    Random d = Random::stream(8, {1, 2, 3});
    Random e = Random::stream(7, {1, 2});
    const auto first = a.next();
    EXPECT_EQ(first, b.next());
    EXPECT_NE(first, c.next());
    EXPECT_NE(first, d.next());
    EXPECT_NE(first, e.next());
}

TEST(Random, BelowStaysInRangeAndReachesEveryValue) {
    Random rng(3);
    std::vector<int> seen(7, 0);
    for (int i = 0; i < 7000; ++i) {
        const auto v = rng.below(7);
        ASSERT_LT(v, 7u);
        ++seen[v];
    }
    for (const int count : seen) EXPECT_GT(count, 800);
}

TEST(Random, BetweenIsInclusive) {
    Random rng(4);
    int low = 0, high = 0;
    for (int i = 0; i < 3000; ++i) {
        const int v = rng.between(-2, 2);
        ASSERT_GE(v, -2);
        ASSERT_LE(v, 2);
        low += v == -2;
        high += v == 2;
    }
    EXPECT_GT(low, 400);
    EXPECT_GT(high, 400);
    EXPECT_EQ(rng.between(5, 5), 5);
}

TEST(Random, RealIsInTheUnitIntervalAndNormalIsCentered) {
    Random rng(5);
    double sum = 0, sum_sq = 0;
    for (int i = 0; i < 20000; ++i) {
        const double u = rng.real();
        ASSERT_GE(u, 0.0);
        ASSERT_LT(u, 1.0);
        const double z = rng.normal();
        ASSERT_LT(std::abs(z), 3.47);
        sum += z;
        sum_sq += z * z;
    }
    EXPECT_NEAR(sum / 20000, 0.0, 0.05);
    EXPECT_NEAR(sum_sq / 20000, 1.0, 0.05);
}

TEST(Random, WeightedFollowsTheWeights) {
    Random rng(6);
    const double weights[] = {1.0, 0.0, 3.0};
    int counts[3] = {0, 0, 0};
    for (int i = 0; i < 8000; ++i) ++counts[rng.weighted(weights)];
    EXPECT_EQ(counts[1], 0);
    EXPECT_NEAR(counts[2] / 8000.0, 0.75, 0.03);
}

TEST(Random, ShuffleIsAPermutation) {
    Random rng(7);
    std::vector<int> v(50);
    std::iota(v.begin(), v.end(), 0);
    auto shuffled = v;
    rng.shuffle(shuffled.begin(), shuffled.end());
    EXPECT_NE(shuffled, v);
    std::sort(shuffled.begin(), shuffled.end());
    EXPECT_EQ(shuffled, v);
}

}  // namespace
}  // namespace homeroom::sample
