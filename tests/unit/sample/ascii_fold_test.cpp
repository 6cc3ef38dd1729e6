#include "sample/ascii_fold.h"

#include <gtest/gtest.h>

namespace homeroom::sample {
namespace {

TEST(AsciiFold, DropsAccentsAndPunctuationAndLowercases) {
    EXPECT_EQ(ascii_fold_lower("José Ángel"), "joseangel");
    EXPECT_EQ(ascii_fold_lower("O'Brien"), "obrien");
    EXPECT_EQ(ascii_fold_lower("Smith-Jones"), "smith-jones");
    EXPECT_EQ(ascii_fold_lower("Zoë"), "zoe");
    EXPECT_EQ(ascii_fold_lower("Wiśniewski"), "wisniewski");
    EXPECT_EQ(ascii_fold_lower("Łukasz"), "lukasz");
    EXPECT_EQ(ascii_fold_lower("Müller"), "muller");
    EXPECT_EQ(ascii_fold_lower("Søren Åberg"), "sorenaberg");
}

TEST(AsciiFold, FoldsVietnamese) {
    EXPECT_EQ(ascii_fold_lower("Nguyễn"), "nguyen");
    EXPECT_EQ(ascii_fold_lower("Đặng"), "dang");
    EXPECT_EQ(ascii_fold_lower("Quỳnh"), "quynh");
    EXPECT_EQ(ascii_fold_lower("Dương"), "duong");
}

TEST(AsciiFold, DropsOtherScriptsEntirely) {
    EXPECT_EQ(ascii_fold_lower("مريم"), "");
    EXPECT_EQ(ascii_fold_lower("আয়েশা"), "");
    EXPECT_EQ(ascii_fold_lower("-浩然-"), "");
}

}  // namespace
}  // namespace homeroom::sample
