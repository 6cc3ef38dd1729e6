#include "render/pdf_flow.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace homeroom::render::pdf {
namespace {

bool tag_is(const litehtml::element::ptr& el, const char* name) {
    const char* tag = el->get_tagName();
    return tag != nullptr && std::strcmp(tag, name) == 0;
}

bool is_heading(const litehtml::element::ptr& el) {
    const char* tag = el->get_tagName();
    return tag != nullptr && (tag[0] == 'h' || tag[0] == 'H') && tag[1] >= '1' && tag[1] <= '6' &&
           tag[2] == '\0';
}

// The border box of an element, from the top of the document.
FlowBox border_box(const litehtml::element::ptr& el) {
    const auto p = el->get_placement();
    return FlowBox{p.y - el->padding_top() - el->border_top(),
                   p.y + p.height + el->padding_bottom() + el->border_bottom(), false};
}

struct TableContext {
    int origin_y = 0;  // the table's content box: its cells are placed from there
    std::size_t index = 0;
    bool in_header = false;
    bool has_header = false;
};

class Collector {
  public:
    explicit Collector(FlowLayout& out) : m_out(out) {}

    void visit(const litehtml::element::ptr& el, TableContext* table) {
        const auto d = el->get_display();
        if (d == litehtml::display_none)
            return;
        if (d == litehtml::display_table) {
            visit_table(el);
            return;
        }
        if (table != nullptr && d == litehtml::display_table_row_group) {
            const bool was = table->in_header;
            table->in_header = tag_is(el, "thead");
            visit_children(el, table);
            table->in_header = was;
            return;
        }
        if (table != nullptr && d == litehtml::display_table_row) {
            visit_row(el, *table);
            return;
        }
        if (d == litehtml::display_table_caption) {
            add(border_box(el), true);
            return;
        }
        const bool atomic = d == litehtml::display_list_item ||
                            d == litehtml::display_inline_block ||
                            el->get_float() != litehtml::float_none || tag_is(el, "figure");
        bool has_block_child = false;
        for (std::size_t i = 0; i < el->get_children_count(); ++i) {
            const auto d2 = el->get_child(static_cast<int>(i))->get_display();
            if (d2 != litehtml::display_inline && d2 != litehtml::display_inline_text)
                has_block_child = true;
        }
        if (atomic || (!has_block_child && d != litehtml::display_inline &&
                       d != litehtml::display_inline_text)) {
            add(border_box(el), is_heading(el) || tag_is(el, "figcaption"));
            return;
        }
        visit_children(el, table);
    }

  private:
    void visit_children(const litehtml::element::ptr& el, TableContext* table) {
        for (std::size_t i = 0; i < el->get_children_count(); ++i)
            visit(el->get_child(static_cast<int>(i)), table);
    }

    void visit_table(const litehtml::element::ptr& el) {
        const FlowBox box = border_box(el);
        TableContext context;
        context.origin_y = el->get_placement().y;
        context.index = m_out.tables.size();
        m_out.tables.push_back(FlowTable{box.top, box.bottom, 0, 0});
        visit_children(el, &context);
        if (!context.has_header)
            m_out.tables.erase(m_out.tables.begin() + static_cast<std::ptrdiff_t>(context.index));
    }

    // litehtml places a row's cells from the table's content box (the row and its group have no
    // box of their own): the row is the union of its cells' border boxes.
    void visit_row(const litehtml::element::ptr& el, TableContext& table) {
        bool any = false, all_headers = true;
        FlowBox row;
        for (std::size_t i = 0; i < el->get_children_count(); ++i) {
            const auto cell = el->get_child(static_cast<int>(i));
            if (cell->get_display() != litehtml::display_table_cell)
                continue;
            const auto& p = cell->get_position();
            const int top = table.origin_y + p.y - cell->padding_top() - cell->border_top();
            const int bottom =
                table.origin_y + p.y + p.height + cell->padding_bottom() + cell->border_bottom();
            row.top = any ? std::min(row.top, top) : top;
            row.bottom = any ? std::max(row.bottom, bottom) : bottom;
            any = true;
            all_headers = all_headers && tag_is(cell, "th");
        }
        if (!any)
            return;
        // Header rows and group headings ("Gender", "Race and ethnicity") go with the next row.
        add(row, table.in_header || all_headers);
        if (table.in_header) {
            FlowTable& t = m_out.tables[table.index];
            t.header_top = table.has_header ? std::min(t.header_top, row.top) : row.top;
            t.header_bottom = table.has_header ? std::max(t.header_bottom, row.bottom) : row.bottom;
            table.has_header = true;
        }
    }

    void add(FlowBox box, bool keep_with_next) {
        box.keep_with_next = keep_with_next;
        if (box.bottom > box.top)
            m_out.boxes.push_back(box);
    }

    FlowLayout& m_out;
};

// Moves `cut` up to the top of every box it falls inside (by more than the shared border of
// collapsed rows), as long as that box starts below `top`.
int move_cut(const std::vector<std::pair<int, int>>& spans, int top, int cut) {
    for (bool moved = true; moved;) {
        moved = false;
        for (const auto& [a, b] : spans)
            if (a > top && a < cut && cut < b - k_flow_overlap && cut - a > k_flow_overlap) {
                cut = a;
                moved = true;
            }
    }
    return cut;
}

}  // namespace

FlowLayout flow_layout(litehtml::document& doc) {
    FlowLayout layout;
    layout.height = doc.height();
    Collector(layout).visit(doc.root(), nullptr);
    return layout;
}

std::vector<FlowSheet> plan_sheets(const FlowLayout& layout, int body_height) {
    const int body = std::max(1, body_height);
    // A box kept with the next one reaches down to the end of that one (chains run backwards).
    std::vector<std::pair<int, int>> spans;
    for (const auto& b : layout.boxes) spans.emplace_back(b.top, b.bottom);
    for (std::size_t i = layout.boxes.size(); i-- > 1;)
        if (layout.boxes[i - 1].keep_with_next)
            spans[i - 1].second = std::max(spans[i - 1].second, spans[i].second);
    std::vector<std::pair<int, int>> boxes;
    for (const auto& b : layout.boxes) boxes.emplace_back(b.top, b.bottom);

    std::vector<FlowSheet> sheets;
    int top = 0;
    for (;;) {
        FlowSheet sheet;
        sheet.top = top;
        int room = body;
        if (!sheets.empty()) {
            const FlowTable* inside = nullptr;
            for (const auto& t : layout.tables)
                if (t.header_bottom - k_flow_overlap <= top && top < t.bottom &&
                    t.header_top >= t.top &&
                    (inside == nullptr || t.header_top > inside->header_top))
                    inside = &t;
            if (inside != nullptr && 2 * (inside->header_bottom - inside->header_top) <= body) {
                sheet.header = FlowSheet::Band{inside->header_top, inside->header_bottom};
                room -= inside->header_bottom - inside->header_top;
            }
        }
        int cut = std::min(layout.height, top + room);
        if (cut < layout.height) {
            // Keep what goes together if it can be done; else at least no single box is cut.
            int kept = move_cut(spans, top, cut);
            for (int previous = -1; previous != kept;) {
                previous = kept;
                kept = move_cut(spans, top, move_cut(boxes, top, kept));
            }
            cut = kept;
        }
        sheet.bottom = cut;
        sheets.push_back(sheet);
        if (cut >= layout.height)
            break;
        top = cut;
    }
    return sheets;
}

}  // namespace homeroom::render::pdf
