#include "site/glyph_warnings.h"

#include <algorithm>
#include <tuple>

#include "core/untrusted_text.h"

namespace homeroom::site {

void GlyphWarnings::add(const std::string& path, const std::vector<render::MissingGlyphs>& missing,
                        const std::string& label, std::size_t from) {
    const std::string shown = terminal_text(label);
    std::lock_guard lock(m_mutex);
    for (std::size_t i = from; i < missing.size(); ++i)
        for (char32_t c : missing[i].code_points)
            m_found.push_back(Found{path, missing[i].page, c, shown});
}

namespace {

// A private file's name is its access token: a log must not hand it out. The folder and the
// extensions stay, the token (and the two-letter folder taken from it) become "<token>":
// "private/students/ut/utivew....en.pdf" is shown as "private/students/<token>.en.pdf".
std::string shown_path(const std::string& path) {
    if (path.rfind("private/", 0) != 0)
        return path;
    const auto slash = path.rfind('/');
    const auto dot = path.find('.', slash);
    std::string folder = path.substr(0, slash);
    if (folder.rfind("private/students/", 0) == 0)
        folder = "private/students";
    return folder + "/<token>" + (dot == std::string::npos ? "" : path.substr(dot));
}

}  // namespace

std::vector<std::string> GlyphWarnings::lines() {
    std::lock_guard lock(m_mutex);
    std::sort(m_found.begin(), m_found.end(), [](const Found& a, const Found& b) {
        return std::tie(a.path, a.page, a.code_point) < std::tie(b.path, b.page, b.code_point);
    });
    std::vector<std::string> out;
    for (const auto& f : m_found)
        out.push_back((m_out_dir / shown_path(f.path)).string() + ": page " +
                      std::to_string(f.page) + f.label + ": " +
                      render::code_point_name(f.code_point) +
                      " cannot be drawn: no installed font has it, so it prints as a box (install "
                      "a font that covers it, see docs/pdf.md)");
    return out;
}

}  // namespace homeroom::site
