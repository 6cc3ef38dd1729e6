#include "sample/sample_district.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/diagnostics.h"
#include "core/errors.h"
#include "core/vocabulary.h"
#include "ingest/native_bundle.h"
#include "sample/native_bundle_writer.h"
#include "unit/sample/collecting_sink.h"

namespace homeroom::sample {
namespace {

using testing::CollectingSink;
using testing::digest_folder;
using testing::TempDir;

Date d(int y, int m, int day) {
    return Date::from_ymd(y, m, day);
}

SampleOptions small(Date as_of = d(2026, 6, 12), int students = 300, std::uint64_t seed = 1) {
    SampleOptions o;
    o.students = students;
    o.schools = 3;
    o.seed = seed;
    o.as_of = as_of;
    return o;
}

// A generated bundle read back through the real importer.
struct ImportedBundle {
    explicit ImportedBundle(const std::string& name, const SampleOptions& options)
        : dir(name), as_of(options.as_of) {
        summary = write_sample_district(options, dir.path());
        counts = ingest::read_native_bundle(dir.path(), options.as_of, records, diags);
    }
    TempDir dir;
    Date as_of;
    SampleSummary summary;
    ingest::BundleCounts counts;
    CollectingSink records;
    Diagnostics diags;
};

const ImportedBundle& full_year() {
    static const ImportedBundle bundle("full", small());
    return bundle;
}

const ImportedBundle& autumn() {
    static const ImportedBundle bundle("autumn", small(d(2025, 11, 14)));
    return bundle;
}

bool has_non_ascii(const std::string& s) {
    return std::any_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

bool has_ascii_letter(const std::string& s) {
    return std::any_of(s.begin(), s.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

// ---- the bundle is accepted as a whole ----

TEST(SampleDistrict, ImportsWithoutAnyDiagnostic) {
    for (const ImportedBundle* b : {&full_year(), &autumn()}) {
        EXPECT_EQ(b->diags.error_count(), 0u) << b->diags.format(20);
        EXPECT_EQ(b->diags.warning_count(), 0u) << b->diags.format(20);
        EXPECT_EQ(b->counts.rows_per_file, b->summary.rows_per_file);
    }
}

TEST(SampleDistrict, WritesEveryFileOfTheBundleWithRows) {
    const auto& rows = full_year().summary.rows_per_file;
    ASSERT_EQ(rows.size(), ingest::native_bundle_files().size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        EXPECT_EQ(rows[i].first, ingest::native_bundle_files()[i]);
        EXPECT_GT(rows[i].second, 0u) << rows[i].first;
    }
    EXPECT_EQ(full_year().records.students.size(), 300u);
}

TEST(SampleDistrict, ReadsBackToTheSameBytes) {
    TempDir again("reexport");
    {
        NativeBundleWriter writer(again.path());
        const auto& r = full_year().records;
        for (const auto& x : r.schools) writer.put(x);
        for (const auto& x : r.staff) writer.put(x);
        for (const auto& x : r.students) writer.put(x);
        for (const auto& x : r.contacts) writer.put(x);
        for (const auto& x : r.links) writer.put(x);
        for (const auto& x : r.calendar) writer.put(x);
        for (const auto& x : r.periods) writer.put(x);
        for (const auto& x : r.sections) writer.put(x);
        for (const auto& x : r.enrollments) writer.put(x);
        for (const auto& x : r.attendance) writer.put(x);
        for (const auto& x : r.marks) writer.put(x);
        for (const auto& x : r.assessments) writer.put(x);
        for (const auto& x : r.incidents) writer.put(x);
        for (const auto& x : r.actions) writer.put(x);
        for (const auto& x : r.partners) writer.put(x);
        for (const auto& x : r.rosters) writer.put(x);
        for (const auto& x : r.agreements) writer.put(x);
        for (const auto& x : r.consents) writer.put(x);
        for (const auto& x : r.profiles) writer.put(x);
        writer.close();
    }
    EXPECT_EQ(digest_folder(again.path()), digest_folder(full_year().dir.path()));
}

TEST(SampleDistrict, UsesLfLineEndingsAndNoByteOrderMark) {
    const std::string students = testing::read_bytes(full_year().dir.path() / "students.csv");
    EXPECT_EQ(students.find('\r'), std::string::npos);
    EXPECT_NE(students.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_EQ(students.back(), '\n');
}

// ---- determinism ----

TEST(SampleDistrict, SameSeedGivesByteIdenticalFiles) {
    TempDir a("same_a"), b("same_b");
    write_sample_district(small(d(2026, 6, 12), 200, 42), a.path());
    write_sample_district(small(d(2026, 6, 12), 200, 42), b.path());
    const auto digests = digest_folder(a.path());
    EXPECT_EQ(digests.size(), 19u);
    EXPECT_EQ(digests, digest_folder(b.path()));
}

TEST(SampleDistrict, DifferentSeedGivesDifferentFiles) {
    TempDir a("seed_a"), b("seed_b");
    write_sample_district(small(d(2026, 6, 12), 200, 1), a.path());
    write_sample_district(small(d(2026, 6, 12), 200, 2), b.path());
    const auto x = digest_folder(a.path()), y = digest_folder(b.path());
    for (const char* file : {"students.csv", "contacts.csv", "attendance.csv", "marks.csv"})
        EXPECT_NE(x.at(file), y.at(file)) << file;
}

// Pins the exact bytes of a tiny district, so that a compiler or standard library that draws
// or formats differently is caught. After an intended change to the generator, update the
// value from this test's failure message.
TEST(SampleDistrict, GivesTheSameBytesOnEveryPlatform) {
    TempDir dir("golden");
    write_sample_district(small(d(2026, 6, 12), 60, 7), dir.path());
    std::uint64_t combined = 0;
    for (const auto& [file, digest] : digest_folder(dir.path())) combined = combined * 31 + digest;
    EXPECT_EQ(combined, 15979353619242280457ULL) << "combined digest";
}

TEST(SampleDistrict, RowCountsScaleWithTheNumberOfStudents) {
    TempDir a("scale_a"), b("scale_b");
    const auto one = write_sample_district(small(d(2026, 6, 12), 200), a.path());
    const auto two = write_sample_district(small(d(2026, 6, 12), 400), b.path());
    std::map<std::string, std::size_t> x(one.rows_per_file.begin(), one.rows_per_file.end());
    std::map<std::string, std::size_t> y(two.rows_per_file.begin(), two.rows_per_file.end());
    EXPECT_EQ(x["students.csv"], 200u);
    EXPECT_EQ(y["students.csv"], 400u);
    for (const char* file : {"contacts.csv", "student_contacts.csv", "section_enrollments.csv",
                             "attendance.csv", "marks.csv", "assessments.csv"}) {
        const double ratio = static_cast<double>(y[file]) / static_cast<double>(x[file]);
        EXPECT_GT(ratio, 1.6) << file;
        EXPECT_LT(ratio, 2.4) << file;
    }
    EXPECT_EQ(x["calendar.csv"], y["calendar.csv"]);
    EXPECT_EQ(x["marking_periods.csv"], 4u);
}

TEST(SampleDistrict, ALaterSnapshotExtendsAnEarlierOne) {
    const auto& early = autumn().records;
    const auto& late = full_year().records;
    std::set<std::string> early_students;
    for (const auto& s : early.students) early_students.insert(s.id);
    std::set<std::tuple<std::string, std::int32_t, int>> late_rows, early_rows;
    for (const auto& a : late.attendance)
        if (a.date <= autumn().as_of && early_students.count(a.student_id))
            late_rows.emplace(a.student_id, a.date.days(), static_cast<int>(a.status));
    for (const auto& a : early.attendance)
        early_rows.emplace(a.student_id, a.date.days(), static_cast<int>(a.status));
    EXPECT_EQ(early_rows, late_rows);
    std::set<std::string> early_incidents, late_incidents;
    for (const auto& i : early.incidents) early_incidents.insert(i.id + i.date.to_string());
    for (const auto& i : late.incidents)
        if (i.date <= autumn().as_of)
            late_incidents.insert(i.id + i.date.to_string());
    EXPECT_EQ(early_incidents, late_incidents);
}

// ---- the rules of docs/data-format.md, beyond what the importer checks ----

TEST(SampleDistrict, RecordsAttendanceOnlyOnInstructionalDaysWithinEnrollment) {
    for (const ImportedBundle* b : {&full_year(), &autumn()}) {
        const auto& r = b->records;
        std::map<std::pair<std::string, std::int32_t>, bool> calendar;
        for (const auto& c : r.calendar) calendar[{c.school_id, c.date.days()}] = c.instructional;
        std::unordered_map<std::string, const Student*> students;
        for (const auto& s : r.students) students[s.id] = &s;
        ASSERT_FALSE(r.attendance.empty());
        for (const auto& a : r.attendance) {
            const Student& s = *students.at(a.student_id);
            EXPECT_LT(a.date.weekday(), 5);
            const bool instructional = calendar[{s.school_id, a.date.days()}];
            EXPECT_TRUE(instructional) << a.date.to_string();
            EXPECT_GE(a.date, s.entry_date);
            if (s.exit_date) {
                EXPECT_LT(a.date, *s.exit_date);
            }
            EXPECT_LE(a.date, b->as_of);
            const bool timed =
                a.status == AttendanceStatus::tardy || a.status == AttendanceStatus::partial;
            EXPECT_EQ(a.minutes_missed > 0, timed);
        }
    }
}

TEST(SampleDistrict, KeepsEveryDateUpToTheAsOfDate) {
    const auto& b = autumn();
    const auto& r = b.records;
    for (const auto& s : r.students) {
        EXPECT_LE(s.entry_date, b.as_of);
        EXPECT_LT(s.birth_date, s.entry_date);
        if (s.exit_date) {
            EXPECT_LE(*s.exit_date, b.as_of);
        }
    }
    for (const auto& x : r.assessments) EXPECT_LE(x.date, b.as_of);
    for (const auto& x : r.incidents) EXPECT_LE(x.date, b.as_of);
    for (const auto& x : r.rosters) {
        EXPECT_LE(x.start_date, b.as_of);
        if (x.end_date) {
            EXPECT_LE(*x.end_date, b.as_of);
        }
    }
    for (const auto& x : r.consents) EXPECT_LE(x.date, b.as_of);
    std::set<std::string> periods;
    for (const auto& m : r.marks) periods.insert(m.marking_period_id);
    EXPECT_EQ(periods, (std::set<std::string>{"2025-26-Q1", "2025-26-Q2"}));
    EXPECT_EQ(r.periods.size(), 4u);
}

TEST(SampleDistrict, GivesEveryStudentAContactWhoMayBeReached) {
    const auto& r = full_year().records;
    std::set<std::string> reachable;
    for (const auto& l : r.links)
        if (l.educational_rights && !l.no_contact)
            reachable.insert(l.student_id);
    for (const auto& s : r.students) EXPECT_TRUE(reachable.count(s.id)) << s.id;
}

TEST(SampleDistrict, HasTheFamilySituationsConsentRulesMustHandle) {
    const auto& r = full_year().records;
    std::map<std::string, std::set<std::string>> students_of_contact;
    int rights_without = 0, lives_without_rights = 0, no_contact = 0;
    for (const auto& l : r.links) {
        students_of_contact[l.contact_id].insert(l.student_id);
        rights_without += !l.educational_rights;
        lives_without_rights += l.lives_with && !l.educational_rights;
        no_contact += l.no_contact;
    }
    const auto siblings = std::count_if(students_of_contact.begin(), students_of_contact.end(),
                                        [](const auto& e) { return e.second.size() >= 2; });
    EXPECT_GT(siblings, 20);
    EXPECT_GT(lives_without_rights, 5);
    EXPECT_GT(no_contact, 0);
    int no_email = 0, no_mobile = 0, no_sms_consent = 0, opted_out = 0;
    std::set<std::string> languages, channels;
    for (const auto& c : r.contacts) {
        no_email += c.email.empty();
        no_mobile += c.mobile.empty();
        no_sms_consent += !c.mobile.empty() && !c.sms_consent;
        opted_out += c.email_opted_out || c.sms_opted_out;
        languages.insert(c.preferred_language);
        channels.insert(c.preferred_channel);
        if (!c.email.empty()) {
            const std::string domain = c.email.substr(c.email.find('@') + 1);
            EXPECT_TRUE(domain == "example.org" || domain == "example.com" ||
                        domain == "example.net")
                << c.email;
        }
        if (!c.mobile.empty()) {
            EXPECT_EQ(c.mobile.rfind("+155501", 0), 0u) << c.mobile;
            EXPECT_EQ(c.mobile.size(), 12u) << c.mobile;
        }
    }
    EXPECT_GT(no_email, 0);
    EXPECT_GT(no_mobile, 0);
    EXPECT_GT(no_sms_consent, 0);
    EXPECT_GT(opted_out, 0);
    EXPECT_GE(languages.size(), 3u);
    EXPECT_EQ(channels.size(), 4u);
    for (const auto& s : r.staff) {
        const std::string domain = s.email.substr(s.email.find('@') + 1);
        EXPECT_EQ(domain, "example.org");
    }
}

TEST(SampleDistrict, HasEligibleStudentsWithTheirOwnConsents) {
    const auto& b = full_year();
    const auto& r = b.records;
    std::set<std::string> adults;
    int high_school = 0;
    for (const auto& s : r.students) {
        if (age_on(s.birth_date, b.as_of) >= 18)
            adults.insert(s.id);
        high_school += s.cohort_year.has_value();
        if (age_on(s.birth_date, b.as_of) >= 19) {
            EXPECT_TRUE(s.cohort_year.has_value());
        }
    }
    EXPECT_GT(adults.size(), 5u);
    int self = 0, yes = 0, no = 0, unrecorded = 0;
    for (const auto& l : r.links) {
        if (l.relationship == "self") {
            EXPECT_TRUE(adults.count(l.student_id));
            ++self;
            continue;
        }
        if (!adults.count(l.student_id)) {
            EXPECT_FALSE(l.student_consent.has_value());
            continue;
        }
        if (!l.student_consent)
            ++unrecorded;
        else if (*l.student_consent)
            ++yes;
        else
            ++no;
    }
    EXPECT_GT(self, 0);
    EXPECT_GT(yes, 0);
    EXPECT_GT(no, 0);
    EXPECT_GT(unrecorded, 0);
    EXPECT_GT(high_school, 50);
}

TEST(SampleDistrict, NamesAreDiverse) {
    const auto& r = full_year().records;
    int accented = 0, own_script = 0, hyphen_or_apostrophe = 0;
    std::set<std::string> languages, races;
    for (const auto& s : r.students) {
        accented += has_non_ascii(s.first_name + s.last_name);
        own_script += !has_ascii_letter(s.first_name);
        if (!has_ascii_letter(s.first_name)) {
            EXPECT_FALSE(s.preferred_name.empty());
        }
        hyphen_or_apostrophe +=
            (s.last_name + s.first_name).find_first_of("-'") != std::string::npos;
        languages.insert(s.home_language);
        races.insert(s.race_ethnicity);
    }
    EXPECT_GT(accented, 15);
    EXPECT_GT(own_script, 0);
    EXPECT_GT(hyphen_or_apostrophe, 5);
    EXPECT_GE(languages.size(), 5u);
    EXPECT_GE(races.size(), 5u);
}

TEST(SampleDistrict, DemographicsLookLikeAnUrbanDistrict) {
    const auto& r = full_year().records;
    const double n = static_cast<double>(r.students.size());
    int el = 0, sped = 0, econ = 0, english = 0, mid_year = 0, english_learner_in_english = 0;
    for (const auto& s : r.students) {
        el += s.english_learner;
        sped += s.special_education;
        econ += s.economically_disadvantaged;
        english += s.home_language == "en";
        mid_year += s.entry_date > d(2025, 8, 25);
        english_learner_in_english += s.english_learner && s.home_language == "en";
    }
    EXPECT_NEAR(sped / n, 0.14, 0.05);
    EXPECT_NEAR(econ / n, 0.65, 0.08);
    EXPECT_GT(english / n, 0.6);
    EXPECT_GT(el / n, 0.05);
    EXPECT_LT(english_learner_in_english,
              el / 4 + 1);  // English learners mostly speak another language at home
    EXPECT_GT(mid_year, 5);
}

TEST(SampleDistrict, HasAChronicAbsenceTail) {
    const auto& b = full_year();
    const auto& r = b.records;
    std::map<std::string, std::vector<Date>> school_days;
    for (const auto& c : r.calendar)
        if (c.instructional && c.date <= b.as_of)
            school_days[c.school_id].push_back(c.date);
    std::unordered_map<std::string, int> absences;
    for (const auto& a : r.attendance)
        if (a.status == AttendanceStatus::excused || a.status == AttendanceStatus::unexcused)
            ++absences[a.student_id];
    int chronic = 0, severe = 0, counted = 0;
    for (const auto& s : r.students) {
        int enrolled = 0;
        for (const Date day : school_days[s.school_id])
            enrolled += day >= s.entry_date && (!s.exit_date || day < *s.exit_date);
        if (enrolled < 20)
            continue;
        ++counted;
        const double rate = absences[s.id] / static_cast<double>(enrolled);
        chronic += rate >= 0.1;
        severe += rate >= 0.2;
    }
    const double share = chronic / static_cast<double>(counted);
    EXPECT_GE(share, 0.20);
    EXPECT_LE(share, 0.30);
    EXPECT_GT(severe, 5);
}

TEST(SampleDistrict, MarksAreConsistentAndCarryAwkwardComments) {
    const auto& r = full_year().records;
    std::map<std::string, int> sections_per_student;
    for (const auto& e : r.enrollments) ++sections_per_student[e.student_id];
    for (const auto& [student, n] : sections_per_student) {
        EXPECT_GE(n, 5) << student;
        EXPECT_LE(n, 7) << student;
    }
    int failing = 0, with_comma = 0, with_quote = 0, with_newline = 0, pass = 0;
    bool script = false, formula = false;
    for (const auto& m : r.marks) {
        if (m.percent) {
            const double p = *m.percent;
            const std::string& l = m.letter;
            const char expected = p >= 90   ? 'A'
                                  : p >= 80 ? 'B'
                                  : p >= 70 ? 'C'
                                  : p >= 60 ? 'D'
                                            : 'F';
            EXPECT_EQ(l[0], expected) << p;
            if (expected == 'F') {
                EXPECT_EQ(l, "F");
            }
            failing += l == "F";
        } else {
            EXPECT_TRUE(m.letter == "P" || m.letter == "F" || m.letter == "I") << m.letter;
            pass += m.letter == "P";
        }
        with_comma += m.comment.find(',') != std::string::npos;
        with_quote += m.comment.find('"') != std::string::npos;
        with_newline += m.comment.find('\n') != std::string::npos;
        script = script || m.comment == "<script>alert(1)</script>";
        formula = formula || m.comment.rfind("=HYPERLINK(", 0) == 0;
    }
    const double fail_share = failing / static_cast<double>(r.marks.size());
    EXPECT_GT(fail_share, 0.01);
    EXPECT_LT(fail_share, 0.15);
    EXPECT_GT(pass, 0);
    EXPECT_GT(with_comma, 0);
    EXPECT_GT(with_quote, 0);
    EXPECT_GT(with_newline, 0);
    EXPECT_TRUE(script);
    EXPECT_TRUE(formula);
}

TEST(SampleDistrict, AbsencesGoWithLowerMarks) {
    const auto& r = full_year().records;
    std::unordered_map<std::string, int> absences;
    for (const auto& a : r.attendance)
        if (a.status == AttendanceStatus::excused || a.status == AttendanceStatus::unexcused)
            ++absences[a.student_id];
    double low_sum = 0, high_sum = 0;
    int low_n = 0, high_n = 0;
    for (const auto& m : r.marks) {
        if (!m.percent)
            continue;
        if (absences[m.student_id] >= 25) {
            high_sum += *m.percent;
            ++high_n;
        } else if (absences[m.student_id] <= 5) {
            low_sum += *m.percent;
            ++low_n;
        }
    }
    ASSERT_GT(low_n, 0);
    ASSERT_GT(high_n, 0);
    EXPECT_GT(low_sum / low_n, high_sum / high_n + 5.0);
}

TEST(SampleDistrict, TestsTheRightGradesWithConsistentLevels) {
    const auto& r = full_year().records;
    std::unordered_map<std::string, std::string> grade;
    for (const auto& s : r.students) grade[s.id] = s.grade;
    std::set<std::string> tests;
    for (const auto& a : r.assessments) {
        tests.insert(a.test);
        EXPECT_GE(a.performance_level, 1);
        EXPECT_LE(a.performance_level, 4);
        EXPECT_EQ(a.proficient, a.performance_level >= 3);
        EXPECT_TRUE(a.subject == "ela" || a.subject == "math");
        const std::string& g = grade[a.student_id];
        if (a.test == "M-STEP") {
            EXPECT_TRUE(g >= "3" && g <= "8" && g.size() == 1) << g;
        }
        if (a.test == "SAT") {
            EXPECT_EQ(g, "11");
        }
    }
    EXPECT_EQ(tests, (std::set<std::string>{"M-STEP", "NWEA MAP Growth", "SAT"}));
}

TEST(SampleDistrict, RecordsIncidentsForAFewStudents) {
    const auto& r = full_year().records;
    std::set<std::string> involved;
    for (const auto& i : r.incidents) involved.insert(i.student_id);
    const double share = involved.size() / static_cast<double>(r.students.size());
    EXPECT_GT(share, 0.04);
    EXPECT_LT(share, 0.14);
    int suspensions = 0;
    for (const auto& a : r.actions) {
        if (a.action == "in_school_suspension" || a.action == "out_of_school_suspension") {
            ++suspensions;
            EXPECT_GT(a.days, 0);
        }
    }
    EXPECT_GT(suspensions, 0);
}

TEST(SampleDistrict, HasTwoPartnersWithAgreementsRostersAndConsents) {
    const auto& b = full_year();
    const auto& r = b.records;
    ASSERT_EQ(r.partners.size(), 2u);
    ASSERT_EQ(r.agreements.size(), 2u);
    EXPECT_TRUE(r.agreements[0].end_date >= b.as_of);
    EXPECT_TRUE(r.agreements[1].end_date < b.as_of);
    std::map<std::string, int> roster;
    for (const auto& x : r.rosters) ++roster[x.partner_id];
    EXPECT_EQ(roster.size(), 2u);
    std::set<std::string> adults;
    for (const auto& s : r.students)
        if (age_on(s.birth_date, b.as_of) >= 18)
            adults.insert(s.id);
    int granted = 0, refused = 0;
    for (const auto& c : r.consents) {
        (c.granted ? granted : refused)++;
        if (c.contact_id.empty()) {
            EXPECT_TRUE(adults.count(c.student_id)) << c.student_id;
        }
    }
    EXPECT_GT(granted, 0);
    EXPECT_GT(refused, 0);
    EXPECT_FALSE(r.profiles.empty());
}

TEST(SampleDistrict, ReportsProgressOncePerSchool) {
    CollectingSink sink;
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    generate_sample_district(
        small(d(2026, 6, 12), 40), sink,
        [&](std::size_t done, std::size_t total) { calls.emplace_back(done, total); });
    ASSERT_EQ(calls.size(), 4u);
    for (std::size_t i = 0; i < calls.size(); ++i)
        EXPECT_EQ(calls[i], std::make_pair(i, std::size_t{3}));
    EXPECT_EQ(sink.students.size(), 40u);
}

TEST(SampleDistrict, WorksForTinyAndOddDistricts) {
    for (const auto& [students, schools] :
         std::vector<std::pair<int, int>>{{1, 1}, {5, 4}, {30, 2}}) {
        CollectingSink sink;
        SampleOptions o = small();
        o.students = students;
        o.schools = schools;
        generate_sample_district(o, sink);
        EXPECT_EQ(sink.students.size(), static_cast<std::size_t>(students));
        EXPECT_EQ(sink.schools.size(), static_cast<std::size_t>(schools));
    }
}

TEST(SampleDistrict, RefusesImpossibleOptions) {
    CollectingSink sink;
    SampleOptions o = small();
    o.students = 0;
    EXPECT_THROW(generate_sample_district(o, sink), UsageError);
    o = small();
    o.schools = 0;
    EXPECT_THROW(generate_sample_district(o, sink), UsageError);
}

TEST(SampleDistrict, NamesTheFolderItCannotWrite) {
    try {
        write_sample_district(small(d(2026, 6, 12), 10), "/proc/homeroom-cannot-write-here");
        FAIL() << "expected IoError";
    } catch (const IoError& e) {
        EXPECT_NE(std::string(e.what()).find("cannot write /proc/homeroom-cannot-write-here"),
                  std::string::npos)
            << e.what();
    }
}

}  // namespace
}  // namespace homeroom::sample
