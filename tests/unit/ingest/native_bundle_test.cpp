// Each rule of docs/data-format.md, broken once in an otherwise valid bundle, with the exact
// diagnostic a user sees.
#include "ingest/native_bundle.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "core/errors.h"
#include "record_collector.h"
#include "temp_dir.h"

namespace homeroom::ingest {
namespace {

using homeroom::testing::read_file;
using homeroom::testing::write_file;

class NativeBundle : public ::testing::Test {
  protected:
    void SetUp() override {
        std::filesystem::copy(HOMEROOM_TEST_DATA "/bundle-small", m_dir.path(),
                              std::filesystem::copy_options::recursive);
    }

    // Replaces 1-based line `line` of `file` (keeping the rest byte for byte).
    void replace_line(const std::string& file, int line, const std::string& text) {
        std::string content = read_file(m_dir / file);
        std::size_t start = 0;
        for (int i = 1; i < line; ++i) start = content.find('\n', start) + 1;
        const std::size_t end = content.find('\n', start);
        content.replace(start, end - start, text);
        write_file(m_dir / file, content);
    }
    void append(const std::string& file, const std::string& text) {
        write_file(m_dir / file, read_file(m_dir / file) + text);
    }

    std::vector<std::string> errors() {
        m_diags = Diagnostics();
        m_records = testing::RecordCollector();
        read_native_bundle(m_dir.path(), Date::from_ymd(2026, 1, 16), m_records, m_diags);
        std::vector<std::string> out;
        for (const auto& d : m_diags.items())
            if (d.severity == Severity::error)
                out.push_back(d.to_string());
        return out;
    }
    std::vector<std::string> warnings() {
        errors();
        std::vector<std::string> out;
        for (const auto& d : m_diags.items())
            if (d.severity == Severity::warning)
                out.push_back(d.to_string());
        return out;
    }

    homeroom::testing::TempDir m_dir;
    Diagnostics m_diags;
    testing::RecordCollector m_records;
};

using Lines = std::vector<std::string>;

TEST_F(NativeBundle, AcceptsTheValidFixtureWithoutDiagnostics) {
    EXPECT_EQ(errors(), Lines{});
    EXPECT_EQ(m_diags.warning_count(), 0u);
    EXPECT_EQ(m_records.students.size(), 4u);
    EXPECT_EQ(m_records.attendance.size(), 3u);
    EXPECT_EQ(m_records.marks.size(), 4u);
    EXPECT_EQ(m_records.students[0].first_name, "José");
    EXPECT_EQ(m_records.students[3].last_name, "O'Brien, Jr.");
    EXPECT_EQ(m_records.marks[3].comment, "Missing work:\nsee plan");
    EXPECT_EQ(m_records.marks[0].comment, "Reads every day, \"great\" progress");
    ASSERT_TRUE(m_records.links[2].student_consent.has_value());
    EXPECT_TRUE(*m_records.links[2].student_consent);
    EXPECT_FALSE(m_records.links[0].student_consent.has_value());
    EXPECT_EQ(m_records.agreements[0].fields, (Lines{"name", "grade", "attendance_rate"}));
}

TEST_F(NativeBundle, RefusesAnImpossibleDateAtItsColumn) {
    replace_line("students.csv", 2,
                 "1001,S1,José,,García,,2016-02-30,3,M,hispanic,Y,N,Y,es,2025-08-25,,3A,");
    EXPECT_EQ(errors(), Lines{"students.csv:2:23: error: birth_date: \"2016-02-30\" is not a "
                              "real calendar date"});
}

TEST_F(NativeBundle, RefusesADateInTheWrongForm) {
    replace_line("students.csv", 2,
                 "1001,S1,José,,García,,03/04/2016,3,M,hispanic,Y,N,Y,es,2025-08-25,,3A,");
    EXPECT_EQ(errors(), Lines{"students.csv:2:23: error: birth_date: \"03/04/2016\" is not a "
                              "date in the form YYYY-MM-DD"});
}

TEST_F(NativeBundle, RefusesADuplicateStudentId) {
    append("students.csv", "1002,S1,Sam,,Lee,,2016-01-01,3,M,asian,N,N,N,en,2025-08-25,,3A,\n");
    EXPECT_EQ(errors(),
              Lines{"students.csv:6:1: error: student_id: duplicate student_id \"1002\""});
}

TEST_F(NativeBundle, RefusesADanglingReference) {
    append("student_contacts.csv", "1001,C9,father,Y,N,N,\n");
    EXPECT_EQ(errors(), Lines{"student_contacts.csv:6:6: error: contact_id: no contact with id "
                              "\"C9\" in contacts.csv"});
}

TEST_F(NativeBundle, RefusesAStudentOfAnUnknownSchool) {
    replace_line("students.csv", 3,
                 "1002,S7,Maryam,,Al-Sayed,,2016-11-30,3,F,white,N,N,Y,ar,2025-08-25,,3A,");
    const auto e = errors();
    ASSERT_FALSE(e.empty());
    EXPECT_EQ(e.front(),
              "students.csv:3:6: error: school_id: no school with id \"S7\" in schools.csv");
}

TEST_F(NativeBundle, RefusesAValueOutsideItsEnumeration) {
    replace_line("students.csv", 2,
                 "1001,S1,José,,García,,2016-03-04,3rd,M,hispanic,Y,N,Y,es,2025-08-25,,3A,");
    EXPECT_EQ(errors(), Lines{"students.csv:2:34: error: grade: \"3rd\" is not one of: PK, K, 1, "
                              "2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12"});
}

TEST_F(NativeBundle, RefusesABooleanThatIsNotYesOrNo) {
    replace_line("students.csv", 2,
                 "1001,S1,José,,García,,2016-03-04,3,M,hispanic,maybe,N,Y,es,2025-08-25,,3A,");
    EXPECT_EQ(errors(),
              Lines{"students.csv:2:47: error: english_learner: \"maybe\" is not Y or N"});
}

TEST_F(NativeBundle, RefusesAMissingRequiredValue) {
    replace_line("students.csv", 2,
                 "1001,S1,,,García,,2016-03-04,3,M,hispanic,Y,N,Y,es,2025-08-25,,3A,");
    EXPECT_EQ(errors(), Lines{"students.csv:2:9: error: first_name: a value is required"});
}

TEST_F(NativeBundle, RefusesAMissingRequiredColumnAndReadsNoRows) {
    write_file(m_dir / "schools.csv", "school_id,name\nS1,Maple\nS2,Cass\n");
    const auto e = errors();
    ASSERT_FALSE(e.empty());
    EXPECT_EQ(e.front(), "schools.csv:1: error: required column \"level\" is missing");
    EXPECT_TRUE(m_records.schools.empty());
}

// A misspelt optional column is not silently dropped: its warning names the column it likely is.
TEST_F(NativeBundle, AnUnknownColumnNearAnUnnamedOneSaysDidYouMean) {
    write_file(m_dir / "schools.csv",
               "school_id,name,level,postal_cod\nS1,Maple,elementary,48201\n"
               "S2,Cass,high,48202\n");
    EXPECT_EQ(warnings(), Lines{"schools.csv:1:22: warning: unknown column \"postal_cod\" is "
                                "ignored; did you mean postal_code?"});
    EXPECT_EQ(m_diags.error_count(), 0u);
}

TEST_F(NativeBundle, MatchesHeadersCaseInsensitivelyAndWarnsAboutUnknownColumns) {
    write_file(
        m_dir / "schools.csv",
        " School_ID ,NAME,Level,Principal\nS1,Maple,elementary,Ms. Ray\nS2,Cass,high,Mr. Lee\n");
    EXPECT_EQ(warnings(),
              Lines{"schools.csv:1:24: warning: unknown column \"Principal\" is ignored"});
    EXPECT_EQ(m_diags.error_count(), 0u);
    EXPECT_EQ(m_records.schools.size(), 2u);
}

TEST_F(NativeBundle, RefusesARowWithTheWrongNumberOfFields) {
    append("schools.csv", "S3,Oak Middle\n");
    EXPECT_EQ(errors(), Lines{"schools.csv:4: error: expected 8 fields as in the header, found 2"});
}

TEST_F(NativeBundle, RefusesAttendanceOnADayWithoutSchool) {
    append("attendance.csv", "2001,2026-01-14,unexcused,\n");
    EXPECT_EQ(errors(), Lines{"attendance.csv:5:6: error: date: 2026-01-14 is not an "
                              "instructional day of school \"S2\""});
}

TEST_F(NativeBundle, RefusesAttendanceAfterTheSnapshotDate) {
    append("calendar.csv", "S1,2026-01-19,Y\n");
    append("attendance.csv", "1002,2026-01-19,excused,\n");
    EXPECT_EQ(errors(), Lines{"attendance.csv:5:6: error: date: 2026-01-19 is after the "
                              "snapshot date 2026-01-16"});
}

TEST_F(NativeBundle, RefusesAttendanceBeforeTheStudentEnrolled) {
    append("calendar.csv", "S2,2026-01-02,Y\n");
    append("attendance.csv", "2002,2026-01-02,excused,\n");
    EXPECT_EQ(errors(), Lines{"attendance.csv:5:6: error: date: 2026-01-02 is outside the "
                              "student's enrollment (2026-01-05 to now)"});
}

TEST_F(NativeBundle, RefusesDuplicateAttendanceForTheSameDay) {
    append("attendance.csv", "1001,2026-01-12,excused,\n");
    EXPECT_EQ(errors(), Lines{"attendance.csv:5:6: error: date: duplicate attendance for "
                              "student \"1001\" on 2026-01-12"});
}

TEST_F(NativeBundle, RefusesAMarkForAStudentNotInTheSection) {
    append("marks.csv", "1002,SEC2,Q1,B,,\n");
    EXPECT_EQ(errors(), Lines{"marks.csv:7:1: error: student_id: student \"1002\" is not "
                              "enrolled in section \"SEC2\" (section_enrollments.csv)"});
}

TEST_F(NativeBundle, RefusesAMarkWithNeitherLetterNorPercent) {
    append("marks.csv", "1002,SEC1,Q2,,,\n");
    EXPECT_EQ(errors(), Lines{"marks.csv:7:1: error: a mark needs a letter, a percent or both"});
}

TEST_F(NativeBundle, RefusesAPercentOutOfRange) {
    append("marks.csv", "1002,SEC1,Q2,A,101,\n");
    EXPECT_EQ(errors(),
              Lines{"marks.csv:7:16: error: percent: \"101\" is out of range (0 to 100)"});
}

TEST_F(NativeBundle, RefusesTwoSignsAndSaysATooLargeNumberIsOutOfRange) {
    replace_line("assessments.csv", 2, "1001,Fall Interim,ela,2025-10-01,+-560,2,N");
    replace_line("assessments.csv", 3,
                 "1002,Fall Interim,math,2025-10-01,99999999999999999999,3,Y");
    append("marks.csv", "1002,SEC1,Q2,A,-+50,\n");
    append("marks.csv", "1002,SEC1,Q1,A," + std::string(400, '9') + ",\n");
    EXPECT_EQ(errors(),
              (Lines{"marks.csv:7:16: error: percent: \"-+50\" is not a number",
                     "marks.csv:8:16: error: percent: \"9999999999999999999999999999999999999999..."
                     "\" is out of range (0 to 100)",
                     "assessments.csv:2:34: error: scale_score: \"+-560\" is not a whole number",
                     "assessments.csv:3:35: error: scale_score: \"99999999999999999999\" is out of "
                     "range (-1000000 to 1000000)"}));
}

TEST_F(NativeBundle, RefusesASuspensionWithoutDays) {
    append("discipline_actions.csv", "I1,in_school_suspension,0\n");
    EXPECT_EQ(errors(), Lines{"discipline_actions.csv:3:25: error: days: a suspension needs a "
                              "number of days greater than 0"});
}

TEST_F(NativeBundle, RefusesAnAgreementFieldThatIsNotShareable) {
    replace_line("agreements.csv", 2, "A1,P-CYC,Homework help,name;ssn,2025-08-01,2026-07-31");
    EXPECT_EQ(errors(), Lines{"agreements.csv:2:24: error: fields: \"ssn\" is not a shareable "
                              "field (see docs/data-format.md)"});
}

TEST_F(NativeBundle, RefusesAnSmsChannelWithoutAMobileNumber) {
    replace_line("contacts.csv", 3,
                 "C2,Ahmed,Al-Sayed,ahmed@example.org,,ar,sms,Y,N,N,N,2 Oak St,Detroit,MI,48203");
    EXPECT_EQ(errors(), Lines{"contacts.csv:3:41: error: preferred_channel: \"sms\" needs a "
                              "mobile number"});
}

TEST_F(NativeBundle, RefusesAnEmailAddressWithAnInjectedHeader) {
    replace_line(
        "contacts.csv", 3,
        "C2,Ahmed,Al-Sayed,\"ahmed@example.org\nBcc: x@example.com\",,ar,email,Y,N,N,N,,,,");
    const auto e = errors();
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e.front(),
              "contacts.csv:3:19: error: email: \"ahmed@example.org Bcc: "
              "x@example.com\" is not an email address: more than one @");
}

// Audit F.26: the import took addresses notify never sends to, so their contacts silently got
// nothing. Now one rule (core/email_address.h): broken ones are errors, a non-ASCII local part a
// warning at its line, an internationalized domain accepted (sent in A-labels).
TEST_F(NativeBundle, EmailAddressesFollowTheRuleNotifySendsBy) {
    replace_line("contacts.csv", 3, "C2,Ahmed,Al-Sayed,a..b@example.org,,ar,email,Y,N,N,N,,,,");
    auto e = errors();
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e.front(),
              "contacts.csv:3:19: error: email: \"a..b@example.org\" is not an email address: "
              "two dots in a row before the @");
    replace_line("contacts.csv", 3, "C2,Ahmed,Al-Sayed,.lead@example.org,,ar,email,Y,N,N,N,,,,");
    e = errors();
    ASSERT_EQ(e.size(), 1u);
    EXPECT_NE(e.front().find("is not an email address: a dot at the start"), std::string::npos);

    replace_line("contacts.csv", 3,
                 "C2,Ahmed,Al-Sayed,jos\xC3\xA9@example.org,,ar,email,Y,N,N,N,,,,");
    const auto w = warnings();
    EXPECT_TRUE(errors().empty());
    ASSERT_EQ(w.size(), 1u);
    EXPECT_EQ(w.front(),
              "contacts.csv:3:19: warning: email: \"jos\xC3\xA9@example.org\" cannot be emailed: "
              "the part before the @ is not ASCII, which needs SMTPUTF8 (not supported by "
              "Homeroom); this contact gets no email (notify counts it under no_address)");

    replace_line("contacts.csv", 3,
                 "C2,Ahmed,Al-Sayed,user@b\xC3\xBC"
                 "cher.example,,ar,email,Y,N,N,N,,,,");
    EXPECT_TRUE(errors().empty());
    EXPECT_TRUE(warnings().empty());
}

TEST_F(NativeBundle, RefusesAControlCharacterInAName) {
    replace_line("students.csv", 3,
                 "1002,S1,Mar\x1b"
                 "yam,,Al-Sayed,,2016-11-30,3,F,white,N,N,Y,ar,2025-08-25,,3A,");
    EXPECT_EQ(errors(), Lines{"students.csv:3:9: error: first_name: contains a line break or "
                              "control character at character 4"});
}

TEST_F(NativeBundle, RefusesAPartnerConsentFromAnUnlinkedContact) {
    append("partner_consents.csv", "1001,P-CYC,C2,Y,2025-09-02\n");
    EXPECT_EQ(errors(), Lines{"partner_consents.csv:3:12: error: contact_id: contact \"C2\" is "
                              "not linked to student \"1001\" in student_contacts.csv"});
}

TEST_F(NativeBundle, ReportsEveryProblemNotJustTheFirst) {
    append("students.csv", "1002,S1,Sam,,Lee,,2016-01-01,3,M,asian,N,N,N,en,2025-08-25,,3A,\n");
    append("attendance.csv", "9999,2026-01-12,unexcused,\n");
    append("marks.csv", "1001,SEC1,Q9,A,,\n");
    EXPECT_EQ(errors(),
              (Lines{"students.csv:6:1: error: student_id: duplicate student_id \"1002\"",
                     "attendance.csv:5:1: error: student_id: no student with id \"9999\" in "
                     "students.csv",
                     "marks.csv:7:11: error: marking_period_id: no marking period with id \"Q9\" "
                     "in marking_periods.csv"}));
}

TEST_F(NativeBundle, RefusesAMissingRequiredFileAndWarnsAboutAMissingOptionalOne) {
    std::filesystem::remove(m_dir / "students.csv");
    std::filesystem::remove(m_dir / "learner_profiles.csv");
    const auto e = errors();
    ASSERT_FALSE(e.empty());
    EXPECT_EQ(e.front(), "students.csv: error: required file is missing from the bundle");
    bool warned = false;
    for (const auto& d : m_diags.items())
        warned |= d.to_string() ==
                  "learner_profiles.csv: warning: not in the bundle; read as an empty table";
    EXPECT_TRUE(warned);
}

TEST_F(NativeBundle, RefusesAFileLinkedToDevZeroWithoutReadingIt) {
    std::filesystem::remove(m_dir / "marks.csv");
    std::filesystem::create_symlink("/dev/zero", m_dir / "marks.csv");
    EXPECT_EQ(errors(), Lines{"marks.csv: error: is a symbolic link to a character device (such "
                              "as /dev/zero), not a regular file; a bundle file must be a "
                              "regular file"});
}

TEST_F(NativeBundle, RefusesAFifoWithoutWaitingOnIt) {
    std::filesystem::remove(m_dir / "marks.csv");
    ASSERT_EQ(::mkfifo((m_dir / "marks.csv").c_str(), 0600), 0);
    EXPECT_EQ(errors(), Lines{"marks.csv: error: is a named pipe (FIFO), not a regular file; a "
                              "bundle file must be a regular file"});
}

TEST_F(NativeBundle, RefusesAFolderNamedLikeABundleFile) {
    std::filesystem::remove(m_dir / "marks.csv");
    std::filesystem::create_directory(m_dir / "marks.csv");
    EXPECT_EQ(errors(), Lines{"marks.csv: error: is a folder, not a regular file; a bundle file "
                              "must be a regular file"});
}

TEST_F(NativeBundle, RefusesADanglingSymbolicLinkInsteadOfReadingAnEmptyTable) {
    std::filesystem::remove(m_dir / "marks.csv");
    std::filesystem::create_symlink(m_dir / "gone.csv", m_dir / "marks.csv");
    EXPECT_EQ(errors(), Lines{"marks.csv: error: is a symbolic link to a file that does not exist; "
                              "a bundle file must be a regular file (a link to one is fine)"});
    for (const auto& d : m_diags.items())
        EXPECT_EQ(d.to_string().find("read as an empty table"), std::string::npos);
}

TEST_F(NativeBundle, ReadsASymbolicLinkToARegularFile) {
    std::filesystem::rename(m_dir / "marks.csv", m_dir / "marks-export.txt");
    std::filesystem::create_symlink(m_dir / "marks-export.txt", m_dir / "marks.csv");
    EXPECT_EQ(errors(), Lines{});
    EXPECT_EQ(m_records.marks.size(), 4u);
}

TEST_F(NativeBundle, ReportsANulByteAtItsPositionAloneAndQuietsReferencesToTheFile) {
    std::string content = read_file(m_dir / "students.csv");
    content.insert(content.find("Maryam") + 3, 1, '\0');
    write_file(m_dir / "students.csv", content);
    // Not "the file is empty", and nothing about the students the later files name.
    EXPECT_EQ(errors(), Lines{"students.csv:3:12: error: byte 0x00 (NUL) is not text: the file is "
                              "damaged, binary or UTF-16 without a byte-order mark; save it as "
                              "CSV in UTF-8"});
}

TEST_F(NativeBundle, NamesASecondByteOrderMarkAloneAndQuietsReferencesToTheFile) {
    write_file(m_dir / "students.csv",
               "\xEF\xBB\xBF\xEF\xBB\xBF" + read_file(m_dir / "students.csv"));
    EXPECT_EQ(errors(),
              Lines{"students.csv:1:1: error: a second byte-order mark (U+FEFF) is in the "
                    "header, before a column name (the file was saved twice with one, "
                    "or two files were joined); remove it"});
    EXPECT_TRUE(m_records.students.empty());
    EXPECT_TRUE(m_records.marks.empty());
}

TEST_F(NativeBundle, PointsAMissingRequiredColumnAtItsMisspeltNameAndQuietsReferences) {
    std::string content = read_file(m_dir / "students.csv");
    content.replace(0, 10, "studnet_id");
    write_file(m_dir / "students.csv", content);
    EXPECT_EQ(errors(), Lines{"students.csv:1: error: required column \"student_id\" is missing "
                              "(the header has \"studnet_id\" at column 1: a typing mistake?)"});
}

TEST_F(NativeBundle, ListsTheRefusedFileFirstAheadOfEarlierErrors) {
    std::string schools = read_file(m_dir / "schools.csv");
    for (int i = 0; i < 60; ++i) schools += "X" + std::to_string(i) + ",Bad,nowhere\n";
    write_file(m_dir / "schools.csv", schools);
    std::filesystem::remove(m_dir / "marks.csv");
    ASSERT_EQ(::mkfifo((m_dir / "marks.csv").c_str(), 0600), 0);
    errors();
    const std::string listing = m_diags.format(50);
    EXPECT_EQ(listing.substr(0, listing.find('\n')),
              "marks.csv: error: is a named pipe (FIFO), not a regular file; a bundle file must "
              "be a regular file");
    EXPECT_NE(listing.find("... and 11 more errors"), std::string::npos) << listing;
}

TEST_F(NativeBundle, ReadsWindows1252AndCrlfFromExcel) {
    // "José" and "García" as Excel writes them in Windows-1252, with CRLF line ends.
    write_file(m_dir / "students.csv",
               "student_id,school_id,first_name,last_name,birth_date,grade,gender,race_ethnicity,"
               "english_learner,special_education,economically_disadvantaged,entry_date\r\n"
               "1001,S1,Jos\xe9"
               ",Garc\xed"
               "a,2016-03-04,3,M,hispanic,Y,N,Y,2025-08-25\r\n"
               "1002,S1,Maryam,Al-Sayed,2016-11-30,3,F,white,N,N,Y,2025-08-25\r\n"
               "2001,S2,Tran,Nguyen,2007-05-01,12,M,asian,N,Y,N,2025-08-25\r\n"
               "2002,S2,Keisha,O'Brien,2009-02-14,11,F,black,N,N,Y,2026-01-05\r\n");
    EXPECT_EQ(errors(), Lines{});
    ASSERT_EQ(m_records.students.size(), 4u);
    EXPECT_EQ(m_records.students[0].first_name, "José");
    EXPECT_EQ(m_records.students[0].last_name, "García");
    EXPECT_EQ(m_records.students[0].home_language, "en");
    EXPECT_EQ(m_diags.warning_count(), 1u);
}

TEST_F(NativeBundle, ThrowsNoInputForAMissingFolder) {
    testing::RecordCollector sink;
    Diagnostics diags;
    EXPECT_THROW(read_native_bundle(m_dir / "nope", Date::from_ymd(2026, 1, 16), sink, diags),
                 NoInputError);
}

}  // namespace
}  // namespace homeroom::ingest
