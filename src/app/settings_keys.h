// The one table of the settings file's sections and keys (`--config FILE`; documented in
// docs/homeroom.example.ini). Every key the program reads is listed here: the settings check
// refuses any other, so a misspelt key is an error instead of a default used in silence.
#pragma once

#include <string>
#include <vector>

namespace homeroom::app {

struct SettingsSection {
    std::string name;               // "smtp"
    std::vector<std::string> keys;  // "host", "port", ...
};

// In the order of docs/homeroom.example.ini, keys sorted.
const std::vector<SettingsSection>& settings_sections();

}  // namespace homeroom::app
