#include "ingest/field_rules.h"

#include <charconv>
#include <cstdint>

namespace homeroom::ingest {
namespace {

bool is_ascii_alnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i]))
            return false;
    return true;
}

}  // namespace

bool is_valid_id(std::string_view s) {
    if (s.empty() || s.size() > k_max_id_length)
        return false;
    for (char c : s)
        if (!is_ascii_alnum(c) && c != '-' && c != '_' && c != '.' && c != ':' && c != '/')
            return false;
    return true;
}

bool is_valid_phone(std::string_view s) {
    if (s.size() < 9 || s.size() > 16 || s[0] != '+' || s[1] == '0')
        return false;
    for (std::size_t i = 1; i < s.size(); ++i)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

bool is_valid_language(std::string_view s) {
    return s.size() == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z';
}

std::optional<bool> parse_bool(std::string_view s) {
    if (iequals(s, "y") || iequals(s, "yes") || iequals(s, "true") || s == "1")
        return true;
    if (iequals(s, "n") || iequals(s, "no") || iequals(s, "false") || s == "0")
        return false;
    return std::nullopt;
}

bool is_whole_number(std::string_view s) {
    if (!s.empty() && (s[0] == '+' || s[0] == '-'))
        s.remove_prefix(1);
    if (s.empty())
        return false;
    for (const char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

bool is_decimal_number(std::string_view s) {
    if (!s.empty() && (s[0] == '+' || s[0] == '-'))
        s.remove_prefix(1);
    bool digit = false, point = false;
    for (const char c : s) {
        if (c >= '0' && c <= '9') {
            digit = true;
        } else if (c == '.' && !point) {
            point = true;
        } else {
            return false;
        }
    }
    return digit;
}

std::optional<long long> parse_int(std::string_view s) {
    if (!is_whole_number(s))
        return std::nullopt;
    if (s[0] == '+')
        s.remove_prefix(1);
    long long value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size())
        return std::nullopt;
    return value;
}

std::optional<double> parse_number(std::string_view s) {
    // Only plain decimal notation: one optional sign, no exponents, infinities or hex.
    if (!is_decimal_number(s))
        return std::nullopt;
    if (s[0] == '+')
        s.remove_prefix(1);
    double value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size())
        return std::nullopt;
    return value;
}

int find_control_character(std::string_view s, bool allow_line_breaks) {
    int index = 0;
    for (std::size_t i = 0; i < s.size(); ++index) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            const bool line_break = c == '\n' || c == '\r' || c == '\t';
            if ((c < 0x20 && !(allow_line_breaks && line_break)) || c == 0x7F)
                return index;
            ++i;
            continue;
        }
        // C1 controls are U+0080..U+009F, encoded C2 80..C2 9F.
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0)
            return index;
        i += c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    }
    return -1;
}

std::size_t code_point_count(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80)
            ++n;
    return n;
}

}  // namespace homeroom::ingest
