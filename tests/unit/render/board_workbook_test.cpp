#include "render/board_workbook.h"

#include <gtest/gtest.h>

#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <chrono>
#include <clocale>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <thread>

#include "core/errors.h"
#include "temp_dir.h"
#include "xml_inspection.h"

namespace homeroom::render {
namespace {

using metrics::DisplayValue;
using metrics::PublishedCell;
using metrics::PublishedRow;
using metrics::SuppressionReason;
using Kind = DisplayValue::Kind;
using Poco::XML::Element;
using testing::elements_named;
using testing::parse_xml;
using testing::read_file;
using testing::TempDir;

// The members of an XLSX file (a zip), read back with Poco::Zip.
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

PublishedCell cell(Kind kind, std::int64_t number,
                   SuppressionReason reason = SuppressionReason::none) {
    return {{Kind::number, 100}, {kind, number}, reason};
}

PublishedRow row_of(PublishedCell first, PublishedCell second) {
    PublishedRow row;
    row.fill(cell(Kind::no_data, 0));
    row[0] = first;
    row[1] = second;
    return row;
}

const std::vector<std::string> k_hostile_names = {"=HYPERLINK(\"http://evil.example\",\"click\")",
                                                  "+1+1", "-2+3", "@SUM(A1:A2)",
                                                  "Lincoln & \"Sons\" <b>\u202Eloocs"};

BoardWorkbook sample_workbook() {
    BoardWorkbook workbook;
    workbook.as_of = *Date::parse("2024-10-01");
    workbook.schools = {"Lincoln Elementary", "=1+1"};
    workbook.text.title = "District summary";
    workbook.text.as_of = "As of October 1, 2024";
    workbook.text.school = "School";
    workbook.text.district = "District";
    for (std::size_t g = 0; g < metrics::k_subgroup_count; ++g)
        workbook.text.subgroups[g] = "Group " + std::to_string(g);
    workbook.text.subgroups[0] = "All students";
    workbook.text.notes_title = "Notes";
    workbook.text.notes = {"A cell describing fewer than 10 students is shown as *.",
                           "Rates within 5 points of 0% or 100% are shown as <5% or >95%."};

    BoardMeasure enrollment{"Enrollment", {}};
    enrollment.table.schools = {
        row_of(cell(Kind::number, 412), cell(Kind::number, 1234)),
        row_of(cell(Kind::number, 95), cell(Kind::suppressed, 0, SuppressionReason::small_group))};
    enrollment.table.district = row_of(cell(Kind::number, 507), cell(Kind::number, 1300));
    BoardMeasure chronic{"Chronic absenteeism", {}};
    chronic.table.schools = {
        row_of(cell(Kind::percent, 87), cell(Kind::below, 5)),
        row_of(cell(Kind::above, 95),
               cell(Kind::suppressed, 0, SuppressionReason::complementary_rate))};
    chronic.table.district = row_of(cell(Kind::percent, 23), cell(Kind::percent, 4));
    workbook.measures = {enrollment, chronic};
    return workbook;
}

// The <c> element of `reference` ("B4") in a sheet's XML, or null.
const Element* cell_at(const testing::XmlDocument& sheet, const std::string& reference) {
    for (const Element* c : elements_named(sheet, "c"))
        if (c->getAttribute("r") == reference)
            return c;
    return nullptr;
}

std::vector<std::string> shared_strings(const std::filesystem::path& file) {
    const auto document = parse_xml(zip_member(file, "xl/sharedStrings.xml"));
    std::vector<std::string> out;
    for (const Element* si : elements_named(document, "si")) out.push_back(si->innerText());
    return out;
}

// The text of a string cell, whether shared or inline.
std::string string_cell(const std::filesystem::path& file, const testing::XmlDocument& sheet,
                        const std::string& reference) {
    const Element* c = cell_at(sheet, reference);
    if (c == nullptr)
        return "<no cell " + reference + ">";
    if (c->getAttribute("t") == "inlineStr")
        return c->innerText();
    EXPECT_EQ(c->getAttribute("t"), "s") << reference << " is not a string";
    return shared_strings(file).at(std::stoul(c->innerText()));
}

// The number format code of a cell's style.
std::string number_format(const std::filesystem::path& file, const Element& c) {
    const auto styles = parse_xml(zip_member(file, "xl/styles.xml"));
    const Poco::AutoPtr<Poco::XML::NodeList> xfs =
        elements_named(styles, "cellXfs")[0]->getElementsByTagName("xf");
    const auto* xf = static_cast<const Element*>(xfs->item(std::stoul(c.getAttribute("s"))));
    const std::string id = xf->getAttribute("numFmtId");
    if (id == "9")
        return "0%";  // built in
    if (id == "3")
        return "#,##0";
    for (const Element* format : elements_named(styles, "numFmt"))
        if (format->getAttribute("numFmtId") == id)
            return format->getAttribute("formatCode");
    return "general";
}

TEST(BoardWorkbook, WritesOneSheetPerMeasureAndANotesSheet) {
    TempDir dir;
    const auto file = dir / "board.xlsx";
    write_board_workbook(sample_workbook(), file);
    const auto book = parse_xml(zip_member(file, "xl/workbook.xml"));
    std::vector<std::string> names;
    for (const Element* sheet : elements_named(book, "sheet"))
        names.push_back(sheet->getAttribute("name"));
    EXPECT_EQ(names, (std::vector<std::string>{"Enrollment", "Chronic absenteeism", "Notes"}));

    const auto notes = parse_xml(zip_member(file, "xl/worksheets/sheet3.xml"));
    EXPECT_EQ(string_cell(file, notes, "A1"), "Notes");
    EXPECT_EQ(string_cell(file, notes, "A4"),
              "A cell describing fewer than 10 students is shown as *.");
    EXPECT_EQ(string_cell(file, notes, "A5"),
              "Rates within 5 points of 0% or 100% are shown as <5% or >95%.");
}

TEST(BoardWorkbook, LaysOutTitleHeaderSchoolsAndDistrict) {
    TempDir dir;
    const auto file = dir / "board.xlsx";
    write_board_workbook(sample_workbook(), file);
    const auto sheet = parse_xml(zip_member(file, "xl/worksheets/sheet1.xml"));
    EXPECT_EQ(string_cell(file, sheet, "A1"), "Enrollment");
    EXPECT_EQ(string_cell(file, sheet, "A2"), "As of October 1, 2024");
    EXPECT_EQ(string_cell(file, sheet, "A3"), "School");
    EXPECT_EQ(string_cell(file, sheet, "B3"), "All students");
    EXPECT_EQ(string_cell(file, sheet, "S3"), "Group 17");
    EXPECT_EQ(string_cell(file, sheet, "A4"), "Lincoln Elementary");
    EXPECT_EQ(string_cell(file, sheet, "A6"), "District");

    // Counts are numbers with a thousands format.
    const Element* count = cell_at(sheet, "C4");
    ASSERT_NE(count, nullptr);
    EXPECT_FALSE(count->hasAttribute("t"));
    EXPECT_EQ(count->innerText(), "1234");
    EXPECT_EQ(number_format(file, *count), "#,##0");
    // A suppressed count is the site's marker, as text.
    EXPECT_EQ(string_cell(file, sheet, "C5"), "*");
    // No data: the no-data marker.
    EXPECT_EQ(string_cell(file, sheet, "D4"), "-");

    // The headings and the names stay in view.
    const auto panes = elements_named(sheet, "pane");
    ASSERT_EQ(panes.size(), 1u);
    EXPECT_EQ(panes[0]->getAttribute("state"), "frozen");
    EXPECT_EQ(panes[0]->getAttribute("xSplit"), "1");
    EXPECT_EQ(panes[0]->getAttribute("ySplit"), "3");
    const auto columns = elements_named(sheet, "col");
    ASSERT_GE(columns.size(), 2u);
    EXPECT_EQ(columns[0]->getAttribute("customWidth"), "1");
    EXPECT_EQ(elements_named(sheet, "autoFilter")[0]->getAttribute("ref"), "A3:S5");
}

TEST(BoardWorkbook, WritesRatesAsPercentNumbersAndCodedRatesAsText) {
    TempDir dir;
    const auto file = dir / "board.xlsx";
    write_board_workbook(sample_workbook(), file);
    const auto sheet = parse_xml(zip_member(file, "xl/worksheets/sheet2.xml"));
    const Element* rate = cell_at(sheet, "B4");
    ASSERT_NE(rate, nullptr);
    EXPECT_FALSE(rate->hasAttribute("t"));
    EXPECT_EQ(rate->innerText(), "0.87");  // the whole percent shown on the site
    EXPECT_EQ(number_format(file, *rate), "0%");
    EXPECT_EQ(string_cell(file, sheet, "C4"), "<5%");
    EXPECT_EQ(string_cell(file, sheet, "B5"), ">95%");
    EXPECT_EQ(string_cell(file, sheet, "C5"), "*");
    const Element* district = cell_at(sheet, "C6");
    ASSERT_NE(district, nullptr);
    EXPECT_EQ(district->innerText(), "0.04");
    EXPECT_EQ(number_format(file, *district), "0%");
}

TEST(BoardWorkbook, UsesTheSuppressionSettingsMarkers) {
    BoardWorkbook workbook = sample_workbook();
    workbook.suppression.suppressed_marker = "n<10";
    workbook.suppression.no_data_marker = "n/a";
    TempDir dir;
    const auto file = dir / "board.xlsx";
    write_board_workbook(workbook, file);
    const auto sheet = parse_xml(zip_member(file, "xl/worksheets/sheet1.xml"));
    EXPECT_EQ(string_cell(file, sheet, "C5"), "n<10");
    EXPECT_EQ(string_cell(file, sheet, "D4"), "n/a");
}

TEST(BoardWorkbook, KeepsNamesThatLookLikeFormulasAsText) {
    BoardWorkbook workbook = sample_workbook();
    workbook.schools = k_hostile_names;
    for (BoardMeasure& measure : workbook.measures)
        measure.table.schools.resize(k_hostile_names.size(), measure.table.schools[0]);
    TempDir dir;
    const auto file = dir / "board.xlsx";
    write_board_workbook(workbook, file);
    for (const char* member : {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"}) {
        const std::string xml = zip_member(file, member);
        EXPECT_EQ(xml.find("<f>"), std::string::npos);
        EXPECT_EQ(xml.find("<f "), std::string::npos);
        const auto sheet = parse_xml(xml);
        for (std::size_t i = 0; i < 4; ++i)
            EXPECT_EQ(string_cell(file, sheet, "A" + std::to_string(4 + i)), k_hostile_names[i]);
        // Markup is data; the bidi override is gone.
        EXPECT_EQ(string_cell(file, sheet, "A8"), "Lincoln & \"Sons\" <b>loocs");
    }
}

TEST(BoardWorkbook, WritesTheSameBytesForTheSameInput) {
    TempDir dir;
    write_board_workbook(sample_workbook(), dir / "first.xlsx");
    // Past a second and a two-second zip (DOS) time step: a clock in the file would show.
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    write_board_workbook(sample_workbook(), dir / "second.xlsx");
    const std::string first = read_file(dir / "first.xlsx");
    EXPECT_GT(first.size(), 1000u);
    EXPECT_TRUE(first == read_file(dir / "second.xlsx"));

    // The document's dates are the as-of date.
    const auto core = parse_xml(zip_member(dir / "first.xlsx", "docProps/core.xml"));
    EXPECT_EQ(elements_named(core, "dcterms:created")[0]->innerText(), "2024-10-01T00:00:00Z");
    EXPECT_EQ(elements_named(core, "dcterms:modified")[0]->innerText(), "2024-10-01T00:00:00Z");
    EXPECT_EQ(elements_named(core, "dc:title")[0]->innerText(), "District summary");
}

TEST(BoardWorkbook, ChangesWithTheAsOfDate) {
    TempDir dir;
    BoardWorkbook later = sample_workbook();
    later.as_of = *Date::parse("2024-10-08");
    write_board_workbook(sample_workbook(), dir / "first.xlsx");
    write_board_workbook(later, dir / "second.xlsx");
    EXPECT_FALSE(read_file(dir / "first.xlsx") == read_file(dir / "second.xlsx"));
}

// Switches the process to a locale with a decimal comma: an installed one, or else de_DE
// compiled into `dir` with localedef (glibc reads LOCPATH on each setlocale). False when neither
// works.
bool use_decimal_comma_locale(const TempDir& dir) {
    for (const char* name : {"de_DE.UTF-8", "fr_FR.UTF-8", "nl_NL.UTF-8"})
        if (std::setlocale(LC_ALL, name) != nullptr)
            return true;
    const std::string command =
        "localedef -i de_DE -f UTF-8 '" + (dir / "de_DE.UTF-8").string() + "' >/dev/null 2>&1";
    if (std::system(command.c_str()) != 0)
        return false;
    setenv("LOCPATH", dir.path().c_str(), 1);
    const bool ok = std::setlocale(LC_ALL, "de_DE.UTF-8") != nullptr;
    unsetenv("LOCPATH");
    return ok;
}

TEST(BoardWorkbook, WritesNumbersWithADecimalPointUnderAnyLocale) {
    // libxlsxwriter 1.1.4 writes numbers with snprintf: under de_DE, 0.87 would be "0,87".
    const char* previous = std::setlocale(LC_ALL, nullptr);
    const std::string saved = previous != nullptr ? previous : "C";
    TempDir dir;
    if (!use_decimal_comma_locale(dir))
        GTEST_SKIP() << "no locale with a decimal comma on this machine";
    write_board_workbook(sample_workbook(), dir / "board.xlsx");
    std::setlocale(LC_ALL, saved.c_str());
    const auto sheet = parse_xml(zip_member(dir / "board.xlsx", "xl/worksheets/sheet2.xml"));
    EXPECT_EQ(cell_at(sheet, "B4")->innerText(), "0.87");
    EXPECT_EQ(elements_named(sheet, "pageMargins")[0]->getAttribute("left"), "0.7");
}

TEST(BoardWorkbook, LaysSheetsOutRightToLeftWhenAsked) {
    BoardWorkbook workbook = sample_workbook();
    workbook.right_to_left = true;
    TempDir dir;
    write_board_workbook(workbook, dir / "board.xlsx");
    for (const char* member :
         {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"}) {
        const auto sheet = parse_xml(zip_member(dir / "board.xlsx", member));
        EXPECT_EQ(elements_named(sheet, "sheetView")[0]->getAttribute("rightToLeft"), "1");
    }
}

TEST(BoardWorkbook, RefusesTablesThatDoNotMatchTheSchools) {
    BoardWorkbook workbook = sample_workbook();
    workbook.schools.push_back("Third school");
    TempDir dir;
    EXPECT_THROW(write_board_workbook(workbook, dir / "board.xlsx"), std::invalid_argument);
    EXPECT_FALSE(std::filesystem::exists(dir / "board.xlsx"));
}

TEST(BoardWorkbook, ReportsAFileThatCannotBeWritten) {
    TempDir dir;
    try {
        write_board_workbook(sample_workbook(), dir / "missing" / "board.xlsx");
        FAIL() << "expected IoError";
    } catch (const IoError& error) {
        EXPECT_EQ(std::string(error.what()), "cannot write " +
                                                 (dir / "missing" / "board.xlsx").string() +
                                                 ": No such file or directory");
    }
}

TEST(BoardWorkbook, WritesAWorkbookWithoutSchools) {
    BoardWorkbook workbook = sample_workbook();
    workbook.schools.clear();
    for (BoardMeasure& measure : workbook.measures) measure.table.schools.clear();
    TempDir dir;
    write_board_workbook(workbook, dir / "board.xlsx");
    const auto sheet = parse_xml(zip_member(dir / "board.xlsx", "xl/worksheets/sheet1.xml"));
    EXPECT_EQ(string_cell(dir / "board.xlsx", sheet, "A4"), "District");
    EXPECT_TRUE(elements_named(sheet, "autoFilter").empty());
}

}  // namespace
}  // namespace homeroom::render
