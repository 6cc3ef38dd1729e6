// Generates one school of the sample district and hands its records to a sink: staff,
// students, contacts and their links, calendar, sections and enrollments, then each student's
// year (attendance, marks, tests, incidents), partner rosters and consents, learner profiles.
// Only the school's own records are held in memory.
#pragma once

#include "core/record_sink.h"
#include "sample/district_plan.h"
#include "sample/partner_programs.h"
#include "sample/population.h"
#include "sample/student_year.h"

namespace homeroom::sample {

void generate_school(const YearSettings& settings, const SchoolPlan& plan,
                     const PartnerSites& sites, IdCounters& counters, RecordSink& sink);

}  // namespace homeroom::sample
