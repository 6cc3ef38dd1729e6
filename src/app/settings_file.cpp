#include "app/settings_file.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "app/settings_keys.h"
#include "core/closest_name.h"
#include "core/errors.h"
#include "core/ini_sections.h"

namespace homeroom::app {

void check_settings_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in)
        throw IoError("cannot read config " + path.string());
    const std::string file = path.string();
    Diagnostics diagnostics;
    std::vector<std::string> names;
    for (const auto& s : settings_sections()) names.push_back(s.name);
    for (const auto& section : read_ini_sections(text.str(), file, diagnostics)) {
        const auto known = std::find_if(settings_sections().begin(), settings_sections().end(),
                                        [&](const auto& s) { return s.name == section.name; });
        if (known != settings_sections().end()) {
            refuse_unknown_keys(section, known->keys, file, diagnostics);
            continue;
        }
        // Its settings are not listed one by one: the section's name is the mistake.
        std::string hint;
        if (const auto close = closest_name(section.name, names)) {
            hint = "did you mean [" + *close + "]?";
        } else {
            hint = "known: ";
            for (std::size_t i = 0; i < names.size(); ++i) hint += (i ? ", " : "") + names[i];
        }
        diagnostics.error(file, section.line, section.name_column,
                          "unknown section [" + section.name + "] (" + hint + ")");
    }
    if (!diagnostics.has_errors())
        return;
    // In file order: the structure is read before the names are checked.
    auto items = diagnostics.items();
    std::stable_sort(items.begin(), items.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
    Diagnostics in_order;
    for (auto& d : items) in_order.error(std::move(d.file), d.line, d.column, std::move(d.message));
    throw UsageError(in_order.format(50) + "homeroom: the settings in " + file +
                     " were refused: " + std::to_string(diagnostics.error_count()) +
                     (diagnostics.error_count() == 1 ? " error" : " errors"));
}

}  // namespace homeroom::app
