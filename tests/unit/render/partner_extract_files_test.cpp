#include "render/partner_extract_files.h"

#include <gtest/gtest.h>

#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <fstream>
#include <iterator>
#include <stdexcept>

#include "core/errors.h"
#include "temp_dir.h"

namespace homeroom::render {
namespace {

using testing::read_file;
using testing::TempDir;

std::string zip_member(const std::filesystem::path& file, const std::string& name) {
    std::ifstream in(file, std::ios::binary);
    const Poco::Zip::ZipArchive archive(in);
    const auto header = archive.findHeader(name);
    if (header == archive.headerEnd())
        throw std::runtime_error("no " + name + " in " + file.string());
    in.clear();
    Poco::Zip::ZipInputStream member(in, header->second);
    return std::string(std::istreambuf_iterator<char>(member), {});
}

partners::ExtractTable table() {
    partners::ExtractTable t;
    t.fields = {"name", "grade"};
    t.rows.push_back({"1001", {"José García", "3"}});
    t.rows.push_back({"1002", {"'=1+1", "K"}});
    return t;
}

const PartnerFileInfo k_info{"City Youth Club", "A1", "Homework help", *Date::parse("2026-01-16")};

TEST(PartnerCsv, HeaderThenRowsWithoutIds) {
    TempDir dir;
    write_partner_csv(table(), dir / "x.csv");
    EXPECT_EQ(read_file(dir / "x.csv"), "name,grade\r\nJosé García,3\r\n'=1+1,K\r\n");
}

TEST(PartnerCsv, ValuesNotYetNeutralisedAreNeutralisedToo) {
    TempDir dir;
    partners::ExtractTable t;
    t.fields = {"name"};
    t.rows.push_back({"1", {"@SUM(A1)"}});
    write_partner_csv(t, dir / "x.csv");
    EXPECT_EQ(read_file(dir / "x.csv"), "name\r\n'@SUM(A1)\r\n");
}

// The same cleaning as the workbook's cells: a right-to-left override in a name would reverse
// the cells after it in a spreadsheet, a control character could break the row; a trigger the
// cleaning exposes is neutralised.
TEST(PartnerCsv, DropsBidiOverridesAndControlsLikeTheWorkbook) {
    TempDir dir;
    partners::ExtractTable t;
    t.fields = {"name"};
    t.rows.push_back({"1", {"Ana\u202E Ruiz\x07"}});
    t.rows.push_back({"2", {"\u2066=HYPERLINK(\"x\")"}});
    t.rows.push_back({"3", {"\u0645\u0631\u064A\u0645\u200F"}});  // an RLM stays
    write_partner_csv(t, dir / "x.csv");
    EXPECT_EQ(read_file(dir / "x.csv"),
              "name\r\nAna Ruiz\r\n\"'=HYPERLINK(\"\"x\"\")\"\r\n"
              "\u0645\u0631\u064A\u0645\u200F\r\n");
}

TEST(PartnerWorkbook, StringsOnlyNoFormulaNoIdSameBytes) {
    TempDir dir;
    write_partner_workbook(table(), k_info, dir / "a.xlsx");
    write_partner_workbook(table(), k_info, dir / "b.xlsx");
    EXPECT_EQ(read_file(dir / "a.xlsx"), read_file(dir / "b.xlsx"));
    const std::string strings = zip_member(dir / "a.xlsx", "xl/sharedStrings.xml");
    EXPECT_NE(strings.find("<t>'=1+1</t>"), std::string::npos) << strings;
    EXPECT_NE(strings.find("José García"), std::string::npos);
    EXPECT_EQ(strings.find("1001"), std::string::npos);
    for (const char* sheet : {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"}) {
        const std::string xml = zip_member(dir / "a.xlsx", sheet);
        EXPECT_EQ(xml.find("<f>"), std::string::npos) << sheet;
        EXPECT_EQ(xml.find("1001"), std::string::npos) << sheet;
    }
    const std::string workbook = zip_member(dir / "a.xlsx", "xl/workbook.xml");
    EXPECT_NE(workbook.find("name=\"Data\""), std::string::npos);
    EXPECT_NE(workbook.find("name=\"Report cards\""), std::string::npos);
    EXPECT_NE(zip_member(dir / "a.xlsx", "docProps/core.xml").find("2026-01-16T00:00:00Z"),
              std::string::npos);
}

TEST(PartnerWorkbook, UnwritablePathIsAnIoError) {
    TempDir dir;
    EXPECT_THROW(write_partner_workbook(table(), k_info, dir / "missing" / "a.xlsx"), IoError);
    EXPECT_THROW(write_partner_csv(table(), dir / "missing" / "a.csv"), IoError);
}

}  // namespace
}  // namespace homeroom::render
