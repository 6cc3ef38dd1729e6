// One student's discipline as of a date: incidents and the suspensions taken for them.
#pragma once

#include <span>

#include "core/records.h"

namespace homeroom::metrics {

struct DisciplineSummary {
    int incidents = 0;
    int in_school_suspensions = 0;
    int out_of_school_suspensions = 0;
    double in_school_suspension_days = 0;
    double out_of_school_suspension_days = 0;
    int expulsions = 0;

    int suspensions() const { return in_school_suspensions + out_of_school_suspensions; }
    double suspension_days() const {
        return in_school_suspension_days + out_of_school_suspension_days;
    }

    friend bool operator==(const DisciplineSummary&, const DisciplineSummary&) = default;
};

// Incidents dated after the as-of date are left out, with their actions; an action counts once
// per row (an incident with both an in-school and an out-of-school suspension is two suspensions).
DisciplineSummary summarize_discipline(std::span<const Incident> incidents,
                                       std::span<const DisciplineAction> actions, Date as_of);

}  // namespace homeroom::metrics
