// One student's rows of one snapshot, as the store streams them to later stages.
#pragma once

#include <optional>
#include <vector>

#include "core/records.h"

namespace homeroom {

struct StudentRows {
    Student student;
    std::vector<AttendanceRecord> attendance;         // by date
    std::vector<Mark> marks;                          // by section, then marking period
    std::vector<AssessmentResult> assessments;        // by test, subject, date
    std::vector<Incident> incidents;                  // by date, then id
    std::vector<DisciplineAction> discipline_actions; // of those incidents
    std::vector<SectionEnrollment> enrollments;       // by section
    std::optional<LearnerProfile> profile;
};

// The rest of a snapshot: small enough to hold in memory whole.
struct SnapshotTables {
    std::vector<School> schools;               // by id
    std::vector<StaffMember> staff;            // by id
    std::vector<Section> sections;             // by id
    std::vector<MarkingPeriod> marking_periods;  // by start date
    std::vector<CalendarDay> calendar;         // by school, then date
    std::vector<Contact> contacts;             // by id
    std::vector<StudentContact> links;         // by student, then contact
    std::vector<Partner> partners;
    std::vector<PartnerRosterEntry> rosters;
    std::vector<Agreement> agreements;
    std::vector<PartnerConsent> partner_consents;
};

}  // namespace homeroom
