// Internal to the PDF renderer (included by pdf_*.cpp only): draws the project's own chart SVG
// (render/svg_canvas.h writes it: rect, line, M/L paths, text with anchors and rotation, groups
// carrying paint) straight onto cairo, its labels shaped through the engine's word cache.
// librsvg lays out every label afresh, which was a fifth of each report's time. A document with
// anything outside that subset, or a right-to-left one, is not taken (parse returns nullopt) and
// librsvg draws it.
#pragma once

#include <cairo.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "render/pdf_container.h"

namespace homeroom::render::pdf {

class ChartDrawing {
  public:
    static std::optional<ChartDrawing> parse(std::string_view svg);

    // The width and height attributes of the <svg> element.
    double width() const { return m_width; }
    double height() const { return m_height; }

    // Into the box (x, y, w, h), scaled to fit and centred, like librsvg's default
    // (preserveAspectRatio="xMidYMid meet").
    void draw(cairo_t* cr, PdfEngine& engine, double x, double y, double w, double h) const;

    struct Colour {
        double r = 0, g = 0, b = 0;
    };
    struct Shape {
        enum class Kind { rect, line, path, text } kind = Kind::rect;
        double x = 0, y = 0, w = 0, h = 0;  // rect; line: (x, y) to (w, h); text: position
        std::vector<double> path;           // M x y L x y ...: pairs of points, one segment each
        std::optional<Colour> fill, stroke;
        double stroke_width = 1;
        bool round = false;  // round line caps (paths) or joins (text halo)
        std::string text;
        int font_size = 12;
        bool bold = false;
        int anchor = -1;  // -1 start, 0 middle, 1 end
        bool halo = false;
        std::optional<double> rotate;  // degrees, about (x, y)
    };

  private:
    double m_width = 0, m_height = 0, m_view_width = 0, m_view_height = 0;
    std::string m_family;
    std::vector<Shape> m_shapes;
};

}  // namespace homeroom::render::pdf
