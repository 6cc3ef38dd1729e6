#include "ingest/csv_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/errors.h"
#include "temp_dir.h"

namespace homeroom::ingest {
namespace {

// A record as "[text]@line:column" per field, so one string shows texts and positions.
std::string describe(const std::vector<CsvField>& fields) {
    std::string out;
    for (const CsvField& field : fields) {
        if (!out.empty())
            out += ' ';
        out += '[' + field.text + "]@" + std::to_string(field.line) + ':' +
               std::to_string(field.column);
    }
    return out;
}

struct Parsed {
    std::vector<std::string> records;  // describe() of each record
    std::vector<int> record_lines;
    std::vector<bool> malformed;
    std::vector<std::string> diagnostics;  // Diagnostic::to_string() of each
    bool windows_1252 = false;
};

Parsed parse(std::string bytes) {
    Diagnostics diags;
    CsvReader reader(std::move(bytes), "students.csv", diags);
    Parsed parsed;
    std::vector<CsvField> fields;
    while (reader.next(fields)) {
        parsed.records.push_back(describe(fields));
        parsed.record_lines.push_back(reader.record_line());
        parsed.malformed.push_back(reader.last_record_malformed());
    }
    EXPECT_TRUE(fields.empty());
    for (const Diagnostic& d : diags.items()) parsed.diagnostics.push_back(d.to_string());
    parsed.windows_1252 = reader.was_windows_1252();
    return parsed;
}

using Lines = std::vector<std::string>;

TEST(CsvReader, ReadsFieldsWithTheirLinesAndColumns) {
    const Parsed p = parse("id,name\n1,Ana\n22,Bo\n");
    EXPECT_EQ(p.records, (Lines{"[id]@1:1 [name]@1:4", "[1]@2:1 [Ana]@2:3", "[22]@3:1 [Bo]@3:4"}));
    EXPECT_EQ(p.record_lines, (std::vector<int>{1, 2, 3}));
    EXPECT_EQ(p.malformed, (std::vector<bool>{false, false, false}));
    EXPECT_TRUE(p.diagnostics.empty());
    EXPECT_FALSE(p.windows_1252);
}

TEST(CsvReader, ReturnsNothingForAnEmptyFile) {
    EXPECT_TRUE(parse("").records.empty());
    EXPECT_TRUE(parse("\xEF\xBB\xBF").records.empty());
    EXPECT_TRUE(parse("\n\r\n\r").records.empty());
    EXPECT_TRUE(parse("").diagnostics.empty());
}

TEST(CsvReader, StripsTheUtf8ByteOrderMark) {
    const Parsed p = parse("\xEF\xBB\xBFid,name\n1,Ana\n");
    EXPECT_EQ(p.records, (Lines{"[id]@1:1 [name]@1:4", "[1]@2:1 [Ana]@2:3"}));
    EXPECT_TRUE(p.diagnostics.empty());
}

TEST(CsvReader, ReadsWindows1252AndWarnsAboutTheFirstInvalidByte) {
    const Parsed p = parse("id,name\n1,Ana\n22,Jos\xE9,x\n3,Zo\xEB\n");
    EXPECT_EQ(p.records, (Lines{"[id]@1:1 [name]@1:4", "[1]@2:1 [Ana]@2:3",
                                "[22]@3:1 [Jos\xC3\xA9]@3:4 [x]@3:9", "[3]@4:1 [Zo\xC3\xAB]@4:3"}));
    EXPECT_EQ(p.diagnostics,
              (Lines{"students.csv: warning: not valid UTF-8 (byte 0xE9 at line 3, column 7); "
                     "read as Windows-1252"}));
    EXPECT_TRUE(p.windows_1252);
}

TEST(CsvReader, ReadsWindows1252AfterAByteOrderMark) {
    const Parsed p = parse("\xEF\xBB\xBF\x93quoted\x94,x\n");
    EXPECT_EQ(p.records, (Lines{"[\xE2\x80\x9Cquoted\xE2\x80\x9D]@1:1 [x]@1:10"}));
    EXPECT_EQ(p.diagnostics,
              (Lines{"students.csv: warning: not valid UTF-8 (byte 0x93 at line 1, column 1); "
                     "read as Windows-1252"}));
}

TEST(CsvReader, CountsWindows1252BytesAsOneColumnEach) {
    const Parsed p = parse("\xE9\xE8,x\n");
    EXPECT_EQ(p.records, (Lines{"[\xC3\xA9\xC3\xA8]@1:1 [x]@1:4"}));
}

TEST(CsvReader, ReportsBytesUndefinedInWindows1252AtTheirPosition) {
    const Parsed p = parse("id,name\r\n1,Jos\xE9\r\n2,a\x81\x9D\r\n");
    EXPECT_EQ(p.records.size(), 3u);
    EXPECT_EQ(p.records[2], "[2]@3:1 [a\xEF\xBF\xBD\xEF\xBF\xBD]@3:3");
    EXPECT_EQ(
        p.diagnostics,
        (Lines{"students.csv: warning: not valid UTF-8 (byte 0xE9 at line 2, column 6); read as "
               "Windows-1252",
               "students.csv:3:4: error: byte 0x81 is not a character in Windows-1252; the file "
               "may use another encoding (save it as CSV in UTF-8)",
               "students.csv:3:5: error: byte 0x9D is not a character in Windows-1252; the file "
               "may use another encoding (save it as CSV in UTF-8)"}));
}

TEST(CsvReader, RefusesUtf16WithOneErrorAndNoRecords) {
    const std::string little_endian("\xFF\xFEi\0d\0\n\0", 8);
    const Parsed le = parse(little_endian);
    EXPECT_TRUE(le.records.empty());
    EXPECT_EQ(le.diagnostics,
              (Lines{"students.csv:1: error: file looks like UTF-16 (it starts with a UTF-16 "
                     "byte-order mark); save it as CSV in UTF-8"}));

    const std::string big_endian("\xFE\xFF\0i\0d\0\n", 8);
    EXPECT_EQ(parse(big_endian).diagnostics, le.diagnostics);
}

TEST(CsvReader, RefusesUtf16WithoutAByteOrderMarkAtItsFirstNulByte) {
    const Parsed p = parse(std::string("i\0d\0,\0n\0\n\0", 10));
    EXPECT_TRUE(p.records.empty());
    EXPECT_EQ(p.diagnostics,
              (Lines{"students.csv:1:2: error: byte 0x00 (NUL) is not text: the file is damaged, "
                     "binary or UTF-16 without a byte-order mark; save it as CSV in UTF-8"}));
}

TEST(CsvReader, ReportsANulByteDeepInTheFileAtItsLineAndColumnAndReadsNoRecord) {
    std::string content = "id,name\n";
    for (int i = 2; i < 500; ++i) content += std::to_string(i) + ",Jos\xC3\xA9\n";
    content += "500,Ana";
    content += '\0';
    content += "x\n501,Bo\n";
    const Parsed p = parse(content);
    EXPECT_TRUE(p.records.empty());
    EXPECT_EQ(p.diagnostics,
              (Lines{"students.csv:500:8: error: byte 0x00 (NUL) is not text: the file is damaged, "
                     "binary or UTF-16 without a byte-order mark; save it as CSV in UTF-8"}));
}

TEST(CsvReader, ReportsAStrayByteInAUtf8FileAndKeepsTheOtherNamesIntact) {
    // Mostly UTF-8 (three names with accents), one Latin-1 byte: an error where it is, and the
    // correct names are not turned into mojibake.
    const Parsed p = parse(
        "id,name\n1,Jos\xC3\xA9\n2,Zo\xC3\xAB\n3,Andr\xE9,x\n4,Ren\xC3\xA9"
        "e\n");
    EXPECT_EQ(p.records,
              (Lines{"[id]@1:1 [name]@1:4", "[1]@2:1 [Jos\xC3\xA9]@2:3", "[2]@3:1 [Zo\xC3\xAB]@3:3",
                     "[3]@4:1 [Andr\xEF\xBF\xBD]@4:3 [x]@4:9",
                     "[4]@5:1 [Ren\xC3\xA9"
                     "e]@5:3"}));
    EXPECT_EQ(p.diagnostics,
              (Lines{"students.csv:4:7: error: byte 0xE9 is not valid UTF-8, and the rest of the "
                     "file is UTF-8; retype this character (or save the file as CSV in UTF-8 "
                     "again)"}));
    EXPECT_FALSE(p.windows_1252);
}

TEST(CsvReader, AcceptsCrlfLineBreaks) {
    const Parsed p = parse("a,b\r\nc,d\r\n");
    EXPECT_EQ(p.records, (Lines{"[a]@1:1 [b]@1:3", "[c]@2:1 [d]@2:3"}));
}

TEST(CsvReader, TreatsALoneCrAsALineBreak) {
    const Parsed p = parse("a,b\rc,d\r\re\n");
    EXPECT_EQ(p.records, (Lines{"[a]@1:1 [b]@1:3", "[c]@2:1 [d]@2:3", "[e]@4:1"}));
    EXPECT_EQ(p.record_lines, (std::vector<int>{1, 2, 4}));
}

TEST(CsvReader, SkipsBlankLinesButCountsThem) {
    const Parsed p = parse("\r\n\na,b\n\r\n\n\nc,d\n\n");
    EXPECT_EQ(p.records, (Lines{"[a]@3:1 [b]@3:3", "[c]@7:1 [d]@7:3"}));
    EXPECT_EQ(p.record_lines, (std::vector<int>{3, 7}));
}

TEST(CsvReader, KeepsALineOfSpacesAsARecord) {
    EXPECT_EQ(parse("a\n  \nb\n").records, (Lines{"[a]@1:1", "[  ]@2:1", "[b]@3:1"}));
}

TEST(CsvReader, ReadsALastRecordWithoutFinalNewline) {
    EXPECT_EQ(parse("a,b\nc,d").records, (Lines{"[a]@1:1 [b]@1:3", "[c]@2:1 [d]@2:3"}));
    EXPECT_EQ(parse("a,\"b\"").records, (Lines{"[a]@1:1 [b]@1:3"}));
}

TEST(CsvReader, UnescapesDoubledQuotes) {
    const Parsed p = parse("\"a,\"\"b\"\"\",c\n\"\"\"\",\"x\"\"\"\n");
    EXPECT_EQ(p.records, (Lines{"[a,\"b\"]@1:1 [c]@1:11", "[\"]@2:1 [x\"]@2:6"}));
    EXPECT_TRUE(p.diagnostics.empty());
}

TEST(CsvReader, KeepsCommasAndLineBreaksInsideQuotesAndCountsTheirLines) {
    const Parsed p = parse("id,comment\n1,\"one\ntwo\r\nthree, four\",x\n2,y\n");
    EXPECT_EQ(p.records,
              (Lines{"[id]@1:1 [comment]@1:4", "[1]@2:1 [one\ntwo\r\nthree, four]@2:3 [x]@4:14",
                     "[2]@5:1 [y]@5:3"}));
    EXPECT_EQ(p.record_lines, (std::vector<int>{1, 2, 5}));
}

TEST(CsvReader, CountsALoneCrInsideQuotesAsALineBreak) {
    const Parsed p = parse("\"a\rb\",c\nd\n");
    EXPECT_EQ(p.records, (Lines{"[a\rb]@1:1 [c]@2:4", "[d]@3:1"}));
}

TEST(CsvReader, GivesEmptyFieldsTheirOwnPositions) {
    EXPECT_EQ(parse("a,,b\n").records, (Lines{"[a]@1:1 []@1:3 [b]@1:4"}));
    EXPECT_EQ(parse(",\n").records, (Lines{"[]@1:1 []@1:2"}));
    EXPECT_EQ(parse("a,\"\",b\n").records, (Lines{"[a]@1:1 []@1:3 [b]@1:6"}));
}

TEST(CsvReader, ReadsATrailingEmptyField) {
    EXPECT_EQ(parse("a,b,\nc,d,\r\n").records,
              (Lines{"[a]@1:1 [b]@1:3 []@1:5", "[c]@2:1 [d]@2:3 []@2:5"}));
    EXPECT_EQ(parse("a,b,").records, (Lines{"[a]@1:1 [b]@1:3 []@1:5"}));
}

TEST(CsvReader, CountsMultiByteCharactersAsOneColumn) {
    EXPECT_EQ(parse("\xC3\xB1,x\n").records, (Lines{"[\xC3\xB1]@1:1 [x]@1:3"}));
    // "€😀" then a quoted "ñ\nü" whose second line holds one character before the delimiter.
    EXPECT_EQ(parse("\xE2\x82\xAC\xF0\x9F\x98\x80,\"\xC3\xB1\n\xC3\xBC\",x\n").records,
              (Lines{"[\xE2\x82\xAC\xF0\x9F\x98\x80]@1:1 [\xC3\xB1\n\xC3\xBC]@1:4 [x]@2:4"}));
}

TEST(CsvReader, ReportsAQuoteInsideAnUnquotedFieldAndKeepsItAsText) {
    const Parsed p = parse("id,name\n1,Ana\n2,5'10\" tall,x\n3,Bo\n");
    EXPECT_EQ(p.records, (Lines{"[id]@1:1 [name]@1:4", "[1]@2:1 [Ana]@2:3",
                                "[2]@3:1 [5'10\" tall]@3:3 [x]@3:14", "[3]@4:1 [Bo]@4:3"}));
    EXPECT_EQ(p.malformed, (std::vector<bool>{false, false, true, false}));
    EXPECT_EQ(p.diagnostics,
              (Lines{"students.csv:3:7: error: quote character inside an unquoted field"}));
}

TEST(CsvReader, ReportsOnlyTheFirstStrayQuoteOfAField) {
    const Parsed p = parse("a\"b\"c,d\"\n");
    EXPECT_EQ(p.records, (Lines{"[a\"b\"c]@1:1 [d\"]@1:7"}));
    EXPECT_EQ(p.diagnostics,
              (Lines{"students.csv:1:2: error: quote character inside an unquoted field",
                     "students.csv:1:8: error: quote character inside an unquoted field"}));
}

TEST(CsvReader, ReportsTextAfterAClosingQuoteAndKeepsIt) {
    const Parsed p = parse("1,\"He said \"hi\" to me\",x\n2,\"ok\"\n");
    EXPECT_EQ(p.records,
              (Lines{"[1]@1:1 [He said \"hi\" to me\"]@1:3 [x]@1:24", "[2]@2:1 [ok]@2:3"}));
    EXPECT_EQ(p.malformed, (std::vector<bool>{true, false}));
    EXPECT_EQ(p.diagnostics,
              (Lines{"students.csv:1:13: error: unexpected text after closing quote"}));
}

TEST(CsvReader, ReportsTextAfterAClosingQuoteOnALaterLine) {
    const Parsed p = parse("\"a\nb\" c\n");
    EXPECT_EQ(p.records, (Lines{"[a\nb\" c]@1:1"}));
    EXPECT_EQ(p.diagnostics,
              (Lines{"students.csv:2:3: error: unexpected text after closing quote"}));
}

TEST(CsvReader, ReportsUnterminatedQuoteAtItsOpeningPosition) {
    const Parsed p = parse("id,name\n1,Ana\n2,\"Bo,x\n3,Cy\n4,\"\"\"\"\n");
    // The stray quote is kept as text, and the lines after it are still read as records.
    EXPECT_EQ(p.records,
              (Lines{"[id]@1:1 [name]@1:4", "[1]@2:1 [Ana]@2:3", "[2]@3:1 [\"Bo]@3:3 [x]@3:7",
                     "[3]@4:1 [Cy]@4:3", "[4]@5:1 [\"]@5:3"}));
    EXPECT_EQ(p.malformed, (std::vector<bool>{false, false, true, false, false}));
    EXPECT_EQ(p.diagnostics,
              (Lines{"students.csv:3:3: error: unterminated quoted field (opened here)"}));
}

TEST(CsvReader, ReportsUnterminatedQuoteOnTheLastLine) {
    const Parsed p = parse("a,b\n\xC3\xB1,\"c");
    EXPECT_EQ(p.records, (Lines{"[a]@1:1 [b]@1:3", "[\xC3\xB1]@2:1 [\"c]@2:3"}));
    EXPECT_EQ(p.diagnostics,
              (Lines{"students.csv:2:3: error: unterminated quoted field (opened here)"}));
}

TEST(CsvReader, KeepsReportingAfterSeveralBadRows) {
    const Parsed p = parse("a\"\n\"b\"c\nd\"\n\"e\n");
    EXPECT_EQ(p.diagnostics,
              (Lines{"students.csv:1:2: error: quote character inside an unquoted field",
                     "students.csv:2:4: error: unexpected text after closing quote",
                     "students.csv:3:2: error: quote character inside an unquoted field",
                     "students.csv:4:1: error: unterminated quoted field (opened here)"}));
    EXPECT_EQ(p.malformed, (std::vector<bool>{true, true, true, true}));
}

TEST(CsvReader, ReusesTheFieldVectorAcrossRecordsOfDifferentLengths) {
    Diagnostics diags;
    CsvReader reader("a,b,c\nd\ne,f\n", "x.csv", diags);
    std::vector<CsvField> fields;
    ASSERT_TRUE(reader.next(fields));
    EXPECT_EQ(describe(fields), "[a]@1:1 [b]@1:3 [c]@1:5");
    ASSERT_TRUE(reader.next(fields));
    EXPECT_EQ(describe(fields), "[d]@2:1");
    ASSERT_TRUE(reader.next(fields));
    EXPECT_EQ(describe(fields), "[e]@3:1 [f]@3:3");
    EXPECT_FALSE(reader.next(fields));
    EXPECT_TRUE(fields.empty());
    EXPECT_FALSE(reader.next(fields));
}

TEST(CsvReader, RefusesAFieldOverTheLimitAndReadsTheNextRows) {
    const std::string big(k_max_field_bytes + 1, 'a');
    const Parsed p = parse("id,name\n1,\"" + big + "\"\n2,Bo\n");
    EXPECT_EQ(p.records.size(), 3u);
    EXPECT_EQ(p.records[2], "[2]@3:1 [Bo]@3:3");
    EXPECT_EQ(p.malformed, (std::vector<bool>{false, true, false}));
    EXPECT_EQ(p.diagnostics,
              (Lines{"students.csv:2:3: error: field is longer than 1 MiB (the limit for one "
                     "field)"}));
}

TEST(CsvReader, RefusesTheRestOfTheFileAfterARowOverTheLimit) {
    std::string row;
    while (row.size() <= k_max_row_bytes) row += std::string(100000, 'b') + ",";
    const Parsed p = parse("id,name\n1,Ana\n" + row + "\n2,Bo\n");
    EXPECT_EQ(p.records, (Lines{"[id]@1:1 [name]@1:4", "[1]@2:1 [Ana]@2:3"}));
    EXPECT_EQ(p.diagnostics, (Lines{"students.csv:3:1: error: row is longer than 4 MiB (the "
                                    "limit for one row); the rest of the file is not read"}));
}

TEST(CsvReader, PointsAtTheOpeningQuoteWhenAnUnclosedQuoteRunsPastTheRowLimit) {
    std::string rest;
    while (rest.size() <= k_max_row_bytes) rest += "3,Carla\n";
    const Parsed p = parse("id,name\n1,Ana\n2,\"Bo\n" + rest);
    EXPECT_EQ(p.records, (Lines{"[id]@1:1 [name]@1:4", "[1]@2:1 [Ana]@2:3"}));
    EXPECT_EQ(p.diagnostics,
              (Lines{"students.csv:3:3: error: quoted field opened here is still open after 4 MiB "
                     "(the limit for one row); is a closing quote missing? The rest of the file "
                     "is not read"}));
}

TEST(CsvReader, RefusesTheRestOfTheFileAfterARowWithTooManyFields) {
    const Parsed p = parse("id,name\n" + std::string(10 << 20, ',') + "\n2,Bo\n");
    EXPECT_EQ(p.records, (Lines{"[id]@1:1 [name]@1:4"}));
    EXPECT_EQ(p.diagnostics, (Lines{"students.csv:2:1: error: row has more than 1000 fields (the "
                                    "limit for one row); the rest of the file is not read"}));
}

TEST(CsvReader, KeepsTheFileNameForLaterDiagnostics) {
    Diagnostics diags;
    const CsvReader reader("a\n", "staff.csv", diags);
    EXPECT_EQ(reader.file_name(), "staff.csv");
}

// Each test its own folder: ctest runs the tests of one fixture in parallel processes.
class CsvReaderFile : public ::testing::Test {
  protected:
    homeroom::testing::TempDir m_temp;
    const std::filesystem::path& m_dir = m_temp.path();
};

TEST_F(CsvReaderFile, OpensAndReadsTheWholeFile) {
    const auto path = m_dir / "schools.csv";
    std::string content = "school_id,name\n";
    for (int i = 0; i < 20000; ++i)
        content += std::to_string(i) + ",School " + std::to_string(i) + "\n";
    std::ofstream(path, std::ios::binary) << content;

    Diagnostics diags;
    CsvReader reader = CsvReader::open(path, "schools.csv", diags);
    std::vector<CsvField> fields;
    int records = 0;
    while (reader.next(fields)) ++records;
    EXPECT_EQ(records, 20001);
    EXPECT_EQ(reader.record_line(), 20001);
    EXPECT_EQ(describe(fields), "");
    EXPECT_FALSE(diags.has_errors());
}

// Records, quotes, CRLF and multi-byte characters cut by the end of a read are parsed whole,
// wherever the cut falls.
TEST_F(CsvReaderFile, ReadsRecordsCutByTheEndOfAReadWhole) {
    const auto path = m_dir / "students.csv";
    constexpr std::size_t k_read = 256 << 10;  // the reader's first read
    // Cut inside the multi-byte character, between doubled quotes, inside CRLF.
    const std::string tricky = "7,\"Zo\xC3\xAB \"\"x\"\"\r\nnext\"\r\n8,end\r\n";
    for (std::size_t cut = 1; cut < tricky.size(); ++cut) {
        std::string content = "id,name\n";
        int line = 2;
        while (content.size() + 11 <= k_read - cut) {
            content += "1,abcdefgh\n";
            ++line;
        }
        while (content.size() < k_read - cut) {
            content += "\n";
            ++line;
        }
        content += tricky;
        std::ofstream(path, std::ios::binary) << content;

        Diagnostics diags;
        CsvReader reader = CsvReader::open(path, "students.csv", diags);
        std::vector<CsvField> fields;
        std::vector<std::string> records;
        while (reader.next(fields)) records.push_back(describe(fields));
        ASSERT_GE(records.size(), 2u);
        const std::string at = std::to_string(line);
        EXPECT_EQ(records[records.size() - 2],
                  "[7]@" + at + ":1 [Zo\xC3\xAB \"x\"\r\nnext]@" + at + ":3")
            << cut;
        EXPECT_EQ(records.back(),
                  "[8]@" + std::to_string(line + 2) + ":1 [end]@" + std::to_string(line + 2) + ":3")
            << cut;
        EXPECT_FALSE(diags.has_errors()) << cut;
    }
}

TEST_F(CsvReaderFile, ThrowsIoErrorNamingTheFileAndTheReason) {
    Diagnostics diags;
    const auto missing = m_dir / "missing.csv";
    try {
        CsvReader::open(missing, "missing.csv", diags);
        FAIL() << "expected IoError";
    } catch (const IoError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "cannot read " + missing.string() + ": No such file or directory");
    }
    try {
        CsvReader::open(m_dir, "dir.csv", diags);
        FAIL() << "expected IoError";
    } catch (const IoError& e) {
        EXPECT_EQ(std::string(e.what()), "cannot read " + m_dir.string() + ": Is a directory");
    }
}

}  // namespace
}  // namespace homeroom::ingest
