#include "render/sheet_names.h"

#include <set>

#include "render/untrusted_text.h"

namespace homeroom::render {
namespace {

constexpr std::size_t k_max_units = 31;  // Excel counts UTF-16 code units

std::size_t utf16_units(std::string_view utf8) {
    std::size_t units = 0;
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte & 0xC0) != 0x80)
            units += byte >= 0xF0 ? 2 : 1;  // a 4-byte sequence is a surrogate pair
    }
    return units;
}

// The longest prefix of whole code points within `max_units`, with an ellipsis when cut.
std::string fit(const std::string& name, std::size_t max_units) {
    if (utf16_units(name) <= max_units)
        return name;
    std::size_t end = 0, units = 0;
    for (std::size_t pos = 0; pos < name.size();) {
        std::size_t next = pos + 1;
        while (next < name.size() && (static_cast<unsigned char>(name[next]) & 0xC0) == 0x80)
            ++next;
        const std::size_t cost = utf16_units(std::string_view(name).substr(pos, next - pos));
        if (units + cost > max_units - 1)  // room for the ellipsis
            break;
        units += cost;
        end = next;
        pos = next;
    }
    std::string out = name.substr(0, end);
    while (!out.empty() && (out.back() == ' ' || out.back() == '\'')) out.pop_back();
    return out + "\u2026";
}

// Excel compares names ignoring case; ASCII folding covers the names it would refuse.
std::string folded(std::string_view name) {
    std::string out(name);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string base_name(const std::string& title, std::size_t index) {
    std::string name = clean_untrusted_text(title);
    for (char& c : name)
        if (c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\' ||
            c == '\t' || c == '\n')
            c = ' ';
    const auto is_trimmed = [](char c) { return c == ' ' || c == '\''; };
    std::size_t first = 0, last = name.size();
    while (first < last && is_trimmed(name[first])) ++first;
    while (last > first && is_trimmed(name[last - 1])) --last;
    name = name.substr(first, last - first);
    if (name.empty())
        return "Sheet" + std::to_string(index + 1);
    return fit(name, k_max_units);
}

}  // namespace

std::vector<std::string> excel_sheet_names(std::span<const std::string> titles) {
    std::vector<std::string> names;
    std::set<std::string> taken = {"history"};
    for (std::size_t i = 0; i < titles.size(); ++i) {
        const std::string base = base_name(titles[i], i);
        std::string name = base;
        for (int n = 2; taken.count(folded(name)) > 0; ++n) {
            const std::string suffix = " (" + std::to_string(n) + ")";
            name = fit(base, k_max_units - suffix.size()) + suffix;
        }
        taken.insert(folded(name));
        names.push_back(name);
    }
    return names;
}

}  // namespace homeroom::render
