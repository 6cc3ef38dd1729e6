// `homeroom import` on a OneRoster 1.1 export (docs/oneroster.md), through the built binary:
// the format chosen by manifest.csv or --format, the rows stored, and the errors a messy export
// gets, with nothing applied.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "run_command.h"
#include "store/database.h"
#include "store/snapshot_repository.h"

namespace homeroom {
namespace {

using testing::read_file;
using testing::run_homeroom;
using testing::TempDir;
using testing::write_file;

const std::string k_export = HOMEROOM_TEST_DATA "/oneroster-1.1";

std::string query(const std::string& db, const std::string& sql) {
    store::Database d(db, store::Database::Open::existing);
    SQLite::Statement q(d.sql(), sql);
    std::string out;
    while (q.executeStep()) {
        for (int i = 0; i < q.getColumnCount(); ++i)
            out += (i ? "|" : "") + q.getColumn(i).getString();
        out += "\n";
    }
    return out;
}

TEST(OneRosterCli, AnExportIsRecognisedByItsManifestAndImported) {
    TempDir dir;
    const std::string db = (dir / "h.db").string();
    const auto r = run_homeroom({"--db", db, "import", k_export, "--as-of", "2026-01-16"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("imported snapshot 2026-01-16: 65 rows from the OneRoster export " +
                              k_export + " into " + db + " (",
                          0),
              0u)
        << r.out;
    EXPECT_NE(r.out.find(", 1 warning)\n"), std::string::npos) << r.out;
    EXPECT_NE(r.err.find("users.csv: warning: of 4 contacts linked to students, 4 have no email "
                         "or SMS consent and 4 no educational rights"),
              std::string::npos)
        << r.err;

    EXPECT_EQ(query(db,
                    "SELECT student_id, school_id, first_name, birth_date, grade, gender, "
                    "race_ethnicity, entry_date, homeroom FROM students ORDER BY student_id "
                    "LIMIT 2"),
              "stu-1001|sch-lincoln|Ana|2017-03-14|3|F|hispanic|2025-08-20|Room 3 Homeroom\n"
              "stu-1002|sch-lincoln|Ben|2017-06-02|3|M|black|2025-08-20|Room 3 Homeroom\n");
    EXPECT_EQ(query(db, "SELECT count(*) FROM students"), "8\n");
    EXPECT_EQ(query(db,
                    "SELECT section_id, course_code, subject, staff_id FROM sections ORDER "
                    "BY section_id"),
              "cls-math7-1|MATH7|math|tch-1\ncls-read3-a|READ3|ela|tch-2\n");
    // Consent is never inferred from a OneRoster link.
    EXPECT_EQ(query(db,
                    "SELECT count(*), sum(educational_rights), sum(student_consent IS NOT "
                    "NULL) FROM student_contacts"),
              "4|0|0\n");
    EXPECT_EQ(query(db,
                    "SELECT count(*), sum(email_consent), sum(sms_consent), "
                    "group_concat(DISTINCT preferred_channel) FROM contacts"),
              "4|0|0|none\n");
}

TEST(OneRosterCli, NativeFilesBesideTheExportAreImportedWithSourcedIds) {
    TempDir dir;
    const std::string db = (dir / "h.db").string();
    const auto bundle = dir / "export";
    std::filesystem::copy(k_export, bundle, std::filesystem::copy_options::recursive);
    write_file(bundle / "student_contacts.csv",
               "student_id,contact_id,relationship,educational_rights\n"
               "stu-1001,par-1,mother,Y\n");
    write_file(bundle / "contacts.csv",
               "contact_id,preferred_channel,email_consent\npar-1,email,Y\n");
    write_file(bundle / "attendance.csv",
               "student_id,date,status\nstu-2001,2026-01-12,unexcused\n");
    const auto r = run_homeroom({"--db", db, "import", bundle.string(), "--as-of", "2026-01-16"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("imported snapshot 2026-01-16: 68 rows from the OneRoster export", 0), 0u)
        << r.out;
    EXPECT_NE(r.err.find("of 4 contacts linked to students, 3 have no email or SMS consent and "
                         "3 no educational rights"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(query(db,
                    "SELECT student_id, contact_id, relationship, educational_rights FROM "
                    "student_contacts WHERE educational_rights = 1"),
              "stu-1001|par-1|mother|1\n");
    EXPECT_EQ(query(db,
                    "SELECT contact_id, first_name, preferred_channel, email_consent FROM "
                    "contacts WHERE email_consent = 1"),
              "par-1|Rosa|email|1\n");
    EXPECT_EQ(query(db, "SELECT student_id, date, status FROM attendance"),
              "stu-2001|2026-01-12|unexcused\n");
}

TEST(OneRosterCli, DryRunSaysTheFormatAndAppliesNothing) {
    TempDir dir;
    const std::string db = (dir / "h.db").string();
    const auto r =
        run_homeroom({"--db", db, "import", k_export, "--as-of", "2026-01-16", "--dry-run"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("dry run: 65 rows in the OneRoster export " + k_export +
                              " are valid; nothing was applied",
                          0),
              0u)
        << r.out;
    store::Database d(db);
    EXPECT_TRUE(store::SnapshotRepository(d).list().empty());
}

TEST(OneRosterCli, AMessyExportGetsEveryErrorAndChangesNothing) {
    TempDir dir;
    const std::string db = (dir / "h.db").string();
    const auto bundle = dir / "export";
    std::filesystem::copy(k_export, bundle, std::filesystem::copy_options::recursive);
    std::string demographics = read_file(bundle / "demographics.csv");
    demographics.replace(demographics.find("2017-03-14"), 10, "1/05/2023");
    write_file(bundle / "demographics.csv", demographics);
    std::string users = read_file(bundle / "users.csv");
    users.replace(users.find("sch-grant,teacher,j.lee"), 23, "sch-grant,coach,j.lee");
    write_file(bundle / "users.csv", users);
    write_file(bundle / "enrollments.csv",
               read_file(bundle / "enrollments.csv") +
                   "e12,,,cls-nope,sch-grant,stu-2004,student,false,,\n");

    const auto r = run_homeroom({"--db", db, "import", bundle.string(), "--as-of", "2026-01-16"});
    EXPECT_EQ(r.exit_code, 65) << r.err;
    for (const std::string& line : std::vector<std::string>{
             "demographics.csv:2:12: error: birthDate: \"1/05/2023\" is not a date in the form "
             "YYYY-MM-DD\n",
             "users.csv:14:24: error: role: \"coach\" is not one of: administrator, aide, "
             "guardian, "
             "parent, proctor, relative, student, teacher\n",
             "enrollments.csv:13:7: error: classSourcedId: no class with sourcedId \"cls-nope\" in "
             "classes.csv\n",
             "import refused: 3 errors in the OneRoster export " + bundle.string() +
                 "; nothing was applied\n"})
        EXPECT_NE(r.err.find(line), std::string::npos) << line << "\n---\n" << r.err;
    store::Database d(db);
    EXPECT_TRUE(store::SnapshotRepository(d).list().empty());
}

TEST(OneRosterCli, FormatOptionForcesTheReader) {
    TempDir dir;
    const std::string db = (dir / "h.db").string();
    auto r = run_homeroom(
        {"--db", db, "import", k_export, "--as-of", "2026-01-16", "--format", "native"});
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_NE(r.err.find("schools.csv: error: required file is missing from the bundle\n"),
              std::string::npos)
        << r.err;
    r = run_homeroom({"--db", db, "import", HOMEROOM_TEST_DATA "/bundle-small", "--as-of",
                      "2026-01-16", "--format", "oneroster"});
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_NE(r.err.find("manifest.csv: error: required file is missing from the OneRoster "
                         "export\n"),
              std::string::npos)
        << r.err;
    r = run_homeroom({"--db", db, "import", k_export, "--as-of", "2026-01-16", "--format", "csv"});
    EXPECT_EQ(r.exit_code, 64);
    EXPECT_NE(r.err.find("--format \"csv\" is not one of: native, oneroster"), std::string::npos)
        << r.err;
}

TEST(OneRosterCli, HelpSaysHowTheFormatIsChosen) {
    const auto r = run_homeroom({"import", "--help"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("one with a manifest.csv is read as a"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("--format=native|oneroster"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace homeroom
