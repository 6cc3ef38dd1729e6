#include "metrics/enrollment_window.h"

namespace homeroom::metrics {

EnrollmentWindow enrollment_window(const Student& student, Date as_of) {
    Date last = as_of;
    if (student.exit_date && *student.exit_date < last)
        last = *student.exit_date;
    return {student.entry_date, last};
}

bool enrolled_on(const Student& student, Date day) {
    return student.entry_date <= day && (!student.exit_date || day <= *student.exit_date);
}

}  // namespace homeroom::metrics
