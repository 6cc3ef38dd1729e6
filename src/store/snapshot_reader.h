// Reads one snapshot back: the small tables whole, the students one at a time (in student_id
// order, each with all of their rows) so that a 50,000-student district never sits in memory.
#pragma once

#include <cstdint>
#include <memory>

#include "core/student_rows.h"
#include "store/database.h"

namespace homeroom::store {

SnapshotTables load_snapshot_tables(Database& db, std::int64_t snapshot_id);

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
