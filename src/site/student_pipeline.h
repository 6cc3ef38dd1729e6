// Streams a snapshot's students from the store (one reader thread, in student_id order) to
// worker threads, so that computing and rendering use every core while memory stays bounded
// by the queue, not by the district.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include "core/student_rows.h"
#include "store/database.h"

namespace homeroom::site {

struct StudentJob {
    StudentRows now;
    std::optional<StudentRows> before;  // the same student in the previous snapshot, if any
};

// Calls `work(job, worker)` for every student of `snapshot_id` on `threads` workers (worker is
// 0 .. threads-1, for per-worker accumulators). With `previous_id`, each job also carries the
// student's rows of that snapshot. The first exception thrown by a worker stops the run and is
// rethrown here.
void for_each_student(store::Database& db, std::int64_t snapshot_id,
                      std::optional<std::int64_t> previous_id, unsigned threads,
                      const std::function<void(StudentJob&, unsigned)>& work);

unsigned worker_count(unsigned requested);

}  // namespace homeroom::site
