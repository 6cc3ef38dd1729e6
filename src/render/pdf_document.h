// HTML → PDF with litehtml 0.6 on cairo PDF surfaces (pdf_container.cpp draws, pdf_bidi.cpp
// reorders right-to-left lines). litehtml has no pagination: a print template lays out fixed-size
// `<div class="page">` boxes and each box becomes one PDF page. No litehtml, cairo or pango type
// appears in this header.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/date.h"

namespace litehtml {
class document;
}

namespace homeroom::render {
namespace pdf {
class Container;
}

enum class Paper { letter, a4 };

// "letter" or "a4" (case-insensitive); throws UsageError otherwise.
Paper parse_paper(const std::string& name);
// The page box in CSS pixels (96 per inch): Letter 816×1056, A4 794×1123.
int paper_width_px(Paper p);
int paper_height_px(Paper p);

struct PdfMetadata {
    std::string title;
    std::string language;  // "en", "ar", ...
    Date created;          // the as-of date: the creation and modification dates (midnight UTC)
    Paper paper = Paper::letter;
};

// The stylesheets of a kind of print document, from templates/print/: master.css (what a
// browser's user agent sheet would give), then print.css (the print templates), then for the
// public pages' screen templates public.css. Read once; each worker thread parses them once into
// its own litehtml context. Fewer rules lay out faster: every selector is tried on every element.
class PdfStyles {
  public:
    explicit PdfStyles(const std::filesystem::path& print_dir,
                       const std::vector<std::string>& sheets = {"master.css", "print.css"});
    PdfStyles(std::string master_css, std::string print_css);
    const std::string& css() const { return m_css; }
    std::size_t generation() const { return m_generation; }

  private:
    std::string m_css;
    std::size_t m_generation;
};

// Characters drawn on a page that no installed font has: the PDF shows a box for each
// (docs/pdf.md, "Fonts"). Pages count from 1 within the PDF.
struct MissingGlyphs {
    int page = 0;
    std::vector<char32_t> code_points;  // ascending
};

// "U+4E2D", "U+1F600".
std::string code_point_name(char32_t c);

// One PDF being written; pages are appended one HTML document at a time (a print batch appends
// many). Not shared between threads; any number may exist on different threads at once.
class PdfWriter {
  public:
    PdfWriter(const PdfStyles& styles, const PdfMetadata& meta);
    ~PdfWriter();
    PdfWriter(const PdfWriter&) = delete;
    PdfWriter& operator=(const PdfWriter&) = delete;

    // Lays out `html` and draws each of its `.page` boxes on a page of its own. A document
    // without `.page` boxes flows over as many sheets as it needs, inside half-inch margins, cut
    // only between whole rows, paragraphs, images and figures, a table's header rows repeated on
    // each sheet it continues on (pdf_flow.h). Returns the number of pages added.
    int append(const std::string& html);
    // An empty page of the size of the last one (so that the next report starts on a fresh sheet).
    void blank_page();
    int pages() const;
    // The pages drawn so far with characters no installed font has, in page order.
    const std::vector<MissingGlyphs>& missing_glyphs() const;
    // Closes the PDF and returns its bytes; the writer is spent afterwards.
    std::string finish();

  private:
    int append_flow(litehtml::document& doc, pdf::Container& container, int width, int height);
    struct Impl;
    std::unique_ptr<Impl> m;
};

// One HTML document as one PDF; `missing`, if given, receives its pages' missing glyphs.
std::string html_to_pdf(const PdfStyles& styles, const std::string& html, const PdfMetadata& meta,
                        std::vector<MissingGlyphs>* missing = nullptr);

}  // namespace homeroom::render
