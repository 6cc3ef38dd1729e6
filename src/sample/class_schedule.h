// A school's staff and class sections, and which sections each student attends: homeroom
// classes in elementary grades, per-course sections of at most 28 in middle and high school.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/records.h"
#include "sample/district_plan.h"
#include "sample/population.h"

namespace homeroom::sample {

struct ScheduledSection {
    Section section;
    bool pass_fail = false;             // graded P/F instead of letters (early-grades arts and PE)
    std::vector<std::size_t> students;  // indices into SchoolPopulation::students, ascending
};

struct SchoolSchedule {
    std::vector<StaffMember> staff;
    std::vector<ScheduledSection> sections;
    std::vector<std::vector<std::size_t>> sections_of_student;  // indices into sections
};

SchoolSchedule build_schedule(const SchoolPlan& plan, const SchoolPopulation& population,
                              std::uint64_t seed, IdCounters& counters);

}  // namespace homeroom::sample
