// `homeroom build --pdf` on the small fixture with a hostile student and a 20-course student
// added: every PDF where it belongs, readable (pdftotext), fonts embedded (pdffonts), nothing
// about a student in a public PDF, hostile text as text, and the same bytes on a second build.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "pdf_inspection.h"
#include "run_command.h"

namespace homeroom {
namespace {

namespace fs = std::filesystem;
using testing::read_file;
using testing::run_homeroom;
using testing::TempDir;
using testing::write_file;

const std::string k_hostile_first = "<script>alert(1)</script>";
const std::string k_rlo = "\xE2\x80\xAE";  // U+202E RIGHT-TO-LEFT OVERRIDE
const std::string k_cjk_first = "李";      // U+674E
const std::string k_cjk_school = "王";     // U+738B

class PdfBuild : public ::testing::Test {
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
        // A hostile student in grade 3 of S1, reached by post only (no e-mail).
        write_file(bundle / "students.csv",
                   read_file(bundle / "students.csv") + "3001,S1,\"" + k_hostile_first +
                       "\",,\"O\"\"Hara & " + k_rlo +
                       "Sons\",,2016-04-04,3,F,white,N,N,N,en,2025-08-25,,3A,\n" +
                       // 18+ and has not consented: a parent may not be mailed the report.
                       "3002,S1,Adult,,Learner,,2006-01-02,12,M,white,N,N,N,en,2025-08-25,,12A,\n" +
                       // A CJK first name: fonts-noto-core has no CJK, so no font can draw it.
                       "3003,S1," + k_cjk_first +
                       ",,Chen,,2016-05-05,3,F,asian,N,N,N,en,"
                       "2025-08-25,,3A,\n");
        // And a CJK character in a school's address, which its public report card prints.
        const std::string schools = read_file(bundle / "schools.csv");
        const auto cass = schools.find("2501 2nd Ave");
        write_file(bundle / "schools.csv", schools.substr(0, cass) + "2501 2nd Ave " +
                                               k_cjk_school + schools.substr(cass + 12));
        write_file(bundle / "contacts.csv",
                   read_file(bundle / "contacts.csv") +
                       "C9,Post,Only,,,en,none,N,N,N,N,9 Mail Rd,Detroit,MI,48209\n"
                       "C10,Parent,Ofadult,,,en,none,N,N,N,N,10 Privacy Ln,Detroit,MI,48210\n"
                       "C11,Huda,Window,,,ar,none,N,N,N,N,11 Window Way,Detroit,MI,48211\n");
        write_file(bundle / "student_contacts.csv",
                   read_file(bundle / "student_contacts.csv") +
                       "3001,C9,mother,Y,Y,N,\n3002,C10,father,Y,Y,N,\n1002,C11,guardian,Y,N,N,\n");
        write_file(*s_dir / "h.ini",
                   "[site]\nsecret = test-secret\ndistrict_name = Test District\n");
        const std::string db = (*s_dir / "h.db").string();
        auto r = run_homeroom({"--db", db, "import", bundle.string(), "--as-of", "2026-01-16"});
        if (r.exit_code != 0) {
            ADD_FAILURE() << r.err;
            return;
        }
        r = run_homeroom({"--config", (*s_dir / "h.ini").string(), "--db", db, "build", "--pdf",
                          "--out", (*s_dir / "site").string()},
                         HOMEROOM_SOURCE_DIR);
        if (r.exit_code != 0) {
            ADD_FAILURE() << r.err;
            return;
        }
        s_build_output = new std::string(r.out);
        s_build_errors = new std::string(r.err);
    }
    static void TearDownTestSuite() {
        delete s_dir;
        delete s_build_output;
        delete s_build_errors;
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
    static std::string* s_build_errors;
};

TempDir* PdfBuild::s_dir = nullptr;
std::string* PdfBuild::s_build_output = nullptr;
std::string* PdfBuild::s_build_errors = nullptr;

TEST_F(PdfBuild, EveryStudentPageHasItsPdfBesideIt) {
    const auto pages = files("private/students", ".html");
    ASSERT_FALSE(pages.empty());
    for (const auto& page : pages) {
        auto pdf = page;
        pdf.replace_extension(".pdf");
        ASSERT_TRUE(fs::exists(pdf)) << pdf;
        EXPECT_GE(testing::pdf_pages(pdf), 1) << pdf;
    }
    EXPECT_EQ(files("private/students", ".pdf").size(), pages.size());
    EXPECT_NE(s_build_output->find("PDFs: "), std::string::npos) << *s_build_output;
}

TEST_F(PdfBuild, StudentPdfReadsInOrderWithEveryFontEmbedded) {
    bool found = false;
    for (const auto& pdf : files("private/students", ".pdf")) {
        const std::string text = testing::pdf_text(pdf);
        for (const auto& f : testing::pdf_fonts(pdf))
            EXPECT_TRUE(f.embedded) << f.name << " in " << pdf;
        if (!pdf.string().ends_with(".en.pdf") || text.find("Maryam") == std::string::npos)
            continue;
        found = true;
        const auto name = text.find("Maryam Al-Sayed"), progress = text.find("Progress report"),
                   courses = text.find("Courses and marks"),
                   behavior = text.find("No incidents this school year");
        ASSERT_NE(progress, std::string::npos) << text;
        ASSERT_NE(courses, std::string::npos) << text;
        ASSERT_NE(behavior, std::string::npos) << text;
        EXPECT_LT(name, progress);
        EXPECT_LT(progress, courses);
        EXPECT_LT(courses, behavior);
        EXPECT_NE(text.find("Reading and Writing 3"), std::string::npos) << text;
    }
    EXPECT_TRUE(found);
}

TEST_F(PdfBuild, ArabicPdfReadsRightToLeft) {
    bool found = false;
    for (const auto& pdf : files("private/students", ".pdf")) {
        if (!pdf.string().ends_with(".ar.pdf"))
            continue;
        found = true;
        const std::string text = testing::pdf_text(pdf);
        // "Progress report" in Arabic, in reading order as poppler reconstructs it.
        EXPECT_NE(text.find("تقرير التقدم الدراسي"), std::string::npos) << text;
        // The page number label sits at the left edge and the district name at the right.
        double district = -1;
        for (const auto& w : testing::pdf_words(pdf))
            if (w.text == "District")
                district = w.x_min;
        EXPECT_GT(district, 612 / 2.0);
    }
    EXPECT_TRUE(found);
}

TEST_F(PdfBuild, HostileNamesAreText) {
    bool found = false;
    for (const auto& pdf : files("private/students", ".pdf")) {
        const std::string text = testing::pdf_text(pdf);
        if (text.find("alert(1)") == std::string::npos)
            continue;
        found = true;
        EXPECT_NE(text.find(k_hostile_first), std::string::npos) << text;
        EXPECT_NE(text.find("O\"Hara & Sons"), std::string::npos) << text;
        EXPECT_EQ(text.find(k_rlo), std::string::npos) << text;
    }
    EXPECT_TRUE(found);
}

TEST_F(PdfBuild, PublicReportCardsAndSummaryArePdfsWithoutStudents) {
    const auto pdfs = files("public", ".pdf");
    std::set<std::string> names;
    for (const auto& p : pdfs) names.insert(fs::relative(p, *s_dir / "site").generic_string());
    for (const char* lang : {"en", "es", "ar"}) {
        EXPECT_TRUE(names.count(std::string("public/") + lang + "/district.pdf")) << lang;
        EXPECT_TRUE(names.count(std::string("public/") + lang + "/schools/s1.pdf")) << lang;
    }
    for (const auto& p : pdfs) {
        const std::string text = testing::pdf_text(p);
        for (const char* secret : {"José", "García", "Maryam", "Al-Sayed", "Keisha", "alert(1)",
                                   "Post Only", "9 Mail Rd"})
            EXPECT_EQ(text.find(secret), std::string::npos) << secret << " in " << p;
        for (const auto& f : testing::pdf_fonts(p))
            EXPECT_TRUE(f.embedded) << f.name << " in " << p;
    }
    const std::string card =
        testing::pdf_text(*s_dir / "site" / "public" / "en" / "schools" / "s1.pdf");
    EXPECT_NE(card.find("SCHOOL REPORT CARD"), std::string::npos) << card;
    EXPECT_LT(card.find("Maple Elementary"), card.find("Enrollment and demographics"));
}

// The words of a text, split at white space.
std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

// The rows of the tables a public page prints (not those in <details>, which print hides), each
// as the words of its cells: label, then figures.
std::vector<std::vector<std::string>> printed_table_rows(std::string html) {
    for (auto at = html.find("<details"); at != std::string::npos; at = html.find("<details")) {
        const auto end = html.find("</details>", at);
        html.erase(at, end == std::string::npos ? std::string::npos : end + 10 - at);
    }
    std::vector<std::vector<std::string>> rows;
    const std::regex row("<tr[^>]*><th scope=\"row\">.*?</tr>");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), row);
         it != std::sregex_iterator(); ++it) {
        std::string text = std::regex_replace(it->str(), std::regex("<[^>]*>"), " ");
        for (const auto& [entity, ch] : std::vector<std::pair<std::string, std::string>>{
                 {"&#39;", "'"},
                 {"&quot;", "\""},
                 {"&lt;", "<"},
                 {"&gt;", ">"},
                 {"&amp;", "&"},
                 {"\xC2\xA0", " "},
                 {"\xE2\x80\xAF", " "}})  // and no-break spaces
            for (auto at = text.find(entity); at != std::string::npos; at = text.find(entity))
                text.replace(at, entity.size(), ch);
        rows.push_back(words_of(text));
    }
    return rows;
}

// The rows of the tables of a public PDF (English or Spanish) that its text does not show whole
// on one page, exactly as often as the page beside it has them; adds the rows to `rows_checked`.
std::vector<std::string> split_rows(const fs::path& pdf, int& rows_checked) {
    // Every printed row is on one page, with all its cells ("*" ones included), and only
    // once: a row cut by a page break was drawn on both pages. A row is one line, or up to
    // three when its label wraps (then the figures sit on its first line): its characters,
    // in any order, are those of one to three lines in a row (spaces aside: pdftotext may
    // join "6 %" into "6%").
    auto html = pdf;
    html.replace_extension(".html");
    const auto rows = printed_table_rows(read_file(html));
    const auto key = [](const std::vector<std::string>& words) {
        std::string k;
        for (const auto& w : words) k += w;
        std::sort(k.begin(), k.end());
        return k;
    };
    std::map<std::string, int> expected, found;
    std::map<std::string, std::string> shown;
    for (const auto& r : rows) {
        ++expected[key(r)];
        shown[key(r)] = ::testing::PrintToString(r);
    }
    const int pages = testing::pdf_pages(pdf);
    for (int page = 1; page <= pages; ++page) {
        std::istringstream text(testing::pdf_page_text(pdf, page));
        std::vector<std::vector<std::string>> lines;
        for (std::string line; std::getline(text, line);) lines.push_back(words_of(line));
        for (std::size_t i = 0; i < lines.size(); ++i) {
            std::vector<std::string> words;
            for (std::size_t k = 0; k < 3 && i + k < lines.size(); ++k) {
                words.insert(words.end(), lines[i + k].begin(), lines[i + k].end());
                if (expected.count(key(words))) {
                    ++found[key(words)];
                    i += k;
                    break;
                }
            }
        }
    }
    std::vector<std::string> split;
    for (const auto& [r, n] : expected)
        if (found[r] != n)
            split.push_back(shown[r] + " printed whole " + std::to_string(found[r]) +
                            " times, in the page " + std::to_string(n));
    rows_checked += static_cast<int>(rows.size());
    return split;
}

TEST_F(PdfBuild, PublicPdfTableRowsAreNeverSplitAcrossPages) {
    int checked = 0;
    for (const auto& pdf : files("public", ".pdf")) {
        // Nothing drawn in a page's top or bottom margin: no row or line cut by a page break.
        const auto cut = testing::pdf_words_in_margins(pdf);
        EXPECT_TRUE(cut.empty()) << pdf << ": " << ::testing::PrintToString(cut);
        const std::string lang = fs::relative(pdf, *s_dir / "site" / "public").begin()->string();
        if (lang == "ar")
            continue;  // pdftotext gives Arabic lines glyph by glyph (see pdf_inspection.h)
        const auto split = split_rows(pdf, checked);
        EXPECT_TRUE(split.empty())
            << pdf << ": " << split.size() << " split rows " << ::testing::PrintToString(split);
    }
    EXPECT_GT(checked, 100);
}

// The warning lines of the build, each without its "warning: ".
std::vector<std::string> warning_lines(const std::string& err) {
    std::vector<std::string> out;
    std::istringstream in(err);
    for (std::string line; std::getline(in, line);)
        if (line.rfind("warning: ", 0) == 0)
            out.push_back(line.substr(9));
    return out;
}

TEST_F(PdfBuild, CharactersNoFontCanDrawAreWarningsNamingThePage) {
    const auto warnings = warning_lines(*s_build_errors);
    // Each once per file, page and code point.
    EXPECT_EQ(std::set<std::string>(warnings.begin(), warnings.end()).size(), warnings.size())
        << *s_build_errors;
    const std::string site = (*s_dir / "site").string();
    // The CJK student's own report, named by its file, page and student id.
    const std::regex student(site +
                             "/private/students/<token>\\.en\\.pdf: page 1 "
                             "\\(student 3003\\): U\\+674E cannot be drawn: no installed font has "
                             "it, so it prints as a box .*");
    // A private file's token is what guards it: never in a log.
    EXPECT_FALSE(std::regex_search(
        *s_build_errors, std::regex("private/(students/[a-z0-9]{2}/|print/)[a-z0-9]{20}")))
        << *s_build_errors;
    // The school's public report card in English, by its path only.
    const std::string card = site + "/public/en/schools/s2.pdf: page 1: U+738B cannot be drawn";
    int student_pages = 0, cards = 0;
    for (const auto& w : warnings) {
        if (std::regex_match(w, student))
            ++student_pages;
        if (w.rfind(card, 0) == 0)
            ++cards;
        // Never the student's name, nor the character itself.
        EXPECT_EQ(w.find("Chen"), std::string::npos) << w;
        EXPECT_EQ(w.find(k_cjk_first), std::string::npos) << w;
        if (w.find("/public/") != std::string::npos) {
            EXPECT_EQ(w.find("student"), std::string::npos) << w;
        }
    }
    EXPECT_EQ(student_pages, 1) << *s_build_errors;
    EXPECT_EQ(cards, 1) << *s_build_errors;
    // No one else's report is named.
    for (const auto& w : warnings)
        if (w.find("/private/students/") != std::string::npos) {
            EXPECT_TRUE(w.find("(student 3003)") != std::string::npos ||
                        w.find("U+738B") != std::string::npos)
                << w;
        }
    EXPECT_NE(s_build_output->find(std::to_string(warnings.size()) +
                                   " warnings: characters no installed font can draw"),
              std::string::npos)
        << *s_build_output;
}

TEST_F(PdfBuild, PrintBatchHoldsTheMailedReportsOnFreshSheets) {
    // Two families have no e-mail: C3 (school S2) and C9 (S1); one batch per school.
    const auto batches = files("private/print", ".pdf");
    ASSERT_EQ(batches.size(), 2u);
    int mailed = 0;
    for (const auto& batch : batches) {
        const std::string text = testing::pdf_text(batch);
        EXPECT_EQ(batch.stem().string().size(), 26u) << batch;  // an opaque token
        if (text.find("9 Mail Rd") == std::string::npos)
            continue;
        ++mailed;
        EXPECT_NE(text.find("Post Only"), std::string::npos) << text;
        EXPECT_NE(text.find("alert(1)"), std::string::npos) << text;
        // Every report starts on an odd page: the batch has an even number of pages or the
        // last report ends on an odd one.
        EXPECT_GE(testing::pdf_pages(batch), 1);
    }
    EXPECT_EQ(mailed, 1);
    // An Arabic copy is laid out right to left, but its address still sits in the window of a
    // #10 envelope: 7/8 in to 5 3/8 in from the left edge (63 to 387 pt).
    bool arabic_address = false;
    for (const auto& batch : batches)
        for (const auto& w : testing::pdf_words(batch))
            if (w.text == "Window") {
                arabic_address = true;
                EXPECT_GE(w.x_min, 63.0) << batch;
                EXPECT_LE(w.x_max, 387.0) << batch;
            }
    EXPECT_TRUE(arabic_address);
    // FERPA's 18+ rule holds on paper too: no batch carries the adult student's report.
    for (const auto& batch : batches) {
        const std::string text = testing::pdf_text(batch);
        EXPECT_EQ(text.find("10 Privacy Ln"), std::string::npos) << batch;
        EXPECT_EQ(text.find("Learner"), std::string::npos) << batch;
    }
}

TEST_F(PdfBuild, ASecondBuildWritesTheSameBytes) {
    const std::string db = (*s_dir / "h.db").string();
    const auto r = run_homeroom({"--config", (*s_dir / "h.ini").string(), "--db", db, "build",
                                 "--pdf", "--out", (*s_dir / "site").string()},
                                HOMEROOM_SOURCE_DIR);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find(" 0 written"), std::string::npos) << r.out;
}

TEST_F(PdfBuild, A4FromTheConfiguration) {
    TempDir out;
    write_file(out / "a4.ini", "[site]\nsecret = test-secret\n[pdf]\npaper = a4\n");
    const auto r =
        run_homeroom({"--config", (out / "a4.ini").string(), "--db", (*s_dir / "h.db").string(),
                      "build", "--pdf", "--out", (out / "site").string()},
                     HOMEROOM_SOURCE_DIR);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto info = testing::capture_output(
        "pdfinfo " + testing::pdf_quote(out / "site" / "public" / "en" / "district.pdf"));
    EXPECT_NE(info.find("595.5 x 842.25"), std::string::npos) << info;
}

// A sample district as the audit built it (real figures, most cells shown, trend charts from
// three snapshots), smaller: its public PDFs, read back with pdftotext.
class PdfSampleDistrict : public ::testing::Test {
  protected:
    void SetUp() override {
        if (s_dir == nullptr)
            prepare();
        ASSERT_TRUE(s_built) << "the suite's sample district did not build (see above)";
    }
    static void prepare() {
        s_dir = new TempDir();
        const std::string db = (*s_dir / "s.db").string();
        for (const char* as_of : {"2026-02-13", "2026-04-10", "2026-06-12"}) {
            const auto bundle = (*s_dir / as_of).string();
            auto r = run_homeroom({"sample-data", "--students", "240", "--schools", "2", "--seed",
                                   "1", "--as-of", as_of, "--out", bundle});
            if (r.exit_code == 0)
                r = run_homeroom({"--db", db, "import", bundle, "--as-of", as_of});
            if (r.exit_code != 0) {
                ADD_FAILURE() << r.err;
                return;
            }
        }
        const auto r =
            run_homeroom({"--db", db, "build", "--pdf", "--out", (*s_dir / "site").string()},
                         HOMEROOM_SOURCE_DIR);
        if (r.exit_code != 0) {
            ADD_FAILURE() << r.err;
            return;
        }
        s_built = true;
    }
    static void TearDownTestSuite() { delete s_dir; }
    static std::vector<fs::path> public_pdfs() {
        std::vector<fs::path> out;
        for (const auto& e : fs::recursive_directory_iterator(*s_dir / "site" / "public"))
            if (e.is_regular_file() && e.path().extension() == ".pdf")
                out.push_back(e.path());
        std::sort(out.begin(), out.end());
        return out;
    }
    static TempDir* s_dir;
    static bool s_built;
};

TempDir* PdfSampleDistrict::s_dir = nullptr;
bool PdfSampleDistrict::s_built = false;

TEST_F(PdfSampleDistrict, ReportCardRowsMoveWholeToTheNextPage) {
    int checked = 0;
    const auto pdfs = public_pdfs();
    ASSERT_EQ(pdfs.size(), 9u);  // two report cards and the summary, in three languages
    for (const auto& pdf : pdfs) {
        EXPECT_GE(testing::pdf_pages(pdf), 2) << pdf;
        const auto cut = testing::pdf_words_in_margins(pdf);
        EXPECT_TRUE(cut.empty()) << pdf << ": " << ::testing::PrintToString(cut);
        if (pdf.string().find("/public/ar/") != std::string::npos)
            continue;
        const auto split = split_rows(pdf, checked);
        EXPECT_TRUE(split.empty())
            << pdf << ": " << split.size() << " split rows " << ::testing::PrintToString(split);
    }
    EXPECT_GT(checked, 400);
}

// The text of an element's HTML, tags dropped and white space collapsed.
std::string plain_text(const std::string& html) {
    std::string text = std::regex_replace(html, std::regex("<[^>]*>"), " ");
    for (const auto& [entity, ch] : std::vector<std::pair<std::string, std::string>>{
             {"&#39;", "'"},
             {"&quot;", "\""},
             {"&lt;", "<"},
             {"&gt;", ">"},
             {"&amp;", "&"},
             {"\xC2\xA0", " "},
             {"\xE2\x80\xAF", " "}})  // and no-break spaces
        for (auto at = text.find(entity); at != std::string::npos; at = text.find(entity))
            text.replace(at, entity.size(), ch);
    std::string out;
    for (const auto& w : words_of(text)) out += (out.empty() ? "" : " ") + w;
    return out;
}

TEST_F(PdfSampleDistrict, NoCaptionOrHeadingIsLeftAtAPageFoot) {
    int charts = 0;
    for (const auto& pdf : public_pdfs()) {
        if (pdf.string().find("/public/ar/") != std::string::npos)
            continue;
        auto html_path = pdf;
        html_path.replace_extension(".html");
        const std::string html = read_file(html_path);
        // What must not end a page: chart captions, table captions, section headings.
        std::set<std::string> leaders;
        const std::regex leader("<(figcaption|caption|h2|h3)[^>]*>(.*?)</\\1>");
        for (auto it = std::sregex_iterator(html.begin(), html.end(), leader);
             it != std::sregex_iterator(); ++it) {
            leaders.insert(plain_text((*it)[2]));
            if ((*it)[1] == "figcaption")
                ++charts;
        }
        const int pages = testing::pdf_pages(pdf);
        for (int page = 1; page < pages; ++page) {
            std::istringstream text(testing::pdf_page_text(pdf, page));
            std::string last;
            for (std::string line; std::getline(text, line);) {
                const std::string words = plain_text(line);
                if (!words.empty())
                    last = words;
            }
            EXPECT_FALSE(leaders.count(last)) << pdf << " page " << page << " ends with " << last;
        }
    }
    EXPECT_GE(charts, 4);  // the trend charts of the report cards (English and Spanish)
}

}  // namespace
}  // namespace homeroom
