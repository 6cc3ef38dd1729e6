#include "core/csv_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/errors.h"
#include "temp_dir.h"

namespace homeroom {
namespace {

std::string write_rows(std::initializer_list<std::initializer_list<std::string_view>> rows,
                       CsvWriterOptions options = {}) {
    std::ostringstream out;
    CsvWriter w(out, options);
    for (const auto& r : rows) w.row(r);
    w.close();
    return out.str();
}

TEST(CsvWriter, LeavesPlainFieldsUnquotedAndEndsRowsWithLf) {
    EXPECT_EQ(write_rows({{"id", "name"}, {"1", "Zoë Nguyễn"}}), "id,name\n1,Zoë Nguyễn\n");
}

TEST(CsvWriter, QuotesFieldsWithCommaQuoteOrLineBreak) {
    EXPECT_EQ(write_rows({{"a,b", "say \"hi\"", "two\nlines", "cr\rhere"}}),
              "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\n");
}

TEST(CsvWriter, QuotesLeadingOrTrailingSpaceSoReadersDoNotTrimIt) {
    EXPECT_EQ(write_rows({{" lead", "trail ", "in side"}}), "\" lead\",\"trail \",in side\n");
}

TEST(CsvWriter, WritesEmptyFieldsAsNothingButALoneEmptyFieldAsQuotes) {
    EXPECT_EQ(write_rows({{"", "x", ""}, {""}}), ",x,\n\"\"\n");
}

TEST(CsvWriter, UsesTheConfiguredLineEnding) {
    CsvWriterOptions crlf;
    crlf.line_ending = "\r\n";
    EXPECT_EQ(write_rows({{"a"}, {"b"}}, crlf), "a\r\nb\r\n");
}

TEST(CsvWriter, WritesIntegers) {
    std::ostringstream out;
    CsvWriter w(out);
    w.field(std::int64_t{-42}).field(std::int64_t{0}).field("x").end_row();
    w.close();
    EXPECT_EQ(out.str(), "-42,0,x\n");
    EXPECT_EQ(w.rows_written(), 1u);
}

TEST(CsvWriter, KeepsFormulaLikeTextAsIsByDefault) {
    EXPECT_EQ(write_rows({{"=HYPERLINK(\"x\")", "+1", "@sum"}}),
              "\"=HYPERLINK(\"\"x\"\")\",+1,@sum\n");
}

TEST(CsvWriter, NeutralizesFormulasWhenAskedButLeavesNumbersAlone) {
    CsvWriterOptions safe;
    safe.neutralize_formulas = true;
    EXPECT_EQ(
        write_rows({{"=1+2", "+A1", "-cmd", "@SUM(A1)", "\tx", "\rx", "-3.5", "+7", "ok"}}, safe),
        "'=1+2,'+A1,'-cmd,'@SUM(A1),'\tx,\"'\rx\",-3.5,+7,ok\n");
    EXPECT_EQ(CsvWriter::encode("=HYPERLINK(\"x\")", safe), "\"'=HYPERLINK(\"\"x\"\")\"");
    EXPECT_EQ(CsvWriter::encode("-", safe), "'-");
    EXPECT_EQ(CsvWriter::encode("plain", safe), "plain");
}

TEST(CsvWriter, BuffersLargeOutputWithoutLosingAnything) {
    std::ostringstream out;
    std::string expected;
    {
        CsvWriter w(out);
        for (int i = 0; i < 20000; ++i) {
            const std::string v = "row " + std::to_string(i);
            w.row({v, "a,b"});
            expected += v + ",\"a,b\"\n";
        }
    }  // the destructor flushes the rest
    EXPECT_EQ(out.str(), expected);
}

TEST(CsvWriter, WritesAFile) {
    const homeroom::testing::TempDir dir;
    const auto path = dir / "out.csv";
    {
        CsvWriter w(path);
        w.row({"a", "b c"});
        w.close();
    }
    std::ifstream in(path, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    EXPECT_EQ(content.str(), "a,b c\n");
}

TEST(CsvWriter, NamesTheFileItCannotCreate) {
    const std::filesystem::path path = "/nonexistent-homeroom-dir/x.csv";
    try {
        CsvWriter w(path);
        FAIL() << "expected IoError";
    } catch (const IoError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "cannot write /nonexistent-homeroom-dir/x.csv: No such file or directory");
    }
}

TEST(CsvWriter, ReportsAFullDiskOnClose) {
    if (!std::filesystem::exists("/dev/full"))
        GTEST_SKIP() << "no /dev/full here";
    CsvWriter w(std::filesystem::path("/dev/full"));
    w.row({"a", "b"});
    try {
        w.close();
        FAIL() << "expected IoError";
    } catch (const IoError& e) {
        EXPECT_EQ(std::string(e.what()), "cannot write /dev/full: No space left on device");
    }
}

TEST(CsvWriter, ReportsAFailingStream) {
    std::ostringstream out;
    out.setstate(std::ios::badbit);
    CsvWriter w(out, {}, "extract.csv");
    w.row({"a"});
    EXPECT_THROW(w.flush(), IoError);
}

}  // namespace
}  // namespace homeroom
