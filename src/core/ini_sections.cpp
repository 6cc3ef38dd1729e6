#include "core/ini_sections.h"

#include <algorithm>
#include <cctype>

#include "core/closest_name.h"

namespace homeroom {
namespace {

std::string_view strip(std::string_view s, int& leading) {
    leading = 0;
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) {
        s.remove_prefix(1);
        ++leading;
    }
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

}  // namespace

std::vector<IniSection> read_ini_sections(std::string_view text, const std::string& file,
                                          Diagnostics& diagnostics,
                                          std::string_view before_any_section) {
    std::vector<IniSection> sections;
    int line_number = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        std::string_view raw = text.substr(start, end - start);
        start = end + 1;
        ++line_number;
        if (!raw.empty() && raw.back() == '\r')
            raw.remove_suffix(1);
        int indent = 0;
        const std::string_view line = strip(raw, indent);
        if (line.empty() || line.front() == ';' || line.front() == '#')
            continue;
        if (line.front() == '[') {
            std::string_view inner = line.substr(1);
            if (line.size() < 2 || line.back() != ']')
                diagnostics.error(file, line_number, indent + 1, "a section header ends with ]");
            else
                inner.remove_suffix(1);
            int unused = 0;
            std::string name(strip(inner, unused));
            for (const auto& s : sections)
                if (s.name == name)
                    diagnostics.error(file, line_number, indent + 2,
                                      "[" + name + "] appears twice (first on line " +
                                          std::to_string(s.line) + ")");
            sections.push_back({std::move(name), line_number, indent + 2, {}});
            continue;
        }
        const std::size_t equals = line.find('=');
        if (equals == std::string_view::npos) {
            diagnostics.error(file, line_number, indent + 1, "expected KEY = VALUE");
            continue;
        }
        if (sections.empty()) {
            diagnostics.error(file, line_number, indent + 1,
                              "a setting before any section" + std::string(before_any_section));
            continue;
        }
        int unused = 0;
        const std::string key(strip(line.substr(0, equals), unused));
        int value_indent = 0;
        std::string_view value = strip(line.substr(equals + 1), value_indent);
        // A trailing " ; comment" is a comment; a ';' inside a value (none of ours have one) is
        // not.
        const std::size_t comment = value.find(" ;");
        if (comment != std::string_view::npos) {
            value = value.substr(0, comment);
            while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back())))
                value.remove_suffix(1);
        }
        auto& entries = sections.back().entries;
        if (entries.count(key)) {
            diagnostics.error(file, line_number, indent + 1,
                              key + " is set twice in [" + sections.back().name + "]");
            continue;
        }
        entries[key] = {std::string(value), line_number, indent + 1,
                        indent + static_cast<int>(equals) + 2 + value_indent};
    }
    return sections;
}

void refuse_unknown_keys(const IniSection& section, const std::vector<std::string>& known,
                         const std::string& file, Diagnostics& diagnostics) {
    std::vector<const std::pair<const std::string, IniEntry>*> unknown;
    for (const auto& entry : section.entries)
        if (std::find(known.begin(), known.end(), entry.first) == known.end())
            unknown.push_back(&entry);
    std::sort(unknown.begin(), unknown.end(),
              [](const auto* a, const auto* b) { return a->second.line < b->second.line; });
    for (const auto* entry : unknown) {
        std::string hint;
        if (const auto close = closest_name(entry->first, known)) {
            hint = "did you mean \"" + *close + "\"?";
        } else {
            std::vector<std::string> sorted = known;
            std::sort(sorted.begin(), sorted.end());
            hint = "known: ";
            for (std::size_t i = 0; i < sorted.size(); ++i) hint += (i ? ", " : "") + sorted[i];
        }
        diagnostics.error(
            file, entry->second.line, entry->second.key_column,
            "unknown setting \"" + entry->first + "\" in [" + section.name + "] (" + hint + ")");
    }
}

}  // namespace homeroom
