#include "notify/sms_encoding.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/untrusted_text.h"

namespace homeroom::notify {
namespace {

// The GSM 03.38 default alphabet, in table order (0x00-0x7F); 0x1B (escape) is not a character.
constexpr char32_t k_basic[128] = {
    U'@', U'£', U'$', U'¥', U'è', U'é', U'ù', U'ì', U'ò', U'Ç',  U'\n', U'Ø', U'ø',   U'\r', U'Å',
    U'å', U'Δ', U'_', U'Φ', U'Γ', U'Λ', U'Ω', U'Π', U'Ψ', U'Σ',  U'Θ',  U'Ξ', 0xFFFF, U'Æ',  U'æ',
    U'ß', U'É', U' ', U'!', U'"', U'#', U'¤', U'%', U'&', U'\'', U'(',  U')', U'*',   U'+',  U',',
    U'-', U'.', U'/', U'0', U'1', U'2', U'3', U'4', U'5', U'6',  U'7',  U'8', U'9',   U':',  U';',
    U'<', U'=', U'>', U'?', U'¡', U'A', U'B', U'C', U'D', U'E',  U'F',  U'G', U'H',   U'I',  U'J',
    U'K', U'L', U'M', U'N', U'O', U'P', U'Q', U'R', U'S', U'T',  U'U',  U'V', U'W',   U'X',  U'Y',
    U'Z', U'Ä', U'Ö', U'Ñ', U'Ü', U'§', U'¿', U'a', U'b', U'c',  U'd',  U'e', U'f',   U'g',  U'h',
    U'i', U'j', U'k', U'l', U'm', U'n', U'o', U'p', U'q', U'r',  U's',  U't', U'u',   U'v',  U'w',
    U'x', U'y', U'z', U'ä', U'ö', U'ñ', U'ü', U'à'};

// The extension table: escape + one septet each.
constexpr char32_t k_extension[] = {U'\f', U'^', U'{', U'}', U'\\', U'[', U'~', U']', U'|', U'€'};

struct Tables {
    std::array<std::uint8_t, 0x400> low{};  // septets for U+0000..U+03FF
    Tables() {
        for (char32_t c : k_basic)
            if (c < low.size())
                low[c] = 1;
        for (char32_t c : k_extension)
            if (c < low.size())
                low[c] = 2;
    }
};

const Tables& tables() {
    static const Tables t;
    return t;
}

// The next code point of `s` from `i` (advanced); U+FFFD for a malformed sequence.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i++]);
    if (b0 < 0x80)
        return b0;
    int extra = 0;
    char32_t cp = 0;
    if ((b0 & 0xE0) == 0xC0) {
        extra = 1;
        cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        extra = 2;
        cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        extra = 3;
        cp = b0 & 0x07;
    } else {
        return 0xFFFD;
    }
    for (int k = 0; k < extra; ++k) {
        if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80)
            return 0xFFFD;
        cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    }
    static constexpr char32_t k_min[] = {0, 0x80, 0x800, 0x10000};
    if (cp < k_min[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0xFFFD;
    return cp;
}

// Parts needed for characters of the given widths, none split across two parts.
int count_parts(const std::vector<std::uint8_t>& widths, std::size_t total, std::size_t single,
                std::size_t part) {
    if (total == 0)
        return 0;
    if (total <= single)
        return 1;
    int parts = 1;
    std::size_t used = 0;
    for (const auto w : widths) {
        if (used + w > part) {
            ++parts;
            used = 0;
        }
        used += w;
    }
    return parts;
}

}  // namespace

std::string_view to_code(SmsCoding coding) {
    return coding == SmsCoding::gsm7 ? "GSM-7" : "UCS-2";
}

int gsm7_septets(char32_t cp) {
    const auto& t = tables();
    if (cp < t.low.size())
        return t.low[cp];
    return cp == U'€' ? 2 : 0;  // every other character of both tables is below U+0400
}

std::string downgrade_lookalikes(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t start = i;
        const char32_t cp = next_code_point(s, i);
        switch (cp) {
            case 0x2018:
            case 0x2019:
            case 0x201A:
            case 0x201B:
            case 0x2032:
            case 0x02BC:
                out += '\'';
                break;
            case 0x201C:
            case 0x201D:
            case 0x201E:
            case 0x201F:
            case 0x2033:
            case 0x00AB:
            case 0x00BB:
                out += '"';
                break;
            case 0x2010:
            case 0x2011:
            case 0x2012:
            case 0x2013:
            case 0x2014:
            case 0x2015:
            case 0x2212:
                out += '-';
                break;
            case 0x2026:
                out += "...";
                break;
            case 0x00A0:
            case 0x2000:
            case 0x2001:
            case 0x2002:
            case 0x2003:
            case 0x2004:
            case 0x2005:
            case 0x2006:
            case 0x2007:
            case 0x2008:
            case 0x2009:
            case 0x200A:
            case 0x202F:
            case 0x205F:
            case 0x3000:
                out += ' ';
                break;
            case 0x00AD:
            case 0x200B:
            case 0x200E:
            case 0x200F:
            case 0x202A:
            case 0x202B:
            case 0x202C:
            case 0x202D:
            case 0x202E:
            case 0x2066:
            case 0x2067:
            case 0x2068:
            case 0x2069:
            case 0xFEFF:
                break;
            default:
                out.append(s.substr(start, i - start));
        }
    }
    return out;
}

std::string pad_ucs2_parts(std::string_view utf8) {
    const SmsMeasure m = measure_sms(utf8);
    if (m.coding != SmsCoding::ucs2 || m.units <= k_ucs2_single)
        return std::string(utf8);
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> clusters(
        icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status))
        return std::string(utf8);
    clusters->setText(text);
    icu::UnicodeString out;
    std::int32_t used = 0;  // units in the current part
    const auto part = static_cast<std::int32_t>(k_ucs2_part);
    for (std::int32_t start = clusters->first(), end = clusters->next();
         end != icu::BreakIterator::DONE; start = end, end = clusters->next()) {
        const std::int32_t units = end - start;
        if (used + units > part && units <= part) {
            out.append(icu::UnicodeString(part - used, U' ', part - used));
            used = 0;
        }
        out.append(text, start, units);
        used = (used + units) % part;
    }
    std::string result;
    out.toUTF8String(result);
    return result;
}

std::string prepare_sms_text(std::string_view text) {
    // The rule of every output first (core/untrusted_text.h): a U+202E in a child's name would
    // reverse the rest of a UCS-2 text on the parent's phone.
    std::string clean = clean_untrusted_text(text);
    if (measure_sms(clean).coding == SmsCoding::gsm7)
        return clean;
    std::string downgraded = downgrade_lookalikes(clean);
    if (measure_sms(downgraded).coding == SmsCoding::gsm7)
        return downgraded;
    return pad_ucs2_parts(clean);
}

SmsMeasure measure_sms(std::string_view s) {
    SmsMeasure m;
    std::vector<std::uint8_t> septets;
    septets.reserve(s.size());
    std::size_t total = 0;
    bool gsm = true;
    for (std::size_t i = 0; i < s.size() && gsm;) {
        const int w = gsm7_septets(next_code_point(s, i));
        if (w == 0)
            gsm = false;
        septets.push_back(static_cast<std::uint8_t>(w));
        total += static_cast<std::size_t>(w);
    }
    if (gsm) {
        m.coding = SmsCoding::gsm7;
        m.units = total;
        m.segments = count_parts(septets, total, k_gsm7_single, k_gsm7_part);
        return m;
    }
    std::vector<std::uint8_t> units;
    units.reserve(s.size());
    total = 0;
    for (std::size_t i = 0; i < s.size();) {
        const std::uint8_t w = next_code_point(s, i) >= 0x10000 ? 2 : 1;
        units.push_back(w);
        total += w;
    }
    m.coding = SmsCoding::ucs2;
    m.units = total;
    m.segments = count_parts(units, total, k_ucs2_single, k_ucs2_part);
    return m;
}

}  // namespace homeroom::notify
