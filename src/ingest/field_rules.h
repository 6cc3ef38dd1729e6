// The value types of the native bundle (docs/data-format.md, "Types"): pure checks and parsers.
#pragma once

#include <optional>
#include <string_view>

namespace homeroom::ingest {

bool is_valid_id(std::string_view s);
bool is_valid_phone(std::string_view s);  // E.164
bool is_valid_language(std::string_view s);
std::optional<bool> parse_bool(std::string_view s);
// One optional sign (`+` or `-`) and digits: the form of an `int`, whatever its size.
bool is_whole_number(std::string_view s);
// One optional sign, digits and at most one `.`: the form of a `number`, whatever its size.
bool is_decimal_number(std::string_view s);
// The value, or nullopt when `s` does not have the form or does not fit (too large).
std::optional<long long> parse_int(std::string_view s);
std::optional<double> parse_number(std::string_view s);
// Control characters other than tab and line breaks (C0, DEL, C1) — and, when one line is
// required, tab and line breaks too. Returns the code-point offset of the first one, or -1.
int find_control_character(std::string_view utf8, bool allow_line_breaks);
// Number of code points (the text is valid UTF-8 after decoding).
std::size_t code_point_count(std::string_view utf8);

inline constexpr std::size_t k_max_id_length = 64;
inline constexpr std::size_t k_max_text_length = 200;
inline constexpr std::size_t k_max_longtext_length = 2000;

}  // namespace homeroom::ingest
