// Reading figures back out of rendered public pages: table rows by their row heading, cell text
// without tags. Enough for the markup our templates write; not a general HTML parser.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace homeroom::render::testing {

// The few entities the templates' escaping writes.
inline std::string decoded(std::string text) {
    static const std::pair<const char*, const char*> k_entities[] = {
        {"&lt;", "<"},  {"&gt;", ">"},   {"&quot;", "\""},
        {"&#39;", "'"}, {"&#x2F;", "/"}, {"&amp;", "&"}};
    for (const auto& [entity, character] : k_entities)
        for (auto at = text.find(entity); at != std::string::npos; at = text.find(entity, at + 1))
            text.replace(at, std::string_view(entity).size(), character);
    return text;
}

inline std::string without_tags(std::string_view html) {
    std::string out;
    bool in_tag = false;
    for (const char c : html) {
        if (c == '<')
            in_tag = true;
        else if (c == '>')
            in_tag = false;
        else if (!in_tag)
            out += c;
    }
    const auto first = out.find_first_not_of(" \n\t");
    const auto last = out.find_last_not_of(" \n\t");
    return first == std::string::npos ? std::string()
                                      : decoded(out.substr(first, last - first + 1));
}

// The <table> ... </table> that follows `marker` (e.g. id="table-enrollment").
inline std::string table_after(const std::string& html, std::string_view marker) {
    const auto at = html.find(marker);
    if (at == std::string::npos)
        throw std::runtime_error("no " + std::string(marker) + " in the page");
    const auto start = html.rfind("<table", at);
    const auto end = html.find("</table>", at);
    return html.substr(start, end - start);
}

struct TableRow {
    std::string heading;  // the row's <th>, without tags
    std::vector<std::string> cells;
    std::string html;
};

inline std::vector<TableRow> table_rows(const std::string& table) {
    std::vector<TableRow> rows;
    for (std::size_t at = table.find("<tr"); at != std::string::npos;
         at = table.find("<tr", at + 3)) {
        const auto end = table.find("</tr>", at);
        TableRow row;
        row.html = table.substr(at, end - at);
        const auto th = row.html.find("<th");
        if (th != std::string::npos) {
            const auto th_end = row.html.find("</th>", th);
            row.heading = without_tags(row.html.substr(th, th_end - th));
        }
        for (std::size_t td = row.html.find("<td"); td != std::string::npos;
             td = row.html.find("<td", td + 3)) {
            const auto td_end = row.html.find("</td>", td);
            row.cells.push_back(without_tags(row.html.substr(td, td_end - td)));
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

inline const TableRow& row_headed(const std::vector<TableRow>& rows, std::string_view heading) {
    for (const auto& row : rows)
        if (row.heading == heading)
            return row;
    throw std::runtime_error("no row headed " + std::string(heading));
}

// A whole number written with optional thousands separators ("1,234"), or -1.
inline long long whole_number(std::string_view text) {
    if (text.empty())
        return -1;
    long long n = 0;
    for (const char c : text) {
        if (c == ',')
            continue;
        if (c < '0' || c > '9')
            return -1;
        n = n * 10 + (c - '0');
    }
    return n;
}

// "87%" as 87, "<5%" as 4.5, ">95%" as 95.5; -1 for anything else.
inline double percent_key(std::string_view text) {
    double offset = 0;
    if (!text.empty() && (text.front() == '<' || text.front() == '>')) {
        offset = text.front() == '<' ? -0.5 : 0.5;
        text.remove_prefix(1);
    }
    if (text.size() < 2 || text.back() != '%')
        return -1;
    const long long n = whole_number(text.substr(0, text.size() - 1));
    return n < 0 ? -1 : static_cast<double>(n) + offset;
}

}  // namespace homeroom::render::testing
