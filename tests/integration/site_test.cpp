// `homeroom build` on a district with hostile names, as a user and an attacker would look at it:
// every page well-formed, untrusted text escaped, nothing about a student in any public file or
// path, and the same bytes on a second build.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "run_command.h"
#include "site/private_token.h"
#include "site/site_builder.h"

namespace homeroom {
namespace {

namespace fs = std::filesystem;
using testing::read_file;
using testing::run_homeroom;
using testing::TempDir;
using testing::write_file;

const std::string k_hostile_first = "<script>alert(1)</script>";
const std::string k_rlo = "\xE2\x80\xAE";  // U+202E RIGHT-TO-LEFT OVERRIDE

class SiteBuild : public ::testing::Test {
  protected:
    // The district is imported and built once, by the first test that runs (not in
    // SetUpTestSuite: gtest turns a failure there into skipped tests, which ctest counts as
    // passing); every test fails if that did.
    void SetUp() override {
        if (s_dir == nullptr)
            prepare();
        ASSERT_NE(s_build_output, nullptr) << "the suite's import or build failed (see above)";
    }
    static void prepare() {
        s_dir = new TempDir();
        const auto bundle = *s_dir / "bundle";
        fs::copy(HOMEROOM_TEST_DATA "/bundle-small", bundle, fs::copy_options::recursive);
        // A hostile student and a hostile school name, added to the valid fixture.
        write_file(bundle / "students.csv",
                   read_file(bundle / "students.csv") + "3001,S1,\"" + k_hostile_first +
                       "\",,\"O\"\"Hara & " + k_rlo +
                       "Sons\",,2016-04-04,3,F,white,N,N,N,en,2025-08-25,,3A,\n");
        write_file(bundle / "schools.csv", read_file(bundle / "schools.csv") +
                                               "S3,\"<b>Bad</b> & \"\"Co\"\"\",middle,,,,,\n");
        write_file(*s_dir / "h.ini",
                   "[site]\nsecret = test-secret\ndistrict_name = Test District\n");
        const std::string db = (*s_dir / "h.db").string();
        auto r = run_homeroom({"--db", db, "import", bundle.string(), "--as-of", "2026-01-16"});
        if (r.exit_code != 0) {
            ADD_FAILURE() << r.err;
            return;
        }
        r = run_homeroom({"--config", (*s_dir / "h.ini").string(), "--db", db, "build", "--out",
                          (*s_dir / "site").string()},
                         HOMEROOM_SOURCE_DIR);
        if (r.exit_code != 0) {
            ADD_FAILURE() << r.err;
            return;
        }
        s_build_output = new std::string(r.out);
    }
    static void TearDownTestSuite() {
        delete s_dir;
        delete s_build_output;
    }

    // `homeroom build` once more, into the suite's site.
    static testing::CommandResult build_again() {
        return run_homeroom(
            {"--config", (*s_dir / "h.ini").string(), "--db", (*s_dir / "h.db").string(), "build",
             "--out", (*s_dir / "site").string()},
            HOMEROOM_SOURCE_DIR);
    }

    static std::vector<fs::path> files(const std::string& tree, const std::string& ext) {
        std::vector<fs::path> out;
        for (const auto& e : fs::recursive_directory_iterator(*s_dir / "site" / tree))
            if (e.is_regular_file() && e.path().extension() == ext)
                out.push_back(e.path());
        std::sort(out.begin(), out.end());
        return out;
    }

    static TempDir* s_dir;
    static std::string* s_build_output;
};
TempDir* SiteBuild::s_dir = nullptr;
std::string* SiteBuild::s_build_output = nullptr;

TEST_F(SiteBuild, ReportsWhatItBuilt) {
    EXPECT_NE(s_build_output->find("built site for 2026-01-16"), std::string::npos)
        << *s_build_output;
    EXPECT_NE(s_build_output->find("(5 students)"), std::string::npos) << *s_build_output;
}

TEST_F(SiteBuild, HostileNamesAreEscapedOnPrivatePages) {
    bool found = false;
    for (const auto& page : files("private", ".html")) {
        const std::string html = read_file(page);
        EXPECT_EQ(html.find("<script>"), std::string::npos) << page;
        EXPECT_EQ(html.find(k_rlo), std::string::npos) << page;
        if (html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos) {
            found = true;
            EXPECT_NE(html.find("O&quot;Hara &amp; Sons"), std::string::npos) << page;
        }
    }
    EXPECT_TRUE(found);
}

TEST_F(SiteBuild, HostileSchoolNamesAreEscapedOnPublicPages) {
    bool found = false;
    for (const auto& page : files("public", ".html")) {
        const std::string html = read_file(page);
        EXPECT_EQ(html.find("<b>Bad</b>"), std::string::npos) << page;
        found |= html.find("&lt;b&gt;Bad&lt;/b&gt; &amp; &quot;Co&quot;") != std::string::npos;
    }
    EXPECT_TRUE(found);
}

TEST_F(SiteBuild, NothingAboutAStudentIsInAnyPublicFileOrPath) {
    // Every student's names and id, and every private token, must be absent from public/.
    std::set<std::string> secrets;
    for (const auto& page : files("private", ".html")) {
        const auto rel = fs::relative(page, *s_dir / "site" / "private").generic_string();
        if (rel.rfind("students/", 0) == 0)
            secrets.insert(page.filename().string().substr(0, 26));
        if (rel.rfind("classes/", 0) == 0)
            secrets.insert(rel.substr(8, 26));
    }
    ASSERT_FALSE(secrets.empty());
    for (const char* s : {"José", "García", "Maryam", "Al-Sayed", "Nguyễn", "Keisha", "O&#39;Brien",
                          "1001", "1002", "2001", "2002", "3001", "alert(1)"})
        secrets.insert(s);
    for (const auto& ext : {".html", ".txt", ".css", ".xlsx"}) {
        for (const auto& file : files("public", ext)) {
            const std::string bytes = read_file(file);
            const std::string path = file.generic_string();
            for (const auto& secret : secrets) {
                EXPECT_EQ(bytes.find(secret), std::string::npos) << secret << " in " << file;
                EXPECT_EQ(path.find(secret), std::string::npos) << secret << " in path " << file;
            }
            EXPECT_EQ(bytes.find("private/"), std::string::npos) << "link to private in " << file;
        }
    }
}

TEST_F(SiteBuild, StudentPagesAreNamedByTokenInFoldersOfItsFirstTwoCharacters) {
    // José García (1001): English, and Spanish for his mother.
    const std::string token = site::private_token("test-secret", "student", "1001");
    const auto folder = *s_dir / "site" / "private" / "students" / token.substr(0, 2);
    EXPECT_TRUE(fs::is_regular_file(folder / (token + ".en.html")));
    EXPECT_TRUE(fs::is_regular_file(folder / (token + ".es.html")));
    EXPECT_EQ(site::student_page_path("test-secret", "1001", "es"),
              "private/students/" + token.substr(0, 2) + "/" + token + ".es.html");
    const std::regex layout("students/([a-z2-7]{2})/\\1[a-z2-7]{24}\\.(en|es|ar)\\.html");
    std::size_t pages = 0;
    for (const auto& page : files("private/students", ".html")) {
        const auto rel = fs::relative(page, *s_dir / "site" / "private").generic_string();
        EXPECT_TRUE(std::regex_match(rel, layout)) << rel;
        ++pages;
    }
    EXPECT_EQ(pages, 7u);  // five students in English, one also in Spanish, one in Arabic
}

TEST_F(SiteBuild, EveryLinkBetweenPagesLeadsToAFile) {
    // Relative href and src values (style sheets, the language switcher, class rosters to
    // student pages, public navigation) must name a file the build wrote.
    const std::regex link("(?:href|src)=\"([^\"#?:]+)[\"#?]");
    std::size_t checked = 0;
    for (const auto& tree : {"public", "private"}) {
        for (const auto& page : files(tree, ".html")) {
            const std::string html = read_file(page);
            for (auto it = std::sregex_iterator(html.begin(), html.end(), link);
                 it != std::sregex_iterator(); ++it) {
                const std::string target = (*it)[1];
                if (target.empty() || target.front() == '/')
                    continue;
                EXPECT_TRUE(fs::exists(page.parent_path() / target)) << target << " from " << page;
                ++checked;
            }
        }
    }
    EXPECT_GT(checked, 100u);
}

TEST_F(SiteBuild, PrivatePagesAskNotToBeIndexed) {
    for (const auto& page : files("private", ".html"))
        EXPECT_NE(read_file(page).find("<meta name=\"robots\" content=\"noindex"),
                  std::string::npos)
            << page;
    EXPECT_EQ(read_file(*s_dir / "site" / "private" / "robots.txt"),
              "User-agent: *\nDisallow: /\n");
}

TEST_F(SiteBuild, EveryPageIsWellFormedForTidy) {
    if (!fs::exists("/usr/bin/tidy"))
        GTEST_SKIP() << "tidy is not installed";
    std::size_t checked = 0;
    for (const auto& tree : {"public", "private"}) {
        for (const auto& page : files(tree, ".html")) {
            const auto r = std::system(("/usr/bin/tidy -q -e " +
                                        testing::shell_quote(page.string()) + " >/dev/null 2>" +
                                        testing::shell_quote((*s_dir / "tidy.txt").string()))
                                           .c_str());
            const std::string report = read_file(*s_dir / "tidy.txt");
            // tidy exits 2 on errors, 1 on warnings only.
            EXPECT_NE(WEXITSTATUS(r), 2) << page << "\n" << report;
            ++checked;
        }
    }
    EXPECT_GT(checked, 10u);
}

TEST_F(SiteBuild, ASecondBuildWritesTheSameBytes) {
    const auto r = build_again();
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find(" 0 written"), std::string::npos) << r.out;
}

TEST_F(SiteBuild, ARebuildRemovesPagesItNoLongerWrites) {
    // A page of a student who has left, one in the layout of an older Homeroom, and a file of
    // the host's own that must stay.
    const auto students = *s_dir / "site" / "private" / "students";
    fs::create_directories(students / "zz");
    write_file(students / "zz" / "zzzzzzzzzzzzzzzzzzzzzzzzzz.en.html", "<p>left in March</p>");
    const std::string old_token(26, 'q');
    fs::create_directories(students / old_token);
    write_file(students / old_token / "en.html", "<p>old layout</p>");
    write_file(*s_dir / "site" / "private" / ".htaccess", "Require valid-user\n");
    const auto kept = files("private", ".html").size() - 2;
    const auto r = build_again();
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find(" 0 written, "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(", 2 out of date removed"), std::string::npos) << r.out;
    EXPECT_FALSE(fs::exists(students / "zz"));
    EXPECT_FALSE(fs::exists(students / old_token));
    EXPECT_EQ(read_file(*s_dir / "site" / "private" / ".htaccess"), "Require valid-user\n");
    EXPECT_EQ(files("private", ".html").size(), kept);
}

TEST_F(SiteBuild, BuildWithoutSnapshotsSaysSo) {
    TempDir dir;
    const auto r = run_homeroom(
        {"--db", (dir / "empty.db").string(), "build", "--out", (dir / "site").string()},
        HOMEROOM_SOURCE_DIR);
    EXPECT_EQ(r.exit_code, 66);
    EXPECT_NE(r.err.find("no snapshot in"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace homeroom
