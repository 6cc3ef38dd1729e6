#include "render/public_pages.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <set>
#include <sstream>

#include <sys/wait.h>

#include "public_html_inspection.h"
#include "public_site_fixture.h"
#include "render/public_paths.h"
#include "temp_dir.h"

namespace homeroom::render {
namespace {

using testing::percent_key;
using testing::row_headed;
using testing::table_after;
using testing::table_rows;
using testing::whole_number;

const std::filesystem::path k_templates = HOMEROOM_TEST_DATA "/../../templates";

using Site = std::map<std::string, std::string>;

Site render_site(const PublicSiteData& data, const LocalizerSet& localizers) {
    const TemplateSet templates(k_templates);
    Site site;
    for (auto& page :
         render_public_pages(data, templates, localizers, metrics::SuppressionSettings{}))
        EXPECT_TRUE(site.emplace(page.path, std::move(page.bytes)).second)
            << "two pages at " << page.path;
    return site;
}

// Rendered once: the site of the sample district in English only.
const Site& english_site() {
    static const Site site = render_site(testing::sample_site(), EnglishOnly{});
    return site;
}

const std::string& page(const std::string& path) {
    const auto found = english_site().find(path);
    if (found == english_site().end())
        throw std::runtime_error("no page " + path);
    return found->second;
}

std::string school_path(std::size_t index) {
    std::vector<std::string> ids;
    for (const auto& plan : testing::school_plans()) ids.push_back(plan.id);
    return public_school_path("en", unique_school_slugs(ids)[index]);
}

bool is_html(const std::string& path) {
    return path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0;
}

TEST(PublicPages, WritesEveryPageInEveryLanguage) {
    const Site site = render_site(testing::sample_site(), testing::TwoLanguages{});
    EXPECT_TRUE(site.count("public/index.html"));
    for (const std::string lang : {"en", "ar"}) {
        for (const std::string file :
             {"index.html", "about.html", "district.html", "board-workbook.xlsx",
              "district-by-school-reverse.html", "district-by-chronic_absenteeism.html",
              "district-by-chronic_absenteeism-reverse.html", "district-by-enrollment.html",
              "district-by-early_warning-reverse.html"})
            EXPECT_TRUE(site.count("public/" + lang + "/" + file)) << lang << "/" << file;
        for (const std::string slug : {"sch-1", "sch-2", "sch-3", "sch-4"})
            EXPECT_TRUE(site.count("public/" + lang + "/schools/" + slug + ".html")) << slug;
    }
    // 1 chooser + per language: home, about, 4 schools, 16 district copies, the workbook.
    EXPECT_EQ(site.size(), 1u + 2u * (1 + 1 + 4 + 16 + 1));
    for (const auto& [path, bytes] : site) EXPECT_EQ(path.rfind("public/", 0), 0u) << path;
}

TEST(PublicPages, ArabicPagesAreRightToLeftAndTheSwitcherLinksTheSamePage) {
    const Site site = render_site(testing::sample_site(), testing::TwoLanguages{});
    // mstch writes '/' as "&#x2F;": read the markup as a browser would.
    const std::string arabic = testing::decoded(site.at("public/ar/schools/sch-1.html"));
    EXPECT_NE(arabic.find("<html lang=\"ar\" dir=\"rtl\">"), std::string::npos);
    EXPECT_NE(arabic.find("../../en/schools/sch-1.html"), std::string::npos);
    EXPECT_NE(testing::decoded(site.at("public/en/district.html")).find("../ar/district.html"),
              std::string::npos);
    const std::string chooser = testing::decoded(site.at("public/index.html"));
    EXPECT_NE(chooser.find("href=\"ar/index.html\""), std::string::npos);
    EXPECT_NE(chooser.find("lang=\"ar\" dir=\"rtl\""), std::string::npos);
}

TEST(PublicPages, TinyGroupIsSuppressedAndNoSmallCountIsPublished) {
    // Lincoln has 3 nonbinary students: every figure about them is the marker.
    const std::string& lincoln = page(school_path(0));
    for (const std::string table :
         {"id=\"table-enrollment\"", "id=\"table-attendance\"", "id=\"table-proficiency\"",
          "id=\"table-suspension\"", "id=\"table-flag-counts\"", "id=\"table-flags\""}) {
        const auto row = row_headed(table_rows(table_after(lincoln, table)), "Nonbinary");
        ASSERT_FALSE(row.cells.empty()) << table;
        EXPECT_EQ(row.cells[0], "*") << table;  // the school's cells (the district's follow)
        for (std::size_t c = 0; c < row.cells.size(); c += 2) EXPECT_EQ(row.cells[c], "*") << table;
        EXPECT_NE(testing::decoded(row.html).find(
                      "class=\"suppressed\" href=\"../about.html#suppression\""),
                  std::string::npos);
    }
    // No enrollment count below 10 anywhere: every count is the marker or at least 10.
    for (std::size_t s = 0; s < 4; ++s)
        for (const auto& row :
             table_rows(table_after(page(school_path(s)), "id=\"table-enrollment\"")))
            for (const auto& cell : row.cells) {
                const long long n = whole_number(cell);
                EXPECT_TRUE(cell == "*" || n >= 10) << row.heading << ": " << cell;
            }
    // The tiny school shows no figure at all.
    const auto tiny = table_rows(table_after(page("public/en/district.html"), "side-by-side"));
    for (const auto& cell : row_headed(tiny, "Tiny Community School").cells) EXPECT_EQ(cell, "*");
}

TEST(PublicPages, SchoolPageAndDistrictTableShowTheSameCells) {
    const auto district_rows =
        table_rows(table_after(page("public/en/district.html"), "side-by-side"));
    const std::vector<std::string> names = {"Lincoln Elementary", testing::k_hostile_name,
                                            "Tiny Community School", "Roosevelt Middle School"};
    for (std::size_t s = 0; s < names.size(); ++s) {
        const std::string& card = page(school_path(s));
        const auto enrollment =
            row_headed(table_rows(table_after(card, "id=\"table-enrollment\"")), "All students");
        const auto attendance =
            row_headed(table_rows(table_after(card, "id=\"table-attendance\"")), "All students");
        const auto proficiency =
            row_headed(table_rows(table_after(card, "id=\"table-proficiency\"")), "All students");
        const auto suspension =
            row_headed(table_rows(table_after(card, "id=\"table-suspension\"")), "All students");
        // The hostile name is cleaned of its U+202E before it is escaped.
        std::string heading = names[s];
        if (const auto at = heading.find("\u202E"); at != std::string::npos)
            heading.erase(at, 3);
        const auto& row = row_headed(district_rows, heading);
        ASSERT_EQ(row.cells.size(), 7u);
        EXPECT_EQ(row.cells[0], enrollment.cells[0]) << heading;
        EXPECT_EQ(row.cells[1], attendance.cells[0]) << heading;
        EXPECT_EQ(row.cells[2], attendance.cells[2]) << heading;
        EXPECT_EQ(row.cells[3], proficiency.cells[0]) << heading;  // ELA
        EXPECT_EQ(row.cells[4], proficiency.cells[2]) << heading;  // math
        EXPECT_EQ(row.cells[5], suspension.cells[0]) << heading;
        // And the district's figures on the report card are the district row's.
        const auto& district = row_headed(district_rows, "District");
        EXPECT_EQ(district.cells[1], attendance.cells[1]);
        EXPECT_EQ(district.cells[2], attendance.cells[3]);
    }
}

std::string base64_decoded(std::string_view text) {
    static const std::string k_alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (const char c : text) {
        const auto at = k_alphabet.find(c);
        if (at == std::string::npos)
            break;  // '=' padding or the end of the attribute
        buffer = (buffer << 6) | static_cast<unsigned>(at);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xFF);
        }
    }
    return out;
}

// The SVG documents of every chart image of a page.
std::vector<std::string> chart_documents(const std::string& html) {
    const std::string decoded_html = testing::decoded(html);
    const std::string prefix = "data:image/svg+xml;base64,";
    std::vector<std::string> out;
    for (auto at = decoded_html.find(prefix); at != std::string::npos;
         at = decoded_html.find(prefix, at + 1))
        out.push_back(base64_decoded(std::string_view(decoded_html).substr(at + prefix.size())));
    return out;
}

TEST(PublicPages, HostileSchoolNamesAreEscapedEverywhere) {
    for (const auto& [path, html] : english_site()) {
        if (!is_html(path))
            continue;
        EXPECT_EQ(html.find("<script"), std::string::npos) << path;
        EXPECT_EQ(html.find("\u202E"), std::string::npos) << path;
        EXPECT_EQ(html.find("\"Quoted\""), std::string::npos) << path;
        EXPECT_EQ(html.find("& 'Apostrophe'"), std::string::npos) << path;
        EXPECT_EQ(html.find("<Schools>"), std::string::npos) << path;
    }
    // Inside the charts' SVG too (the comparison chart names every school).
    const auto charts = chart_documents(page("public/en/district.html"));
    ASSERT_FALSE(charts.empty());
    bool named = false;
    for (const auto& svg : charts) {
        EXPECT_EQ(svg.rfind("<svg", 0), 0u);
        EXPECT_EQ(svg.find("<script"), std::string::npos);
        EXPECT_EQ(svg.find("\u202E"), std::string::npos);
        named = named || svg.find("&lt;script&gt;") != std::string::npos;
    }
    EXPECT_TRUE(named);
    const std::string& card = page(school_path(1));
    EXPECT_NE(card.find("&lt;script&gt;alert(1)&lt;"), std::string::npos);
    EXPECT_NE(card.find("&quot;Quoted&quot; &amp; &#39;Apostrophe&#39;"), std::string::npos);
}

TEST(PublicPages, NoStudentNameOrIdInAnyPublicFile) {
    for (const auto& [path, bytes] : english_site()) {
        EXPECT_EQ(bytes.find("STUDENT-"), std::string::npos) << path;
        EXPECT_EQ(bytes.find("Firstname"), std::string::npos) << path;
        EXPECT_EQ(bytes.find("Lastname"), std::string::npos) << path;
    }
}

std::vector<std::string> column(const std::string& html, std::size_t index) {
    std::vector<std::string> out;
    const auto rows = table_rows(table_after(html, "side-by-side"));
    for (const auto& row : rows)
        if (row.html.find("href=\"schools") != std::string::npos)
            out.push_back(row.cells.at(index));
    return out;
}

void expect_sorted_with_hidden_last(const std::vector<std::string>& cells, bool descending) {
    bool seen_hidden = false;
    double previous = descending ? 1e9 : -1e9;
    for (const auto& cell : cells) {
        if (cell == "*") {
            seen_hidden = true;
            continue;
        }
        EXPECT_FALSE(seen_hidden) << "a figure after a hidden one: " << cell;
        const double key = percent_key(cell);
        ASSERT_GE(key, 0) << cell;
        EXPECT_TRUE(descending ? key <= previous : key >= previous) << cell;
        previous = key;
    }
}

TEST(PublicPages, SortedCopiesOfTheDistrictTableAreInOrderWithHiddenFiguresLast) {
    const std::string by_chronic =
        testing::decoded(page("public/en/district-by-chronic_absenteeism.html"));
    const auto chronic = column(by_chronic, 2);
    ASSERT_EQ(chronic.size(), 4u);
    EXPECT_EQ(chronic.back(), "*");  // the tiny school
    EXPECT_NE(chronic.front(), "*");
    expect_sorted_with_hidden_last(chronic, true);
    EXPECT_NE(by_chronic.find("aria-sort=\"descending\""), std::string::npos);
    // Its heading now offers the other direction; the others their first one.
    EXPECT_NE(by_chronic.find("href=\"district-by-chronic_absenteeism-reverse.html#schools\""),
              std::string::npos);
    EXPECT_NE(by_chronic.find("href=\"district-by-attendance_rate.html#schools\""),
              std::string::npos);

    const std::string reverse =
        testing::decoded(page("public/en/district-by-chronic_absenteeism-reverse.html"));
    const auto ascending = column(reverse, 2);
    EXPECT_EQ(ascending.back(), "*");
    expect_sorted_with_hidden_last(ascending, false);
    EXPECT_NE(reverse.find("aria-sort=\"ascending\""), std::string::npos);

    for (const std::string file :
         {"district-by-attendance_rate.html", "district-by-suspension_rate.html",
          "district-by-ela_proficiency-reverse.html"}) {
        const std::size_t index = file.find("attendance") != std::string::npos   ? 1
                                  : file.find("suspension") != std::string::npos ? 5
                                                                                 : 3;
        expect_sorted_with_hidden_last(column(page("public/en/" + file), index),
                                       file.find("reverse") == std::string::npos);
    }

    // By name: A to Z on district.html, Z to A on the reverse copy.
    const auto names = [](const std::string& html) {
        std::vector<std::string> out;
        for (const auto& row : table_rows(table_after(html, "side-by-side")))
            if (row.html.find("href=\"schools") != std::string::npos)
                out.push_back(row.heading);
        return out;
    };
    const auto a_to_z = names(page("public/en/district.html"));
    ASSERT_EQ(a_to_z.size(), 4u);
    EXPECT_EQ(a_to_z[1], "Lincoln Elementary");
    EXPECT_EQ(a_to_z[2], "Roosevelt Middle School");
    EXPECT_EQ(a_to_z[3], "Tiny Community School");
    auto z_to_a = names(page("public/en/district-by-school-reverse.html"));
    std::reverse(z_to_a.begin(), z_to_a.end());
    EXPECT_EQ(z_to_a, a_to_z);
}

TEST(PublicPages, TrendChartsAppearOnlyWithMoreThanOneSnapshot) {
    const std::string card = testing::decoded(page(school_path(0)));
    EXPECT_NE(card.find("id=\"trend-attendance\""), std::string::npos);
    EXPECT_NE(card.find("<img src=\"data:image/svg+xml;base64,"), std::string::npos);
    EXPECT_NE(page("public/en/district.html").find("id=\"compare-chronic\""), std::string::npos);

    const Site single = render_site(testing::sample_site(1), EnglishOnly{});
    EXPECT_EQ(single.at(school_path(0)).find("id=\"trend-attendance\""), std::string::npos);
    EXPECT_EQ(single.at("public/en/district.html").find("id=\"trend-chronic\""), std::string::npos);
    EXPECT_NE(single.at("public/en/district.html").find("id=\"compare-chronic\""),
              std::string::npos);
}

TEST(PublicPages, SameInputGivesTheSameBytes) {
    EXPECT_EQ(render_site(testing::sample_site(), EnglishOnly{}), english_site());
}

TEST(PublicPages, AboutPageExplainsTheThresholdsInUse) {
    const std::string& about = page("public/en/about.html");
    EXPECT_NE(about.find("id=\"suppression\""), std::string::npos);
    EXPECT_NE(about.find("fewer than 10 students"), std::string::npos);
    EXPECT_NE(about.find("below 90%"), std::string::npos);
    EXPECT_NE(about.find("missed 10% or more"), std::string::npos);
    EXPECT_NE(about.find("at least 1 suspension or expulsion"), std::string::npos);

    PublicSiteData data = testing::sample_site(1);
    data.indicators.attendance_flag_below_rate = 0.85;
    metrics::SuppressionSettings settings;
    settings.minimum_group_size = 20;
    const TemplateSet templates(k_templates);
    for (const auto& p : render_public_pages(data, templates, EnglishOnly{}, settings))
        if (p.path == "public/en/about.html") {
            EXPECT_NE(p.bytes.find("below 85%"), std::string::npos);
            EXPECT_NE(p.bytes.find("fewer than 20 students"), std::string::npos);
        }
}

TEST(PublicPages, EveryPageIsWellFormedForTidy) {
    if (!std::filesystem::exists("/usr/bin/tidy"))
        GTEST_SKIP() << "tidy is not installed";
    const Site site = render_site(testing::sample_site(), testing::TwoLanguages{});
    homeroom::testing::TempDir dir;
    for (const auto& [path, html] : site) {
        if (!is_html(path))
            continue;
        const auto file = dir / "page.html";
        homeroom::testing::write_file(file, html);
        const auto report = dir / "tidy.txt";
        const std::string command =
            "/usr/bin/tidy -q -e \"" + file.string() + "\" > \"" + report.string() + "\" 2>&1";
        const int status = std::system(command.c_str());
        // tidy exits 0 when clean, 1 with warnings, 2 with errors.
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) <= 1) << path;
        std::istringstream lines(homeroom::testing::read_file(report));
        for (std::string line; std::getline(lines, line);) {
            // tidy 5.8's attribute table predates ARIA 1.1's aria-current, which the shared
            // header uses for the current page and language (WAI-ARIA 1.1, 6.6).
            if (line.find("proprietary attribute \"aria-current\"") != std::string::npos)
                continue;
            ADD_FAILURE() << path << ": " << line;
        }
    }
}

}  // namespace
}  // namespace homeroom::render

namespace homeroom::render {
namespace {

TEST(PublicPages, ADistrictWithoutSchoolsStillHasItsPages) {
    PublicSiteData data;
    data.as_of = *Date::parse("2025-10-03");
    data.district_name = "Empty";
    const Site site = render_site(data, EnglishOnly{});
    EXPECT_TRUE(site.count("public/en/index.html"));
    EXPECT_TRUE(site.count("public/en/district.html"));
    EXPECT_TRUE(site.count("public/en/board-workbook.xlsx"));
    EXPECT_NE(site.at("public/en/index.html").find("No schools yet."), std::string::npos);
}

}  // namespace
}  // namespace homeroom::render
