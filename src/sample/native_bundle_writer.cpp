#include "sample/native_bundle_writer.h"

#include <charconv>
#include <cmath>
#include <initializer_list>
#include <string_view>
#include <system_error>

#include "core/errors.h"
#include "core/vocabulary.h"

namespace homeroom::sample {
namespace {

enum File : std::size_t {
    k_schools,
    k_staff,
    k_students,
    k_contacts,
    k_student_contacts,
    k_calendar,
    k_marking_periods,
    k_sections,
    k_section_enrollments,
    k_attendance,
    k_marks,
    k_assessments,
    k_incidents,
    k_discipline_actions,
    k_partners,
    k_partner_rosters,
    k_agreements,
    k_partner_consents,
    k_learner_profiles
};

struct FileSpec {
    const char* name;
    std::initializer_list<std::string_view> columns;
};

const FileSpec k_specs[NativeBundleWriter::k_file_count] = {
    {"schools.csv",
     {"school_id", "name", "level", "address", "city", "state", "postal_code", "phone"}},
    {"staff.csv", {"staff_id", "school_id", "first_name", "last_name", "email", "role"}},
    {"students.csv",
     {"student_id", "school_id", "first_name", "middle_name", "last_name", "preferred_name",
      "birth_date", "grade", "gender", "race_ethnicity", "english_learner", "special_education",
      "economically_disadvantaged", "home_language", "entry_date", "exit_date", "homeroom",
      "cohort_year"}},
    {"contacts.csv",
     {"contact_id", "first_name", "last_name", "email", "mobile", "preferred_language",
      "preferred_channel", "email_consent", "sms_consent", "email_opted_out", "sms_opted_out",
      "address", "city", "state", "postal_code"}},
    {"student_contacts.csv",
     {"student_id", "contact_id", "relationship", "educational_rights", "lives_with", "no_contact",
      "student_consent"}},
    {"calendar.csv", {"school_id", "date", "instructional"}},
    {"marking_periods.csv", {"marking_period_id", "name", "start_date", "end_date"}},
    {"sections.csv",
     {"section_id", "school_id", "course_code", "course_title", "subject", "staff_id"}},
    {"section_enrollments.csv", {"section_id", "student_id", "entry_date", "exit_date"}},
    {"attendance.csv", {"student_id", "date", "status", "minutes_missed"}},
    {"marks.csv",
     {"student_id", "section_id", "marking_period_id", "letter", "percent", "comment"}},
    {"assessments.csv",
     {"student_id", "test", "subject", "date", "scale_score", "performance_level", "proficient"}},
    {"incidents.csv", {"incident_id", "student_id", "school_id", "date", "type", "description"}},
    {"discipline_actions.csv", {"incident_id", "action", "days"}},
    {"partners.csv", {"partner_id", "name", "kind", "contact_email"}},
    {"partner_rosters.csv", {"partner_id", "student_id", "start_date", "end_date"}},
    {"agreements.csv",
     {"agreement_id", "partner_id", "purpose", "fields", "start_date", "end_date"}},
    {"partner_consents.csv", {"student_id", "partner_id", "contact_id", "granted", "date"}},
    {"learner_profiles.csv", {"student_id", "strengths", "needs", "interests", "goals"}},
};

// "YYYY-MM-DD" without going through snprintf: attendance and marks are millions of rows.
void put_date(CsvWriter& w, Date d) {
    const int y = d.year(), m = d.month(), day = d.day();
    char buf[10] = {static_cast<char>('0' + y / 1000 % 10),
                    static_cast<char>('0' + y / 100 % 10),
                    static_cast<char>('0' + y / 10 % 10),
                    static_cast<char>('0' + y % 10),
                    '-',
                    static_cast<char>('0' + m / 10),
                    static_cast<char>('0' + m % 10),
                    '-',
                    static_cast<char>('0' + day / 10),
                    static_cast<char>('0' + day % 10)};
    w.field(std::string_view(buf, sizeof buf));
}

void put_date(CsvWriter& w, const std::optional<Date>& d) {
    if (d)
        put_date(w, *d);
    else
        w.empty_field();
}

void put_bool(CsvWriter& w, bool b) {
    w.field(b ? "Y" : "N");
}

void put_bool(CsvWriter& w, const std::optional<bool>& b) {
    if (b)
        put_bool(w, *b);
    else
        w.empty_field();
}

// Numbers with at most one decimal, as the generator makes them: "87.5", "100", "0.5".
void put_decimal(CsvWriter& w, double value) {
    const long long tenths = std::llround(value * 10.0);
    char buf[32];
    char* end = std::to_chars(buf, buf + sizeof buf, tenths / 10).ptr;
    if (tenths % 10 != 0) {
        *end++ = '.';
        *end++ = static_cast<char>('0' + std::llabs(tenths % 10));
    }
    w.field(std::string_view(buf, static_cast<std::size_t>(end - buf)));
}

}  // namespace

NativeBundleWriter::NativeBundleWriter(const std::filesystem::path& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
        throw IoError("cannot write " + dir.string() + ": " + ec.message());
    for (std::size_t i = 0; i < k_file_count; ++i) {
        m_files[i] = std::make_unique<CsvWriter>(dir / k_specs[i].name);
        m_files[i]->row(k_specs[i].columns);
    }
}

NativeBundleWriter::~NativeBundleWriter() = default;

void NativeBundleWriter::close() {
    for (auto& f : m_files) f->close();
}

std::vector<std::pair<std::string, std::size_t>> NativeBundleWriter::rows_per_file() const {
    std::vector<std::pair<std::string, std::size_t>> rows;
    for (std::size_t i = 0; i < k_file_count; ++i)
        rows.emplace_back(k_specs[i].name, m_files[i]->rows_written() - 1);
    return rows;
}

void NativeBundleWriter::put(const School& s) {
    file(k_schools).row(
        {s.id, s.name, s.level, s.address, s.city, s.state, s.postal_code, s.phone});
}

void NativeBundleWriter::put(const StaffMember& s) {
    file(k_staff).row({s.id, s.school_id, s.first_name, s.last_name, s.email, s.role});
}

void NativeBundleWriter::put(const Student& s) {
    CsvWriter& w = file(k_students);
    w.field(s.id).field(s.school_id).field(s.first_name).field(s.middle_name).field(s.last_name);
    w.field(s.preferred_name);
    put_date(w, s.birth_date);
    w.field(s.grade).field(s.gender).field(s.race_ethnicity);
    put_bool(w, s.english_learner);
    put_bool(w, s.special_education);
    put_bool(w, s.economically_disadvantaged);
    w.field(s.home_language);
    put_date(w, s.entry_date);
    put_date(w, s.exit_date);
    w.field(s.homeroom);
    if (s.cohort_year)
        w.field(std::int64_t{*s.cohort_year});
    else
        w.empty_field();
    w.end_row();
}

void NativeBundleWriter::put(const Contact& c) {
    CsvWriter& w = file(k_contacts);
    w.field(c.id).field(c.first_name).field(c.last_name).field(c.email).field(c.mobile);
    w.field(c.preferred_language).field(c.preferred_channel);
    put_bool(w, c.email_consent);
    put_bool(w, c.sms_consent);
    put_bool(w, c.email_opted_out);
    put_bool(w, c.sms_opted_out);
    w.field(c.address).field(c.city).field(c.state).field(c.postal_code);
    w.end_row();
}

void NativeBundleWriter::put(const StudentContact& l) {
    CsvWriter& w = file(k_student_contacts);
    w.field(l.student_id).field(l.contact_id).field(l.relationship);
    put_bool(w, l.educational_rights);
    put_bool(w, l.lives_with);
    put_bool(w, l.no_contact);
    put_bool(w, l.student_consent);
    w.end_row();
}

void NativeBundleWriter::put(const CalendarDay& d) {
    CsvWriter& w = file(k_calendar);
    w.field(d.school_id);
    put_date(w, d.date);
    put_bool(w, d.instructional);
    w.end_row();
}

void NativeBundleWriter::put(const MarkingPeriod& p) {
    CsvWriter& w = file(k_marking_periods);
    w.field(p.id).field(p.name);
    put_date(w, p.start_date);
    put_date(w, p.end_date);
    w.end_row();
}

void NativeBundleWriter::put(const AttendanceRecord& a) {
    CsvWriter& w = file(k_attendance);
    w.field(a.student_id);
    put_date(w, a.date);
    w.field(vocabulary::to_code(a.status));
    if (a.minutes_missed > 0)
        w.field(std::int64_t{a.minutes_missed});
    else
        w.empty_field();
    w.end_row();
}

void NativeBundleWriter::put(const Section& s) {
    file(k_sections).row({s.id, s.school_id, s.course_code, s.course_title, s.subject, s.staff_id});
}

void NativeBundleWriter::put(const SectionEnrollment& e) {
    CsvWriter& w = file(k_section_enrollments);
    w.field(e.section_id).field(e.student_id);
    put_date(w, e.entry_date);
    put_date(w, e.exit_date);
    w.end_row();
}

void NativeBundleWriter::put(const Mark& m) {
    CsvWriter& w = file(k_marks);
    w.field(m.student_id).field(m.section_id).field(m.marking_period_id).field(m.letter);
    if (m.percent)
        put_decimal(w, *m.percent);
    else
        w.empty_field();
    w.field(m.comment);
    w.end_row();
}

void NativeBundleWriter::put(const AssessmentResult& a) {
    CsvWriter& w = file(k_assessments);
    w.field(a.student_id).field(a.test).field(a.subject);
    put_date(w, a.date);
    if (a.scale_score)
        w.field(std::int64_t{*a.scale_score});
    else
        w.empty_field();
    w.field(std::int64_t{a.performance_level});
    put_bool(w, a.proficient);
    w.end_row();
}

void NativeBundleWriter::put(const Incident& i) {
    CsvWriter& w = file(k_incidents);
    w.field(i.id).field(i.student_id).field(i.school_id);
    put_date(w, i.date);
    w.field(i.type).field(i.description);
    w.end_row();
}

void NativeBundleWriter::put(const DisciplineAction& a) {
    CsvWriter& w = file(k_discipline_actions);
    w.field(a.incident_id).field(a.action);
    if (a.days > 0)
        put_decimal(w, a.days);
    else
        w.empty_field();
    w.end_row();
}

void NativeBundleWriter::put(const Partner& p) {
    file(k_partners).row({p.id, p.name, p.kind, p.contact_email});
}

void NativeBundleWriter::put(const PartnerRosterEntry& r) {
    CsvWriter& w = file(k_partner_rosters);
    w.field(r.partner_id).field(r.student_id);
    put_date(w, r.start_date);
    put_date(w, r.end_date);
    w.end_row();
}

void NativeBundleWriter::put(const Agreement& a) {
    std::string fields;
    for (const auto& f : a.fields) {
        if (!fields.empty())
            fields += ';';
        fields += f;
    }
    CsvWriter& w = file(k_agreements);
    w.field(a.id).field(a.partner_id).field(a.purpose).field(fields);
    put_date(w, a.start_date);
    put_date(w, a.end_date);
    w.end_row();
}

void NativeBundleWriter::put(const PartnerConsent& c) {
    CsvWriter& w = file(k_partner_consents);
    w.field(c.student_id).field(c.partner_id).field(c.contact_id);
    put_bool(w, c.granted);
    put_date(w, c.date);
    w.end_row();
}

void NativeBundleWriter::put(const LearnerProfile& p) {
    file(k_learner_profiles).row({p.student_id, p.strengths, p.needs, p.interests, p.goals});
}

}  // namespace homeroom::sample
