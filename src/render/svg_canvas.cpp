#include "render/svg_canvas.h"

#include <algorithm>
#include <cmath>

#include "render/decimal_text.h"
#include "render/untrusted_text.h"

namespace homeroom::render::chart_detail {
namespace {

std::string_view anchor_keyword(Anchor anchor) {
    switch (anchor) {
        case Anchor::start:
            return "start";
        case Anchor::middle:
            return "middle";
        case Anchor::end:
            return "end";
    }
    return "start";
}

// Printable ASCII with nothing to escape: most attribute values (colours, numbers, keywords).
bool plain_ascii(std::string_view value) {
    for (const char c : value)
        if (c < 0x20 || c > 0x7E || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'')
            return false;
    return true;
}

// Attributes are appended straight onto the element being written: a chart has hundreds.
void put_attribute(std::string& out, std::string_view name, std::string_view value) {
    out += ' ';
    out += name;
    out += "=\"";
    if (plain_ascii(value))
        out += value;
    else
        out += escape_markup(value);
    out += '"';
}

void put_attribute(std::string& out, std::string_view name, double value) {
    out += ' ';
    out += name;
    out += "=\"";
    append_svg_number(out, value);
    out += '"';
}

void put_stroke(std::string& out, const Stroke& stroke) {
    put_attribute(out, "stroke", stroke.colour);
    put_attribute(out, "stroke-width", stroke.width);
    if (!stroke.dash.empty())
        put_attribute(out, "stroke-dasharray", stroke.dash);
}

std::string attribute(std::string_view name, std::string_view value) {
    std::string out;
    put_attribute(out, name, value);
    return out;
}

std::string attribute(std::string_view name, double value) {
    std::string out;
    put_attribute(out, name, value);
    return out;
}

std::string stroke_attributes(const Stroke& stroke) {
    std::string out;
    put_stroke(out, stroke);
    return out;
}

std::string points_attribute(const std::vector<double>& points) {
    std::string text;
    for (std::size_t i = 0; i + 1 < points.size(); i += 2) {
        if (!text.empty())
            text += ' ';
        text += svg_number(points[i]) + "," + svg_number(points[i + 1]);
    }
    return attribute("points", text);
}

// Letters, digits and '-' only: a BCP 47 tag, or nothing.
std::string sanitized_language(std::string_view language) {
    std::string out;
    for (const char c : language)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')
            out += c;
    return out;
}

bool is_wide(char32_t cp) {
    // CJK, Hangul and fullwidth forms take about a full em.
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFF00 && cp <= 0xFF60) || cp >= 0x20000;
}

}  // namespace

SvgCanvas::SvgCanvas(const ChartOptions& options)
    : m_id(sanitized_id(options.id)),
      m_language(sanitized_language(options.language)),
      m_width(std::max(options.width, 240.0)),
      m_mirrored(options.right_to_left) {}

void SvgCanvas::append(const std::string& element) {
    m_body.append(static_cast<std::size_t>(2 * m_depth), ' ');
    m_body += element;
    m_body += '\n';
}

void SvgCanvas::line(double x1, double y1, double x2, double y2, const Stroke& stroke) {
    m_body.append(static_cast<std::size_t>(2 * m_depth), ' ');
    m_body += "<line";
    put_attribute(m_body, "x1", physical_x(x1));
    put_attribute(m_body, "y1", y1);
    put_attribute(m_body, "x2", physical_x(x2));
    put_attribute(m_body, "y2", y2);
    put_stroke(m_body, stroke);
    m_body += "/>\n";
}

void SvgCanvas::rect(double x, double y, double w, double h, std::string_view fill,
                     const Stroke* stroke) {
    w = std::max(w, 0.0);
    h = std::max(h, 0.0);
    const double left = m_mirrored ? m_width - x - w : x;
    m_body.append(static_cast<std::size_t>(2 * m_depth), ' ');
    m_body += "<rect";
    put_attribute(m_body, "x", left);
    put_attribute(m_body, "y", y);
    put_attribute(m_body, "width", w);
    put_attribute(m_body, "height", h);
    const GroupPaint* group = m_paints.empty() ? nullptr : &m_paints.back();
    if (group == nullptr || group->fill != fill)
        put_attribute(m_body, "fill", fill);
    const bool same_stroke = group != nullptr && group->stroke != nullptr && stroke != nullptr &&
                             group->stroke->colour == stroke->colour &&
                             group->stroke->width == stroke->width &&
                             group->stroke->dash == stroke->dash;
    if (stroke != nullptr && !same_stroke)
        put_stroke(m_body, *stroke);
    else if (stroke == nullptr && group != nullptr && group->stroke != nullptr)
        m_body += " stroke=\"none\"";
    m_body += "/>\n";
}

void SvgCanvas::text(double x, double y, std::string_view content, const TextStyle& style) {
    const double px = physical_x(x);
    std::string element = "<text" + attribute("x", px) + attribute("y", y) +
                          attribute("font-size", style.size) + attribute("fill", style.colour);
    if (style.anchor != Anchor::start)
        element += attribute("text-anchor", anchor_keyword(style.anchor));
    if (style.bold)
        element += attribute("font-weight", "bold");
    if (style.halo)
        element +=
            " stroke=\"#FFFFFF\" stroke-width=\"3\" stroke-linejoin=\"round\" "
            "paint-order=\"stroke\"";
    // Vertical text reads bottom to top on the left of a plot and top to bottom on the right (a
    // mirrored page), its baseline toward the plot either way.
    if (style.vertical)
        element += attribute("transform", std::string(m_mirrored ? "rotate(90 " : "rotate(-90 ") +
                                              svg_number(px) + " " + svg_number(y) + ")");
    const std::string escaped = escape_markup(content);  // also drops the text's own isolates
    append(element + ">" + (style.isolate ? "\u2068" + escaped + "\u2069" : escaped) + "</text>");
}

void SvgCanvas::polyline(const std::vector<double>& points, const Stroke& stroke) {
    std::vector<double> physical = points;
    for (std::size_t i = 0; i < physical.size(); i += 2) physical[i] = physical_x(physical[i]);
    append("<polyline" + points_attribute(physical) + " fill=\"none\"" + stroke_attributes(stroke) +
           " stroke-linejoin=\"round\" stroke-linecap=\"round\"/>");
}

void SvgCanvas::marker(double x, double y, SeriesStyle::Marker shape, std::string_view colour) {
    const double px = physical_x(x);
    // A white outline keeps markers apart where lines cross.
    const std::string paint = attribute("fill", colour) + " stroke=\"#FFFFFF\" stroke-width=\"1\"";
    switch (shape) {
        case SeriesStyle::Marker::circle:
            append("<circle" + attribute("cx", px) + attribute("cy", y) + " r=\"4\"" + paint +
                   "/>");
            break;
        case SeriesStyle::Marker::square:
            append("<rect" + attribute("x", px - 3.5) + attribute("y", y - 3.5) +
                   " width=\"7\" height=\"7\"" + paint + "/>");
            break;
        case SeriesStyle::Marker::triangle:
            append("<polygon" +
                   points_attribute({px, y - 5, px + 4.5, y + 3.5, px - 4.5, y + 3.5}) + paint +
                   "/>");
            break;
        case SeriesStyle::Marker::diamond:
            append("<polygon" + points_attribute({px, y - 5, px + 5, y, px, y + 5, px - 5, y}) +
                   paint + "/>");
            break;
        case SeriesStyle::Marker::cross:
            append("<polygon" +
                   points_attribute({px - 1.5, y - 5,   px + 1.5, y - 5,   px + 1.5, y - 1.5,
                                     px + 5,   y - 1.5, px + 5,   y + 1.5, px + 1.5, y + 1.5,
                                     px + 1.5, y + 5,   px - 1.5, y + 5,   px - 1.5, y + 1.5,
                                     px - 5,   y + 1.5, px - 5,   y - 1.5, px - 1.5, y - 1.5}) +
                   paint + "/>");
            break;
        case SeriesStyle::Marker::bar:
            append("<rect" + attribute("x", px - 5) + attribute("y", y - 2) +
                   " width=\"10\" height=\"4\"" + paint + "/>");
            break;
    }
}

void SvgCanvas::gap_marker(double x, double y, std::string_view colour) {
    const double px = physical_x(x);
    const std::string d = "M" + svg_number(px - 4) + " " + svg_number(y - 4) + "L" +
                          svg_number(px + 4) + " " + svg_number(y + 4) + "M" + svg_number(px - 4) +
                          " " + svg_number(y + 4) + "L" + svg_number(px + 4) + " " +
                          svg_number(y - 4);
    append("<path" + attribute("d", d) + " fill=\"none\"" + attribute("stroke", colour) +
           " stroke-width=\"2\" stroke-linecap=\"round\"/>");
}

void SvgCanvas::begin_group(std::string_view name, GroupPaint paint) {
    std::string element = "<g" + attribute("class", name);
    if (!paint.fill.empty())
        element += attribute("fill", paint.fill);
    if (paint.stroke != nullptr)
        element += stroke_attributes(*paint.stroke);
    append(element + ">");
    m_paints.push_back(paint);
    ++m_depth;
}

void SvgCanvas::end_group() {
    --m_depth;
    m_paints.pop_back();
    append("</g>");
}

std::string SvgCanvas::document(double height, std::string_view title,
                                std::string_view description) const {
    height = std::ceil(height);
    const std::string title_id = m_id + "-title", desc_id = m_id + "-desc";
    // No XML declaration: the same string is a standalone .svg file (UTF-8 is XML's default)
    // and can be inlined in an HTML page, where a declaration would be a stray comment. No
    // <style> either: CSS inside an inlined SVG would apply to the whole page.
    std::string out =
        "<svg xmlns=\"http://www.w3.org/2000/svg\"" +
        attribute("viewBox", "0 0 " + svg_number(m_width) + " " + svg_number(height)) +
        attribute("width", m_width) + attribute("height", height) + " role=\"img\"" +
        attribute("aria-labelledby", title_id) + attribute("aria-describedby", desc_id);
    if (!m_language.empty())
        out += attribute("lang", m_language) + attribute("xml:lang", m_language);
    if (m_mirrored)
        out += " direction=\"rtl\"";
    out += attribute("font-family", k_font_family) + ">\n";
    out += "  <title" + attribute("id", title_id) + ">" + escape_markup(title) + "</title>\n";
    out += "  <desc" + attribute("id", desc_id) + ">" + escape_markup(description) + "</desc>\n";
    // An opaque background keeps the contrast the palette was chosen for on dark pages too.
    out += "  <rect width=\"" + svg_number(m_width) + "\" height=\"" + svg_number(height) +
           "\" fill=\"#FFFFFF\"/>\n";
    out += m_body;
    out += "</svg>\n";
    return out;
}

double estimated_text_width(std::string_view text, double font_size) {
    // Average advance of the chart fonts' glyphs, with DejaVu Sans (the widest fallback) in mind.
    double ems = 0;
    std::string clean = clean_untrusted_text(text);
    for (std::size_t i = 0; i < clean.size();) {
        const auto lead = static_cast<unsigned char>(clean[i]);
        const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        char32_t cp = length == 1 ? lead : lead & (0xFF >> (length + 1));
        for (std::size_t k = 1; k < length && i + k < clean.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(clean[i + k]) & 0x3F);
        i += length;
        const bool combining = (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x064B && cp <= 0x065F);
        if (combining)
            continue;
        ems += is_wide(cp) ? 1.0 : (cp >= 'A' && cp <= 'Z') || cp == 'm' || cp == 'w' ? 0.72 : 0.58;
    }
    return ems * font_size;
}

std::string sanitized_id(std::string_view id) {
    std::string out;
    for (const char c : id)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_')
            out += c;
    if (out.empty() || !((out[0] >= 'a' && out[0] <= 'z') || (out[0] >= 'A' && out[0] <= 'Z')))
        return "chart" + out;
    return out;
}

std::vector<double> AxisScale::ticks() const {
    std::vector<double> out;
    if (step <= 0)
        return {min, max};
    // Counted rather than accumulated so that 0.1 + 0.1 + 0.1 never drifts past the maximum.
    const auto count = static_cast<int>(std::floor((max - min) / step + 1e-9));
    for (int i = 0; i <= count; ++i) out.push_back(min + step * i);
    return out;
}

double AxisScale::position(double value, double low_px, double high_px) const {
    const double span = max - min;
    if (span <= 0)
        return low_px;
    const double share = std::clamp((value - min) / span, 0.0, 1.0);
    return low_px + (high_px - low_px) * share;
}

AxisScale make_scale(const ValueAxis& axis, double largest) {
    AxisScale scale;
    const auto decimals_of = [](double step) {
        if (std::abs(step - std::round(step)) < 1e-9)
            return 0;
        if (std::abs(step * 10 - std::round(step * 10)) < 1e-9)
            return 1;
        return 2;
    };
    if (axis.max > axis.min) {
        scale.min = axis.min;
        scale.max = axis.max;
        scale.step = axis.step > 0 ? axis.step : (axis.max - axis.min) / 4;
        scale.decimals = decimals_of(scale.step);
        return scale;
    }
    if (!(largest > 0) || !std::isfinite(largest))
        largest = 1;
    // The smallest "nice" step with at most 5 steps up to the largest value.
    const double magnitude = std::pow(10.0, std::floor(std::log10(largest / 5)));
    for (const double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        const double step = factor * magnitude;
        if (step * 5 >= largest - 1e-9) {
            scale.step = step;
            break;
        }
    }
    if (scale.step < 1 && largest >= 1)
        scale.step = 1;
    scale.min = 0;
    scale.max = scale.step * std::ceil(largest / scale.step - 1e-9);
    scale.decimals = decimals_of(scale.step);
    return scale;
}

bool drawable(const ChartValue& value) {
    return value.value.has_value() && std::isfinite(*value.value);
}

std::string number_text(double value, int decimals, const ChartOptions& options) {
    decimals = std::clamp(decimals, 0, 2);
    if (options.format)
        return options.format(value, decimals);
    return fixed_decimal(value, decimals) + options.value_suffix;
}

std::string value_text(const ChartValue& value, const ChartLabels& labels,
                       const ChartOptions& options) {
    if (!value.text.empty())
        return value.text;
    if (drawable(value))
        return number_text(*value.value, options.value_decimals, options);
    return labels.no_data;
}

std::string description(const ChartLabels& labels, const ChartOptions& options,
                        std::string_view listing, bool has_gaps) {
    std::string out = labels.summary;
    const auto add = [&out](std::string_view sentence) {
        if (sentence.empty())
            return;
        if (!out.empty())
            out += ' ';
        out += sentence;
    };
    if (options.describe_values)
        add(listing);
    if (has_gaps)
        add(labels.gap_note);
    return out;
}

}  // namespace homeroom::render::chart_detail
