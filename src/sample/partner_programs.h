// The district's two community partners: an after-school program at elementary and middle
// schools and a mentoring nonprofit at middle and high schools that takes students who miss a
// lot of school. Each has one data-sharing agreement (the mentoring one covers only the fall),
// a roster, and consents recorded for part of the roster (by a parent, or by the student once
// 18).
#pragma once

#include <cstddef>
#include <vector>

#include "core/record_sink.h"
#include "core/records.h"
#include "sample/district_plan.h"
#include "sample/population.h"
#include "sample/student_year.h"

namespace homeroom::sample {

std::vector<Partner> sample_partners();
std::vector<Agreement> sample_agreements(const SchoolYear& year);

struct PartnerSites {
    bool after_school = false;
    bool mentoring = false;
};

// Which schools each partner works in (every other school of the levels it serves).
std::vector<PartnerSites> partner_sites(const std::vector<SchoolPlan>& plans);

void write_partner_records(const YearSettings& settings, const SchoolPlan& plan,
                           const PartnerSites& sites, std::size_t student_index,
                           const PopulationStudent& student, const Family& family,
                           RecordSink& sink);

}  // namespace homeroom::sample
