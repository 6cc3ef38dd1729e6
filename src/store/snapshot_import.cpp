#include "store/snapshot_import.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <unordered_map>

#include "core/errors.h"
#include "core/vocabulary.h"
#include "store/schema.h"

namespace homeroom::store {
namespace {

std::string insert_sql(std::string_view table, int columns) {
    std::string sql = "INSERT INTO " + std::string(table) + " VALUES (?";
    for (int i = 1; i < columns; ++i) sql += ",?";
    return sql + ")";
}

// Binds positional values; empty optional text becomes NULL. Strings are bound without a
// copy: every statement is executed before the record it came from goes away.
class Binder {
  public:
    Binder(SQLite::Statement& s, std::int64_t snapshot_id) : m_s(s) { m_s.bind(1, snapshot_id); }
    Binder& text(const std::string& v) {
        m_s.bindNoCopy(++m_i, v);
        return *this;
    }
    Binder& optional_text(const std::string& v) {
        if (v.empty())
            m_s.bind(++m_i);
        else
            m_s.bindNoCopy(++m_i, v);
        return *this;
    }
    Binder& date(Date d) {
        m_s.bind(++m_i, d.to_string());
        return *this;
    }
    Binder& optional_date(const std::optional<Date>& d) {
        if (d)
            m_s.bind(++m_i, d->to_string());
        else
            m_s.bind(++m_i);
        return *this;
    }
    Binder& integer(std::int64_t v) {
        m_s.bind(++m_i, v);
        return *this;
    }
    template <typename T>
    Binder& optional_number(const std::optional<T>& v) {
        if (v)
            m_s.bind(++m_i, *v);
        else
            m_s.bind(++m_i);
        return *this;
    }
    Binder& real(double v) {
        m_s.bind(++m_i, v);
        return *this;
    }
    void run() {
        try {
            m_s.exec();
            m_s.reset();
        } catch (const SQLite::Exception& e) {
            throw IoError(std::string("cannot write snapshot to the database: ") + e.what());
        }
    }

  private:
    SQLite::Statement& m_s;
    int m_i = 1;
};

}  // namespace

struct SnapshotImport::Impl : RecordSink {
    Database& db;
    SQLite::Transaction tx;
    std::int64_t snapshot_id = 0;
    bool replaced = false;
    std::unordered_map<std::string_view, std::unique_ptr<SQLite::Statement>> statements;
    std::unordered_map<std::string, int> action_seq;

    Impl(Database& d) : db(d), tx(d.sql()) {}

    SQLite::Statement& statement(std::string_view table, int columns) {
        auto& s = statements[table];
        if (!s)
            s = std::make_unique<SQLite::Statement>(db.sql(), insert_sql(table, columns));
        return *s;
    }
    Binder row(std::string_view table, int columns) {
        return Binder(statement(table, columns), snapshot_id);
    }

    void put(const School& s) override {
        row("schools", 9)
            .text(s.id)
            .text(s.name)
            .text(s.level)
            .optional_text(s.address)
            .optional_text(s.city)
            .optional_text(s.state)
            .optional_text(s.postal_code)
            .optional_text(s.phone)
            .run();
    }
    void put(const StaffMember& s) override {
        row("staff", 7)
            .text(s.id)
            .text(s.school_id)
            .text(s.first_name)
            .text(s.last_name)
            .optional_text(s.email)
            .text(s.role)
            .run();
    }
    void put(const Student& s) override {
        row("students", 19)
            .text(s.id)
            .text(s.school_id)
            .text(s.first_name)
            .optional_text(s.middle_name)
            .text(s.last_name)
            .optional_text(s.preferred_name)
            .date(s.birth_date)
            .text(s.grade)
            .text(s.gender)
            .text(s.race_ethnicity)
            .integer(s.english_learner)
            .integer(s.special_education)
            .integer(s.economically_disadvantaged)
            .text(s.home_language)
            .date(s.entry_date)
            .optional_date(s.exit_date)
            .optional_text(s.homeroom)
            .optional_number(s.cohort_year)
            .run();
    }
    void put(const Contact& c) override {
        row("contacts", 16)
            .text(c.id)
            .text(c.first_name)
            .text(c.last_name)
            .optional_text(c.email)
            .optional_text(c.mobile)
            .text(c.preferred_language)
            .text(c.preferred_channel)
            .integer(c.email_consent)
            .integer(c.sms_consent)
            .integer(c.email_opted_out)
            .integer(c.sms_opted_out)
            .optional_text(c.address)
            .optional_text(c.city)
            .optional_text(c.state)
            .optional_text(c.postal_code)
            .run();
    }
    void put(const StudentContact& l) override {
        std::optional<int> consent;
        if (l.student_consent)
            consent = *l.student_consent ? 1 : 0;
        row("student_contacts", 8)
            .text(l.student_id)
            .text(l.contact_id)
            .text(l.relationship)
            .integer(l.educational_rights)
            .integer(l.lives_with)
            .integer(l.no_contact)
            .optional_number(consent)
            .run();
    }
    void put(const CalendarDay& d) override {
        row("calendar_days", 4).text(d.school_id).date(d.date).integer(d.instructional).run();
    }
    void put(const MarkingPeriod& p) override {
        row("marking_periods", 5).text(p.id).text(p.name).date(p.start_date).date(p.end_date).run();
    }
    void put(const AttendanceRecord& a) override {
        const std::string status(vocabulary::to_code(a.status));
        row("attendance", 5)
            .text(a.student_id)
            .date(a.date)
            .text(status)
            .integer(a.minutes_missed)
            .run();
    }
    void put(const Section& s) override {
        row("sections", 7)
            .text(s.id)
            .text(s.school_id)
            .text(s.course_code)
            .text(s.course_title)
            .text(s.subject)
            .optional_text(s.staff_id)
            .run();
    }
    void put(const SectionEnrollment& e) override {
        row("section_enrollments", 5)
            .text(e.section_id)
            .text(e.student_id)
            .date(e.entry_date)
            .optional_date(e.exit_date)
            .run();
    }
    void put(const Mark& m) override {
        row("marks", 7)
            .text(m.student_id)
            .text(m.section_id)
            .text(m.marking_period_id)
            .optional_text(m.letter)
            .optional_number(m.percent)
            .optional_text(m.comment)
            .run();
    }
    void put(const AssessmentResult& a) override {
        row("assessments", 8)
            .text(a.student_id)
            .text(a.test)
            .text(a.subject)
            .date(a.date)
            .optional_number(a.scale_score)
            .integer(a.performance_level)
            .integer(a.proficient)
            .run();
    }
    void put(const Incident& i) override {
        row("incidents", 7)
            .text(i.id)
            .text(i.student_id)
            .text(i.school_id)
            .date(i.date)
            .text(i.type)
            .optional_text(i.description)
            .run();
    }
    void put(const DisciplineAction& a) override {
        // Actions have no id of their own: their order within the incident is the key.
        const int seq = ++action_seq[a.incident_id];
        row("discipline_actions", 5)
            .text(a.incident_id)
            .integer(seq)
            .text(a.action)
            .real(a.days)
            .run();
    }
    void put(const Partner& p) override {
        row("partners", 5)
            .text(p.id)
            .text(p.name)
            .optional_text(p.kind)
            .optional_text(p.contact_email)
            .run();
    }
    void put(const PartnerRosterEntry& r) override {
        row("partner_rosters", 5)
            .text(r.partner_id)
            .text(r.student_id)
            .date(r.start_date)
            .optional_date(r.end_date)
            .run();
    }
    void put(const Agreement& a) override {
        std::string fields;
        for (const auto& f : a.fields) fields += (fields.empty() ? "" : ";") + f;
        row("agreements", 7)
            .text(a.id)
            .text(a.partner_id)
            .text(a.purpose)
            .text(fields)
            .date(a.start_date)
            .date(a.end_date)
            .run();
    }
    void put(const PartnerConsent& c) override {
        row("partner_consents", 6)
            .text(c.student_id)
            .text(c.partner_id)
            .text(c.contact_id)
            .integer(c.granted)
            .date(c.date)
            .run();
    }
    void put(const LearnerProfile& p) override {
        row("learner_profiles", 6)
            .text(p.student_id)
            .optional_text(p.strengths)
            .optional_text(p.needs)
            .optional_text(p.interests)
            .optional_text(p.goals)
            .run();
    }
};

namespace {

[[noreturn]] void rethrow(const Database& db, const SQLite::Exception& e) {
    throw IoError("cannot write snapshot to database " + db.path().string() + ": " + e.what());
}

}  // namespace

SnapshotImport::SnapshotImport(Database& db, Date as_of, std::string fingerprint,
                               std::string imported_at) {
    try {
        m_impl = std::make_unique<Impl>(db);
        SQLite::Statement find(db.sql(), "SELECT snapshot_id FROM snapshots WHERE as_of = ?");
        find.bind(1, as_of.to_string());
        if (find.executeStep()) {
            const std::int64_t old_id = find.getColumn(0).getInt64();
            for (auto table : snapshot_tables()) {
                SQLite::Statement del(
                    db.sql(), "DELETE FROM " + std::string(table) + " WHERE snapshot_id = ?");
                del.bind(1, old_id);
                del.exec();
            }
            SQLite::Statement del(db.sql(), "DELETE FROM snapshots WHERE snapshot_id = ?");
            del.bind(1, old_id);
            del.exec();
            m_impl->replaced = true;
        }
        SQLite::Statement insert(db.sql(),
                                 "INSERT INTO snapshots (as_of, fingerprint, imported_at, "
                                 "row_count) VALUES (?, ?, ?, 0)");
        insert.bind(1, as_of.to_string());
        insert.bind(2, fingerprint);
        insert.bind(3, imported_at);
        insert.exec();
        m_impl->snapshot_id = db.sql().getLastInsertRowid();
    } catch (const SQLite::Exception& e) {
        rethrow(db, e);
    }
}

SnapshotImport::~SnapshotImport() = default;  // SQLite::Transaction rolls back if not committed

RecordSink& SnapshotImport::sink() {
    return *m_impl;
}
bool SnapshotImport::replaces_existing() const {
    return m_impl->replaced;
}
std::int64_t SnapshotImport::snapshot_id() const {
    return m_impl->snapshot_id;
}

void SnapshotImport::commit(std::int64_t row_count) {
    try {
        SQLite::Statement update(m_impl->db.sql(),
                                 "UPDATE snapshots SET row_count = ? WHERE snapshot_id = ?");
        update.bind(1, row_count);
        update.bind(2, m_impl->snapshot_id);
        update.exec();
        m_impl->statements.clear();
        m_impl->tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrow(m_impl->db, e);
    }
}

}  // namespace homeroom::store
