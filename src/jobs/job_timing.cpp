#include "jobs/job_timing.h"

#include "jobs/time_zone.h"

namespace homeroom::jobs {

std::optional<UtcSeconds> next_job_run(const Job& job, UtcSeconds after) {
    const auto zone = TimeZone::find(job.time_zone);
    if (!zone)
        return std::nullopt;  // parse_job refuses such files; a loaded job always has a zone
    std::optional<UtcSeconds> next;
    for (const auto& schedule : job.schedules) {
        const auto candidate = next_run(schedule, after, zone->offsets());
        if (candidate && (!next || *candidate < *next))
            next = candidate;
    }
    return next;
}

}  // namespace homeroom::jobs
