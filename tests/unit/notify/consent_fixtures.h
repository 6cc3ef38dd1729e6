// Records for consent tests: a contact and a link that pass every rule, to be spoiled one
// rule at a time.
#pragma once

#include "core/records.h"

namespace homeroom::notify::testing {

inline Student student(const std::string& id, Date birth) {
    Student s;
    s.id = id;
    s.school_id = "SCH1";
    s.first_name = "Student";
    s.last_name = id;
    s.birth_date = birth;
    s.grade = "9";
    return s;
}

inline Contact contact(const std::string& id, const std::string& email,
                       const std::string& mobile = "+15551230000") {
    Contact c;
    c.id = id;
    c.first_name = "Parent";
    c.last_name = id;
    c.email = email;
    c.mobile = mobile;
    c.preferred_language = "en";
    c.preferred_channel = "both";
    c.email_consent = true;
    c.sms_consent = true;
    return c;
}

inline StudentContact link(const std::string& student_id, const std::string& contact_id) {
    StudentContact l;
    l.student_id = student_id;
    l.contact_id = contact_id;
    l.relationship = "parent";
    l.educational_rights = true;
    l.lives_with = true;
    return l;
}

}  // namespace homeroom::notify::testing
