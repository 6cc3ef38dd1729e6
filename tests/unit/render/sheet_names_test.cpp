#include "render/sheet_names.h"

#include <gtest/gtest.h>

namespace homeroom::render {
namespace {

std::vector<std::string> names(std::vector<std::string> titles) {
    return excel_sheet_names(titles);
}

TEST(SheetNames, KeepsValidTitles) {
    EXPECT_EQ(names({"Enrollment", "Chronic absenteeism"}),
              (std::vector<std::string>{"Enrollment", "Chronic absenteeism"}));
}

TEST(SheetNames, ReplacesCharactersExcelRefuses) {
    EXPECT_EQ(names({"Proficiency: Math [grades 3/8]?*\\"}),
              (std::vector<std::string>{"Proficiency  Math  grades 3 8"}));
    EXPECT_EQ(names({"'Quoted'"}), (std::vector<std::string>{"Quoted"}));
}

TEST(SheetNames, CutsLongTitlesToThirtyOneCharacters) {
    const std::vector<std::string> out =
        names({"Proficiency in English language arts by subgroup"});
    EXPECT_EQ(out[0], "Proficiency in English languag\u2026");  // 30 + the ellipsis
    // Arabic: 31 code points, each one UTF-16 unit.
    const std::string arabic_title =
        "\u0646\u0633\u0628\u0629 \u0627\u0644\u063A\u064A\u0627\u0628 "
        "\u0627\u0644\u0645\u0632\u0645\u0646 \u062D\u0633\u0628 "
        "\u0627\u0644\u0645\u062F\u0631\u0633\u0629 \u0648\u0627\u0644\u0641\u0626\u0629";
    const std::string arabic = names({arabic_title})[0];
    std::size_t code_points = 0;
    for (const char c : arabic) code_points += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    EXPECT_LE(code_points, 31u);
    EXPECT_TRUE(arabic.ends_with("\u2026"));
}

TEST(SheetNames, CountsCharactersOutsideTheBmpTwice) {
    const std::string emoji = "\U0001F600";
    std::string title;
    for (int i = 0; i < 20; ++i) title += emoji;  // 40 UTF-16 units
    const std::string out = names({title})[0];
    EXPECT_EQ(out, std::string(title.substr(0, 15 * 4)) + "\u2026");  // 30 units + ellipsis
}

TEST(SheetNames, MakesRepeatedNamesUniqueIgnoringCase) {
    EXPECT_EQ(names({"Notes", "notes", "NOTES"}),
              (std::vector<std::string>{"Notes", "notes (2)", "NOTES (3)"}));
    EXPECT_EQ(names({"History"}), (std::vector<std::string>{"History (2)"}));
    const std::string long_title(40, 'a');
    const std::vector<std::string> out = names({long_title, long_title});
    EXPECT_EQ(out[1], std::string(26, 'a') + "\u2026 (2)");
}

TEST(SheetNames, NamesEmptyTitlesAfterTheirPosition) {
    EXPECT_EQ(names({"Enrollment", "", "\u202E"}),
              (std::vector<std::string>{"Enrollment", "Sheet2", "Sheet3"}));
}

}  // namespace
}  // namespace homeroom::render
