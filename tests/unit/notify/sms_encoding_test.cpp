#include "notify/sms_encoding.h"

#include <gtest/gtest.h>

#include <string>

namespace homeroom::notify {
namespace {

std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

struct Case {
    const char* name;
    std::string text;
    SmsCoding coding;
    std::size_t units;
    int segments;
};

// The boundary table: GSM-7 160/161 and 153-septet parts, extension characters (two septets,
// never split from their escape), UCS-2 70/71 and 67-unit parts, surrogate pairs (never split)
// and emoji sequences with joiners and variation selectors.
TEST(SmsEncoding, BoundaryTable) {
    const std::string family =
        "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D"
        "\xF0\x9F\x91\xA7";                        // man ZWJ woman ZWJ girl: 2+1+2+1+2 units
    const std::string smile = "\xF0\x9F\x98\x80";  // U+1F600: a surrogate pair
    const Case cases[] = {
        {"empty", "", SmsCoding::gsm7, 0, 0},
        {"gsm 1", "a", SmsCoding::gsm7, 1, 1},
        {"gsm 159", repeat("a", 159), SmsCoding::gsm7, 159, 1},
        {"gsm 160", repeat("a", 160), SmsCoding::gsm7, 160, 1},
        {"gsm 161", repeat("a", 161), SmsCoding::gsm7, 161, 2},
        {"gsm 306", repeat("a", 306), SmsCoding::gsm7, 306, 2},
        {"gsm 307", repeat("a", 307), SmsCoding::gsm7, 307, 3},
        {"gsm 459", repeat("a", 459), SmsCoding::gsm7, 459, 3},
        {"gsm 460", repeat("a", 460), SmsCoding::gsm7, 460, 4},
        {"gsm basic non-ASCII", "£¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà", SmsCoding::gsm7, 40, 1},
        {"extension 1", "€", SmsCoding::gsm7, 2, 1},
        {"extension all", "^{}\\[~]|€\f", SmsCoding::gsm7, 20, 1},
        {"159 + extension = 161", repeat("a", 159) + "€", SmsCoding::gsm7, 161, 2},
        {"158 + extension = 160", repeat("a", 158) + "[", SmsCoding::gsm7, 160, 1},
        {"80 extensions = 160", repeat("€", 80), SmsCoding::gsm7, 160, 1},
        // 152 + an extension at the part boundary: it moves to part 2 whole.
        {"extension not split", repeat("a", 152) + "{" + repeat("a", 152), SmsCoding::gsm7, 306, 3},
        {"extension fits exactly", repeat("a", 151) + "{" + repeat("a", 153), SmsCoding::gsm7, 306,
         2},
        {"ucs2 1", "á", SmsCoding::ucs2, 1, 1},
        {"ucs2 70", repeat("á", 70), SmsCoding::ucs2, 70, 1},
        {"ucs2 71", repeat("á", 71), SmsCoding::ucs2, 71, 2},
        {"ucs2 134", repeat("á", 134), SmsCoding::ucs2, 134, 2},
        {"ucs2 135", repeat("á", 135), SmsCoding::ucs2, 135, 3},
        {"one non-gsm makes all ucs2", repeat("a", 69) + "ç", SmsCoding::ucs2, 70, 1},
        {"arabic 70", repeat("ب", 70), SmsCoding::ucs2, 70, 1},
        {"emoji is two units", smile, SmsCoding::ucs2, 2, 1},
        {"35 emoji = 70", repeat(smile, 35), SmsCoding::ucs2, 70, 1},
        {"36 emoji = 72", repeat(smile, 36), SmsCoding::ucs2, 72, 2},
        // 66 units then a pair: the pair does not fit in part 1's last unit and moves.
        {"pair not split", repeat("a", 65) + "á" + smile + repeat("a", 66), SmsCoding::ucs2, 134,
         3},
        {"pair fits exactly", repeat("á", 65) + smile + repeat("á", 67), SmsCoding::ucs2, 134, 2},
        {"zwj family", family, SmsCoding::ucs2, 8, 1},
        {"heart with variation selector", "\xE2\x9D\xA4\xEF\xB8\x8F", SmsCoding::ucs2, 2, 1},
        {"flag (two regional indicators)", "\xF0\x9F\x87\xB2\xF0\x9F\x87\xBD", SmsCoding::ucs2, 4,
         1},
        {"invalid utf-8 is ucs2", "a\xFF", SmsCoding::ucs2, 2, 1},
        {"curly quote alone is ucs2", "\xE2\x80\x99", SmsCoding::ucs2, 1, 1},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const SmsMeasure m = measure_sms(c.text);
        EXPECT_EQ(m.coding, c.coding);
        EXPECT_EQ(m.units, c.units);
        EXPECT_EQ(m.segments, c.segments);
    }
}

TEST(SmsEncoding, SeptetTables) {
    EXPECT_EQ(gsm7_septets(U'@'), 1);
    EXPECT_EQ(gsm7_septets(U'\n'), 1);
    EXPECT_EQ(gsm7_septets(U'`'), 0);  // not in GSM 03.38
    EXPECT_EQ(gsm7_septets(U'ç'), 0);  // only the capital is
    EXPECT_EQ(gsm7_septets(U'Ç'), 1);
    EXPECT_EQ(gsm7_septets(U'€'), 2);
    EXPECT_EQ(gsm7_septets(U'|'), 2);
    EXPECT_EQ(gsm7_septets(U'á'), 0);
    EXPECT_EQ(gsm7_septets(0x1B), 0);  // the escape itself is not a character
}

TEST(SmsEncoding, LookalikesAreDowngradedToStayGsm) {
    const std::string text =
        "\xE2\x80\x9CMaya\xE2\x80\x9D \xE2\x80\x94 it\xE2\x80\x99s fine\xE2\x80\xA6"
        "\xC2\xA0ok \xE2\x80\x93 \xC2\xAB"
        "a\xC2\xBB";
    EXPECT_EQ(downgrade_lookalikes(text), "\"Maya\" - it's fine... ok - \"a\"");
    EXPECT_EQ(prepare_sms_text(text), "\"Maya\" - it's fine... ok - \"a\"");
    EXPECT_EQ(measure_sms(prepare_sms_text(text)).coding, SmsCoding::gsm7);
    EXPECT_EQ(downgrade_lookalikes("a\xC2\xAD"
                                   "b\xE2\x80\x8B"
                                   "c\xE2\x81\xA8"
                                   "d\xE2\x81\xA9"),
              "abcd");
}

TEST(SmsEncoding, AUcs2TextLosesBidiOverridesAndControlsToo) {
    // An Arabic name keeps the text UCS-2, where an override would otherwise survive.
    const std::string arabic = "\xD9\x85\xD8\xB1\xD8\xAD";
    EXPECT_EQ(prepare_sms_text(arabic + "\xE2\x80\xAE"
                                        "Maya\x1B[2J: 2"),
              arabic + "Maya[2J: 2");
    EXPECT_EQ(prepare_sms_text("\xE2\x80\xAE"
                               "Maya"),
              "Maya");
}

TEST(SmsEncoding, TextThatCannotBeGsmKeepsItsOwnCharacters) {
    // Arabic stays UCS-2 whatever is downgraded, so its punctuation is left alone.
    const std::string arabic = "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xE2\x80\x94 \xE2\x80\xA6";
    EXPECT_EQ(prepare_sms_text(arabic), arabic);
    const std::string spanish =
        "ausencia \xE2\x80\x94 ma\xC3\xB1"
        "ana";  // ñ is GSM
    EXPECT_EQ(prepare_sms_text(spanish), "ausencia - mañana");
    const std::string accent = "lecci\xC3\xB3n \xE2\x80\x94 x";  // ó is not GSM
    EXPECT_EQ(prepare_sms_text(accent), accent);
}

// The UTF-16 code units of each 67-unit part, cut as Kannel cuts a concatenated UCS-2 text.
std::vector<std::u16string> kannel_parts(const std::string& utf8) {
    std::u16string units;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto b = static_cast<unsigned char>(utf8[i]);
        const int n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t cp = n == 1 ? b : b & (0x7F >> n);
        for (int k = 1; k < n; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        i += static_cast<std::size_t>(n);
        if (cp >= 0x10000) {
            units += static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10));
            units += static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            units += static_cast<char16_t>(cp);
        }
    }
    std::vector<std::u16string> parts;
    for (std::size_t at = 0; at < units.size(); at += k_ucs2_part)
        parts.push_back(units.substr(at, k_ucs2_part));
    return parts;
}

// Audit E.21: 66 x á + 😀 + 10 x á reached the phone with the emoji's halves in two parts.
TEST(SmsEncoding, NoPartOfALongUcs2TextEndsInsideAGraphemeCluster) {
    const std::string a = "\xC3\xA1", grin = "\xF0\x9F\x98\x80";
    const std::string audit = repeat(a, 66) + grin + repeat(a, 10);
    const std::string sent = prepare_sms_text(audit);
    EXPECT_EQ(sent, repeat(a, 66) + " " + grin + repeat(a, 10));
    auto parts = kannel_parts(sent);
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[1].substr(0, 2), u"\U0001F600");
    EXPECT_EQ(measure_sms(sent).segments, measure_sms(audit).segments);  // as counted before

    // A family emoji (3 people, 2 joiners: 8 units) and a letter with a combining mark move whole.
    const std::string family =
        "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7";
    const std::string e_acute = "e\xCC\x81";
    for (const auto& cluster : {family, e_acute, grin})
        for (std::size_t before = 60; before <= 67; ++before) {
            SCOPED_TRACE(before);
            const std::string text = repeat(a, before) + cluster + repeat(a, 30);
            const auto cut = kannel_parts(prepare_sms_text(text));
            for (std::size_t p = 0; p + 1 < cut.size(); ++p) {
                const char16_t last = cut[p].back(), next = cut[p + 1].front();
                EXPECT_FALSE(last >= 0xD800 && last <= 0xDBFF) << "a surrogate pair is cut";
                EXPECT_NE(next, u'\u200D') << "a joiner starts a part";
                EXPECT_NE(next, u'\u0301') << "a combining mark starts a part";
                EXPECT_FALSE(next >= 0xDC00 && next <= 0xDFFF) << "a low surrogate starts a part";
            }
            EXPECT_EQ(cut.size(),
                      static_cast<std::size_t>(measure_sms(prepare_sms_text(text)).segments));
        }

    // One part, or GSM-7: nothing is added.
    EXPECT_EQ(prepare_sms_text(repeat(a, 68) + grin), repeat(a, 68) + grin);
    EXPECT_EQ(prepare_sms_text(repeat("b", 300)), repeat("b", 300));
}

}  // namespace
}  // namespace homeroom::notify
