// The district's records as one snapshot holds them: one struct per row of the native bundle
// (docs/data-format.md). Ids are the district's own (SIS) ids, kept as text.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace homeroom {

struct School {
    std::string id, name, level;  // level: elementary | middle | high | k8 | k12 | other
    std::string address, city, state, postal_code, phone;
};

struct Student {
    std::string id, school_id;
    std::string first_name, middle_name, last_name, preferred_name;
    Date birth_date;
    std::string grade;           // PK, K, 1 .. 12
    std::string gender;          // F | M | X
    std::string race_ethnicity;  // see vocabulary.h
    bool english_learner = false;
    bool special_education = false;
    bool economically_disadvantaged = false;
    std::string home_language;  // ISO 639-1, e.g. "es"
    Date entry_date;
    std::optional<Date> exit_date;
    std::string homeroom;
    std::optional<int> cohort_year;  // year of expected graduation (high school)
};

struct Contact {
    std::string id, first_name, last_name, email, mobile;  // mobile in E.164 (+15551234567)
    std::string preferred_language;                        // ISO 639-1
    std::string preferred_channel;                         // email | sms | both | none
    bool email_consent = false, sms_consent = false;
    bool email_opted_out = false, sms_opted_out = false;
    std::string address, city, state, postal_code;
};

struct StudentContact {
    std::string student_id, contact_id, relationship;
    bool educational_rights = false;
    bool lives_with = false;
    bool no_contact = false;  // a court order or custody restriction forbids contact
    // For a student 18 or older: has the student consented to sharing with this contact?
    // Absent means "not recorded", which never counts as consent.
    std::optional<bool> student_consent;
};

struct CalendarDay {
    std::string school_id;
    Date date;
    bool instructional = true;
};

struct MarkingPeriod {
    std::string id, name;
    Date start_date, end_date;
};

enum class AttendanceStatus { present, excused, unexcused, tardy, partial };

// Days without a record are present when they are instructional days within the student's
// enrollment ("negative attendance", as most student information systems keep it).
struct AttendanceRecord {
    std::string student_id;
    Date date;
    AttendanceStatus status = AttendanceStatus::present;
    int minutes_missed = 0;
};

struct StaffMember {
    std::string id, school_id, first_name, last_name, email, role;
};

struct Section {
    std::string id, school_id, course_code, course_title, subject, staff_id;
};

struct SectionEnrollment {
    std::string section_id, student_id;
    Date entry_date;
    std::optional<Date> exit_date;
};

struct Mark {
    std::string student_id, section_id, marking_period_id;
    std::string letter;  // e.g. "B+"; empty when only a percent is given
    std::optional<double> percent;
    std::string comment;
};

struct AssessmentResult {
    std::string student_id, test, subject;
    Date date;
    std::optional<int> scale_score;
    int performance_level = 0;  // 1 (lowest) .. 5
    bool proficient = false;
};

struct Incident {
    std::string id, student_id, school_id;
    Date date;
    std::string type, description;
};

struct DisciplineAction {
    std::string incident_id, action;  // see vocabulary.h
    double days = 0;                  // suspension days (0 for other actions)
};

struct Partner {
    std::string id, name, kind, contact_email;
};

struct PartnerRosterEntry {
    std::string partner_id, student_id;
    Date start_date;
    std::optional<Date> end_date;
};

struct Agreement {
    std::string id, partner_id, purpose;
    std::vector<std::string> fields;  // subset of vocabulary::k_shareable_fields
    Date start_date, end_date;
};

struct PartnerConsent {
    std::string student_id, partner_id;
    std::string contact_id;  // empty: the (eligible, 18+) student's own consent
    bool granted = false;
    Date date;
};

struct LearnerProfile {
    std::string student_id, strengths, needs, interests, goals;
};

}  // namespace homeroom
