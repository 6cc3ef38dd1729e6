#include "render/placeholders.h"

#include <gtest/gtest.h>

#include <vector>

namespace homeroom::render {
namespace {

TEST(Placeholders, FillsValuesInOrder) {
    EXPECT_EQ(fill_placeholders("%d absences in %s", {"3", "September"}),
              "3 absences in September");
    EXPECT_EQ(fill_placeholders("no placeholders", {"3"}), "no placeholders");
}

TEST(Placeholders, LetsTranslatorsReorderByPosition) {
    EXPECT_EQ(fill_placeholders("%2$s: %1$d", {"4", "Semana"}), "Semana: 4");
}

TEST(Placeholders, WritesPercentSigns) {
    EXPECT_EQ(fill_placeholders("%d%% present", {"90"}), "90% present");
    EXPECT_EQ(fill_placeholders("100%", std::vector<std::string>{}), "100%");
    EXPECT_EQ(fill_placeholders("10% or more", {"x"}), "10% or more");
}

TEST(Placeholders, LeavesAPlaceholderWithoutAValueAsWritten) {
    EXPECT_EQ(fill_placeholders("%d of %d", {"1"}), "1 of %d");
    EXPECT_EQ(fill_placeholders("%3$s", {"a"}), "%3$s");
    const std::vector<std::string> values = {"٣"};
    EXPECT_EQ(fill_placeholders("%d غيابات", values), "٣ غيابات");
}

}  // namespace
}  // namespace homeroom::render
