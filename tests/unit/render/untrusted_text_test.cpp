#include "render/untrusted_text.h"

#include <gtest/gtest.h>

#include "core/diagnostics.h"

namespace homeroom::render {
namespace {

TEST(UntrustedText, TerminalTextIsOneLineWithoutOverridesOrEscapes) {
    EXPECT_EQ(terminal_text("Maya\xE2\x80\xAE"
                            "zeréP\n\x1B[31mred\tx"),
              "MayazeréP [31mred x");
}

TEST(UntrustedText, EscapesMarkupCharacters) {
    EXPECT_EQ(escape_markup("<script>alert('x')</script> & \"q\""),
              "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
}

TEST(UntrustedText, DropsBidiEmbeddingsOverridesAndIsolates) {
    // U+202A..U+202E and U+2066..U+2069, each as UTF-8.
    const std::string hostile = "a\u202Ab\u202Bc\u202Cd\u202De\u202Ef\u2066g\u2067h\u2068i\u2069j";
    EXPECT_EQ(clean_untrusted_text(hostile), "abcdefghij");
}

TEST(UntrustedText, KeepsBidiMarksAndArabicText) {
    const std::string arabic = "\u0645\u062F\u0631\u0633\u0629\u200F (1)\u200E\u061C";
    EXPECT_EQ(clean_untrusted_text(arabic), arabic);
}

TEST(UntrustedText, DropsControlCharactersButKeepsTabAndNewline) {
    EXPECT_EQ(clean_untrusted_text(std::string("a\x01"
                                               "b\x1B"
                                               "c\td\ne\x7F"
                                               "f\r",
                                               12)),
              "abc\td\nef");
    EXPECT_EQ(clean_untrusted_text("x\u0085y\uFFFEz\uFFFF"), "xyz");
}

TEST(UntrustedText, ReplacesBytesThatAreNotUtf8) {
    EXPECT_EQ(clean_untrusted_text("Jos\xE9"), "Jos\uFFFD");                // Windows-1252 é
    EXPECT_EQ(clean_untrusted_text("\xC0\xAF"), "\uFFFD\uFFFD");            // overlong '/'
    EXPECT_EQ(clean_untrusted_text("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD");  // a surrogate
    EXPECT_EQ(clean_untrusted_text("\xF0\x9F\x98"), "\uFFFD\uFFFD\uFFFD");  // truncated
    EXPECT_EQ(clean_untrusted_text("\xF0\x9F\x98\x80"), "\U0001F600");
}

TEST(UntrustedText, CountsAndTruncatesWholeCodePoints) {
    EXPECT_EQ(code_point_count("\u0645\u062F\u0631"), 3u);
    EXPECT_EQ(truncate_code_points("Lincoln", 7), "Lincoln");
    EXPECT_EQ(truncate_code_points("Lincoln Elementary", 8), "Lincoln\u2026");
    EXPECT_EQ(truncate_code_points("\u0645\u062F\u0631\u0633\u0629", 3), "\u0645\u062F\u2026");
    EXPECT_EQ(truncate_code_points("abc", 0), "");
}

TEST(UntrustedText, ADiagnosticQuotingAHostileValuePrintsOnePlainLine) {
    const Diagnostic d{"students.csv", 3, 12, Severity::error,
                       "first_name: \"\xE2\x80\xAE"
                       "ayaM\n\x1B]0;pwned\x07\" is too long"};
    EXPECT_EQ(d.to_string(), "students.csv:3:12: error: first_name: \"ayaM ]0;pwned\" is too long");
}

}  // namespace
}  // namespace homeroom::render
