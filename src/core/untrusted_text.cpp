#include "core/untrusted_text.h"

#include <algorithm>
#include <cstdint>

#include "core/utf8.h"

namespace homeroom {
namespace {

constexpr char32_t k_replacement = 0xFFFD;

// Decodes one code point at `pos` and advances past it; ill-formed bytes (overlong forms,
// surrogates, beyond U+10FFFF, truncated) decode as U+FFFD one byte at a time.
char32_t next_code_point(std::string_view text, std::size_t& pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(pos);
    if (lead < 0x80) {
        ++pos;
        return lead;
    }
    std::size_t length = 0;
    char32_t cp = 0;
    char32_t minimum = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2, cp = lead & 0x1F, minimum = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3, cp = lead & 0x0F, minimum = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4, cp = lead & 0x07, minimum = 0x10000;
    } else {
        ++pos;
        return k_replacement;
    }
    if (pos + length > text.size()) {
        ++pos;
        return k_replacement;
    }
    for (std::size_t i = 1; i < length; ++i) {
        const unsigned char continuation = byte(pos + i);
        if ((continuation & 0xC0) != 0x80) {
            ++pos;
            return k_replacement;
        }
        cp = (cp << 6) | (continuation & 0x3F);
    }
    if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++pos;
        return k_replacement;
    }
    pos += length;
    return cp;
}

bool is_dropped(char32_t cp) {
    const bool bidi_control = (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    // XML 1.0 allows tab, newline and carriage return only; C1 controls are allowed but invisible
    // and have no business in a name.
    const bool control =
        (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
    return bidi_control || control || cp == 0xFFFE || cp == 0xFFFF;
}

}  // namespace

std::string clean_untrusted_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = next_code_point(text, pos);
        if (!is_dropped(cp))
            append_utf8(out, cp);
    }
    return out;
}

std::string terminal_text(std::string_view text) {
    std::string out = clean_untrusted_text(text);
    std::replace_if(
        out.begin(), out.end(), [](char c) { return c == '\n' || c == '\t'; }, ' ');
    return out;
}

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string escape_markup(std::string_view text) {
    return escape_html(clean_untrusted_text(text));
}

std::size_t code_point_count(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t pos = 0; pos < text.size(); ++count) next_code_point(text, pos);
    return count;
}

std::string truncate_code_points(std::string_view text, std::size_t max_code_points) {
    if (code_point_count(text) <= max_code_points)
        return std::string(text);
    if (max_code_points == 0)
        return {};
    std::size_t pos = 0;
    for (std::size_t kept = 0; kept + 1 < max_code_points && pos < text.size(); ++kept)
        next_code_point(text, pos);
    std::string out(text.substr(0, pos));
    out += "\u2026";
    return out;
}

}  // namespace homeroom
