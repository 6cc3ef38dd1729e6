// INI text read by hand, keeping the line and column of every section and setting, for the files
// users write (job files, the settings file) whose mistakes are reported like a compiler's.
// Poco's reader keeps no positions, and takes "[store" without its "]" as [store] in silence.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"

namespace homeroom {

struct IniEntry {
    std::string value;  // trimmed; a trailing " ; comment" is cut off
    int line = 0;
    int key_column = 0;
    int value_column = 0;
};

struct IniSection {
    std::string name;
    int line = 0;
    int name_column = 0;  // of the name, after "["
    std::map<std::string, IniEntry> entries;
};

// Sections in file order. Reported into `diagnostics`: a header without "]" (its section is
// still opened, so the settings under it are not blamed on the one before), a section given
// twice, a line without "=", a key set twice in a section, and a setting before any section
// ("a setting before any section" + `before_any_section`, e.g. " (start with [job])").
std::vector<IniSection> read_ini_sections(std::string_view text, const std::string& file,
                                          Diagnostics& diagnostics,
                                          std::string_view before_any_section = "");

// Reports each setting of `section` whose key is not one of `known`, in file order:
// `unknown setting "secert" in [site] (did you mean "secret"?)`, or "(known: a, b, ...)" when no
// known key is close (closest_name.h).
void refuse_unknown_keys(const IniSection& section, const std::vector<std::string>& known,
                         const std::string& file, Diagnostics& diagnostics);

}  // namespace homeroom
