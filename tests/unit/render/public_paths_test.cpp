#include "render/public_paths.h"

#include <gtest/gtest.h>

#include <set>

#include "render/public_chrome.h"

namespace homeroom::render {
namespace {

TEST(SchoolSlug, KeepsLettersAndDigitsInLowerCase) {
    EXPECT_EQ(school_slug("SCH-001"), "sch-001");
    EXPECT_EQ(school_slug("  Lincoln  Elem. #4 "), "lincoln-elem-4");
    EXPECT_EQ(school_slug("Peña"), "pe-a");
}

TEST(SchoolSlug, IsNeverEmptyAndCannotLeaveItsFolder) {
    EXPECT_EQ(school_slug(""), "school");
    EXPECT_EQ(school_slug("../../etc/passwd"), "etc-passwd");
    EXPECT_EQ(school_slug("///"), "school");
    EXPECT_EQ(school_slug("\u202E<script>"), "script");
    EXPECT_LE(school_slug(std::string(500, 'a')).size(), 60u);
}

TEST(UniqueSchoolSlugs, SuffixesIdsWhoseSlugsRepeat) {
    const auto slugs = unique_school_slugs({"A.1", "A-1", "B2", "a 1"});
    ASSERT_EQ(slugs.size(), 4u);
    EXPECT_EQ(slugs[2], "b2");  // unique slugs stay as they are
    EXPECT_EQ(std::set<std::string>(slugs.begin(), slugs.end()).size(), 4u);
    for (const std::size_t i : {0u, 1u, 3u}) EXPECT_EQ(slugs[i].rfind("a-1-", 0), 0u) << slugs[i];
    // The suffix depends on the id, not on the order.
    const auto swapped = unique_school_slugs({"A-1", "A.1"});
    EXPECT_EQ(swapped[0], slugs[1]);
    EXPECT_EQ(swapped[1], slugs[0]);
}

TEST(UniqueSchoolSlugs, NeverCollideEvenWithEqualIdsOrCraftedOnes) {
    const auto same = unique_school_slugs({"X", "X", "X"});
    EXPECT_EQ(std::set<std::string>(same.begin(), same.end()).size(), 3u);
    // An id spelled like another's suffixed slug.
    const auto first = unique_school_slugs({"a.1", "a-1"});
    const auto crafted = unique_school_slugs({"a.1", "a-1", first[0]});
    EXPECT_EQ(std::set<std::string>(crafted.begin(), crafted.end()).size(), 3u);
}

TEST(PublicPaths, PutEveryPageUnderItsLanguage) {
    EXPECT_EQ(public_home_path("es"), "public/es/index.html");
    EXPECT_EQ(public_about_path("ar"), "public/ar/about.html");
    EXPECT_EQ(public_school_path("en", "sch-1"), "public/en/schools/sch-1.html");
    EXPECT_EQ(public_district_path("en", "district.html"), "public/en/district.html");
}

TEST(PublicChrome, LinksAreRelativeToThePage) {
    EXPECT_EQ(language_root("index.html"), "");
    EXPECT_EQ(language_root("schools/a.html"), "../");
    const EnglishOnly english;
    const PageChrome chrome =
        public_chrome({"schools/a.html", PublicSection::school}, "Lincoln", "District",
                      *Date::parse("2025-10-03"), english.get("en"), english);
    EXPECT_EQ(chrome.css_href, "../../assets/site.css");
    ASSERT_EQ(chrome.languages.size(), 1u);
    EXPECT_EQ(chrome.languages[0].href, "../../en/schools/a.html");
    ASSERT_EQ(chrome.nav.size(), 3u);
    EXPECT_EQ(chrome.nav[1].href, "../district.html");
    EXPECT_FALSE(chrome.nav[0].current);
    EXPECT_EQ(chrome.title, "Lincoln · District");
}

}  // namespace
}  // namespace homeroom::render
