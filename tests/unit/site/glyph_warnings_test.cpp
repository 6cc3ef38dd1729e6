#include "site/glyph_warnings.h"

#include <gtest/gtest.h>

using homeroom::render::MissingGlyphs;
using homeroom::site::GlyphWarnings;

TEST(GlyphWarnings, OneLinePerPageAndCodePointInFileAndPageOrder) {
    GlyphWarnings w("out/site");
    // Page 10 after page 2 (numbers, not text); only the entries from `from` on.
    w.add("public/en/schools/s2.pdf",
          {MissingGlyphs{10, {0x738B}}, MissingGlyphs{2, {0x674E, 0x738B}}}, "");
    w.add("private/print/abc123.pdf", {MissingGlyphs{1, {0x4E2D}}, MissingGlyphs{3, {0x1F600}}},
          " (school S1, student 3001\x1b[2J)", 1);
    const std::string tail =
        " cannot be drawn: no installed font has it, so it prints as a box (install a font that "
        "covers it, see docs/pdf.md)";
    EXPECT_EQ(w.lines(), (std::vector<std::string>{
                             "out/site/private/print/<token>.pdf: page 3 (school S1, student "
                             "3001[2J): U+1F600" +
                                 tail,
                             "out/site/public/en/schools/s2.pdf: page 2: U+674E" + tail,
                             "out/site/public/en/schools/s2.pdf: page 2: U+738B" + tail,
                             "out/site/public/en/schools/s2.pdf: page 10: U+738B" + tail}));
}
