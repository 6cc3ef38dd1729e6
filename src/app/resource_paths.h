// Where the shipped templates/ and locales/ folders are: configured, next to the working
// directory (a checkout), or next to the executable (build/homeroom in a checkout, or an install
// under /usr/share/homeroom).
#pragma once

#include <filesystem>
#include <string>

namespace homeroom::app {

// `configured` wins when not empty; otherwise the first candidate folder named `name` that
// holds `marker`. Throws NoInputError naming the places searched.
std::filesystem::path find_resource_dir(const std::string& configured, const std::string& name,
                                        const std::string& marker);

}  // namespace homeroom::app
