// The print view model and template: a long report paginates with a repeated table header, and
// hostile text comes out of the PDF as the same literal text.
#include "render/print_pages.h"

#include <gtest/gtest.h>

#include "pdf_inspection.h"
#include "render/pdf_document.h"
#include "render/template_set.h"
#include "temp_dir.h"

using namespace homeroom;
using namespace homeroom::render;
using homeroom::testing::TempDir;

namespace {

const std::filesystem::path k_templates =
    std::filesystem::path(HOMEROOM_TEST_DATA) / ".." / ".." / "templates";

mstch::map report(int courses, const std::string& name = "Maya Perez") {
    mstch::array periods{mstch::map{{"name", std::string("Q1")}},
                         mstch::map{{"name", std::string("Q2")}}};
    mstch::array rows;
    for (int i = 1; i <= courses; ++i) {
        const std::string n = (i < 10 ? "0" : "") + std::to_string(i);
        rows.push_back(mstch::map{
            {"title", "Course " + n + " Advanced Placement Environmental Science and Society"},
            {"teacher", std::string("Ms. Lopez")},
            {"failing", i == 3},
            {"cells", mstch::array{mstch::map{{"text", std::string("B+")}},
                                   mstch::map{{"text", std::string("A-")}}}},
            {"comment", i % 4 == 0 ? std::string("Works hard and helps classmates every day.")
                                   : std::string()},
            {"colspan", std::string("3")}});
    }
    return mstch::map{{"lang", std::string("en")},
                      {"dir", std::string("ltr")},
                      {"title", std::string("Progress report")},
                      {"district_name", std::string("Test District")},
                      {"as_of_line", std::string("Data as of January 16, 2026")},
                      {"student_name", name},
                      {"school_name", std::string("Maple Elementary")},
                      {"grade_text", std::string("Grade 3")},
                      {"as_of_text", std::string("January 16, 2026")},
                      {"periods", periods},
                      {"has_courses", courses > 0},
                      {"courses", rows},
                      {"has_assessments", false},
                      {"assessments", mstch::array{}},
                      {"has_incidents", false},
                      {"incidents", mstch::array{}}};
}

std::filesystem::path render_pdf(const TempDir& dir, mstch::map context,
                                 const PrintOptions& options = {}) {
    static const TemplateSet templates(k_templates);
    static const PdfStyles styles(k_templates / "print");
    const EnglishLocalizer l;
    paginate_student_report(context, options, l);
    const std::string html = templates.render("print/student", context, l);
    PdfMetadata meta{"Progress report", "en", Date::from_ymd(2026, 1, 16), options.paper};
    const auto path = dir / "r.pdf";
    homeroom::testing::write_pdf(path, html_to_pdf(styles, html, meta));
    return path;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST(PrintPages, ShortReportIsOnePage) {
    TempDir dir;
    const auto p = render_pdf(dir, report(3));
    EXPECT_EQ(homeroom::testing::pdf_pages(p), 1);
}

TEST(PrintPages, TwentyCoursesPaginateWithRepeatedHeader) {
    mstch::map c = report(20);
    const EnglishLocalizer l;
    mstch::map copy = c;
    paginate_student_report(copy, {}, l);
    const int pages = boost::get<int>(copy["page_count"]);
    EXPECT_GE(pages, 2);

    TempDir dir;
    const auto p = render_pdf(dir, c);
    EXPECT_EQ(homeroom::testing::pdf_pages(p), pages);
    const std::string text = homeroom::testing::pdf_text(p);
    // Every course, in order, none lost at a page break.
    std::size_t at = 0;
    for (int i = 1; i <= 20; ++i) {
        const std::string n = std::string("Course ") + (i < 10 ? "0" : "") + std::to_string(i);
        const auto found = text.find(n, at);
        ASSERT_NE(found, std::string::npos) << n << "\n" << text;
        at = found;
    }
    // The heading and the table header repeat on the continuation page.
    EXPECT_GE(count(text, "Courses and marks"), 2u);
    EXPECT_NE(text.find("(continued)"), std::string::npos);
    EXPECT_EQ(count(text, "Q1"), count(text, "Courses and marks"));
    EXPECT_NE(text.find("Page 2 / " + std::to_string(pages)), std::string::npos);
}

TEST(PrintPages, NothingIsCutOffAtTheBottomOfAPage) {
    // Every course row drawn must sit above the page footer (no overflow clipped away).
    TempDir dir;
    const auto p = render_pdf(dir, report(40));
    for (const auto& w : homeroom::testing::pdf_words(p)) {
        if (w.text == "Course") {
            EXPECT_LT(w.y_min, 792 - 36 - 20) << "a course row under the footer";
        }
    }
}

TEST(PrintPages, A4PagesAreA4) {
    TempDir dir;
    PrintOptions options;
    options.paper = Paper::a4;
    const auto p = render_pdf(dir, report(20), options);
    const std::string info = homeroom::testing::capture_output("pdfinfo " + p.string());
    EXPECT_NE(info.find("595.5 x 842.25"), std::string::npos) << info;
}

TEST(PrintPages, HostileTextRendersAsText) {
    TempDir dir;
    // Markup, a control character and a right-to-left override in a name.
    const auto p = render_pdf(dir, report(1,
                                          "<script>alert(1)</script> <b>Bold</b> \xE2\x80\xAE"
                                          "evil\x01 O\"Hara & Sons"));
    const std::string text = homeroom::testing::pdf_text(p);
    EXPECT_NE(text.find("<script>alert(1)</script> <b>Bold</b>"), std::string::npos) << text;
    EXPECT_NE(text.find("O\"Hara & Sons"), std::string::npos) << text;
    // The override is dropped by escaping: "evil" still reads left to right.
    EXPECT_NE(text.find("evil"), std::string::npos) << text;
    EXPECT_EQ(text.find("live"), std::string::npos) << text;
}

TEST(PrintPages, MailingAddressOnTheFirstPage) {
    TempDir dir;
    PrintOptions options;
    options.address = MailingAddress{"Test District\nMaple Elementary",
                                     {"Ana Perez", "12 Oak St", "Detroit, MI 48201"}};
    const auto p = render_pdf(dir, report(2), options);
    // A #10 window: 7/8 in from the left, 1/2 in from the bottom of a letter folded in three,
    // so the address sits between about 1.9 and 3.0 inches from the top of the page.
    bool found = false;
    for (const auto& w : homeroom::testing::pdf_words(p))
        if (w.text == "Oak") {
            found = true;
            EXPECT_GT(w.y_min, 1.75 * 72);
            EXPECT_LT(w.y_min, 3.0 * 72);
            EXPECT_GT(w.x_min, 0.75 * 72);
            EXPECT_LT(w.x_min, 1.5 * 72);
        }
    EXPECT_TRUE(found);
}
