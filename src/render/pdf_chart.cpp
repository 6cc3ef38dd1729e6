#include "render/pdf_chart.h"

#include <pango/pangocairo.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <utility>

namespace homeroom::render::pdf {
namespace {

using Shape = ChartDrawing::Shape;
using Colour = ChartDrawing::Colour;

struct Attribute {
    std::string_view name;
    std::string value;
};

std::string decode_entities(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        static constexpr std::pair<std::string_view, char> k_entities[] = {
            {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
        bool known = false;
        for (const auto& [entity, c] : k_entities)
            if (s.substr(i, entity.size()) == entity) {
                out += c;
                i += entity.size() - 1;
                known = true;
                break;
            }
        if (!known)
            out += '&';
    }
    return out;
}

std::optional<double> number(std::string_view s) {
    double v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::optional<Colour> colour(std::string_view s) {
    if (s.size() != 7 || s[0] != '#')
        return std::nullopt;
    unsigned v = 0;
    const auto r = std::from_chars(s.data() + 1, s.data() + 7, v, 16);
    if (r.ec != std::errc() || r.ptr != s.data() + 7)
        return std::nullopt;
    return Colour{((v >> 16) & 0xFF) / 255.0, ((v >> 8) & 0xFF) / 255.0, (v & 0xFF) / 255.0};
}

// "M13 305L21 313M13 313L21 305": move-line pairs only.
std::optional<std::vector<double>> move_line_pairs(std::string_view d) {
    std::vector<double> out;
    std::size_t i = 0;
    while (i < d.size()) {
        const char command = d[i];
        if ((command != 'M' && command != 'L') || (out.size() % 4 == 0) != (command == 'M'))
            return std::nullopt;
        ++i;
        for (int k = 0; k < 2; ++k) {
            std::size_t end = i;
            while (end < d.size() && d[end] != ' ' && d[end] != 'M' && d[end] != 'L') ++end;
            const auto v = number(d.substr(i, end - i));
            if (!v)
                return std::nullopt;
            out.push_back(*v);
            i = end < d.size() && d[end] == ' ' ? end + 1 : end;
        }
    }
    if (out.empty() || out.size() % 4 != 0)
        return std::nullopt;
    return out;
}

// Reads the attributes of a start tag from `at` (just after its name) to its '>'; false when
// the tag is malformed. `self_closing` tells whether it ended with "/>".
bool read_attributes(std::string_view svg, std::size_t& at, std::vector<Attribute>& out,
                     bool& self_closing) {
    out.clear();
    while (at < svg.size()) {
        while (at < svg.size() && svg[at] == ' ') ++at;
        if (svg.substr(at, 2) == "/>") {
            self_closing = true;
            at += 2;
            return true;
        }
        if (at < svg.size() && svg[at] == '>') {
            self_closing = false;
            ++at;
            return true;
        }
        const auto eq = svg.find("=\"", at);
        if (eq == std::string_view::npos)
            return false;
        const auto close = svg.find('"', eq + 2);
        if (close == std::string_view::npos)
            return false;
        out.push_back(
            {svg.substr(at, eq - at), decode_entities(svg.substr(eq + 2, close - eq - 2))});
        at = close + 1;
    }
    return false;
}

bool only(const std::vector<Attribute>& attributes,
          std::initializer_list<std::string_view> allowed) {
    return std::all_of(attributes.begin(), attributes.end(), [&](const Attribute& a) {
        return std::find(allowed.begin(), allowed.end(), a.name) != allowed.end();
    });
}

const std::string* find(const std::vector<Attribute>& attributes, std::string_view name) {
    for (const auto& a : attributes)
        if (a.name == name)
            return &a.value;
    return nullptr;
}

struct GroupPaint {
    std::optional<Colour> fill, stroke;
    bool no_stroke = true;
    double stroke_width = 1;
};

// Fill and stroke of a shape: its own attributes over its group's. False for paint outside the
// subset (anything but #RRGGBB or "none").
bool read_paint(const std::vector<Attribute>& attributes, const GroupPaint& inherited,
                Shape& shape) {
    shape.fill = inherited.fill;
    shape.stroke = inherited.no_stroke ? std::nullopt : inherited.stroke;
    shape.stroke_width = inherited.stroke_width;
    if (const auto* f = find(attributes, "fill")) {
        if (*f == "none")
            shape.fill.reset();
        else if (!(shape.fill = colour(*f)))
            return false;
    }
    if (const auto* s = find(attributes, "stroke")) {
        if (*s == "none")
            shape.stroke.reset();
        else if (!(shape.stroke = colour(*s)))
            return false;
    }
    if (const auto* w = find(attributes, "stroke-width")) {
        const auto v = number(*w);
        if (!v)
            return false;
        shape.stroke_width = *v;
    }
    return true;
}

void set_colour(cairo_t* cr, const Colour& c) {
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

}  // namespace

std::optional<ChartDrawing> ChartDrawing::parse(std::string_view svg) {
    ChartDrawing d;
    std::vector<GroupPaint> groups(1);
    groups[0].fill = Colour{};  // SVG's initial fill is black
    std::vector<Attribute> attributes;
    std::size_t at = 0;
    bool root_seen = false;
    while ((at = svg.find('<', at)) != std::string_view::npos) {
        if (svg.substr(at, 2) == "</") {
            const auto end = svg.find('>', at);
            if (end == std::string_view::npos)
                return std::nullopt;
            const auto name = svg.substr(at + 2, end - at - 2);
            if (name == "g") {
                if (groups.size() < 2)
                    return std::nullopt;
                groups.pop_back();
            } else if (name != "svg") {
                return std::nullopt;
            }
            at = end + 1;
            continue;
        }
        std::size_t name_end = at + 1;
        while (name_end < svg.size() && svg[name_end] != ' ' && svg[name_end] != '>' &&
               svg[name_end] != '/')
            ++name_end;
        const auto name = svg.substr(at + 1, name_end - at - 1);
        at = name_end;
        bool self_closing = false;
        if (!read_attributes(svg, at, attributes, self_closing))
            return std::nullopt;
        if (name == "svg") {
            if (root_seen || !only(attributes, {"xmlns", "viewBox", "width", "height", "role",
                                                "aria-labelledby", "aria-describedby", "lang",
                                                "xml:lang", "font-family", "direction"}))
                return std::nullopt;
            root_seen = true;
            const auto* w = find(attributes, "width");
            const auto* h = find(attributes, "height");
            const auto* box = find(attributes, "viewBox");
            const auto* family = find(attributes, "font-family");
            if (!w || !h || !box || !family || !number(*w) || !number(*h))
                return std::nullopt;
            d.m_width = *number(*w);
            d.m_height = *number(*h);
            if (box->rfind("0 0 ", 0) != 0)
                return std::nullopt;
            const auto space = box->find(' ', 4);
            if (space == std::string::npos)
                return std::nullopt;
            const auto vw = number(std::string_view(*box).substr(4, space - 4));
            const auto vh = number(std::string_view(*box).substr(space + 1));
            if (!vw || !vh || *vw <= 0 || *vh <= 0)
                return std::nullopt;
            d.m_view_width = *vw;
            d.m_view_height = *vh;
            for (const char c : *family)
                if (c != '\'')
                    d.m_family += c;
            // Right-to-left charts stay with librsvg, which sets each label's base direction
            // from the document (an Arabic date's digits and slashes depend on it).
            if (find(attributes, "direction"))
                return std::nullopt;
        } else if (!root_seen) {
            return std::nullopt;
        } else if (name == "title" || name == "desc") {
            const std::string close = "</" + std::string(name) + ">";
            const auto end = svg.find(close, at);
            if (self_closing || end == std::string_view::npos)
                return std::nullopt;
            at = end + close.size();
        } else if (name == "g") {
            if (self_closing || !only(attributes, {"class", "fill", "stroke", "stroke-width"}))
                return std::nullopt;
            Shape paint;
            if (!read_paint(attributes, groups.back(), paint))
                return std::nullopt;
            GroupPaint g;
            g.fill = paint.fill;
            g.stroke = paint.stroke;
            g.no_stroke = !paint.stroke.has_value();
            g.stroke_width = paint.stroke_width;
            groups.push_back(g);
        } else if (name == "rect" || name == "line" || name == "path") {
            Shape s;
            if (!self_closing || !read_paint(attributes, groups.back(), s))
                return std::nullopt;
            // The four numbers of a rect or line into s.x, s.y, s.w, s.h (absent: 0).
            const auto read_four = [&](std::initializer_list<std::string_view> names) {
                double* into[] = {&s.x, &s.y, &s.w, &s.h};
                std::size_t i = 0;
                for (const auto n : names) {
                    const auto* v = find(attributes, n);
                    const auto value = v ? number(*v) : std::optional<double>(0);
                    if (!value)
                        return false;
                    *into[i++] = *value;
                }
                return true;
            };
            if (name == "rect") {
                if (!only(attributes,
                          {"x", "y", "width", "height", "fill", "stroke", "stroke-width"}) ||
                    !read_four({"x", "y", "width", "height"}))
                    return std::nullopt;
                s.kind = Shape::Kind::rect;
            } else if (name == "line") {
                if (!only(attributes, {"x1", "y1", "x2", "y2", "stroke", "stroke-width"}) ||
                    !read_four({"x1", "y1", "x2", "y2"}))
                    return std::nullopt;
                s.kind = Shape::Kind::line;
                s.fill.reset();
            } else {
                if (!only(attributes, {"d", "fill", "stroke", "stroke-width", "stroke-linecap"}))
                    return std::nullopt;
                s.kind = Shape::Kind::path;
                const auto* path = find(attributes, "d");
                const auto pairs = path ? move_line_pairs(*path) : std::nullopt;
                if (!pairs || s.fill)  // open strokes only
                    return std::nullopt;
                s.path = *pairs;
                if (const auto* cap = find(attributes, "stroke-linecap")) {
                    if (*cap != "round" && *cap != "butt")
                        return std::nullopt;
                    s.round = *cap == "round";
                }
            }
            d.m_shapes.push_back(std::move(s));
        } else if (name == "text") {
            if (self_closing || !only(attributes, {"x", "y", "font-size", "fill", "text-anchor",
                                                   "font-weight", "stroke", "stroke-width",
                                                   "stroke-linejoin", "paint-order", "transform"}))
                return std::nullopt;
            Shape s;
            s.kind = Shape::Kind::text;
            if (!read_paint(attributes, groups.back(), s) || !s.fill)
                return std::nullopt;
            const auto* x = find(attributes, "x");
            const auto* y = find(attributes, "y");
            const auto* size = find(attributes, "font-size");
            if (!x || !y || !size || !number(*x) || !number(*y) || !number(*size))
                return std::nullopt;
            s.x = *number(*x);
            s.y = *number(*y);
            const double font_size = *number(*size);
            if (font_size != std::floor(font_size) || font_size < 1 || font_size > 200)
                return std::nullopt;
            s.font_size = static_cast<int>(font_size);
            s.anchor = -1;
            if (const auto* anchor = find(attributes, "text-anchor")) {
                if (*anchor == "middle")
                    s.anchor = 0;
                else if (*anchor == "end")
                    s.anchor = 1;
                else if (*anchor != "start")
                    return std::nullopt;
            }
            if (const auto* weight = find(attributes, "font-weight")) {
                if (*weight != "bold")
                    return std::nullopt;
                s.bold = true;
            }
            if (s.stroke) {  // the halo: a stroke painted under the glyphs
                const auto* order = find(attributes, "paint-order");
                const auto* join = find(attributes, "stroke-linejoin");
                if (!order || *order != "stroke" || !join || *join != "round")
                    return std::nullopt;
                s.halo = true;
                s.round = true;
            }
            if (const auto* transform = find(attributes, "transform")) {
                // "rotate(A X Y)" about the text's own position, as the canvas writes it.
                if (transform->rfind("rotate(", 0) != 0 || transform->back() != ')')
                    return std::nullopt;
                const std::string args = transform->substr(7, transform->size() - 8);
                const auto first = args.find(' ');
                const auto second = args.find(' ', first + 1);
                if (first == std::string::npos || second == std::string::npos)
                    return std::nullopt;
                const auto angle = number(std::string_view(args).substr(0, first));
                const auto rx =
                    number(std::string_view(args).substr(first + 1, second - first - 1));
                const auto ry = number(std::string_view(args).substr(second + 1));
                if (!angle || !rx || !ry || *rx != s.x || *ry != s.y)
                    return std::nullopt;
                s.rotate = *angle;
            }
            const auto end = svg.find("</text>", at);
            if (end == std::string_view::npos)
                return std::nullopt;
            const auto content = svg.substr(at, end - at);
            if (content.find('<') != std::string_view::npos)
                return std::nullopt;
            s.text = decode_entities(content);
            at = end + 7;
            d.m_shapes.push_back(std::move(s));
        } else {
            return std::nullopt;
        }
    }
    if (!root_seen || groups.size() != 1)
        return std::nullopt;
    return d;
}

void ChartDrawing::draw(cairo_t* cr, PdfEngine& engine, double x, double y, double w,
                        double h) const {
    const double scale = std::min(w / m_view_width, h / m_view_height);
    cairo_save(cr);
    cairo_translate(cr, x + (w - m_view_width * scale) / 2, y + (h - m_view_height * scale) / 2);
    cairo_scale(cr, scale, scale);
    cairo_rectangle(cr, 0, 0, m_view_width, m_view_height);
    cairo_clip(cr);
    for (const Shape& s : m_shapes) {
        switch (s.kind) {
            case Shape::Kind::rect:
                if (s.w <= 0 || s.h <= 0)
                    break;
                if (s.fill) {
                    cairo_rectangle(cr, s.x, s.y, s.w, s.h);
                    set_colour(cr, *s.fill);
                    cairo_fill(cr);
                }
                if (s.stroke && s.stroke_width > 0) {
                    cairo_rectangle(cr, s.x, s.y, s.w, s.h);
                    set_colour(cr, *s.stroke);
                    cairo_set_line_width(cr, s.stroke_width);
                    cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
                    cairo_stroke(cr);
                }
                break;
            case Shape::Kind::line:
            case Shape::Kind::path:
                if (!s.stroke || s.stroke_width <= 0)
                    break;
                if (s.kind == Shape::Kind::line) {
                    cairo_move_to(cr, s.x, s.y);
                    cairo_line_to(cr, s.w, s.h);
                } else {
                    for (std::size_t i = 0; i + 3 < s.path.size(); i += 4) {
                        cairo_move_to(cr, s.path[i], s.path[i + 1]);
                        cairo_line_to(cr, s.path[i + 2], s.path[i + 3]);
                    }
                }
                set_colour(cr, *s.stroke);
                cairo_set_line_width(cr, s.stroke_width);
                cairo_set_line_cap(cr, s.round ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
                cairo_stroke(cr);
                cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
                break;
            case Shape::Kind::text: {
                if (s.text.empty())
                    break;
                const Font* font = engine.font(m_family, s.font_size, s.bold ? 700 : 400, false, 0);
                const ShapedWord& word = engine.shaped(*font, s.text.c_str());
                engine.drawn(word);
                int layout_width = 0;
                pango_layout_get_size(word.layout, &layout_width, nullptr);
                const double width = static_cast<double>(layout_width) / PANGO_SCALE;
                const double baseline =
                    static_cast<double>(pango_layout_get_baseline(word.layout)) / PANGO_SCALE;
                const int anchor = s.anchor;  // left-to-right charts only (see parse)
                const double left = anchor < 0 ? s.x : anchor == 0 ? s.x - width / 2 : s.x - width;
                cairo_save(cr);
                if (s.rotate) {
                    cairo_translate(cr, s.x, s.y);
                    cairo_rotate(cr, *s.rotate * M_PI / 180.0);
                    cairo_translate(cr, -s.x, -s.y);
                }
                if (s.halo && s.stroke) {
                    cairo_move_to(cr, left, s.y - baseline);
                    pango_cairo_layout_path(cr, word.layout);
                    set_colour(cr, *s.stroke);
                    cairo_set_line_width(cr, s.stroke_width);
                    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
                    cairo_stroke(cr);
                }
                cairo_move_to(cr, left, s.y - baseline);
                set_colour(cr, *s.fill);
                pango_cairo_show_layout(cr, word.layout);
                cairo_restore(cr);
                break;
            }
        }
    }
    cairo_restore(cr);
}

}  // namespace homeroom::render::pdf
