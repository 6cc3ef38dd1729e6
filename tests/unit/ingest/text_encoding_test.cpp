#include "ingest/text_encoding.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace homeroom::ingest {
namespace {

constexpr std::size_t npos = std::string_view::npos;

TEST(FindInvalidUtf8, AcceptsAsciiAndEmptyText) {
    EXPECT_EQ(find_invalid_utf8(""), npos);
    EXPECT_EQ(find_invalid_utf8("student_id,first_name\r\n1,Ana\n"), npos);
}

TEST(FindInvalidUtf8, AcceptsEveryWellFormedSequenceLength) {
    // ñ (2 bytes), € (3 bytes), 😀 (4 bytes), and the extremes U+0080, U+FFFF, U+10FFFF.
    EXPECT_EQ(find_invalid_utf8("Pe\xC3\xB1"
                                "a \xE2\x82\xAC \xF0\x9F\x98\x80"),
              npos);
    EXPECT_EQ(find_invalid_utf8("\xC2\x80\xEF\xBF\xBF\xF4\x8F\xBF\xBF"), npos);
}

TEST(FindInvalidUtf8, PointsAtTheLeadByteOfATruncatedSequence) {
    // "José" in Windows-1252: 0xE9 starts a 3-byte sequence that ',' breaks.
    EXPECT_EQ(find_invalid_utf8("1,Jos\xE9,2"), 5u);
    EXPECT_EQ(find_invalid_utf8("Jos\xE9"), 3u);
    EXPECT_EQ(find_invalid_utf8("ab\xE2\x82"), 2u);
    EXPECT_EQ(find_invalid_utf8("ab\xE2\x82x"), 2u);
}

TEST(FindInvalidUtf8, RejectsStrayContinuationAndNeverUsedBytes) {
    EXPECT_EQ(find_invalid_utf8("it\x92s"), 2u);  // Windows-1252 right single quote
    EXPECT_EQ(find_invalid_utf8("\xC0\x80"), 0u);
    EXPECT_EQ(find_invalid_utf8("ok\xF5\x80\x80\x80"), 2u);
    EXPECT_EQ(find_invalid_utf8("\xFF"), 0u);
}

TEST(FindInvalidUtf8, RejectsOverlongFormsSurrogatesAndCodePointsAboveTheLast) {
    EXPECT_EQ(find_invalid_utf8("\xC1\xBF"), 0u);                    // overlong 2-byte
    EXPECT_EQ(find_invalid_utf8("\xE0\x9F\xBF"), 0u);                // overlong 3-byte
    EXPECT_EQ(find_invalid_utf8("\xF0\x8F\xBF\xBF"), 0u);            // overlong 4-byte
    EXPECT_EQ(find_invalid_utf8("x\xED\xA0\x80"), 1u);               // U+D800
    EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);            // U+110000
    EXPECT_EQ(find_invalid_utf8("\xED\x9F\xBF\xEE\x80\x80"), npos);  // U+D7FF, U+E000
}

TEST(FindInvalidUtf8, FindsAnInvalidByteAfterLongAsciiRuns) {
    std::string text(1000, 'a');
    text += "\xE9";
    text += std::string(20, 'b');
    EXPECT_EQ(find_invalid_utf8(text), 1000u);
    text[1000] = 'c';
    EXPECT_EQ(find_invalid_utf8(text), npos);
}

TEST(Windows1252, MapsLatin1AndTheHighControlRangeToUnicode) {
    std::vector<std::size_t> undefined;
    const auto collect = [&](std::size_t offset) { undefined.push_back(offset); };
    EXPECT_EQ(decode_windows_1252("Jos\xE9", collect), "Jos\xC3\xA9");
    EXPECT_EQ(decode_windows_1252("\x80 \x92\x93\x94 \x9F \xA0\xFF", collect),
              "\xE2\x82\xAC \xE2\x80\x99\xE2\x80\x9C\xE2\x80\x9D \xC5\xB8 \xC2\xA0\xC3\xBF");
    EXPECT_TRUE(undefined.empty());
}

TEST(Windows1252, ReplacesUndefinedBytesAndReportsTheirOffsets) {
    std::vector<std::size_t> undefined;
    const std::string decoded = decode_windows_1252(
        "a\x81"
        "b\x8D\x8F\x90\x9D",
        [&](std::size_t offset) { undefined.push_back(offset); });
    EXPECT_EQ(decoded,
              "a\xEF\xBF\xBD"
              "b\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_EQ(undefined, (std::vector<std::size_t>{1, 3, 4, 5, 6}));
    for (const unsigned char byte : {0x81, 0x8D, 0x8F, 0x90, 0x9D})
        EXPECT_TRUE(is_undefined_in_windows_1252(byte));
    EXPECT_FALSE(is_undefined_in_windows_1252(0x80));
    EXPECT_FALSE(is_undefined_in_windows_1252('a'));
}

TEST(Windows1252, DecodesEveryDefinedByteToValidUtf8) {
    std::string all;
    for (int byte = 1; byte < 256; ++byte) all += static_cast<char>(byte);
    std::size_t undefined = 0;
    const std::string decoded = decode_windows_1252(all, [&](std::size_t) { ++undefined; });
    EXPECT_EQ(undefined, 5u);
    EXPECT_EQ(find_invalid_utf8(decoded), npos);
    EXPECT_EQ(count_code_points(decoded), 255u);
}

TEST(CountCodePoints, CountsCharactersNotBytes) {
    EXPECT_EQ(count_code_points(""), 0u);
    EXPECT_EQ(count_code_points("abc"), 3u);
    EXPECT_EQ(count_code_points("\xC3\xB1"
                                "a\xE2\x82\xAC\xF0\x9F\x98\x80"),
              4u);  // ñ a € 😀
}

TEST(PositionFinder, CountsLinesForLfCrlfAndLoneCr) {
    const std::string text = "ab\ncd\r\nef\rgh";
    PositionFinder finder(text, ColumnUnit::code_point);
    const auto at = [&](std::size_t offset) {
        const TextPosition p = finder.find(offset);
        return std::to_string(p.line) + ":" + std::to_string(p.column);
    };
    EXPECT_EQ(at(0), "1:1");
    EXPECT_EQ(at(1), "1:2");
    EXPECT_EQ(at(3), "2:1");
    EXPECT_EQ(at(4), "2:2");
    EXPECT_EQ(at(7), "3:1");
    EXPECT_EQ(at(10), "4:1");
    EXPECT_EQ(at(11), "4:2");
}

TEST(PositionFinder, CountsCodePointsOrBytesAsColumns) {
    const std::string text = "\xC3\xB1\xC3\xB1x";  // "ññx"
    PositionFinder code_points(text, ColumnUnit::code_point);
    EXPECT_EQ(code_points.find(4).column, 3);
    PositionFinder bytes(text, ColumnUnit::byte);
    EXPECT_EQ(bytes.find(4).column, 5);
}

// Each character as "bytes in hex" and ok/bad, fed in pieces of `piece` bytes.
std::string split(std::string_view bytes, std::size_t piece) {
    Utf8Splitter splitter;
    std::string out;
    const auto on_char = [&](std::string_view c, bool valid) {
        static constexpr char k_hex[] = "0123456789ABCDEF";
        for (const char b : c) {
            out += k_hex[static_cast<unsigned char>(b) >> 4];
            out += k_hex[static_cast<unsigned char>(b) & 0xF];
        }
        out += valid ? " " : "! ";
    };
    for (std::size_t i = 0; i < bytes.size(); i += piece)
        splitter.feed(bytes.substr(i, piece), on_char);
    splitter.finish(on_char);
    return out;
}

TEST(Utf8Splitter, GivesOneCharacterPerSequenceOrIllFormedPartWhereverTheInputIsCut) {
    // "é", a stray 0xE9 before "x", E2 82 cut short by "y", and a lead byte left open at the end.
    const std::string text = "\xC3\xA9\xE9x\xE2\x82y\xF0\x9F";
    for (std::size_t piece = 1; piece <= text.size(); ++piece)
        EXPECT_EQ(split(text, piece), "C3A9 E9! 78 E282! 79 F09F! ") << piece;
}

TEST(EncodingScan, CallsAFileUtf8WhenMostOfItIsAndPlacesEachStrayByte) {
    EncodingScan scan;
    ASSERT_TRUE(scan.feed("id,name\r\n1,Jos\xC3\xA9\r\n2,Andr\xE9\n3,Zo\xC3\xAB\n"));
    scan.finish();
    EXPECT_TRUE(scan.is_utf8());
    ASSERT_EQ(scan.invalid_utf8().size(), 1u);
    EXPECT_EQ(scan.invalid_utf8()[0].line, 3);
    EXPECT_EQ(scan.invalid_utf8()[0].utf8_column, 7);
    EXPECT_EQ(scan.invalid_utf8()[0].byte, 0xE9);

    // One correct "é" and one stray byte: an error to fix rather than a garbled "JosÃ©".
    EncodingScan tie;
    ASSERT_TRUE(tie.feed("1,Jos\xC3\xA9\n2,Andr\xE9\n"));
    tie.finish();
    EXPECT_TRUE(tie.is_utf8());
}

TEST(EncodingScan, CallsAFileWindows1252WhenItIsNotMostlyUtf8AndStopsAtANul) {
    EncodingScan latin;
    ASSERT_TRUE(latin.feed("1,Jos\xE9\n2,Andr\xE9\n3,\xC3\xA9\n"));
    latin.finish();
    EXPECT_FALSE(latin.is_utf8());

    EncodingScan binary;
    EXPECT_FALSE(binary.feed(std::string("a\nbc\0d", 6)));
    ASSERT_TRUE(binary.nul().has_value());
    EXPECT_EQ(binary.nul()->line, 2);
    EXPECT_EQ(binary.nul()->utf8_column, 3);
}

}  // namespace
}  // namespace homeroom::ingest
