// `homeroom export partner` and `homeroom disclosures` on tests/data/bundle-partners (its README
// lists every case): the exact row set, nothing beyond the allowed fields, formula-injection
// strings inert in the CSV and in the XLSX (read back with python3's zipfile and XML parser),
// expired and future agreements exporting nothing, and every extract in the disclosure log. Also
// the partner pages of `homeroom build`.
#include <gtest/gtest.h>

#include <regex>

#include "run_command.h"

namespace homeroom {
namespace {

namespace fs = std::filesystem;
using testing::read_file;
using testing::run_homeroom;
using testing::TempDir;
using testing::write_file;

const std::string k_as_of = "2026-01-16";

// Prints every cell of every sheet of an XLSX, one row per line, cells separated by \x1f, and
// "## <sheet name>" before each sheet; also one "!formula" line per <f> element found anywhere.
const char* const k_xlsx_dump = R"PY(
import sys, zipfile, re
import xml.etree.ElementTree as ET
ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
rel = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id'
z = zipfile.ZipFile(sys.argv[1])
strings = []
if 'xl/sharedStrings.xml' in z.namelist():
    for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', ns):
        strings.append(''.join(t.text or '' for t in si.iter('{%s}t' % ns['m'])))
wb = ET.fromstring(z.read('xl/workbook.xml'))
rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
targets = {r.get('Id'): r.get('Target') for r in rels}
out = []
for sheet in wb.find('m:sheets', ns):
    out.append('## ' + sheet.get('name'))
    root = ET.fromstring(z.read('xl/' + targets[sheet.get(rel)]))
    for row in root.iter('{%s}row' % ns['m']):
        cells = []
        for c in row.findall('m:c', ns):
            if c.find('m:f', ns) is not None:
                out.append('!formula')
            v = c.find('m:v', ns)
            t = c.get('t')
            if t == 's':
                cells.append(strings[int(v.text)])
            elif t == 'inlineStr':
                cells.append(''.join(x.text or '' for x in c.iter('{%s}t' % ns['m'])))
            else:
                cells.append('#' + (v.text if v is not None else ''))
        out.append('\x1f'.join(cells))
sys.stdout.write('\n'.join(out) + '\n')
)PY";

std::vector<std::vector<std::string>> split_rows(const std::string& text, char separator) {
    std::vector<std::vector<std::string>> rows;
    std::size_t from = 0;
    while (from < text.size()) {
        auto to = text.find('\n', from);
        if (to == std::string::npos)
            to = text.size();
        std::string line = text.substr(from, to - from);
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        std::vector<std::string> cells;
        std::size_t a = 0;
        while (true) {
            const auto b = line.find(separator, a);
            cells.push_back(line.substr(a, b == std::string::npos ? std::string::npos : b - a));
            if (b == std::string::npos)
                break;
            a = b + 1;
        }
        rows.push_back(cells);
        from = to + 1;
    }
    return rows;
}

// RFC 4180 rows (quoted fields with "" inside; no line breaks in this fixture's values).
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
        } else if (c == '\r') {
        } else if (c == '\n') {
            row.push_back(field);
            field.clear();
            rows.push_back(row);
            row.clear();
        } else {
            field += c;
        }
    }
    return rows;
}

class PartnerExport : public ::testing::Test {
  protected:
    void SetUp() override {
        m_db = (m_dir / "h.db").string();
        m_out = m_dir / "exports";
        const auto r = run_homeroom(
            {"--db", m_db, "import", HOMEROOM_TEST_DATA "/bundle-partners", "--as-of", k_as_of});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }

    testing::CommandResult export_partner(const std::string& name,
                                          std::vector<std::string> extra = {}) {
        std::vector<std::string> args = {"--db",    m_db,    "export", "partner",     name,
                                         "--as-of", k_as_of, "--out",  m_out.string()};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_homeroom(args);
    }

    std::string dump_xlsx(const fs::path& xlsx) {
        write_file(m_dir / "dump.py", k_xlsx_dump);
        const fs::path out = m_dir / "dump.txt";
        const std::string cmd = "python3 " + testing::shell_quote((m_dir / "dump.py").string()) +
                                " " + testing::shell_quote(xlsx.string()) + " > " +
                                testing::shell_quote(out.string());
        EXPECT_EQ(std::system(cmd.c_str()), 0);
        return read_file(out);
    }

    std::vector<fs::path> files_under(const fs::path& root) {
        std::vector<fs::path> out;
        if (fs::exists(root))
            for (const auto& e : fs::recursive_directory_iterator(root))
                if (e.is_regular_file())
                    out.push_back(e.path());
        std::sort(out.begin(), out.end());
        return out;
    }

    TempDir m_dir;
    std::string m_db;
    fs::path m_out;
};

const std::vector<std::string> k_header = {"name", "grade", "school", "attendance_rate"};
// Included: 1001 (parent consent), 1003 (hostile name), 1005 (hostile name and school), 2001
// (18+, own consent); by student id. Left out: 1002 no consent, 1004 roster ended, 1006 roster
// not started, 2002 consent withdrawn, 2003 18+ with only a parent's consent.
const std::vector<std::vector<std::string>> k_rows = {
    {"José García", "3", "Maple Elementary", "80.0"},
    {"'=HYPERLINK(\"http://evil.example/\",\"x\") Hostile", "3", "Maple Elementary", "100.0"},
    {"'@Ava Lee", "3", "'+Plus Academy", "100.0"},
    {"Tran Nguyễn", "12", "Cass High School", "75.0"},
};

TEST_F(PartnerExport, CsvHasExactlyTheExpectedRowsAndColumns) {
    const auto r = export_partner("P-CYC");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("4 students"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("1 roster-not-started, 1 roster-ended, 1 no-consent, 1 consent-refused, "
                         "1 no-student-consent"),
              std::string::npos)
        << r.out;
    const auto folder = m_out / "P-CYC" / k_as_of;
    EXPECT_EQ(files_under(m_out),
              (std::vector<fs::path>{folder / "extract.csv", folder / "extract.xlsx"}));
    const auto csv = parse_csv(read_file(folder / "extract.csv"));
    ASSERT_EQ(csv.size(), k_rows.size() + 1);
    EXPECT_EQ(csv[0], k_header);
    for (std::size_t i = 0; i < k_rows.size(); ++i) {
        EXPECT_EQ(csv[i + 1], k_rows[i]) << i;
    }
}

TEST_F(PartnerExport, XlsxHoldsTheSameRowsAsInertStrings) {
    ASSERT_EQ(export_partner("City Youth Club").exit_code, 0);  // by name
    const std::string dump = dump_xlsx(m_out / "P-CYC" / k_as_of / "extract.xlsx");
    EXPECT_EQ(dump.find("!formula"), std::string::npos) << dump;
    const auto lines = split_rows(dump, '\x1f');
    ASSERT_GE(lines.size(), 6u) << dump;
    EXPECT_EQ(lines[0], std::vector<std::string>{"## Data"});
    EXPECT_EQ(lines[1], k_header);
    for (std::size_t i = 0; i < k_rows.size(); ++i) {
        EXPECT_EQ(lines[i + 2], k_rows[i]) << i;
    }
    EXPECT_EQ(lines[6], std::vector<std::string>{"## Report cards"});
    // The report card sheet: a heading per student and one label/value row per allowed field.
    std::size_t values = 0;
    for (std::size_t i = 7; i < lines.size(); ++i) {
        const auto& cells = lines[i];
        ASSERT_LE(cells.size(), 2u) << dump;
        if (cells.size() == 2) {
            EXPECT_TRUE(cells[0] == "Name" || cells[0] == "Grade" || cells[0] == "School" ||
                        cells[0] == "Attendance rate (%)")
                << cells[0];
            ++values;
        }
    }
    EXPECT_EQ(values, k_rows.size() * k_header.size());
    // Every text cell of every sheet is inert.
    for (const auto& cells : lines) {
        for (const auto& cell : cells) {
            if (!cell.empty() && cell[0] != '#') {
                EXPECT_EQ(std::string("=+-@").find(cell[0]), std::string::npos) << cell;
            }
        }
    }
    // No student id anywhere.
    for (const char* id : {"1001", "1003", "1005", "2001"})
        EXPECT_EQ(dump.find(id), std::string::npos) << id;
}

TEST_F(PartnerExport, SameInputSameBytes) {
    ASSERT_EQ(export_partner("P-CYC").exit_code, 0);
    const auto folder = m_out / "P-CYC" / k_as_of;
    const std::string xlsx = read_file(folder / "extract.xlsx");
    const std::string csv = read_file(folder / "extract.csv");
    ASSERT_EQ(export_partner("P-CYC").exit_code, 0);
    EXPECT_EQ(read_file(folder / "extract.xlsx"), xlsx);
    EXPECT_EQ(read_file(folder / "extract.csv"), csv);
}

TEST_F(PartnerExport, ExpiredOrFutureAgreementExportsNothing) {
    auto r = export_partner("P-OLD");
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_NE(r.err.find("A0"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("2025-12-31"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("expired"), std::string::npos) << r.err;
    r = export_partner("P-NEW");
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_NE(r.err.find("A2"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("not started"), std::string::npos) << r.err;
    EXPECT_TRUE(files_under(m_out).empty());
    r = run_homeroom({"--db", m_db, "disclosures", "--student", "1001"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("no disclosures"), std::string::npos) << r.out;
}

TEST_F(PartnerExport, DryRunWritesAndLogsNothing) {
    const auto r = export_partner("P-CYC", {"--dry-run"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("would export"), std::string::npos);
    EXPECT_TRUE(files_under(m_out).empty());
    EXPECT_NE(run_homeroom({"--db", m_db, "disclosures", "--partner", "P-CYC"})
                  .out.find("no disclosures"),
              std::string::npos);
}

TEST_F(PartnerExport, UnknownPartnerAndBadUsage) {
    EXPECT_EQ(export_partner("nobody").exit_code, 66);
    EXPECT_EQ(run_homeroom({"--db", m_db, "export", "partner", "P-CYC"}).exit_code, 64);
    EXPECT_EQ(run_homeroom({"--db", m_db, "export", "P-CYC", "--as-of", k_as_of}).exit_code, 64);
    EXPECT_EQ(run_homeroom({"--db", m_db, "disclosures"}).exit_code, 64);
}

TEST_F(PartnerExport, PartnerIdCannotLeaveTheExportsFolder) {
    const auto r = export_partner("../evil");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const fs::path root = m_dir.path();
    for (const auto& f : files_under(root)) {
        const auto rel = fs::relative(f, root).generic_string();
        if (f.extension() == ".xlsx" || f.extension() == ".csv") {
            EXPECT_EQ(rel.rfind("exports/", 0), 0u) << rel;
        }
        EXPECT_EQ(rel.find(".."), std::string::npos) << rel;
    }
    const auto csv =
        parse_csv(read_file(m_out / "_2e_2e_2fevil-e3b85cb0" / k_as_of / "extract.csv"));
    EXPECT_EQ(csv, (std::vector<std::vector<std::string>>{{"grade"}, {"3"}}));
}

TEST_F(PartnerExport, EveryExtractIsInTheDisclosureLog) {
    ASSERT_EQ(export_partner("P-CYC").exit_code, 0);
    ASSERT_EQ(export_partner("../evil").exit_code, 0);
    // Included students: in the log, newest first.
    auto r = run_homeroom({"--db", m_db, "disclosures", "--student", "1001"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("2 disclosures about student 1001"), std::string::npos) << r.out;
    const auto evil = r.out.find("to ../evil");
    const auto cyc = r.out.find("to P-CYC (City Youth Club)");
    ASSERT_NE(evil, std::string::npos) << r.out;
    ASSERT_NE(cyc, std::string::npos) << r.out;
    EXPECT_LT(evil, cyc);
    EXPECT_NE(r.out.find("fields: name, grade, school, attendance_rate"), std::string::npos);
    EXPECT_NE(r.out.find("consent: C1 on 2025-09-01"), std::string::npos);
    EXPECT_NE(r.out.find("A1 - Homework help"), std::string::npos);
    r = run_homeroom({"--db", m_db, "disclosures", "--student", "2001", "--json"});
    ASSERT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("\"partner_id\":\"P-CYC\""), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"consent_by\":\"student\""), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"as_of\":\"2026-01-16\""), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("extract.xlsx"), std::string::npos) << r.out;
    // Students left out: nothing recorded.
    for (const char* id : {"1002", "1004", "1006", "2002", "2003"}) {
        r = run_homeroom({"--db", m_db, "disclosures", "--student", id, "--json"});
        EXPECT_EQ(r.out, "[]\n") << id;
    }
    r = run_homeroom({"--db", m_db, "disclosures", "--partner", "P-CYC"});
    EXPECT_NE(r.out.find("students: 4"), std::string::npos) << r.out;
}

TEST_F(PartnerExport, UnwritableOutputLogsNothing) {
    write_file(m_dir / "blocker", "a file where the exports folder should be");
    const auto r = run_homeroom({"--db", m_db, "export", "partner", "P-CYC", "--as-of", k_as_of,
                                 "--out", (m_dir / "blocker").string()});
    EXPECT_EQ(r.exit_code, 74) << r.out << r.err;
    EXPECT_EQ(run_homeroom({"--db", m_db, "disclosures", "--student", "1001", "--json"}).out,
              "[]\n");
}

TEST_F(PartnerExport, BuildWritesOnePrivatePagePerPartnerWithOnlyItsStudents) {
    write_file(m_dir / "h.ini", "[site]\nsecret = test-secret\n");
    const auto r = run_homeroom({"--config", (m_dir / "h.ini").string(), "--db", m_db, "build",
                                 "--out", (m_dir / "site").string()},
                                HOMEROOM_SOURCE_DIR);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("4 partner pages"), std::string::npos) << r.out;
    const auto pages = files_under(m_dir / "site" / "private" / "partners");
    ASSERT_EQ(pages.size(), 4u);
    std::string cyc;
    for (const auto& p : pages) {
        EXPECT_TRUE(std::regex_match(p.filename().string(), std::regex("[a-z2-7]{26}\\.html")))
            << p;
        const std::string html = read_file(p);
        if (html.find("City Youth Club") != std::string::npos)
            cyc = html;
        if (html.find("Old Mentors") != std::string::npos) {
            EXPECT_NE(html.find("nothing is shared"), std::string::npos);
        }
    }
    ASSERT_FALSE(cyc.empty());
    for (const char* in : {"José García", "Tran Nguyễn", "Hostile", "Ava Lee"})
        EXPECT_NE(cyc.find(in), std::string::npos) << in;
    for (const char* out : {"Maryam", "Tom Ended", "Nora", "Keisha", "Adam Adult", "1001"})
        EXPECT_EQ(cyc.find(out), std::string::npos) << out;
    EXPECT_EQ(cyc.find("<script"), std::string::npos);
    // Nothing public mentions the partner pages.
    for (const auto& f : files_under(m_dir / "site" / "public")) {
        EXPECT_EQ(read_file(f).find("partners/"), std::string::npos) << f;
    }
}

}  // namespace
}  // namespace homeroom
