// The settings file (`--config FILE`) checked before it is used: its sections and keys against
// settings_keys.h and its INI structure, every problem with FILE:LINE:COLUMN.
#pragma once

#include <filesystem>

namespace homeroom::app {

// Throws UsageError listing every problem ("h.ini:5:1: error: unknown setting "secert" in [site]
// (did you mean "secret"?)") and IoError when the file cannot be read.
void check_settings_file(const std::filesystem::path& path);

}  // namespace homeroom::app
