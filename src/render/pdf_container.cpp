#include "render/pdf_container.h"

#include <librsvg/rsvg.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <string_view>

#include "render/pdf_chart.h"

namespace homeroom::render::pdf {
namespace {

constexpr std::size_t k_max_words = 20000;  // shaped words kept per thread (≈ 1–2 KB each)
constexpr std::size_t k_max_fonts = 256;    // font descriptions kept per thread

int to_px(int pango_units) {
    return (pango_units + PANGO_SCALE / 2) / PANGO_SCALE;
}

void set_color(cairo_t* cr, const litehtml::web_color& c) {
    cairo_set_source_rgba(cr, c.red / 255.0, c.green / 255.0, c.blue / 255.0, c.alpha / 255.0);
}

// "'Noto Sans', Arial, sans-serif" → "Noto Sans,Arial,sans-serif" (pango takes a list).
std::string family_list(std::string_view css) {
    std::string out;
    for (char ch : css)
        if (ch != '"' && ch != '\'')
            out += ch;
    std::string cleaned;
    std::size_t start = 0;
    while (start <= out.size()) {
        std::size_t comma = out.find(',', start);
        if (comma == std::string::npos)
            comma = out.size();
        std::string name = out.substr(start, comma - start);
        const auto b = name.find_first_not_of(" \t");
        const auto e = name.find_last_not_of(" \t");
        if (b != std::string::npos) {
            if (!cleaned.empty())
                cleaned += ',';
            cleaned += name.substr(b, e - b + 1);
        }
        start = comma + 1;
    }
    return cleaned.empty() ? std::string("Noto Sans") : cleaned;
}

void rounded_rect(cairo_t* cr, const litehtml::position& p, const litehtml::border_radiuses& r) {
    if (r.top_left_x <= 0 && r.top_right_x <= 0 && r.bottom_left_x <= 0 && r.bottom_right_x <= 0) {
        cairo_rectangle(cr, p.x, p.y, p.width, p.height);
        return;
    }
    const double x = p.x, y = p.y, w = p.width, h = p.height;
    const double half = std::min(w, h) / 2;
    const double tl = std::min<double>(r.top_left_x, half),
                 tr = std::min<double>(r.top_right_x, half),
                 br = std::min<double>(r.bottom_right_x, half),
                 bl = std::min<double>(r.bottom_left_x, half);
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - tr, y + tr, tr, -M_PI / 2, 0);
    cairo_arc(cr, x + w - br, y + h - br, br, 0, M_PI / 2);
    cairo_arc(cr, x + bl, y + h - bl, bl, M_PI / 2, M_PI);
    cairo_arc(cr, x + tl, y + tl, tl, M_PI, 3 * M_PI / 2);
    cairo_close_path(cr);
}

std::string decode_base64(std::string_view in) {
    static const auto table = [] {
        std::array<int, 256> t{};
        t.fill(-1);
        const char* a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 64; ++i) t[static_cast<unsigned char>(a[i])] = i;
        return t;
    }();
    std::string out;
    out.reserve(in.size() * 3 / 4);
    unsigned acc = 0;
    int bits = 0;
    for (char ch : in) {
        const int v = table[static_cast<unsigned char>(ch)];
        if (v < 0)
            continue;
        acc = (acc << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((acc >> bits) & 0xFF);
        }
    }
    return out;
}

std::atomic<int> g_next_font_id{1};

// The text of an SVG's <text> elements (their <tspan>s included), entities decoded.
std::vector<std::string> svg_text(std::string_view svg) {
    std::vector<std::string> out;
    for (std::size_t at = svg.find("<text"); at != std::string_view::npos;
         at = svg.find("<text", at + 1)) {
        const std::size_t open = svg.find('>', at);
        const std::size_t close = svg.find("</text>", at);
        if (open == std::string_view::npos || close == std::string_view::npos || close < open)
            break;
        std::string text;
        bool in_tag = false;
        for (std::size_t i = open + 1; i < close; ++i) {
            const char ch = svg[i];
            if (ch == '<')
                in_tag = true;
            else if (ch == '>')
                in_tag = false;
            else if (!in_tag)
                text += ch;
        }
        std::string decoded;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const std::size_t semi = text[i] == '&' ? text.find(';', i) : std::string::npos;
            if (semi == std::string::npos || semi - i > 10) {
                decoded += text[i];
                continue;
            }
            const std::string entity = text.substr(i + 1, semi - i - 1);
            gunichar c = 0;
            if (entity == "amp")
                c = '&';
            else if (entity == "lt")
                c = '<';
            else if (entity == "gt")
                c = '>';
            else if (entity == "quot")
                c = '"';
            else if (entity == "apos")
                c = '\'';
            else if (entity.size() > 1 && entity[0] == '#')
                c = static_cast<gunichar>(entity[1] == 'x' || entity[1] == 'X'
                                              ? std::strtoul(entity.c_str() + 2, nullptr, 16)
                                              : std::strtoul(entity.c_str() + 1, nullptr, 10));
            if (c == 0 || !g_unichar_validate(c)) {
                decoded += text[i];
                continue;
            }
            char buf[8];
            decoded.append(buf, static_cast<std::size_t>(g_unichar_to_utf8(c, buf)));
            i = semi;
        }
        out.push_back(std::move(decoded));
    }
    return out;
}

}  // namespace

// ---- PdfEngine ----

PdfEngine::PdfEngine() {
    m_font_map = pango_cairo_font_map_new();
    m_pango = pango_font_map_create_context(m_font_map);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(m_pango, options);
    cairo_font_options_destroy(options);
    pango_cairo_context_set_resolution(m_pango, 96.0);
    pango_context_set_round_glyph_positions(m_pango, FALSE);
}

PdfEngine::~PdfEngine() {
    m_html.reset();
    clear_words();
    for (auto& [key, f] : m_fonts) pango_font_description_free(f->desc);
    g_object_unref(m_pango);
    g_object_unref(m_font_map);
}

Font* PdfEngine::font(const std::string& family, int size, int weight, bool italic,
                      unsigned decoration) {
    std::string key = family + '\x1f' + std::to_string(size) + '\x1f' + std::to_string(weight) +
                      (italic ? "i" : "n") + std::to_string(decoration);
    auto it = m_fonts.find(key);
    if (it != m_fonts.end())
        return it->second.get();
    auto f = std::make_unique<Font>();
    f->id = g_next_font_id++;
    f->decoration = decoration;
    f->desc = pango_font_description_new();
    pango_font_description_set_family(f->desc, family.c_str());
    pango_font_description_set_absolute_size(f->desc, static_cast<double>(size) * PANGO_SCALE);
    pango_font_description_set_weight(f->desc,
                                      static_cast<PangoWeight>(std::clamp(weight, 100, 1000)));
    pango_font_description_set_style(f->desc, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    PangoFontMetrics* m = pango_context_get_metrics(m_pango, f->desc, nullptr);
    f->ascent = to_px(pango_font_metrics_get_ascent(m));
    f->descent = to_px(pango_font_metrics_get_descent(m));
    f->height = f->ascent + f->descent;
    f->x_height = std::max(1, f->ascent / 2);
    f->underline_position = -pango_font_metrics_get_underline_position(m) / PANGO_SCALE;
    f->underline_thickness = std::max(1, to_px(pango_font_metrics_get_underline_thickness(m)));
    f->strike_position = to_px(pango_font_metrics_get_strikethrough_position(m));
    pango_font_metrics_unref(m);
    Font* raw = f.get();
    m_fonts.emplace(std::move(key), std::move(f));
    return raw;
}

const ShapedWord& PdfEngine::shaped(const Font& f, const char* text) {
    std::string key = std::to_string(f.id);
    key += '\x1f';
    key += text;
    auto it = m_words.find(key);
    if (it != m_words.end())
        return it->second;
    ShapedWord w;
    w.layout = pango_layout_new(m_pango);
    pango_layout_set_font_description(w.layout, f.desc);
    pango_layout_set_text(w.layout, text, -1);
    int width = 0;
    pango_layout_get_size(w.layout, &width, nullptr);
    w.width = (width + PANGO_SCALE - 1) / PANGO_SCALE;
    w.baseline = to_px(pango_layout_get_baseline(w.layout));
    // Fallback already went through every installed font: an unknown glyph is a character none
    // of them has (a CJK name with only fonts-noto-core installed). The cluster gives its text.
    if (pango_layout_get_unknown_glyphs_count(w.layout) > 0) {
        PangoLayoutIter* iter = pango_layout_get_iter(w.layout);
        do {
            const PangoLayoutRun* run = pango_layout_iter_get_run_readonly(iter);
            if (run == nullptr)
                continue;
            const PangoGlyphString* glyphs = run->glyphs;
            for (int i = 0; i < glyphs->num_glyphs; ++i)
                if (glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG) {
                    const char32_t c =
                        g_utf8_get_char(text + run->item->offset + glyphs->log_clusters[i]);
                    if (std::find(w.missing.begin(), w.missing.end(), c) == w.missing.end())
                        w.missing.push_back(c);
                }
        } while (pango_layout_iter_next_run(iter));
        pango_layout_iter_free(iter);
    }
    return m_words.emplace(std::move(key), std::move(w)).first->second;
}

void PdfEngine::clear_words() {
    for (auto& [key, w] : m_words) g_object_unref(w.layout);
    m_words.clear();
}

litehtml::context& PdfEngine::html_context(const std::string& css, std::size_t generation) {
    if (!m_html || m_generation != generation) {
        m_html = std::make_unique<litehtml::context>();
        m_html->load_master_stylesheet(css.c_str());
        m_generation = generation;
    }
    return *m_html;
}

void PdfEngine::trim() {
    if (m_words.size() > k_max_words)
        clear_words();
    if (m_fonts.size() > k_max_fonts) {
        clear_words();
        for (auto& [key, f] : m_fonts) pango_font_description_free(f->desc);
        m_fonts.clear();
    }
}

PdfEngine& thread_engine() {
    thread_local PdfEngine engine;
    return engine;
}

// ---- Container ----

struct Container::Image {
    std::optional<ChartDrawing> chart;  // the project's own charts: drawn without librsvg
    RsvgHandle* svg = nullptr;
    std::vector<char32_t> missing;  // of the text librsvg draws: characters no font has
    double width = 0, height = 0;
    ~Image() {
        if (svg)
            g_object_unref(svg);
    }
};

Container::Container(PdfEngine& engine, int page_width, int page_height, std::string language)
    : m_engine(engine),
      m_width(page_width),
      m_height(page_height),
      m_language(std::move(language)) {}

Container::~Container() = default;

litehtml::uint_ptr Container::create_font(const litehtml::tchar_t* faceName, int size, int weight,
                                          litehtml::font_style italic, unsigned int decoration,
                                          litehtml::font_metrics* fm) {
    Font* f = m_engine.font(family_list(faceName ? faceName : ""), size, weight,
                            italic == litehtml::fontStyleItalic, decoration);
    if (fm) {
        fm->ascent = f->ascent;
        fm->descent = f->descent;
        fm->height = f->height;
        fm->x_height = f->x_height;
        fm->draw_spaces = decoration != litehtml::font_decoration_none;
    }
    return reinterpret_cast<litehtml::uint_ptr>(f);
}

void Container::delete_font(litehtml::uint_ptr) {}  // fonts live in the engine's cache

int Container::text_width(const litehtml::tchar_t* text, litehtml::uint_ptr hFont) {
    return m_engine.text_width(*reinterpret_cast<Font*>(hFont), text);
}

void Container::draw_text(litehtml::uint_ptr hdc, const litehtml::tchar_t* text,
                          litehtml::uint_ptr hFont, litehtml::web_color color,
                          const litehtml::position& pos) {
    auto* cr = reinterpret_cast<cairo_t*>(hdc);
    auto* f = reinterpret_cast<Font*>(hFont);
    cairo_save(cr);
    apply_clip(cr);
    set_color(cr, color);
    const ShapedWord& word = m_engine.shaped(*f, text);
    m_engine.drawn(word);
    cairo_move_to(cr, pos.x, pos.y + f->ascent - word.baseline);
    pango_cairo_show_layout(cr, word.layout);
    const double y_base = pos.y + f->ascent;
    auto line = [&](double y) {
        cairo_rectangle(cr, pos.x, y, pos.width, f->underline_thickness);
        cairo_fill(cr);
    };
    if (f->decoration & litehtml::font_decoration_underline)
        line(y_base + f->underline_position);
    if (f->decoration & litehtml::font_decoration_linethrough)
        line(y_base - f->strike_position);
    if (f->decoration & litehtml::font_decoration_overline)
        line(pos.y);
    cairo_restore(cr);
}

int Container::pt_to_px(int pt) const {
    return static_cast<int>(std::lround(pt * 96.0 / 72.0));
}
int Container::get_default_font_size() const {
    return 16;
}
const litehtml::tchar_t* Container::get_default_font_name() const {
    return "Noto Sans";
}

void Container::draw_list_marker(litehtml::uint_ptr hdc, const litehtml::list_marker& marker) {
    auto* cr = reinterpret_cast<cairo_t*>(hdc);
    cairo_save(cr);
    apply_clip(cr);
    set_color(cr, marker.color);
    const auto& p = marker.pos;
    switch (marker.marker_type) {
        case litehtml::list_style_type_none:
            break;
        case litehtml::list_style_type_circle:
            cairo_set_line_width(cr, 1);
            cairo_arc(cr, p.x + p.width / 2.0, p.y + p.height / 2.0, p.width / 2.0 - 0.5, 0,
                      2 * M_PI);
            cairo_stroke(cr);
            break;
        case litehtml::list_style_type_square:
            cairo_rectangle(cr, p.x, p.y, p.width, p.height);
            cairo_fill(cr);
            break;
        case litehtml::list_style_type_decimal:
            if (marker.font) {
                const std::string text = std::to_string(marker.index) + ".";
                auto* f = reinterpret_cast<Font*>(marker.font);
                const ShapedWord& word = m_engine.shaped(*f, text.c_str());
                cairo_move_to(cr, p.x + p.width - word.width - 2, p.y + p.height - f->height);
                pango_cairo_show_layout(cr, word.layout);
            }
            break;
        default:
            cairo_arc(cr, p.x + p.width / 2.0, p.y + p.height / 2.0, p.width / 2.0, 0, 2 * M_PI);
            cairo_fill(cr);
            break;
    }
    cairo_restore(cr);
}

Container::Image* Container::image(const std::string& src) {
    auto it = m_images.find(src);
    if (it != m_images.end())
        return it->second.get();
    auto img = std::make_unique<Image>();
    // Only embedded SVG (the charts): nothing is ever fetched from the network or the disk.
    constexpr std::string_view prefix = "data:image/svg+xml;base64,";
    if (src.compare(0, prefix.size(), prefix) == 0) {
        const std::string svg = decode_base64(std::string_view(src).substr(prefix.size()));
        img->chart = ChartDrawing::parse(svg);
        if (img->chart) {
            img->width = img->chart->width();
            img->height = img->chart->height();
            Image* raw = img.get();
            m_images.emplace(src, std::move(img));
            return raw;
        }
        GError* error = nullptr;
        img->svg = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()),
                                             svg.size(), &error);
        if (error)
            g_error_free(error);
        if (img->svg) {
            // librsvg shapes its labels itself: each is shaped here too, to find what no
            // installed font has (a school's name in a comparison chart).
            const Font* font = m_engine.font("Noto Sans", 12, 400, false, 0);
            for (const auto& label : svg_text(svg))
                for (char32_t c : m_engine.shaped(*font, label.c_str()).missing)
                    if (std::find(img->missing.begin(), img->missing.end(), c) ==
                        img->missing.end())
                        img->missing.push_back(c);
            gdouble w = 0, h = 0;
            if (rsvg_handle_get_intrinsic_size_in_pixels(img->svg, &w, &h)) {
                img->width = w;
                img->height = h;
            }
        }
    }
    Image* raw = img.get();
    m_images.emplace(src, std::move(img));
    return raw;
}

void Container::load_image(const litehtml::tchar_t* src, const litehtml::tchar_t*, bool) {
    if (src)
        image(src);
}

void Container::get_image_size(const litehtml::tchar_t* src, const litehtml::tchar_t*,
                               litehtml::size& sz) {
    const Image* img = src ? image(src) : nullptr;
    sz.width = img ? static_cast<int>(std::lround(img->width)) : 0;
    sz.height = img ? static_cast<int>(std::lround(img->height)) : 0;
}

void Container::draw_background(litehtml::uint_ptr hdc, const litehtml::background_paint& bg) {
    auto* cr = reinterpret_cast<cairo_t*>(hdc);
    cairo_save(cr);
    apply_clip(cr);
    rounded_rect(cr, bg.border_box, bg.border_radius);
    cairo_clip(cr);
    if (bg.color.alpha > 0) {
        cairo_rectangle(cr, bg.clip_box.x, bg.clip_box.y, bg.clip_box.width, bg.clip_box.height);
        set_color(cr, bg.color);
        cairo_fill(cr);
    }
    if (!bg.image.empty()) {
        Image* img = image(bg.image);
        if (img && img->chart && bg.image_size.width > 0 && bg.image_size.height > 0) {
            cairo_rectangle(cr, bg.clip_box.x, bg.clip_box.y, bg.clip_box.width,
                            bg.clip_box.height);
            cairo_clip(cr);
            img->chart->draw(cr, m_engine, bg.position_x, bg.position_y, bg.image_size.width,
                             bg.image_size.height);
        } else if (img && img->svg && bg.image_size.width > 0 && bg.image_size.height > 0) {
            cairo_rectangle(cr, bg.clip_box.x, bg.clip_box.y, bg.clip_box.width,
                            bg.clip_box.height);
            cairo_clip(cr);
            const RsvgRectangle viewport{static_cast<double>(bg.position_x),
                                         static_cast<double>(bg.position_y),
                                         static_cast<double>(bg.image_size.width),
                                         static_cast<double>(bg.image_size.height)};
            m_engine.drawn(img->missing);
            GError* error = nullptr;
            rsvg_handle_render_document(img->svg, cr, &viewport, &error);
            if (error)
                g_error_free(error);
        }
    }
    cairo_restore(cr);
}

void Container::draw_borders(litehtml::uint_ptr hdc, const litehtml::borders& b,
                             const litehtml::position& p, bool) {
    auto* cr = reinterpret_cast<cairo_t*>(hdc);
    cairo_save(cr);
    apply_clip(cr);
    auto visible = [](const litehtml::border& s) {
        return s.width > 0 && s.style != litehtml::border_style_none &&
               s.style != litehtml::border_style_hidden && s.color.alpha > 0;
    };
    // Each side as a filled band (a dashed or dotted one as a stroked line down its middle).
    auto side = [&](const litehtml::border& s, double x0, double y0, double x1, double y1,
                    double rx, double ry, double rw, double rh) {
        if (!visible(s))
            return;
        set_color(cr, s.color);
        if (s.style == litehtml::border_style_dashed || s.style == litehtml::border_style_dotted) {
            const double dash[] = {s.style == litehtml::border_style_dotted ? s.width
                                                                            : 3.0 * s.width};
            cairo_set_dash(cr, dash, 1, 0);
            cairo_set_line_width(cr, s.width);
            cairo_move_to(cr, x0, y0);
            cairo_line_to(cr, x1, y1);
            cairo_stroke(cr);
            cairo_set_dash(cr, nullptr, 0, 0);
        } else {
            cairo_rectangle(cr, rx, ry, rw, rh);
            cairo_fill(cr);
        }
    };
    const double x = p.x, y = p.y, w = p.width, h = p.height;
    // The common case, four equal solid sides: one path (even-odd ring) instead of four fills.
    const auto same = [](const litehtml::border& a, const litehtml::border& c) {
        return a.width == c.width && a.style == c.style && a.color.red == c.color.red &&
               a.color.green == c.color.green && a.color.blue == c.color.blue &&
               a.color.alpha == c.color.alpha;
    };
    if (visible(b.top) && b.top.style == litehtml::border_style_solid && same(b.top, b.bottom) &&
        same(b.top, b.left) && same(b.top, b.right) && w > 2 * b.top.width && h > 2 * b.top.width) {
        const double bw = b.top.width;
        set_color(cr, b.top.color);
        cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
        cairo_rectangle(cr, x, y, w, h);
        cairo_rectangle(cr, x + bw, y + bw, w - 2 * bw, h - 2 * bw);
        cairo_fill(cr);
        cairo_restore(cr);
        return;
    }
    side(b.top, x, y + b.top.width / 2.0, x + w, y + b.top.width / 2.0, x, y, w, b.top.width);
    side(b.bottom, x, y + h - b.bottom.width / 2.0, x + w, y + h - b.bottom.width / 2.0, x,
         y + h - b.bottom.width, w, b.bottom.width);
    side(b.left, x + b.left.width / 2.0, y, x + b.left.width / 2.0, y + h, x, y, b.left.width, h);
    side(b.right, x + w - b.right.width / 2.0, y, x + w - b.right.width / 2.0, y + h,
         x + w - b.right.width, y, b.right.width, h);
    cairo_restore(cr);
}

void Container::transform_text(litehtml::tstring& text, litehtml::text_transform tt) {
    gchar* out = nullptr;
    if (tt == litehtml::text_transform_uppercase)
        out = g_utf8_strup(text.c_str(), -1);
    else if (tt == litehtml::text_transform_lowercase)
        out = g_utf8_strdown(text.c_str(), -1);
    if (out) {
        text = out;
        g_free(out);
    }
}

void Container::set_clip(const litehtml::position& pos, const litehtml::border_radiuses&, bool,
                         bool) {
    m_clips.push_back(pos);
}

void Container::del_clip() {
    if (!m_clips.empty())
        m_clips.pop_back();
}

void Container::apply_clip(cairo_t* cr) const {
    for (const auto& c : m_clips) {
        cairo_rectangle(cr, c.x, c.y, c.width, c.height);
        cairo_clip(cr);
    }
}

void Container::get_client_rect(litehtml::position& client) const {
    client = litehtml::position(0, 0, m_width, m_height);
}

void Container::get_media_features(litehtml::media_features& media) const {
    media.type = litehtml::media_type_print;
    media.width = media.device_width = m_width;
    media.height = media.device_height = m_height;
    media.color = 8;
    media.monochrome = 0;
    media.color_index = 256;
    media.resolution = 96;
}

void Container::get_language(litehtml::tstring& language, litehtml::tstring& culture) const {
    language = m_language;
    culture.clear();
}

}  // namespace homeroom::render::pdf
