// The build's warnings about characters no installed font has (render::MissingGlyphs), collected
// from every PDF on every thread and put in file, page and code point order (docs/pdf.md).
#pragma once

#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "render/pdf_document.h"

namespace homeroom::site {

class GlyphWarnings {
  public:
    explicit GlyphWarnings(std::filesystem::path out_dir) : m_out_dir(std::move(out_dir)) {}
    // The missing glyphs of the PDF at `path` (relative to the site folder), from the `from`th
    // on. `label`: who its pages are about, by id (" (student 1002)"), never by name; empty for
    // a public PDF, whose path says all there is. Any thread.
    void add(const std::string& path, const std::vector<render::MissingGlyphs>& missing,
             const std::string& label, std::size_t from = 0);
    // One line per file, page and code point, in that order:
    // "DIR/FILE: page N (student ID): U+674E cannot be drawn: ...". A private file is shown
    // without its token ("DIR/private/students/<token>.en.pdf"): its name is what guards it.
    std::vector<std::string> lines();

  private:
    struct Found {
        std::string path;
        int page;
        char32_t code_point;
        std::string label;
    };
    std::filesystem::path m_out_dir;
    std::mutex m_mutex;
    std::vector<Found> m_found;
};

}  // namespace homeroom::site
