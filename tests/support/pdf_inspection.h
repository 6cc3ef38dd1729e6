// Reading a PDF back with poppler-utils (pdftotext, pdfinfo, pdffonts), as a user's viewer would.
#pragma once

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

namespace homeroom::testing {

inline std::string capture_output(const std::string& cmd) {
    std::string out;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p)
        return out;
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    pclose(p);
    return out;
}

inline std::string pdf_quote(const std::filesystem::path& p) {
    return "'" + p.string() + "'";
}

inline void write_pdf(const std::filesystem::path& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary) << bytes;
}

// The text in reading order (pdftotext -raw keeps the content stream's line order).
inline std::string pdf_text(const std::filesystem::path& p) {
    return capture_output("pdftotext -enc UTF-8 " + pdf_quote(p) + " - 2>/dev/null");
}

// The text of page `page` (from 1) in layout mode: a table row is one line, its cells in columns.
inline std::string pdf_page_text(const std::filesystem::path& p, int page) {
    const std::string n = std::to_string(page);
    return capture_output("pdftotext -layout -enc UTF-8 -f " + n + " -l " + n + " " + pdf_quote(p) +
                          " - 2>/dev/null");
}

inline int pdf_pages(const std::filesystem::path& p) {
    const std::string info = capture_output("pdfinfo " + pdf_quote(p) + " 2>/dev/null");
    std::smatch m;
    if (std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")))
        return std::stoi(m[1]);
    return -1;
}

struct PdfFont {
    std::string name;
    bool embedded = false;
};

inline std::vector<PdfFont> pdf_fonts(const std::filesystem::path& p) {
    std::vector<PdfFont> fonts;
    const std::string out = capture_output("pdffonts " + pdf_quote(p) + " 2>/dev/null");
    std::size_t pos = out.find("----");
    if (pos == std::string::npos)
        return fonts;
    pos = out.find('\n', pos);
    while (pos != std::string::npos && pos + 1 < out.size()) {
        const std::size_t end = out.find('\n', pos + 1);
        const std::string line = out.substr(pos + 1, end - pos - 1);
        pos = end;
        if (line.empty())
            continue;
        PdfFont f;
        f.name = line.substr(0, line.find(' '));
        // Columns: name type encoding emb sub uni object ID; "emb" is the first yes/no.
        std::smatch m;
        if (std::regex_search(line, m, std::regex("\\s(yes|no)\\s+(yes|no)\\s+(yes|no)\\s")))
            f.embedded = m[1] == "yes";
        fonts.push_back(f);
    }
    return fonts;
}

struct PdfWordBox {
    std::string text;
    double x_min = 0, y_min = 0, x_max = 0;
};

// Every word with its position on the page (pdftotext -bbox), in content-stream order.
inline std::vector<PdfWordBox> pdf_words(const std::filesystem::path& p) {
    std::vector<PdfWordBox> words;
    const std::string out = capture_output("pdftotext -bbox " + pdf_quote(p) + " - 2>/dev/null");
    const std::regex word(
        "<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" "
        "yMax=\"[0-9.]+\">([^<]*)</word>");
    for (auto it = std::sregex_iterator(out.begin(), out.end(), word); it != std::sregex_iterator();
         ++it)
        words.push_back(
            PdfWordBox{(*it)[4], std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3])});
    return words;
}

// Words of a flowing document drawn (even partly) in the top or bottom margin of their page,
// as "page N: word": what is left of a row or line cut by a page break. Glyph boxes reach
// a little above and below their line, hence `slack`.
inline std::vector<std::string> pdf_words_in_margins(const std::filesystem::path& p,
                                                     double margin = 36, double slack = 4) {
    std::vector<std::string> out;
    const std::string text = capture_output("pdftotext -bbox " + pdf_quote(p) + " - 2>/dev/null");
    const std::regex page_re("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\">");
    const std::regex word(
        "<word xMin=\"[0-9.]+\" yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" "
        "yMax=\"([0-9.]+)\">([^<]*)</word>");
    int page = 0;
    std::smatch m;
    std::string rest = text;
    while (std::regex_search(rest, m, page_re)) {
        ++page;
        const double height = std::stod(m[2]);
        std::string body = m.suffix().str();
        const auto end = body.find("</page>");
        rest = end == std::string::npos ? std::string() : body.substr(end);
        body = body.substr(0, end);
        for (auto it = std::sregex_iterator(body.begin(), body.end(), word);
             it != std::sregex_iterator(); ++it)
            if (std::stod((*it)[1]) < margin - slack ||
                std::stod((*it)[2]) > height - margin + slack)
                out.push_back("page " + std::to_string(page) + ": " + (*it)[3].str());
    }
    return out;
}

// pdftotext -bbox gives right-to-left text glyph by glyph, in visual order. This puts the glyphs
// of the line at `line_y` back together into words (glyph boxes of one word touch; a gap wider
// than 1 pt separates two words) and returns them from right to left, the way they are read,
// each word's glyphs joined right to left. Words pdftotext already gives whole stay as they are.
inline std::vector<PdfWordBox> pdf_words_right_to_left(const std::filesystem::path& p,
                                                       double line_y) {
    std::vector<PdfWordBox> glyphs;
    for (const auto& w : pdf_words(p))
        if (w.y_min > line_y - 4 && w.y_min < line_y + 4)
            glyphs.push_back(w);
    std::sort(glyphs.begin(), glyphs.end(),
              [](const auto& a, const auto& b) { return a.x_min > b.x_min; });
    std::vector<PdfWordBox> words;
    double previous_left = 0;
    for (const auto& g : glyphs) {
        const bool touches = !words.empty() && g.x_max > previous_left - 1.0 &&
                             static_cast<unsigned char>(g.text[0]) >= 0x80 &&
                             static_cast<unsigned char>(words.back().text[0]) >= 0x80;
        if (touches) {
            words.back().text += g.text;
            words.back().x_min = g.x_min;
        } else {
            words.push_back(g);
        }
        previous_left = g.x_min;
    }
    return words;
}

}  // namespace homeroom::testing
