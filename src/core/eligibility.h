// FERPA's eligible student: at 18 the rights over a student's records pass from the parents to
// the student, so a parent then receives the student's information only with the student's own
// consent. Every channel that reaches a family (email, SMS, the mailed print batch) asks here.
#pragma once

#include "core/date.h"
#include "core/records.h"

namespace homeroom {

// The age at which FERPA rights pass from the parents to the student.
inline constexpr int k_age_of_eligibility = 18;

// The link is the student's own contact (relationship "self"): the student is the addressee.
inline bool is_self_link(const StudentContact& link) {
    return link.relationship == "self";
}

// Whether the student is 18 or older on `on` and the link lacks the student's explicit consent
// (absent counts as refused). The student's own link needs none: the rights are theirs, and
// asking an adult for consent to hear about themselves would silence them.
inline bool needs_student_consent(const Student& student, const StudentContact& link, Date on) {
    return age_on(student.birth_date, on) >= k_age_of_eligibility && !is_self_link(link) &&
           link.student_consent != true;
}

}  // namespace homeroom
