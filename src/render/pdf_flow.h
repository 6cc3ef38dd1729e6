// Internal to the PDF renderer: cutting a flowing document (one without `.page` boxes, such as the
// public report cards) into sheets. `flow_layout` reads where litehtml put the boxes a page must
// not end inside; `plan_sheets` (pure) decides the cuts: a table row, paragraph, list item, image,
// float or figure moves whole to the next sheet, a heading or caption stays with what follows it,
// and a sheet that starts inside a table's body repeats the table's header rows at its top.
#pragma once

#include <litehtml/litehtml.h>

#include <optional>
#include <vector>

namespace homeroom::render::pdf {

// A box a cut may not fall inside, in document coordinates (CSS px from the top), in document
// order. `keep_with_next`: a cut may not fall between it and the next box either (headings,
// captions, header rows, group-heading rows).
struct FlowBox {
    int top = 0, bottom = 0;
    bool keep_with_next = false;
};

// A table whose header rows (its thead) are repeated on every sheet that starts inside its body.
struct FlowTable {
    int top = 0, bottom = 0;                // the table's border box
    int header_top = 0, header_bottom = 0;  // its header rows
};

struct FlowLayout {
    int height = 0;  // of the whole document
    std::vector<FlowBox> boxes;
    std::vector<FlowTable> tables;
};

// One sheet: the document from `top` to `bottom`, below `header` (a table's header rows, drawn
// first at the top of the sheet) when the sheet starts inside that table's body.
struct FlowSheet {
    int top = 0, bottom = 0;
    struct Band {
        int top = 0, bottom = 0;
    };
    std::optional<Band> header;
};

// Collapsed table borders: neighbouring rows share their border line, so boxes overlapping by
// this much or less do not count as cut.
constexpr int k_flow_overlap = 2;

FlowLayout flow_layout(litehtml::document& doc);

// Sheets of at most `body_height` px each (a box taller than that is cut where it must be), in
// order, covering the whole document; at least one.
std::vector<FlowSheet> plan_sheets(const FlowLayout& layout, int body_height);

}  // namespace homeroom::render::pdf
