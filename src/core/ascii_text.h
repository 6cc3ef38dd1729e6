// The small text helpers every module needs, once: ASCII only, no locale, no allocation where a
// view will do.
#pragma once

#include <string>
#include <string_view>

namespace homeroom {

// `s` without the spaces and tabs at either end.
std::string_view trim_blanks(std::string_view s);

// `s` with A-Z lowered; every other byte (UTF-8 included) as it is.
std::string ascii_lower(std::string_view s);

}  // namespace homeroom
