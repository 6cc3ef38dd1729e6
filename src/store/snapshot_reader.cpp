#include "store/snapshot_reader.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <unordered_map>

#include "core/errors.h"
#include "core/vocabulary.h"

namespace homeroom::store {
namespace {

// Column readers over a statement whose column 0 is snapshot_id (SELECT * of a snapshot table).
class Row {
  public:
    explicit Row(SQLite::Statement& q) : m_q(q) {}
    std::string text() { return m_q.getColumn(m_i++).getString(); }
    Date date() { return *Date::parse(m_q.getColumn(m_i++).getString()); }
    std::optional<Date> optional_date() {
        auto c = m_q.getColumn(m_i++);
        if (c.isNull())
            return std::nullopt;
        return Date::parse(c.getString());
    }
    bool boolean() { return m_q.getColumn(m_i++).getInt() != 0; }
    std::optional<bool> optional_boolean() {
        auto c = m_q.getColumn(m_i++);
        if (c.isNull())
            return std::nullopt;
        return c.getInt() != 0;
    }
    int integer() { return m_q.getColumn(m_i++).getInt(); }
    std::optional<int> optional_integer() {
        auto c = m_q.getColumn(m_i++);
        if (c.isNull())
            return std::nullopt;
        return c.getInt();
    }
    double real() { return m_q.getColumn(m_i++).getDouble(); }
    std::optional<double> optional_real() {
        auto c = m_q.getColumn(m_i++);
        if (c.isNull())
            return std::nullopt;
        return c.getDouble();
    }
    void skip() { ++m_i; }

  private:
    SQLite::Statement& m_q;
    int m_i = 1;  // column 0 is snapshot_id
};

School read_school(Row r) {
    School s;
    s.id = r.text();
    s.name = r.text();
    s.level = r.text();
    s.address = r.text();
    s.city = r.text();
    s.state = r.text();
    s.postal_code = r.text();
    s.phone = r.text();
    return s;
}
StaffMember read_staff(Row r) {
    StaffMember s;
    s.id = r.text();
    s.school_id = r.text();
    s.first_name = r.text();
    s.last_name = r.text();
    s.email = r.text();
    s.role = r.text();
    return s;
}
Student read_student(Row r) {
    Student s;
    s.id = r.text();
    s.school_id = r.text();
    s.first_name = r.text();
    s.middle_name = r.text();
    s.last_name = r.text();
    s.preferred_name = r.text();
    s.birth_date = r.date();
    s.grade = r.text();
    s.gender = r.text();
    s.race_ethnicity = r.text();
    s.english_learner = r.boolean();
    s.special_education = r.boolean();
    s.economically_disadvantaged = r.boolean();
    s.home_language = r.text();
    s.entry_date = r.date();
    s.exit_date = r.optional_date();
    s.homeroom = r.text();
    s.cohort_year = r.optional_integer();
    return s;
}
Contact read_contact(Row r) {
    Contact c;
    c.id = r.text();
    c.first_name = r.text();
    c.last_name = r.text();
    c.email = r.text();
    c.mobile = r.text();
    c.preferred_language = r.text();
    c.preferred_channel = r.text();
    c.email_consent = r.boolean();
    c.sms_consent = r.boolean();
    c.email_opted_out = r.boolean();
    c.sms_opted_out = r.boolean();
    c.address = r.text();
    c.city = r.text();
    c.state = r.text();
    c.postal_code = r.text();
    return c;
}
StudentContact read_link(Row r) {
    StudentContact l;
    l.student_id = r.text();
    l.contact_id = r.text();
    l.relationship = r.text();
    l.educational_rights = r.boolean();
    l.lives_with = r.boolean();
    l.no_contact = r.boolean();
    l.student_consent = r.optional_boolean();
    return l;
}
CalendarDay read_calendar_day(Row r) {
    CalendarDay d;
    d.school_id = r.text();
    d.date = r.date();
    d.instructional = r.boolean();
    return d;
}
MarkingPeriod read_period(Row r) {
    MarkingPeriod p;
    p.id = r.text();
    p.name = r.text();
    p.start_date = r.date();
    p.end_date = r.date();
    return p;
}
Section read_section(Row r) {
    Section s;
    s.id = r.text();
    s.school_id = r.text();
    s.course_code = r.text();
    s.course_title = r.text();
    s.subject = r.text();
    s.staff_id = r.text();
    return s;
}
SectionEnrollment read_enrollment(Row r) {
    SectionEnrollment e;
    e.section_id = r.text();
    e.student_id = r.text();
    e.entry_date = r.date();
    e.exit_date = r.optional_date();
    return e;
}
AttendanceRecord read_attendance(Row r) {
    AttendanceRecord a;
    a.student_id = r.text();
    a.date = r.date();
    a.status = vocabulary::attendance_status_from_code(r.text());
    a.minutes_missed = r.integer();
    return a;
}
Mark read_mark(Row r) {
    Mark m;
    m.student_id = r.text();
    m.section_id = r.text();
    m.marking_period_id = r.text();
    m.letter = r.text();
    m.percent = r.optional_real();
    m.comment = r.text();
    return m;
}
AssessmentResult read_assessment(Row r) {
    AssessmentResult a;
    a.student_id = r.text();
    a.test = r.text();
    a.subject = r.text();
    a.date = r.date();
    a.scale_score = r.optional_integer();
    a.performance_level = r.integer();
    a.proficient = r.boolean();
    return a;
}
Incident read_incident(Row r) {
    Incident i;
    i.id = r.text();
    i.student_id = r.text();
    i.school_id = r.text();
    i.date = r.date();
    i.type = r.text();
    i.description = r.text();
    return i;
}
DisciplineAction read_action(Row r) {
    DisciplineAction a;
    a.incident_id = r.text();
    r.skip();  // seq
    a.action = r.text();
    a.days = r.real();
    return a;
}
Partner read_partner(Row r) {
    Partner p;
    p.id = r.text();
    p.name = r.text();
    p.kind = r.text();
    p.contact_email = r.text();
    return p;
}
PartnerRosterEntry read_roster(Row r) {
    PartnerRosterEntry e;
    e.partner_id = r.text();
    e.student_id = r.text();
    e.start_date = r.date();
    e.end_date = r.optional_date();
    return e;
}
Agreement read_agreement(Row r) {
    Agreement a;
    a.id = r.text();
    a.partner_id = r.text();
    a.purpose = r.text();
    const std::string fields = r.text();
    std::size_t from = 0;
    while (from < fields.size()) {
        auto to = fields.find(';', from);
        if (to == std::string::npos)
            to = fields.size();
        a.fields.push_back(fields.substr(from, to - from));
        from = to + 1;
    }
    a.start_date = r.date();
    a.end_date = r.date();
    return a;
}
PartnerConsent read_consent(Row r) {
    PartnerConsent c;
    c.student_id = r.text();
    c.partner_id = r.text();
    c.contact_id = r.text();
    c.granted = r.boolean();
    c.date = r.date();
    return c;
}
LearnerProfile read_profile(Row r) {
    LearnerProfile p;
    p.student_id = r.text();
    p.strengths = r.text();
    p.needs = r.text();
    p.interests = r.text();
    p.goals = r.text();
    return p;
}

template <typename T, typename Read>
std::vector<T> load_all(Database& db, std::int64_t snapshot_id, const std::string& table,
                        const std::string& order, Read read) {
    SQLite::Statement q(db.sql(),
                        "SELECT * FROM " + table + " WHERE snapshot_id = ? ORDER BY " + order);
    q.bind(1, snapshot_id);
    std::vector<T> out;
    while (q.executeStep()) out.push_back(read(Row(q)));
    return out;
}

// A cursor over one table ordered by student_id (column 1 of the row after snapshot_id for
// most tables; `key_column` says where it is).
template <typename T>
class Cursor {
  public:
    using Read = T (*)(Row);
    Cursor(Database& db, std::int64_t snapshot_id, const std::string& sql, int key_column,
           Read read)
        : m_q(db.sql(), sql), m_key_column(key_column), m_read(read) {
        m_q.bind(1, snapshot_id);
        advance();
    }
    // Appends every row of `student_id` (rows of ids before it, which cannot happen with the
    // import's references, are skipped).
    void take(const std::string& student_id, std::vector<T>& out) {
        while (m_has && m_key < student_id) advance();
        while (m_has && m_key == student_id) {
            out.push_back(m_read(Row(m_q)));
            advance();
        }
    }

    // Appends the next row, whatever its student_id; nothing at the end.
    void take_next(std::vector<T>& out) {
        if (!m_has)
            return;
        out.push_back(m_read(Row(m_q)));
        advance();
    }

  private:
    void advance() {
        m_has = m_q.executeStep();
        if (m_has)
            m_key = m_q.getColumn(m_key_column).getString();
    }
    SQLite::Statement m_q;
    int m_key_column;
    Read m_read;
    bool m_has = false;
    std::string m_key;
};

}  // namespace

SnapshotTables load_snapshot_tables(Database& db, std::int64_t id) {
    try {
        SnapshotTables t;
        t.schools = load_all<School>(db, id, "schools", "school_id", read_school);
        t.staff = load_all<StaffMember>(db, id, "staff", "staff_id", read_staff);
        t.sections = load_all<Section>(db, id, "sections", "section_id", read_section);
        t.marking_periods = load_all<MarkingPeriod>(db, id, "marking_periods",
                                                    "start_date, marking_period_id", read_period);
        t.calendar =
            load_all<CalendarDay>(db, id, "calendar_days", "school_id, date", read_calendar_day);
        t.contacts = load_all<Contact>(db, id, "contacts", "contact_id", read_contact);
        t.links = load_all<StudentContact>(db, id, "student_contacts", "student_id, contact_id",
                                           read_link);
        t.partners = load_all<Partner>(db, id, "partners", "partner_id", read_partner);
        t.rosters = load_all<PartnerRosterEntry>(db, id, "partner_rosters",
                                                 "partner_id, student_id, start_date", read_roster);
        t.agreements = load_all<Agreement>(db, id, "agreements", "agreement_id", read_agreement);
        t.partner_consents = load_all<PartnerConsent>(
            db, id, "partner_consents", "student_id, partner_id, contact_id, date", read_consent);
        return t;
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot read snapshot from database " + db.path().string() + ": " + e.what());
    }
}

ConsentRecords load_consent_records(Database& db, std::int64_t id) {
    try {
        ConsentRecords r;
        r.students = load_all<Student>(db, id, "students", "student_id", read_student);
        r.contacts = load_all<Contact>(db, id, "contacts", "contact_id", read_contact);
        r.links = load_all<StudentContact>(db, id, "student_contacts", "student_id, contact_id",
                                           read_link);
        return r;
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot read snapshot from database " + db.path().string() + ": " + e.what());
    }
}

struct StudentStream::Impl {
    Impl(Database& db, std::int64_t id)
        : students(db, id, "SELECT * FROM students WHERE snapshot_id = ? ORDER BY student_id", 1,
                   read_student),
          attendance(db, id,
                     "SELECT * FROM attendance WHERE snapshot_id = ? ORDER BY student_id, date", 1,
                     read_attendance),
          marks(db, id,
                "SELECT * FROM marks WHERE snapshot_id = ? ORDER BY student_id, section_id, "
                "marking_period_id",
                1, read_mark),
          assessments(db, id,
                      "SELECT * FROM assessments WHERE snapshot_id = ? ORDER BY student_id, "
                      "test, subject, date",
                      1, read_assessment),
          enrollments(db, id,
                      "SELECT * FROM section_enrollments WHERE snapshot_id = ? ORDER BY "
                      "student_id, section_id",
                      2, read_enrollment),
          incidents(db, id,
                    "SELECT * FROM incidents WHERE snapshot_id = ? ORDER BY student_id, date, "
                    "incident_id",
                    2, read_incident),
          profiles(db, id,
                   "SELECT * FROM learner_profiles WHERE snapshot_id = ? ORDER BY student_id", 1,
                   read_profile) {
        SQLite::Statement q(db.sql(),
                            "SELECT * FROM discipline_actions WHERE snapshot_id = ? ORDER BY "
                            "incident_id, seq");
        q.bind(1, id);
        while (q.executeStep()) {
            auto a = read_action(Row(q));
            actions[a.incident_id].push_back(std::move(a));
        }
    }
    Cursor<Student> students;
    Cursor<AttendanceRecord> attendance;
    Cursor<Mark> marks;
    Cursor<AssessmentResult> assessments;
    Cursor<SectionEnrollment> enrollments;
    Cursor<Incident> incidents;
    Cursor<LearnerProfile> profiles;
    std::unordered_map<std::string, std::vector<DisciplineAction>> actions;
    std::vector<Student> one;
    std::vector<LearnerProfile> profile;
};

StudentStream::StudentStream(Database& db, std::int64_t snapshot_id) {
    try {
        m_impl = std::make_unique<Impl>(db, snapshot_id);
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot read students from database " + db.path().string() + ": " + e.what());
    }
}

StudentStream::~StudentStream() = default;

bool StudentStream::next(StudentRows& out) {
    try {
        Impl& m = *m_impl;
        m.one.clear();
        // Students are unique per snapshot, so "all rows of the smallest id left" is one row.
        m.students.take_next(m.one);
        if (m.one.empty())
            return false;
        out = StudentRows();
        out.student = std::move(m.one.front());
        const std::string& id = out.student.id;
        m.attendance.take(id, out.attendance);
        m.marks.take(id, out.marks);
        m.assessments.take(id, out.assessments);
        m.enrollments.take(id, out.enrollments);
        m.incidents.take(id, out.incidents);
        for (const auto& incident : out.incidents) {
            const auto it = m.actions.find(incident.id);
            if (it != m.actions.end())
                out.discipline_actions.insert(out.discipline_actions.end(), it->second.begin(),
                                              it->second.end());
        }
        m.profile.clear();
        m.profiles.take(id, m.profile);
        if (!m.profile.empty())
            out.profile = std::move(m.profile.front());
        return true;
    } catch (const SQLite::Exception& e) {
        throw IoError(std::string("cannot read students from the database: ") + e.what());
    }
}

}  // namespace homeroom::store
