#include "render/pdf_bidi.h"

#include <fribidi.h>
#include <litehtml/el_text.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace homeroom::render::pdf {
namespace {

struct Word {
    litehtml::element* el;
    litehtml::position place;  // content box, document coordinates
    std::string text;
    FriBidiLevel level = 0;
    int isolate = 0;  // words of one <bdi> (or inline element with dir) share a non-zero id
};

struct Block {
    bool rtl = false;
    std::vector<Word> words;  // in document order
};

bool is_inline(const litehtml::element& el) {
    const auto d = el.get_display();
    return d == litehtml::display_inline || d == litehtml::display_inline_text;
}

bool is_text(litehtml::element& el) {
    return dynamic_cast<litehtml::el_text*>(&el) != nullptr;
}

// Mirrors a block-level box inside its parent's content box (a cell inside its table's).
void mirror(litehtml::element& el) {
    auto parent = el.parent();
    // Rows have no width of their own in litehtml 0.6: cells mirror inside the table.
    if (el.get_display() == litehtml::display_table_cell)
        while (parent && parent->get_display() != litehtml::display_table &&
               parent->get_display() != litehtml::display_inline_table)
            parent = parent->parent();
    if (!parent)
        return;
    const auto p = parent->get_placement();
    const auto e = el.get_placement();
    const int left = e.x - el.content_margins_left();
    const int right = e.x + e.width + el.content_margins_right();
    const int mirrored_left = 2 * p.x + p.width - right;
    el.get_position().x += mirrored_left - left;
}

constexpr std::size_t k_no_block = static_cast<std::size_t>(-1);

// Walks the tree in document order: every non-inline box starts a block, every text element is a
// word of the block it flows in.
void collect(litehtml::element& el, bool rtl, std::size_t block, int isolate, int& isolates,
             std::vector<Block>& blocks) {
    const char* dir = el.get_attr("dir");
    if (dir)
        rtl = std::strcmp(dir, "rtl") == 0 ? true : std::strcmp(dir, "ltr") == 0 ? false : rtl;
    if (is_text(el)) {
        if (block != k_no_block) {
            Word w{&el, el.get_placement(), {}, 0, isolate};
            el.get_text(w.text);
            if (!w.text.empty())
                blocks[block].words.push_back(std::move(w));
        }
        return;
    }
    if (el.get_display() == litehtml::display_none)
        return;
    if (!is_inline(el)) {
        const auto d = el.get_display();
        if (rtl && d != litehtml::display_table_row && d != litehtml::display_table_row_group &&
            d != litehtml::display_table_header_group && d != litehtml::display_table_footer_group)
            mirror(el);
        block = blocks.size();
        blocks.push_back(Block{rtl, {}});
        isolate = 0;
    } else if (dir || std::strcmp(el.get_tagName(), "bdi") == 0) {
        isolate = ++isolates;  // data isolated from its surroundings, as browsers do
    }
    for (std::size_t i = 0; i < el.get_children_count(); ++i)
        collect(*el.get_child(static_cast<int>(i)), rtl, block, isolate, isolates, blocks);
}

void reorder_line(std::vector<Word*>& line, bool rtl) {
    if (line.empty())
        return;
    std::u32string logical;
    std::vector<std::size_t> first_char;
    bool any_rtl_char = false;
    int isolate = 0;
    for (Word* w : line) {
        // Isolates as FSI … PDI around their words: fribidi resolves them (rule X5c).
        if (w->isolate != isolate) {
            if (isolate != 0)
                logical += U'\u2069';
            if (w->isolate != 0)
                logical += U'\u2068';
            isolate = w->isolate;
        }
        first_char.push_back(logical.size());
        std::vector<FriBidiChar> u(w->text.size() + 1);
        const FriBidiStrIndex n =
            fribidi_charset_to_unicode(FRIBIDI_CHAR_SET_UTF8, w->text.data(),
                                       static_cast<FriBidiStrIndex>(w->text.size()), u.data());
        for (FriBidiStrIndex i = 0; i < n; ++i) {
            logical += static_cast<char32_t>(u[i]);
            const auto t = fribidi_get_bidi_type(u[i]);
            if (t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL)
                any_rtl_char = true;
        }
        if (n == 0)
            logical += U' ';
    }
    if (isolate != 0)
        logical += U'\u2069';
    if (!rtl && !any_rtl_char)
        return;
    const auto len = static_cast<FriBidiStrIndex>(logical.size());
    std::vector<FriBidiCharType> types(logical.size());
    std::vector<FriBidiBracketType> brackets(logical.size());
    std::vector<FriBidiLevel> levels(logical.size());
    const auto* chars = reinterpret_cast<const FriBidiChar*>(logical.data());
    fribidi_get_bidi_types(chars, len, types.data());
    fribidi_get_bracket_types(chars, len, types.data(), brackets.data());
    FriBidiParType base = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    if (!fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), len, &base,
                                             levels.data()))
        return;
    int highest = 0, lowest_odd = 1000;
    for (std::size_t i = 0; i < line.size(); ++i) {
        // A word takes its strongest character's level (spaces resolve by their neighbours).
        const std::size_t end = i + 1 < line.size() ? first_char[i + 1] : logical.size();
        FriBidiLevel lv = levels[first_char[i]];
        for (std::size_t c = first_char[i]; c < end; ++c)
            if (FRIBIDI_IS_STRONG(types[c]) || FRIBIDI_IS_NUMBER(types[c])) {
                lv = levels[c];
                break;
            }
        line[i]->level = lv;
        highest = std::max(highest, static_cast<int>(lv));
        if (lv % 2 == 1)
            lowest_odd = std::min(lowest_odd, static_cast<int>(lv));
    }
    // Trailing spaces of a line take the paragraph level (rule L1).
    for (auto it = line.rbegin(); it != line.rend(); ++it) {
        if ((*it)->text.find_first_not_of(' ') != std::string::npos)
            break;
        (*it)->level = rtl ? 1 : 0;
    }
    std::vector<Word*> visual = line;
    if (lowest_odd != 1000)
        for (int lv = highest; lv >= lowest_odd; --lv) {
            std::size_t i = 0;
            while (i < visual.size()) {
                if (visual[i]->level < lv) {
                    ++i;
                    continue;
                }
                std::size_t j = i;
                while (j < visual.size() && visual[j]->level >= lv) ++j;
                std::reverse(visual.begin() + static_cast<std::ptrdiff_t>(i),
                             visual.begin() + static_cast<std::ptrdiff_t>(j));
                i = j;
            }
        }
    int x = line.front()->place.x;
    for (Word* w : line) x = std::min(x, w->place.x);
    for (Word* w : visual) {
        w->el->get_position().x += x - w->place.x;
        x += w->place.width;
    }
}

}  // namespace

void reorder_bidi(litehtml::document& doc) {
    const auto root = doc.root();
    if (!root)
        return;
    std::vector<Block> blocks;
    int isolates = 0;
    collect(*root, false, k_no_block, 0, isolates, blocks);
    for (auto& block : blocks) {
        std::vector<Word*> line;
        int line_bottom = 0, last_right = 0;
        for (auto& w : block.words) {
            const bool new_line =
                !line.empty() && (w.place.y >= line_bottom || w.place.x + 1 < last_right);
            if (new_line) {
                reorder_line(line, block.rtl);
                line.clear();
            }
            if (line.empty())
                line_bottom = w.place.y + w.place.height;
            else
                line_bottom = std::max(line_bottom, w.place.y + w.place.height);
            last_right = w.place.x + w.place.width;
            line.push_back(&w);
        }
        reorder_line(line, block.rtl);
    }
}

}  // namespace homeroom::render::pdf
