#include "store/disclosure_log.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/errors.h"

namespace homeroom::store {
namespace {

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty())
            out += ';';
        out += item;
    }
    return out;
}

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from < text.size()) {
        auto to = text.find(';', from);
        if (to == std::string::npos)
            to = text.size();
        out.push_back(text.substr(from, to - from));
        from = to + 1;
    }
    return out;
}

constexpr const char* k_entry_columns =
    "d.disclosure_id, d.partner_id, d.partner_name, d.agreement_id, d.purpose, d.fields, "
    "d.as_of, d.recorded_at, d.files, d.student_count";

DisclosureEntry read_entry(SQLite::Statement& q) {
    DisclosureEntry e;
    e.id = q.getColumn(0).getInt64();
    e.partner_id = q.getColumn(1).getString();
    e.partner_name = q.getColumn(2).getString();
    e.agreement_id = q.getColumn(3).getString();
    e.purpose = q.getColumn(4).getString();
    e.fields = split(q.getColumn(5).getString());
    e.as_of = Date::parse(q.getColumn(6).getString()).value_or(Date());
    e.recorded_at = q.getColumn(7).getString();
    e.files = split(q.getColumn(8).getString());
    e.student_count = q.getColumn(9).getInt64();
    return e;
}

}  // namespace

std::int64_t DisclosureLog::record(const NewDisclosure& d, TimePoint now,
                                   const std::function<void()>& publish) {
    std::int64_t id = 0;
    try {
        SQLite::Transaction tx(m_db.sql());
        SQLite::Statement entry(
            m_db.sql(),
            "INSERT INTO disclosures (partner_id, partner_name, agreement_id, purpose, fields, "
            "as_of, recorded_at, files, student_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        entry.bind(1, d.partner_id);
        entry.bind(2, d.partner_name);
        entry.bind(3, d.agreement_id);
        entry.bind(4, d.purpose);
        entry.bind(5, join(d.fields));
        entry.bind(6, d.as_of.to_string());
        entry.bind(7, format_utc(now));
        entry.bind(8, join(d.files));
        entry.bind(9, static_cast<std::int64_t>(d.students.size()));
        entry.exec();
        id = m_db.sql().getLastInsertRowid();
        SQLite::Statement student(m_db.sql(),
                                  "INSERT INTO disclosure_students (disclosure_id, student_id, "
                                  "consent_by, consent_date) VALUES (?, ?, ?, ?)");
        for (const auto& s : d.students) {
            student.bind(1, id);
            student.bind(2, s.student_id);
            student.bind(3, s.consent_by);
            student.bind(4, s.consent_date.to_string());
            student.exec();
            student.reset();
        }
        publish();  // may throw: the transaction's destructor rolls back
        tx.commit();
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot write the disclosure log in " + m_db.path().string() + ": " +
                      e.what());
    }
    return id;
}

std::vector<DisclosureEntry> DisclosureLog::for_student(std::string_view student_id) const {
    try {
        SQLite::Statement q(m_db.sql(), std::string("SELECT ") + k_entry_columns +
                                            ", s.consent_by, s.consent_date FROM disclosures d "
                                            "JOIN disclosure_students s USING (disclosure_id) "
                                            "WHERE s.student_id = ? ORDER BY d.disclosure_id DESC");
        q.bind(1, std::string(student_id));
        std::vector<DisclosureEntry> out;
        while (q.executeStep()) {
            auto e = read_entry(q);
            e.consent_by = q.getColumn(10).getString();
            e.consent_date = Date::parse(q.getColumn(11).getString());
            out.push_back(std::move(e));
        }
        return out;
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot read the disclosure log in " + m_db.path().string() + ": " +
                      e.what());
    }
}

std::vector<DisclosureEntry> DisclosureLog::for_partner(std::string_view partner_id) const {
    try {
        SQLite::Statement q(m_db.sql(),
                            std::string("SELECT ") + k_entry_columns +
                                " FROM disclosures d WHERE d.partner_id = ?1 OR "
                                "(lower(d.partner_name) = lower(?1) AND NOT EXISTS "
                                "(SELECT 1 FROM disclosures x WHERE x.partner_id = ?1)) "
                                "ORDER BY d.disclosure_id DESC");
        q.bind(1, std::string(partner_id));
        std::vector<DisclosureEntry> out;
        while (q.executeStep()) out.push_back(read_entry(q));
        return out;
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot read the disclosure log in " + m_db.path().string() + ": " +
                      e.what());
    }
}

std::vector<std::string> DisclosureLog::students_of(std::int64_t disclosure_id) const {
    try {
        SQLite::Statement q(m_db.sql(),
                            "SELECT student_id FROM disclosure_students WHERE disclosure_id = ? "
                            "ORDER BY student_id");
        q.bind(1, disclosure_id);
        std::vector<std::string> out;
        while (q.executeStep()) out.push_back(q.getColumn(0).getString());
        return out;
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot read the disclosure log in " + m_db.path().string() + ": " +
                      e.what());
    }
}

}  // namespace homeroom::store
