// The disclosure log (FERPA 34 CFR 99.32): one entry per partner extract, with the students it
// was about. An entry is written in the same transaction as the export decision: the caller's
// `publish` step (putting the finished files in place) runs inside it, so an extract that could
// not be published is not logged and a log that could not be written leaves no published files
// (docs/partners.md, "Disclosure log").
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "store/database.h"
#include "store/outbox_repository.h"  // TimePoint, format_utc

namespace homeroom::store {

struct DisclosedStudent {
    std::string student_id;
    std::string consent_by;  // "student" or the contact id whose consent allowed it
    Date consent_date;
};

struct NewDisclosure {
    std::string partner_id, partner_name, agreement_id, purpose;
    std::vector<std::string> fields;
    Date as_of;
    std::vector<std::string> files;  // as written, relative to the output folder
    std::vector<DisclosedStudent> students;
};

struct DisclosureEntry {
    std::int64_t id = 0;
    std::string partner_id, partner_name, agreement_id, purpose;
    std::vector<std::string> fields;
    Date as_of;
    std::string recorded_at;  // UTC YYYY-MM-DDTHH:MM:SSZ
    std::vector<std::string> files;
    std::int64_t student_count = 0;
    // Filled by for_student: the student's consent on record for this entry.
    std::string consent_by;
    std::optional<Date> consent_date;
};

// Every function throws IoError("cannot ... the disclosure log in DB: why") when SQLite fails.
class DisclosureLog {
  public:
    explicit DisclosureLog(Database& db) : m_db(db) {}

    // Inserts the entry and its students, calls `publish`, then commits; returns the entry's id.
    // If `publish` throws, the transaction is rolled back and the exception propagates.
    std::int64_t record(const NewDisclosure& disclosure, TimePoint now,
                        const std::function<void()>& publish);

    // Newest first.
    std::vector<DisclosureEntry> for_student(std::string_view student_id) const;
    // By partner id or, when no entry has that id, by the partner's name as recorded
    // (ASCII case-insensitive).
    std::vector<DisclosureEntry> for_partner(std::string_view partner_id) const;
    // The students of one entry, by id.
    std::vector<std::string> students_of(std::int64_t disclosure_id) const;

  private:
    Database& m_db;
};

}  // namespace homeroom::store
