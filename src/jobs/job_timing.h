// When a job runs next: the earliest of its schedules, in its own time zone.
#pragma once

#include <optional>

#include "jobs/job_file.h"
#include "jobs/schedule.h"

namespace homeroom::jobs {

// nullopt for a job without a schedule (or whose schedules never match).
std::optional<UtcSeconds> next_job_run(const Job& job, UtcSeconds after);

}  // namespace homeroom::jobs
