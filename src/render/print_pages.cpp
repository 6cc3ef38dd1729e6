#include "render/print_pages.h"

#include <algorithm>

namespace homeroom::render {
namespace {

// Metrics of templates/print/print.css (12 px Noto Sans, line-height of the font ≈ 17 px).
constexpr int k_line = 17;
constexpr int k_small_line = 14;
constexpr int k_row_padding = 8;  // cell padding and border
constexpr int k_heading = 34;     // an h2 with its margins and rule
constexpr int k_table_head = 27;  // a table's header row
constexpr int k_chars_per_line_wide = 105;

const std::string& str(const mstch::map& m, const std::string& key) {
    static const std::string empty;
    const auto it = m.find(key);
    if (it == m.end())
        return empty;
    if (const auto* s = boost::get<std::string>(&it->second))
        return *s;
    return empty;
}

bool truthy(const mstch::map& m, const std::string& key) {
    const auto it = m.find(key);
    if (it == m.end())
        return false;
    if (const auto* b = boost::get<bool>(&it->second))
        return *b;
    if (const auto* s = boost::get<std::string>(&it->second))
        return !s->empty();
    if (const auto* a = boost::get<mstch::array>(&it->second))
        return !a->empty();
    return boost::get<mstch::map>(&it->second) != nullptr;
}

mstch::array array(const mstch::map& m, const std::string& key) {
    const auto it = m.find(key);
    if (it == m.end())
        return {};
    if (const auto* a = boost::get<mstch::array>(&it->second))
        return *a;
    return {};
}

// Characters per line in a column `width_px` wide (average Noto Sans glyph ≈ 6.6 px at 12 px).
int lines_for(const std::string& text, int chars_per_line) {
    // UTF-8: count code points, not bytes.
    int n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80)
            ++n;
    return std::max(1, (n + chars_per_line - 1) / chars_per_line);
}

int course_height(const mstch::map& course, std::size_t periods) {
    // The course column takes what the period columns leave: about 40 characters with 4 periods.
    const int title_chars = std::max(18, 60 - static_cast<int>(periods) * 6);
    int h = k_row_padding + k_line * lines_for(str(course, "title"), title_chars);
    if (!str(course, "teacher").empty())
        h += k_small_line * lines_for(str(course, "teacher"), title_chars + 8);
    if (!str(course, "comment").empty())
        h += k_row_padding + k_line * lines_for(str(course, "comment") + "  Teacher's comment:",
                                                k_chars_per_line_wide);
    return h;
}

int simple_row_height(const mstch::map& row, const std::vector<std::pair<std::string, int>>& cols) {
    int lines = 1;
    for (const auto& [key, chars] : cols) lines = std::max(lines, lines_for(str(row, key), chars));
    return k_row_padding + k_line * lines;
}

int summary_height(const mstch::map& c, bool with_address) {
    int h = 0;
    if (with_address)
        h += 184;
    h += 30 + 2 * k_line + 8;  // title, subtitle, as-of line
    h += 80;                   // the three cards
    h += k_heading + static_cast<int>(array(c, "flags").size()) * (k_line + 4) + 8;
    if (truthy(c, "has_changes"))
        h += 26 + static_cast<int>(array(c, "changes").size()) * (k_line + 2) + 8;
    h += k_heading + 2 * k_line;
    if (truthy(c, "has_week_events"))
        h += static_cast<int>(array(c, "week_events").size()) * (k_line + 2) + 8;
    const auto chart = c.find("chart");
    if (chart != c.end())
        h += 240 + 12 + k_small_line + 6;
    return h;
}

struct Section {
    std::string key;  // "courses", "assessments", "incidents"
    mstch::array rows;
    std::vector<int> heights;
};

}  // namespace

int page_content_height(Paper paper) {
    // print.css: .page-body is 872 px high on Letter, 939 px on A4; keep a margin for
    // estimates that fall short.
    return (paper == Paper::a4 ? 939 : 872) - 16;
}

void paginate_student_report(mstch::map& c, const PrintOptions& options, const Localizer& l) {
    const int capacity = page_content_height(options.paper);
    const std::size_t periods = array(c, "periods").size();

    std::vector<Section> sections;
    {
        Section s{"courses", array(c, "courses"), {}};
        for (const auto& row : s.rows)
            s.heights.push_back(course_height(boost::get<mstch::map>(row), periods));
        sections.push_back(std::move(s));
    }
    {
        Section s{"assessments", array(c, "assessments"), {}};
        for (const auto& row : s.rows)
            s.heights.push_back(
                simple_row_height(boost::get<mstch::map>(row), {{"subject", 22}, {"test", 26}}));
        sections.push_back(std::move(s));
    }
    {
        Section s{"incidents", array(c, "incidents"), {}};
        for (const auto& row : s.rows)
            s.heights.push_back(
                simple_row_height(boost::get<mstch::map>(row), {{"type", 40}, {"action", 40}}));
        sections.push_back(std::move(s));
    }

    mstch::array pages;
    mstch::map page{{"first", true}};
    int used = summary_height(c, options.address.has_value());
    auto new_page = [&] {
        pages.push_back(page);
        page = mstch::map{{"first", false}};
        used = 0;
    };
    for (auto& s : sections) {
        const int empty_note = k_heading + k_line + 8;
        if (s.rows.empty()) {
            if (used + empty_note > capacity)
                new_page();
            page["show_" + s.key] = true;
            page[s.key + "_part"] = mstch::array{};
            used += empty_note;
            continue;
        }
        std::size_t i = 0;
        bool continued = false;
        while (i < s.rows.size()) {
            // A part needs its heading, its table header and at least one row.
            if (used + k_heading + k_table_head + s.heights[i] > capacity && used > 0)
                new_page();
            int h = used + k_heading + k_table_head;
            mstch::array part;
            while (i < s.rows.size() && (part.empty() || h + s.heights[i] <= capacity)) {
                h += s.heights[i];
                part.push_back(s.rows[i]);
                ++i;
            }
            page["show_" + s.key] = true;
            page[s.key + "_part"] = part;
            page[s.key + "_continued"] = continued;
            used = h + 8;
            continued = true;
            if (i < s.rows.size())
                new_page();
        }
    }
    if (c.count("profile")) {
        const auto& p = boost::get<mstch::map>(c.at("profile"));
        int h = k_heading;
        for (const char* key : {"strengths", "needs", "interests", "goals"})
            h += k_line + k_line * lines_for(str(p, key), k_chars_per_line_wide);
        if (used + h > capacity)
            new_page();
        page["show_profile"] = true;
        used += h;
    }
    pages.push_back(page);

    const std::size_t count = pages.size();
    for (std::size_t n = 0; n < count; ++n) {
        auto& pm = boost::get<mstch::map>(pages[n]);
        pm["page_label"] = l.number(static_cast<long long>(n + 1)) + " / " +
                           l.number(static_cast<long long>(count));
    }
    c["pages"] = pages;
    c["page_count"] = static_cast<int>(count);
    c["paper"] = std::string(options.paper == Paper::a4 ? "a4" : "letter");
    if (options.address) {
        mstch::array lines;
        for (const auto& line : options.address->lines) lines.push_back(line);
        mstch::array ret;
        std::size_t start = 0;
        const auto& r = options.address->return_lines;
        while (start <= r.size()) {
            const auto nl = r.find('\n', start);
            const auto end = nl == std::string::npos ? r.size() : nl;
            if (end > start)
                ret.push_back(r.substr(start, end - start));
            start = end + 1;
        }
        c["mailing"] = mstch::map{{"to", lines}, {"from", ret}};
    }
}

}  // namespace homeroom::render
