// How an SMS text travels: GSM 03.38 7-bit when every character is in the GSM default alphabet
// (its extension table's characters take two septets: an escape, then the character), UCS-2
// otherwise (UTF-16 code units: an emoji outside the BMP takes two). Pure: no I/O.
//
// Segments: one message holds 160 septets or 70 UTF-16 units; longer texts are sent as
// concatenated parts of 153 septets or 67 units (the rest of each part is the concatenation
// header). measure_sms counts a part as ending before an escape and its character, or a
// surrogate pair, that would straddle it, so a text can need one part more than a plain division
// says. Kannel itself cuts UCS-2 parts at every 67 units, whatever they split: prepare_sms_text
// therefore pads a long UCS-2 text with spaces so that no grapheme cluster (an emoji and its
// joiners and modifiers, a letter and its marks) straddles a part — then Kannel's cut and ours
// agree, and a phone never shows half an emoji.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace homeroom::notify {

enum class SmsCoding { gsm7, ucs2 };

std::string_view to_code(SmsCoding coding);  // "GSM-7" | "UCS-2"

struct SmsMeasure {
    SmsCoding coding = SmsCoding::gsm7;
    std::size_t units = 0;  // septets (GSM-7) or UTF-16 code units (UCS-2)
    int segments = 0;       // 0 for an empty text
};

inline constexpr std::size_t k_gsm7_single = 160, k_gsm7_part = 153;
inline constexpr std::size_t k_ucs2_single = 70, k_ucs2_part = 67;

// Septets `code_point` takes in GSM-7: 1 (basic table), 2 (extension table), 0 (not in GSM-7).
int gsm7_septets(char32_t code_point);

// Replaces look-alikes by their GSM-7 counterparts: curly quotes and primes by ' and ",
// dashes and minus by -, the ellipsis by ..., guillemets by ", non-breaking and other
// fixed-width spaces by a space; drops soft hyphens, zero-width spaces and bidi marks
// (LRM, RLM, embeddings, isolates). Anything else, the emoji joiner included, is kept.
std::string downgrade_lookalikes(std::string_view utf8);

// The text as it will be sent: cleaned of bidi embeddings, overrides and isolates and of control
// characters other than tab and newline (core/untrusted_text.h), then downgraded when that makes
// it GSM-7, else left so (UCS-2 can carry the curly quotes, and an Arabic text keeps its own
// punctuation) and padded for its parts (pad_ucs2_parts).
std::string prepare_sms_text(std::string_view utf8);

// A UCS-2 text of more than one part with spaces inserted before each grapheme cluster (ICU's
// character break rules, as a phone draws them) that would straddle a 67-unit part boundary, so
// that cutting it every 67 units cuts between clusters. Any other text is returned as it is.
std::string pad_ucs2_parts(std::string_view utf8);

// The coding, length and parts of `utf8` exactly as given (no downgrade). Invalid UTF-8 bytes
// count as U+FFFD (UCS-2).
SmsMeasure measure_sms(std::string_view utf8);

}  // namespace homeroom::notify
