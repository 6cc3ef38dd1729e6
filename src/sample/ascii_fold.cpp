#include "sample/ascii_fold.h"

#include <cstdint>

namespace homeroom::sample {
namespace {

// Base letters of U+00C0..U+00FF; '.' marks a character that has none (× ÷).
constexpr std::string_view k_latin1 =
    "AAAAAAACEEEEIIIIDNOOOOO.OUUUUYTsaaaaaaaceeeeiiiidnooooo.ouuuuyty";
// Base letters of U+0100..U+017F (Latin Extended-A).
constexpr std::string_view k_extended_a =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSs"
    "SsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
static_assert(k_latin1.size() == 64);
static_assert(k_extended_a.size() == 128);

// Vietnamese letters with tone marks live in U+1EA0..U+1EF9, grouped by base vowel.
char vietnamese_base(std::uint32_t cp) {
    if (cp <= 0x1EB7)
        return 'a';
    if (cp <= 0x1EC7)
        return 'e';
    if (cp <= 0x1ECB)
        return 'i';
    if (cp <= 0x1EE3)
        return 'o';
    if (cp <= 0x1EF1)
        return 'u';
    return 'y';
}

char base_letter(std::uint32_t cp) {
    if (cp < 0x80)
        return static_cast<char>(cp);
    if (cp >= 0xC0 && cp <= 0xFF)
        return k_latin1[cp - 0xC0];
    if (cp >= 0x100 && cp <= 0x17F)
        return k_extended_a[cp - 0x100];
    if (cp == 0x1A0 || cp == 0x1A1)
        return 'o';  // ơ
    if (cp == 0x1AF || cp == 0x1B0)
        return 'u';  // ư
    if (cp >= 0x1EA0 && cp <= 0x1EF9)
        return vietnamese_base(cp);
    return '.';
}

}  // namespace

std::string ascii_fold_lower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto lead = static_cast<unsigned char>(s[i]);
        std::size_t length = 1;
        std::uint32_t cp = lead;
        if (lead >= 0xF0) {
            length = 4;
            cp = lead & 0x07u;
        } else if (lead >= 0xE0) {
            length = 3;
            cp = lead & 0x0Fu;
        } else if (lead >= 0xC0) {
            length = 2;
            cp = lead & 0x1Fu;
        }
        if (i + length > s.size())
            break;
        for (std::size_t k = 1; k < length; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
        i += length;
        const char c = base_letter(cp);
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
            out += c;
        }
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    while (!out.empty() && out.front() == '-') out.erase(0, 1);
    return out;
}

}  // namespace homeroom::sample
