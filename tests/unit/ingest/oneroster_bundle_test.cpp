// The OneRoster 1.1 mapping (docs/oneroster.md) on the hand-written export
// tests/data/oneroster-1.1, and each rule broken once with the exact diagnostic a user sees.
#include "ingest/oneroster_bundle.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "record_collector.h"
#include "temp_dir.h"

namespace homeroom::ingest {
namespace {

using homeroom::testing::read_file;
using homeroom::testing::write_file;
using Lines = std::vector<std::string>;

class OneRosterBundle : public ::testing::Test {
  protected:
    void SetUp() override {
        std::filesystem::copy(HOMEROOM_TEST_DATA "/oneroster-1.1", m_dir.path(),
                              std::filesystem::copy_options::recursive);
    }

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
    void read() {
        m_diags = Diagnostics();
        m_records = testing::RecordCollector();
        read_oneroster_bundle(m_dir.path(), Date::from_ymd(2026, 1, 16), m_records, m_diags);
    }
    Lines of(Severity severity) {
        read();
        Lines out;
        for (const auto& d : m_diags.items())
            if (d.severity == severity)
                out.push_back(d.to_string());
        return out;
    }
    Lines errors() { return of(Severity::error); }
    Lines warnings() { return of(Severity::warning); }

    const Student& student(const std::string& id) {
        const auto it = std::find_if(m_records.students.begin(), m_records.students.end(),
                                     [&](const Student& s) { return s.id == id; });
        EXPECT_NE(it, m_records.students.end()) << id;
        return *it;
    }

    homeroom::testing::TempDir m_dir;
    Diagnostics m_diags;
    testing::RecordCollector m_records;
};

constexpr const char* k_consent_warning =
    "users.csv: warning: of 4 contacts linked to students, 4 have no email or SMS consent and 4 "
    "no educational rights: OneRoster does not carry them and Homeroom never infers them "
    "(docs/oneroster.md)";

TEST(OneRosterManifest, AFolderWithAManifestIsAOneRosterExport) {
    EXPECT_TRUE(has_oneroster_manifest(HOMEROOM_TEST_DATA "/oneroster-1.1"));
    EXPECT_FALSE(has_oneroster_manifest(HOMEROOM_TEST_DATA "/bundle-small"));
}

TEST_F(OneRosterBundle, TheFixtureMapsToTheNativeRecords) {
    EXPECT_EQ(errors(), Lines{});
    EXPECT_EQ(warnings(), Lines{k_consent_warning});

    // Orgs of type school only; the district is checked as a parent, not stored.
    ASSERT_EQ(m_records.schools.size(), 2u);
    EXPECT_EQ(m_records.schools[0].id, "sch-lincoln");
    EXPECT_EQ(m_records.schools[0].name, "Lincoln Elementary");
    EXPECT_EQ(m_records.schools[0].level, "other");

    ASSERT_EQ(m_records.students.size(), 8u);
    const Student& ana = student("stu-1001");
    EXPECT_EQ(ana.school_id, "sch-lincoln");
    EXPECT_EQ(ana.first_name, "Ana");
    EXPECT_EQ(ana.middle_name, "María");
    EXPECT_EQ(ana.last_name, "Reyes");
    EXPECT_EQ(ana.grade, "3");
    EXPECT_EQ(ana.gender, "F");
    EXPECT_EQ(ana.race_ethnicity, "hispanic");  // white and Hispanic: Hispanic first
    EXPECT_EQ(ana.birth_date.to_string(), "2017-03-14");
    EXPECT_EQ(ana.entry_date.to_string(), "2025-08-20");
    EXPECT_EQ(ana.homeroom, "Room 3 Homeroom");
    EXPECT_EQ(ana.home_language, "en");
    EXPECT_FALSE(ana.english_learner);

    EXPECT_EQ(student("stu-1002").race_ethnicity, "black");
    EXPECT_EQ(student("stu-1002").gender, "M");
    EXPECT_EQ(student("stu-1003").grade, "K");
    EXPECT_EQ(student("stu-1003").race_ethnicity, "asian");
    // No class: the school year covering the snapshot date starts the enrollment.
    EXPECT_EQ(student("stu-1003").entry_date.to_string(), "2025-08-20");
    EXPECT_EQ(student("stu-1004").race_ethnicity, "two_or_more");  // asian and white
    EXPECT_EQ(student("stu-1004").entry_date.to_string(), "2025-10-06");
    EXPECT_EQ(student("stu-2002").race_ethnicity, "not_reported");
    EXPECT_EQ(student("stu-2003").race_ethnicity, "american_indian");
    EXPECT_EQ(student("stu-2004").race_ethnicity, "pacific_islander");
    EXPECT_EQ(student("stu-2004").grade, "8");

    ASSERT_EQ(m_records.staff.size(), 4u);
    EXPECT_EQ(m_records.staff[3].id, "adm-1");
    EXPECT_EQ(m_records.staff[3].role, "administrator");
    EXPECT_EQ(m_records.staff[3].school_id, "sch-grant");  // the first org that is a school

    ASSERT_EQ(m_records.periods.size(), 2u);  // grading periods only
    EXPECT_EQ(m_records.periods[1].id, "gp2");
    EXPECT_EQ(m_records.periods[1].name, "Quarter 2");
    EXPECT_EQ(m_records.periods[1].end_date.to_string(), "2026-01-23");

    ASSERT_EQ(m_records.sections.size(), 2u);  // the homeroom class is not a section
    const Section& math = m_records.sections[0];
    EXPECT_EQ(math.id, "cls-math7-1");
    EXPECT_EQ(math.school_id, "sch-grant");
    EXPECT_EQ(math.course_code, "MATH7");
    EXPECT_EQ(math.course_title, "Math 7");
    EXPECT_EQ(math.subject, "math");    // SCED 02052
    EXPECT_EQ(math.staff_id, "tch-1");  // the primary teacher, not the first one listed
    EXPECT_EQ(m_records.sections[1].subject, "ela");  // "Reading"

    ASSERT_EQ(m_records.enrollments.size(), 6u);
    const SectionEnrollment& gus = m_records.enrollments[2];
    EXPECT_EQ(gus.student_id, "stu-2003");
    EXPECT_EQ(gus.entry_date.to_string(), "2025-08-20");  // no beginDate: the term's start
    EXPECT_EQ(gus.exit_date->to_string(), "2025-12-19");
}

TEST_F(OneRosterBundle, ContactsFromAgentsGetNoRightsAndNoConsent) {
    read();
    ASSERT_EQ(m_records.contacts.size(), 4u);
    for (const auto& c : m_records.contacts) {
        EXPECT_FALSE(c.email_consent) << c.id;
        EXPECT_FALSE(c.sms_consent) << c.id;
        EXPECT_EQ(c.preferred_channel, "none") << c.id;
    }
    EXPECT_EQ(m_records.contacts[0].email, "rosa.reyes@example.com");
    EXPECT_EQ(m_records.contacts[0].mobile, "+15551230001");
    // Linked from either side, once: par-3 is named only by its student.
    ASSERT_EQ(m_records.links.size(), 4u);
    for (const auto& l : m_records.links) {
        EXPECT_FALSE(l.educational_rights) << l.contact_id;
        EXPECT_FALSE(l.student_consent.has_value()) << l.contact_id;
    }
    EXPECT_EQ(m_records.links[1].student_id, "stu-1002");
    EXPECT_EQ(m_records.links[1].contact_id, "par-2");
    EXPECT_EQ(m_records.links[1].relationship, "guardian");
    EXPECT_EQ(m_records.links[2].contact_id, "par-3");
    EXPECT_EQ(m_records.links[2].relationship, "other");
}

TEST_F(OneRosterBundle, StudentsWithoutABirthDateAreOneErrorNamingThem) {
    replace_line("demographics.csv", 4,
                 "stu-1003,,,,female,false,true,false,false,false,false,"
                 "false,,,,");
    replace_line("demographics.csv", 9, "stu-2004,,,,female,,,,,,,,,,,");
    EXPECT_EQ(errors(), Lines{"demographics.csv: error: 2 students have no birthDate, so the "
                              "18+ rule cannot be checked: stu-1003, stu-2004"});
    EXPECT_TRUE(m_records.students.empty());  // nothing is handed on from a refused export
}

TEST_F(OneRosterBundle, AStudentMissingFromDemographicsHasNoBirthDate) {
    replace_line("demographics.csv", 2, "stu-1004,,,2017-09-11,male,,,,,,,,,,,");
    EXPECT_EQ(errors(),
              (Lines{"demographics.csv:5:1: error: sourcedId: duplicate sourcedId \"stu-1004\"",
                     "demographics.csv: error: 1 student has no birthDate, so the 18+ rule "
                     "cannot be checked: stu-1001"}));
}

TEST_F(OneRosterBundle, AMisspelledHeaderIsAWarningWithDidYouMean) {
    std::string users = read_file(m_dir / "users.csv");
    users.replace(users.find(",password\n"), 10, ",password,prefferedGivenName\n");
    std::size_t at = users.find('\n') + 1;
    while (at < users.size()) {
        at = users.find('\n', at);
        users.insert(at, ",");
        at += 2;
    }
    write_file(m_dir / "users.csv", users);
    EXPECT_EQ(errors(), Lines{});
    EXPECT_EQ(warnings(), (Lines{"users.csv:1:174: warning: unknown column "
                                 "\"prefferedGivenName\" is ignored; did you mean "
                                 "preferredFirstName?",
                                 k_consent_warning}));
}

TEST_F(OneRosterBundle, ADateNotInIsoFormNamesTheExpectedForm) {
    replace_line("demographics.csv", 2,
                 "stu-1001,,,1/05/2023,female,false,false,false,false,true,false,true,US,CA,,");
    EXPECT_EQ(errors(), Lines{"demographics.csv:2:12: error: birthDate: \"1/05/2023\" is not a "
                              "date in the form YYYY-MM-DD"});
}

TEST_F(OneRosterBundle, AnUnknownRoleListsTheAllowedValues) {
    replace_line("users.csv", 14, "tch-1,,,true,sch-grant,principal,j.lee,,Jordan,Lee,,,,,,,,");
    EXPECT_EQ(errors(), Lines{"users.csv:14:24: error: role: \"principal\" is not one of: "
                              "administrator, aide, guardian, parent, proctor, relative, student, "
                              "teacher"});
}

TEST_F(OneRosterBundle, AnUnknownOrgTypeListsTheAllowedValues) {
    replace_line("orgs.csv", 4, "sch-grant,,,Grant Middle School,campus,102,d1");
    const Lines e = errors();
    ASSERT_FALSE(e.empty());
    EXPECT_EQ(e.front(),
              "orgs.csv:4:33: error: type: \"campus\" is not one of: department, "
              "district, local, national, school, state");
    // References to the refused org fail quietly instead of burying the real error.
    EXPECT_EQ(e.size(), 1u) << e.back();
}

TEST_F(OneRosterBundle, AnUndefinedSourcedIdNamesBothFiles) {
    append("enrollments.csv", "e12,,,cls-nope,sch-grant,stu-2004,student,false,,\n");
    append("users.csv", "par-9,,,true,sch-grant,parent,,,Lee,Kim,,,,,,stu-9999,,\n");
    EXPECT_EQ(errors(),
              (Lines{"users.csv:18:46: error: agentSourcedIds: no user with sourcedId "
                     "\"stu-9999\" in users.csv",
                     "enrollments.csv:13:7: error: classSourcedId: no class with sourcedId "
                     "\"cls-nope\" in classes.csv"}));
}

TEST_F(OneRosterBundle, AnUndefinedParentOrgNamesOrgsCsv) {
    replace_line("orgs.csv", 3, "sch-lincoln,,,Lincoln Elementary,school,101,d7");
    EXPECT_EQ(errors(), Lines{"orgs.csv:3:45: error: parentSourcedId: no org with sourcedId "
                              "\"d7\" in orgs.csv"});
}

TEST_F(OneRosterBundle, AnEnrollmentRoleMustMatchTheUser) {
    replace_line("enrollments.csv", 2, "e1,,,cls-math7-1,sch-grant,par-4,teacher,false,,");
    EXPECT_EQ(errors(), Lines{"enrollments.csv:2:34: error: role: \"teacher\" does not match "
                              "user \"par-4\", a parent in users.csv"});
}

TEST_F(OneRosterBundle, AGradeWithoutANativeEquivalentIsAnError) {
    replace_line("users.csv", 9,
                 "stu-2004,,,true,sch-grant,student,hana.k,,Hana,Kim,,2004,,,,,13,");
    EXPECT_EQ(errors(), Lines{"users.csv:9:62: error: grades: \"13\" is not a grade Homeroom "
                              "reads (PK, TK, KG, 01 to 12)"});
}

TEST_F(OneRosterBundle, VersionsAndDeltasThisVersionDoesNotReadAreRefused) {
    replace_line("manifest.csv", 3, "oneroster.version,1.2");
    replace_line("manifest.csv", 12, "file.users,delta");
    EXPECT_EQ(errors(),
              (Lines{"manifest.csv:3:19: error: value: \"1.2\": OneRoster 1.2 exports are not "
                     "read yet; this version reads 1.1",
                     "manifest.csv:12:12: error: value: \"delta\": delta exports are not applied "
                     "yet; export users.csv with processingMode bulk"}));
    EXPECT_TRUE(m_records.schools.empty());
}

TEST_F(OneRosterBundle, ARowToDeleteIsRefusedInABulkFile) {
    replace_line("orgs.csv", 2, "sch-lincoln,tobedeleted,,Lincoln Elementary,school,101,d1");
    const Lines e = errors();
    ASSERT_FALSE(e.empty());
    EXPECT_EQ(e.front(),
              "orgs.csv:2:13: error: status: \"tobedeleted\" belongs in a delta "
              "export (processingMode delta), which this version does not apply yet; "
              "a bulk file holds active rows only");
}

TEST_F(OneRosterBundle, CrlfAndAByteOrderMarkReadTheSame) {
    for (const char* file : {"users.csv", "demographics.csv", "orgs.csv"}) {
        std::string content = read_file(m_dir / file);
        std::string crlf = "\xEF\xBB\xBF";
        for (char c : content) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
        write_file(m_dir / file, crlf);
    }
    EXPECT_EQ(errors(), Lines{});
    ASSERT_EQ(m_records.students.size(), 8u);
    EXPECT_EQ(student("stu-1001").first_name, "Ana");
    EXPECT_EQ(m_records.schools.size(), 2u);
}

TEST_F(OneRosterBundle, NativeFilesBesideTheExportGiveWhatOneRosterDoesNotCarry) {
    write_file(m_dir / "student_contacts.csv",
               "student_id,contact_id,relationship,educational_rights,lives_with,no_contact\n"
               "stu-1001,par-1,mother,Y,Y,N\n"
               "stu-1002,par-3,grandparent,N,N,Y\n");
    write_file(m_dir / "attendance.csv",
               "student_id,date,status,minutes_missed\nstu-2001,2026-01-12,unexcused,\n");
    write_file(m_dir / "incidents.csv",
               "incident_id,student_id,school_id,date,type\n"
               "inc-1,stu-2002,sch-grant,2025-11-04,disruption\n");
    EXPECT_EQ(errors(), Lines{});
    EXPECT_EQ(warnings(), Lines{"users.csv: warning: of 4 contacts linked to students, 4 have no "
                                "email or SMS consent and 3 no educational rights: OneRoster "
                                "does not carry them and Homeroom never infers them "
                                "(docs/oneroster.md)"});
    // The native row gives the agents' link its rights; the other links stay without.
    ASSERT_EQ(m_records.links.size(), 4u);
    const auto ana = std::find_if(m_records.links.begin(), m_records.links.end(),
                                  [](const StudentContact& l) { return l.contact_id == "par-1"; });
    ASSERT_NE(ana, m_records.links.end());
    EXPECT_EQ(ana->relationship, "mother");
    EXPECT_TRUE(ana->educational_rights);
    EXPECT_TRUE(ana->lives_with);
    const auto sam = std::find_if(m_records.links.begin(), m_records.links.end(),
                                  [](const StudentContact& l) { return l.contact_id == "par-3"; });
    EXPECT_TRUE(sam->no_contact);
    ASSERT_EQ(m_records.attendance.size(), 1u);
    EXPECT_EQ(m_records.attendance[0].student_id, "stu-2001");
    EXPECT_EQ(m_records.attendance[0].status, AttendanceStatus::unexcused);
    ASSERT_EQ(m_records.incidents.size(), 1u);
    EXPECT_EQ(m_records.incidents[0].school_id, "sch-grant");
}

TEST_F(OneRosterBundle, ContactsCsvBesideTheExportGivesTheChannelAndItsConsent) {
    write_file(m_dir / "contacts.csv",
               "contact_id,preferred_channel,email_consent,sms_consent,preferred_language\n"
               "par-1,both,Y,Y,es\n"
               "par-4,email,N,,\n");
    EXPECT_EQ(errors(), Lines{});
    EXPECT_EQ(warnings(), Lines{"users.csv: warning: of 4 contacts linked to students, 3 have no "
                                "email or SMS consent and 4 no educational rights: OneRoster "
                                "does not carry them and Homeroom never infers them "
                                "(docs/oneroster.md)"});
    ASSERT_EQ(m_records.contacts.size(), 4u);
    const Contact& rosa = m_records.contacts[0];
    EXPECT_EQ(rosa.id, "par-1");
    EXPECT_EQ(rosa.first_name, "Rosa");  // from users.csv
    EXPECT_EQ(rosa.email, "rosa.reyes@example.com");
    EXPECT_EQ(rosa.mobile, "+15551230001");
    EXPECT_EQ(rosa.preferred_channel, "both");
    EXPECT_EQ(rosa.preferred_language, "es");
    EXPECT_TRUE(rosa.email_consent);
    EXPECT_TRUE(rosa.sms_consent);
    EXPECT_EQ(m_records.contacts[3].preferred_channel, "email");
    EXPECT_FALSE(m_records.contacts[3].email_consent);
    EXPECT_EQ(m_records.contacts[2].preferred_channel, "none");  // no row: nothing granted
}

TEST_F(OneRosterBundle, ContactsCsvBesideTheExportIsCheckedAgainstUsersCsv) {
    write_file(m_dir / "contacts.csv",
               "contact_id,preferred_channel,email_consent\n"
               "par-3,email,Y\n"
               "par-9,sms,N\n"
               "stu-1001,none,N\n");
    EXPECT_EQ(errors(),
              (Lines{"contacts.csv:2:7: error: preferred_channel: \"email\" needs an email "
                     "address (none here or in users.csv)",
                     "contacts.csv:3:1: error: contact_id: no contact with id \"par-9\" in "
                     "users.csv",
                     "contacts.csv:4:1: error: contact_id: no contact with id \"stu-1001\" in "
                     "users.csv"}));
}

TEST_F(OneRosterBundle, ANativeFileBesideTheExportNamesTheOneRosterFileItReferencesInto) {
    write_file(m_dir / "attendance.csv", "student_id,date,status\nstu-9999,2026-01-12,unexcused\n");
    write_file(m_dir / "incidents.csv",
               "incident_id,student_id,school_id,date,type\n"
               "inc-1,stu-2002,sch-nope,2025-11-04,disruption\n");
    write_file(m_dir / "partner_consents.csv",
               "student_id,partner_id,contact_id,granted,date\n"
               "stu-2001,,par-1,Y,2025-09-01\n");
    EXPECT_EQ(errors(),
              (Lines{"attendance.csv:2:1: error: student_id: no student with id \"stu-9999\" in "
                     "users.csv",
                     "incidents.csv:2:16: error: school_id: no school with id \"sch-nope\" in "
                     "orgs.csv",
                     "partner_consents.csv:2:10: error: partner_id: a value is required",
                     "partner_consents.csv:2:11: error: contact_id: contact \"par-1\" is not "
                     "linked to student \"stu-2001\" in student_contacts.csv or agentSourcedIds "
                     "in users.csv"}));
    EXPECT_TRUE(m_records.students.empty());
}

TEST_F(OneRosterBundle, NativeFilesOfRecordsTheExportDefinesAreIgnoredWithAWarning) {
    write_file(m_dir / "students.csv", "student_id\n");
    const Lines w = warnings();
    ASSERT_FALSE(w.empty());
    EXPECT_EQ(w.front(),
              "students.csv: warning: not read beside a OneRoster export (the export's "
              "own files give these records); ignored");
}

}  // namespace
}  // namespace homeroom::ingest
