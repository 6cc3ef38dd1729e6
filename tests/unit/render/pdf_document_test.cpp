#include "render/pdf_document.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "pdf_inspection.h"
#include "temp_dir.h"

using namespace homeroom;
using namespace homeroom::render;
using homeroom::testing::TempDir;

namespace {

const PdfStyles& styles() {
    static const PdfStyles s(std::filesystem::path(HOMEROOM_TEST_DATA) / ".." / ".." / "templates" /
                             "print");
    return s;
}

// The public pages' stylesheets (they are printed from their screen templates, flowing).
const PdfStyles& public_styles() {
    static const PdfStyles s(
        std::filesystem::path(HOMEROOM_TEST_DATA) / ".." / ".." / "templates" / "print",
        {"master.css", "print.css", "public.css"});
    return s;
}

PdfMetadata meta(const std::string& lang = "en") {
    PdfMetadata m;
    m.title = "Test";
    m.language = lang;
    m.created = Date::from_ymd(2025, 3, 14);
    return m;
}

std::string page(const std::string& body, const std::string& dir = "ltr") {
    return "<!DOCTYPE html><html dir=\"" + dir + "\"><body class=\"dir-" + dir +
           "\"><div class=\"page\">" + body + "</div></body></html>";
}

std::filesystem::path write(const TempDir& dir, const std::string& name, const std::string& bytes) {
    const auto p = dir / name;
    homeroom::testing::write_pdf(p, bytes);
    return p;
}

}  // namespace

TEST(PdfDocument, TextInReadingOrderAndFontsEmbedded) {
    TempDir dir;
    const auto p =
        write(dir, "a.pdf",
              html_to_pdf(styles(),
                          page("<h1>Progress report</h1><p>First paragraph.</p>"
                               "<table><tr><th>Course</th><td>Algebra I</td></tr></table>"),
                          meta()));
    const std::string text = homeroom::testing::pdf_text(p);
    const auto a = text.find("Progress report"), b = text.find("First paragraph."),
               c = text.find("Algebra I");
    ASSERT_NE(a, std::string::npos) << text;
    ASSERT_NE(b, std::string::npos) << text;
    ASSERT_NE(c, std::string::npos) << text;
    EXPECT_LT(a, b);
    EXPECT_LT(b, c);
    EXPECT_EQ(homeroom::testing::pdf_pages(p), 1);
    const auto fonts = homeroom::testing::pdf_fonts(p);
    ASSERT_FALSE(fonts.empty());
    for (const auto& f : fonts) EXPECT_TRUE(f.embedded) << f.name;
}

TEST(PdfDocument, OnePdfPagePerPageBox) {
    TempDir dir;
    const std::string html =
        "<html><body><div class=\"page\">one</div><div class=\"page\">two</div>"
        "<div class=\"page\">three</div></body></html>";
    const auto p = write(dir, "p.pdf", html_to_pdf(styles(), html, meta()));
    EXPECT_EQ(homeroom::testing::pdf_pages(p), 3);
    const std::string text = homeroom::testing::pdf_text(p);
    EXPECT_LT(text.find("one"), text.find("two"));
    EXPECT_LT(text.find("two"), text.find("three"));
}

TEST(PdfDocument, SameInputSameBytes) {
    const std::string html = page("<p>Same bytes</p><p>مرحبا بالعالم</p>");
    EXPECT_EQ(html_to_pdf(styles(), html, meta()), html_to_pdf(styles(), html, meta()));
    const std::string pdf = html_to_pdf(styles(), html, meta());
    EXPECT_NE(pdf.find("20250314000000Z"), std::string::npos);
}

std::vector<std::string> texts(const std::vector<homeroom::testing::PdfWordBox>& words) {
    std::vector<std::string> out;
    for (const auto& w : words) out.push_back(w.text);
    return out;
}

double line_y(const std::filesystem::path& p, const std::string& glyph) {
    for (const auto& w : homeroom::testing::pdf_words(p))
        if (w.text == glyph)
            return w.y_min;
    return -100;
}

TEST(PdfDocument, ArabicReadsRightToLeft) {
    TempDir dir;
    const auto p =
        write(dir, "ar.pdf",
              html_to_pdf(styles(), page("<p>الأول الثاني الثالث</p>", "rtl"), meta("ar")));
    const auto words = homeroom::testing::pdf_words_right_to_left(p, line_y(p, "ي"));
    EXPECT_EQ(texts(words), (std::vector<std::string>{"الأول", "الثاني", "الثالث"}));
    // Right-aligned: the first word ends at the right margin (612 pt − 36 pt).
    ASSERT_FALSE(words.empty());
    EXPECT_NEAR(words.front().x_max, 576, 2);
    // And pdftotext's own reading order agrees.
    EXPECT_NE(homeroom::testing::pdf_text(p).find("الثاني الثالث"), std::string::npos);
}

TEST(PdfDocument, LatinInsideArabicKeepsItsOrder) {
    TempDir dir;
    const auto p =
        write(dir, "mix.pdf",
              html_to_pdf(styles(), page("<p>الطالب Maya Perez في الصف</p>", "rtl"), meta("ar")));
    // Right to left: the student, then the name (read left to right inside), then "in the class".
    const auto words = homeroom::testing::pdf_words_right_to_left(p, line_y(p, "ط"));
    EXPECT_EQ(texts(words), (std::vector<std::string>{"الطالب", "Perez", "Maya", "في", "الصف"}));
}

TEST(PdfDocument, IsolatedDataKeepsItsOrderInsideArabic) {
    TempDir dir;
    // An address in <bdi> inside an Arabic line: "12" stays before "Maple", as in a browser.
    const auto p =
        write(dir, "bdi.pdf",
              html_to_pdf(styles(), page("<p>العنوان <bdi>12 Maple St</bdi> هنا</p>", "rtl"),
                          meta("ar")));
    const auto words = homeroom::testing::pdf_words_right_to_left(p, line_y(p, "ع"));
    EXPECT_EQ(texts(words), (std::vector<std::string>{"العنوان", "St", "Maple", "12", "هنا"}));
}

TEST(PdfDocument, ArabicTableColumnsRunRightToLeft) {
    TempDir dir;
    const auto p = write(
        dir, "t.pdf",
        html_to_pdf(styles(), page("<table><tr><th>المادة</th><td>B+</td></tr></table>", "rtl"),
                    meta("ar")));
    double subject = -1, mark = -1;
    for (const auto& w : homeroom::testing::pdf_words(p)) {
        if (w.text == "B+")
            mark = w.x_min;
        if (w.text == "م")
            subject = w.x_min;
    }
    ASSERT_GE(mark, 0);
    EXPECT_GT(subject, mark);  // the first column is on the right
}

TEST(PdfDocument, HostileTextIsText) {
    TempDir dir;
    // What escaping leaves of hostile data: entities for markup, and control characters.
    const auto p = write(dir, "h.pdf",
                         html_to_pdf(styles(),
                                     page("<p>&lt;script&gt;alert(1)&lt;/script&gt; "
                                          "&lt;b&gt;bold&lt;/b&gt; a\x07z</p>"),
                                     meta()));
    const std::string text = homeroom::testing::pdf_text(p);
    EXPECT_NE(text.find("<script>alert(1)</script>"), std::string::npos) << text;
    EXPECT_NE(text.find("<b>bold</b>"), std::string::npos) << text;
}

TEST(PdfDocument, LongWordsWrapInsideThePage) {
    TempDir dir;
    std::string long_text;
    for (int i = 0; i < 60; ++i) long_text += "Wrapping ";
    const auto p =
        write(dir, "w.pdf", html_to_pdf(styles(), page("<p>" + long_text + "</p>"), meta()));
    for (const auto& w : homeroom::testing::pdf_words(p)) EXPECT_LT(w.x_min, 612 - 36) << w.text;
}

TEST(PdfDocument, BatchAppendsDocumentsAndBlankPages) {
    TempDir dir;
    PdfWriter writer(styles(), meta());
    EXPECT_EQ(writer.append(page("first report")), 1);
    writer.blank_page();
    EXPECT_EQ(writer.append(page("second report")), 1);
    EXPECT_EQ(writer.pages(), 3);
    const auto p = write(dir, "b.pdf", writer.finish());
    EXPECT_EQ(homeroom::testing::pdf_pages(p), 3);
}

TEST(PdfDocument, SvgImageDrawnAsVectors) {
    TempDir dir;
    // A red square as an embedded SVG image.
    const std::string svg =
        "PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSI1MCIgaGVpZ2h0PSI1MCI+"
        "PHJlY3Qgd2lkdGg9IjUwIiBoZWlnaHQ9IjUwIiBmaWxsPSJyZWQiLz48L3N2Zz4=";
    const std::string pdf = html_to_pdf(
        styles(),
        page("<img src=\"data:image/svg+xml;base64," + svg + "\" width=\"50\" height=\"50\">"),
        meta());
    // Vectors, not a raster image.
    EXPECT_EQ(pdf.find("/Subtype /Image"), std::string::npos);
    const auto p = write(dir, "i.pdf", pdf);
    EXPECT_EQ(homeroom::testing::pdf_pages(p), 1);
}

TEST(PdfDocument, PaperSizes) {
    EXPECT_EQ(parse_paper("A4"), Paper::a4);
    EXPECT_EQ(parse_paper("letter"), Paper::letter);
    EXPECT_THROW(parse_paper("legal"), std::exception);
    TempDir dir;
    PdfMetadata m = meta();
    m.paper = Paper::a4;
    const auto p = write(dir, "a4.pdf",
                         html_to_pdf(styles(),
                                     "<html><body class=\"paper-a4\"><div class=\"page\">A4</div>"
                                     "</body></html>",
                                     m));
    const std::string info = homeroom::testing::capture_output("pdfinfo " + p.string());
    EXPECT_NE(info.find("595"), std::string::npos) << info;
}

namespace {

// A flowing document (no `.page` boxes), as the public report cards are printed.
std::string flowing(const std::string& body) {
    return "<!DOCTYPE html><html dir=\"ltr\"><body>" + body + "</body></html>";
}

int count(const std::string& text, const std::string& what) {
    int n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// A table of `rows` rows two lines high each ("Row N" over "line two N"), under a header row.
std::string long_table(int rows) {
    std::string html =
        "<table><caption>Figures by group</caption><thead><tr><th>Group heading</th>"
        "<th>Share</th></tr></thead><tbody>";
    for (int i = 1; i <= rows; ++i)
        html += "<tr><th>Row " + std::to_string(i) + "<br>line two " + std::to_string(i) +
                "</th><td><a class=\"suppressed\" href=\"#s\">*</a></td></tr>";
    return html + "</tbody></table>";
}

}  // namespace

TEST(PdfDocument, FlowingTableRowsMoveWholeToTheNextPageUnderTheirHeader) {
    TempDir dir;
    const int rows = 60;
    const auto p = write(dir, "rows.pdf",
                         html_to_pdf(public_styles(),
                                     flowing("<h2>Enrollment</h2><p>Lead in.</p>" +
                                             long_table(rows) + "<p>After the table.</p>"),
                                     meta()));
    const int pages = homeroom::testing::pdf_pages(p);
    ASSERT_GE(pages, 2);
    std::vector<std::string> page_texts(1);
    for (int page = 1; page <= pages; ++page)
        page_texts.push_back(homeroom::testing::pdf_page_text(p, page));
    std::vector<std::string> split;
    for (int i = 1; i <= rows; ++i) {
        // Both lines of a row on one page, and the row on exactly one page (a row cut by the page
        // break used to be drawn on both, its second half without its "*" cell).
        int on_pages = 0;
        for (int page = 1; page <= pages; ++page) {
            const std::string& text = page_texts[page];
            const bool first = text.find("Row " + std::to_string(i) + " ") != std::string::npos,
                       second =
                           text.find("line two " + std::to_string(i) + "\n") != std::string::npos;
            if (first != second)
                split.push_back("row " + std::to_string(i) + " on page " + std::to_string(page));
            if (first || second)
                ++on_pages;
        }
        if (on_pages != 1)
            split.push_back("row " + std::to_string(i) + " on " + std::to_string(on_pages) +
                            " pages");
    }
    EXPECT_TRUE(split.empty()) << ::testing::PrintToString(split);
    EXPECT_TRUE(homeroom::testing::pdf_words_in_margins(p).empty())
        << ::testing::PrintToString(homeroom::testing::pdf_words_in_margins(p));
    // Every "*" cell is in the text, once.
    const std::string all = homeroom::testing::pdf_text(p);
    EXPECT_EQ(count(all, "*"), rows);
    // Each page the table continues on starts with its header row.
    for (int page = 2; page <= pages; ++page) {
        const std::string& text = page_texts[page];
        if (text.find("Row ") == std::string::npos)
            continue;
        EXPECT_LT(text.find("Group heading"), text.find("Row ")) << "page " << page << ":\n"
                                                                 << text;
    }
    EXPECT_EQ(count(all, "Group heading"), pages);
    EXPECT_EQ(count(all, "Figures by group"), 1);  // the caption is not repeated
}

namespace {

// An SVG as the data URI the templates use.
std::string svg_uri(const std::string& svg) {
    static const char* b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string encoded;
    for (std::size_t i = 0; i < svg.size(); i += 3) {
        const unsigned n = (static_cast<unsigned char>(svg[i]) << 16) |
                           (i + 1 < svg.size() ? static_cast<unsigned char>(svg[i + 1]) << 8 : 0) |
                           (i + 2 < svg.size() ? static_cast<unsigned char>(svg[i + 2]) : 0);
        encoded += b64[(n >> 18) & 63];
        encoded += b64[(n >> 12) & 63];
        encoded += i + 1 < svg.size() ? b64[(n >> 6) & 63] : '=';
        encoded += i + 2 < svg.size() ? b64[n & 63] : '=';
    }
    return "data:image/svg+xml;base64," + encoded;
}

}  // namespace

TEST(PdfDocument, FlowingHeadingAndCaptionStayWithWhatFollows) {
    TempDir dir;
    // A chart (an SVG with a text label) 300 px high, its caption where the first page ends.
    const std::string svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"300\">"
        "<text x=\"10\" y=\"150\" font-size=\"20\">Chartlabel</text></svg>";
    const std::string figure =
        "<h3>Over time</h3><figure class=\"chart\"><figcaption>Captiontext</figcaption>"
        "<img src=\"" +
        svg_uri(svg) + "\" width=\"400\" height=\"300\"></figure>";
    // The page body is 960 px (Letter inside half-inch margins); the spacer leaves ~80 px.
    const auto p =
        write(dir, "fig.pdf",
              html_to_pdf(public_styles(), flowing("<div style=\"height: 860px\"></div>" + figure),
                          meta()));
    ASSERT_EQ(homeroom::testing::pdf_pages(p), 2);
    const std::string second = homeroom::testing::pdf_page_text(p, 2);
    EXPECT_NE(second.find("Over time"), std::string::npos) << second;
    EXPECT_NE(second.find("Captiontext"), std::string::npos) << second;
    EXPECT_NE(second.find("Chartlabel"), std::string::npos) << second;
    EXPECT_EQ(homeroom::testing::pdf_page_text(p, 1).find("Captiontext"), std::string::npos);
}

namespace {

// Whether some installed font has code point `c` (fontconfig, as pango's fallback sees fonts).
bool some_font_has(char32_t c) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "%x", static_cast<unsigned>(c));
    return !homeroom::testing::capture_output(std::string("fc-list ':charset=") + hex + "' family")
                .empty();
}

}  // namespace

TEST(PdfDocument, CharactersNoFontHasAreReportedOncePerPageAndCodePoint) {
    // 李 U+674E and 王 U+738B: CJK, which fonts-noto-core does not cover.
    if (some_font_has(0x674E) || some_font_has(0x738B))
        GTEST_SKIP() << "a CJK font is installed here: nothing would print as a box";
    const std::string html =
        "<html><body><div class=\"page\"><p>Student 李 Wei</p><p>李王 and 李 again</p></div>"
        "<div class=\"page\"><p>Nothing missing here</p></div>"
        "<div class=\"page\"><p>王</p></div></body></html>";
    std::vector<MissingGlyphs> missing;
    const std::string pdf = html_to_pdf(styles(), html, meta(), &missing);
    ASSERT_EQ(missing.size(), 2u);
    EXPECT_EQ(missing[0].page, 1);
    EXPECT_EQ(missing[0].code_points, (std::vector<char32_t>{0x674E, 0x738B}));
    EXPECT_EQ(missing[1].page, 3);
    EXPECT_EQ(missing[1].code_points, (std::vector<char32_t>{0x738B}));
    EXPECT_EQ(code_point_name(0x738B), "U+738B");
    EXPECT_EQ(code_point_name(0x1F600), "U+1F600");
    // Characters a font has are not reported, Arabic included.
    std::vector<MissingGlyphs> none;
    html_to_pdf(styles(), page("<p>José García مرحبا</p>"), meta(), &none);
    EXPECT_TRUE(none.empty());
}

TEST(PdfDocument, CharactersNoFontHasInAnSvgLabelAreReportedToo) {
    if (some_font_has(0x674E) || some_font_has(0x738B))
        GTEST_SKIP() << "a CJK font is installed here: nothing would print as a box";
    // A circle: outside the project's chart subset, so librsvg draws it, labels and all.
    const std::string svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\">"
        "<circle cx=\"20\" cy=\"20\" r=\"10\"/><text x=\"10\" y=\"60\">Cass 王 "
        "<tspan>&#x674E;</tspan> &amp; co</text></svg>";
    const std::string html =
        "<html><body><div class=\"page\"><p>No chart here</p></div><div class=\"page\">"
        "<img src=\"" +
        svg_uri(svg) + "\" width=\"200\" height=\"100\"></div></body></html>";
    std::vector<MissingGlyphs> missing;
    html_to_pdf(styles(), html, meta(), &missing);
    ASSERT_EQ(missing.size(), 1u);
    EXPECT_EQ(missing[0].page, 2);
    EXPECT_EQ(missing[0].code_points, (std::vector<char32_t>{0x674E, 0x738B}));
}
