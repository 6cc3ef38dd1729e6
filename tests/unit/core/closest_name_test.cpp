#include "core/closest_name.h"

#include <gtest/gtest.h>

namespace homeroom {
namespace {

const std::vector<std::string> k_sections = {"store", "site", "exports", "pdf",   "email",
                                             "smtp",  "sms",  "kannel",  "serve", "jobs"};

TEST(ClosestName, FindsTheNameAFewSlipsAway) {
    EXPECT_EQ(closest_name("emial", k_sections), "email");   // two letters swapped
    EXPECT_EQ(closest_name("kanel", k_sections), "kannel");  // one left out
    EXPECT_EQ(closest_name("Site", k_sections), "site");     // case
    EXPECT_EQ(closest_name("secert", {"secret", "out"}), "secret");
}

TEST(ClosestName, SaysNothingWhenNoNameIsCloseOrTwoAreEquallyClose) {
    EXPECT_EQ(closest_name("colour", k_sections), std::nullopt);
    EXPECT_EQ(closest_name("xy", {"xz"}), std::nullopt);             // half the word changed
    EXPECT_EQ(closest_name("smsp", {"sms", "smtp"}), std::nullopt);  // a tie
}

}  // namespace
}  // namespace homeroom
