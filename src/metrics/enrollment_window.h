// The days a student counts as enrolled for indicators "as of" a date.
#pragma once

#include "core/date.h"
#include "core/records.h"

namespace homeroom::metrics {

// [first, last], both inclusive; empty when last < first.
struct EnrollmentWindow {
    Date first;
    Date last;

    bool empty() const { return last < first; }
    bool contains(Date day) const { return first <= day && day <= last; }
};

// [entry_date, min(exit_date, as_of)]: days after the as-of date have not happened yet for this
// snapshot, and the exit date is the student's last enrolled day.
EnrollmentWindow enrollment_window(const Student& student, Date as_of);

// Enrolled on this day (entry_date <= day <= exit_date).
bool enrolled_on(const Student& student, Date day);

}  // namespace homeroom::metrics
