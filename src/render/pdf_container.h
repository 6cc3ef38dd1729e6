// Internal to the PDF renderer (included by pdf_*.cpp only): litehtml 0.6's document_container
// drawing on a cairo context, with pango for text and librsvg for SVG images.
//
// One PdfEngine per thread (thread_engine()): its own pango font map and context (hint metrics
// off, so widths measured are the widths drawn at any scale), a font cache and a bounded
// word-width cache, and a litehtml context holding the parsed stylesheets.
#pragma once

#include <cairo.h>
#include <litehtml/litehtml.h>
#include <pango/pangocairo.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace homeroom::render::pdf {

struct Font {
    int id = 0;
    PangoFontDescription* desc = nullptr;
    int ascent = 0, descent = 0, height = 0, x_height = 0;
    unsigned decoration = 0;
    int underline_position = 0, underline_thickness = 1, strike_position = 0;
};

// A word shaped once: measured by text_width, drawn by draw_text (words repeat a lot: labels,
// dates, course titles, marks).
struct ShapedWord {
    PangoLayout* layout = nullptr;
    int width = 0;
    int baseline = 0;
    // Characters no installed font can draw (pango's unknown glyphs: they print as boxes).
    std::vector<char32_t> missing;
};

class PdfEngine {
  public:
    PdfEngine();
    ~PdfEngine();
    PdfEngine(const PdfEngine&) = delete;
    PdfEngine& operator=(const PdfEngine&) = delete;

    Font* font(const std::string& family, int size, int weight, bool italic, unsigned decoration);
    int text_width(const Font& f, const char* text) { return shaped(f, text).width; }
    const ShapedWord& shaped(const Font& f, const char* text);
    PangoContext* pango() const { return m_pango; }
    litehtml::context& html_context(const std::string& css, std::size_t generation);
    // Between documents: drops caches that grew past their bounds.
    void trim();
    // A word is being drawn: its missing characters count against the page being drawn.
    void drawn(const ShapedWord& word) { drawn(word.missing); }
    void drawn(const std::vector<char32_t>& missing) {
        m_page_missing.insert(missing.begin(), missing.end());
    }
    // The characters drawn since the last call that no installed font has, in order.
    std::set<char32_t> take_missing() { return std::exchange(m_page_missing, {}); }

  private:
    void clear_words();

    PangoFontMap* m_font_map = nullptr;
    PangoContext* m_pango = nullptr;
    std::map<std::string, std::unique_ptr<Font>> m_fonts;
    std::unordered_map<std::string, ShapedWord> m_words;  // font id '\x1f' word
    std::unique_ptr<litehtml::context> m_html;
    std::size_t m_generation = 0;
    std::set<char32_t> m_page_missing;
};

PdfEngine& thread_engine();

class Container : public litehtml::document_container {
  public:
    Container(PdfEngine& engine, int page_width, int page_height, std::string language);
    ~Container();

    void set_cairo(cairo_t* cr) { m_cr = cr; }
    // The width documents lay out in (the page, or the page inside its margins).
    void set_client_width(int width) { m_width = width; }

    litehtml::uint_ptr create_font(const litehtml::tchar_t* faceName, int size, int weight,
                                   litehtml::font_style italic, unsigned int decoration,
                                   litehtml::font_metrics* fm) override;
    void delete_font(litehtml::uint_ptr hFont) override;
    int text_width(const litehtml::tchar_t* text, litehtml::uint_ptr hFont) override;
    void draw_text(litehtml::uint_ptr hdc, const litehtml::tchar_t* text, litehtml::uint_ptr hFont,
                   litehtml::web_color color, const litehtml::position& pos) override;
    int pt_to_px(int pt) const override;
    int get_default_font_size() const override;
    const litehtml::tchar_t* get_default_font_name() const override;
    void draw_list_marker(litehtml::uint_ptr hdc, const litehtml::list_marker& marker) override;
    void load_image(const litehtml::tchar_t* src, const litehtml::tchar_t* baseurl,
                    bool redraw_on_ready) override;
    void get_image_size(const litehtml::tchar_t* src, const litehtml::tchar_t* baseurl,
                        litehtml::size& sz) override;
    void draw_background(litehtml::uint_ptr hdc, const litehtml::background_paint& bg) override;
    void draw_borders(litehtml::uint_ptr hdc, const litehtml::borders& borders,
                      const litehtml::position& draw_pos, bool root) override;
    void set_caption(const litehtml::tchar_t*) override {}
    void set_base_url(const litehtml::tchar_t*) override {}
    void link(const std::shared_ptr<litehtml::document>&, const litehtml::element::ptr&) override {}
    void on_anchor_click(const litehtml::tchar_t*, const litehtml::element::ptr&) override {}
    void set_cursor(const litehtml::tchar_t*) override {}
    void transform_text(litehtml::tstring& text, litehtml::text_transform tt) override;
    // Print documents carry their stylesheets with them: nothing is fetched.
    void import_css(litehtml::tstring&, const litehtml::tstring&, litehtml::tstring&) override {}
    void set_clip(const litehtml::position& pos, const litehtml::border_radiuses& bdr_radius,
                  bool valid_x, bool valid_y) override;
    void del_clip() override;
    void get_client_rect(litehtml::position& client) const override;
    std::shared_ptr<litehtml::element> create_element(
        const litehtml::tchar_t*, const litehtml::string_map&,
        const std::shared_ptr<litehtml::document>&) override {
        return nullptr;
    }
    void get_media_features(litehtml::media_features& media) const override;
    void get_language(litehtml::tstring& language, litehtml::tstring& culture) const override;

  private:
    struct Image;
    void apply_clip(cairo_t* cr) const;
    Image* image(const std::string& src);

    PdfEngine& m_engine;
    cairo_t* m_cr = nullptr;
    int m_width, m_height;
    std::string m_language;
    std::vector<litehtml::position> m_clips;
    std::map<std::string, std::unique_ptr<Image>> m_images;  // this document's, by src
};

}  // namespace homeroom::render::pdf
