// Reads one snapshot back: the small tables whole, the students one at a time (in student_id
// order, each with all of their rows) so that a 50,000-student district never sits in memory.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/student_rows.h"
#include "store/database.h"

namespace homeroom::store {

SnapshotTables load_snapshot_tables(Database& db, std::int64_t snapshot_id);

// What the consent rules read (students for age and enrollment, contacts, links), without the
// rest of the snapshot: messages queued earlier are checked against the latest snapshot with it.
struct ConsentRecords {
    std::vector<Student> students;      // by id
    std::vector<Contact> contacts;      // by id
    std::vector<StudentContact> links;  // by student, then contact
};
ConsentRecords load_consent_records(Database& db, std::int64_t snapshot_id);

class StudentStream {
  public:
    StudentStream(Database& db, std::int64_t snapshot_id);
    ~StudentStream();
    StudentStream(const StudentStream&) = delete;
    StudentStream& operator=(const StudentStream&) = delete;

    // The next student in student_id order; false after the last.
    bool next(StudentRows& out);

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace homeroom::store
