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

}  // namespace
}  // namespace homeroom::notify
