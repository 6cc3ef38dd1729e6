// One student's school year as the SIS would record it: daily attendance (absences come in
// streaks, more on Mondays, Fridays, around breaks and in winter), marks per section and quarter
// (lower with more absences), interim and state test results, discipline incidents.
// The whole year is simulated from the student's own random stream and then cut at the as-of
// date, so snapshots of the same seed on later dates extend earlier ones.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/record_sink.h"
#include "sample/class_schedule.h"
#include "sample/population.h"
#include "sample/school_year.h"

namespace homeroom::sample {

struct YearSettings {
    const SchoolYear* year = nullptr;
    std::vector<double> absence_day_weight;  // per instructional day, about 1 on average
    Date as_of;
    std::uint64_t seed = 0;
};

YearSettings make_year_settings(const SchoolYear& year, Date as_of, std::uint64_t seed);

struct StudentYearContext {
    const SchoolPlan* plan = nullptr;
    std::size_t student_index = 0;  // within the school
    const PopulationStudent* student = nullptr;
    std::vector<const ScheduledSection*> sections;
    std::string_view forced_comment;  // put on the student's first mark (escaping tests)
};

// What the rest of the school's generation needs to know about the year.
struct StudentYearSummary {
    std::size_t days_enrolled = 0;  // instructional days up to the as-of date
    std::size_t days_absent = 0;
};

StudentYearSummary write_student_year(const YearSettings& settings,
                                      const StudentYearContext& context, RecordSink& sink);

}  // namespace homeroom::sample
