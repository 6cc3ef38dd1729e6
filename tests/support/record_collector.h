// A RecordSink that keeps every record in memory, for tests of readers.
#pragma once

#include <vector>

#include "core/record_sink.h"

namespace homeroom::testing {

struct RecordCollector : RecordSink {
    std::vector<School> schools;
    std::vector<StaffMember> staff;
    std::vector<Student> students;
    std::vector<Contact> contacts;
    std::vector<StudentContact> links;
    std::vector<CalendarDay> calendar;
    std::vector<MarkingPeriod> periods;
    std::vector<AttendanceRecord> attendance;
    std::vector<Section> sections;
    std::vector<SectionEnrollment> enrollments;
    std::vector<Mark> marks;
    std::vector<AssessmentResult> assessments;
    std::vector<Incident> incidents;
    std::vector<DisciplineAction> actions;
    std::vector<Partner> partners;
    std::vector<PartnerRosterEntry> rosters;
    std::vector<Agreement> agreements;
    std::vector<PartnerConsent> consents;
    std::vector<LearnerProfile> profiles;

    void put(const School& r) override { schools.push_back(r); }
    void put(const StaffMember& r) override { staff.push_back(r); }
    void put(const Student& r) override { students.push_back(r); }
    void put(const Contact& r) override { contacts.push_back(r); }
    void put(const StudentContact& r) override { links.push_back(r); }
    void put(const CalendarDay& r) override { calendar.push_back(r); }
    void put(const MarkingPeriod& r) override { periods.push_back(r); }
    void put(const AttendanceRecord& r) override { attendance.push_back(r); }
    void put(const Section& r) override { sections.push_back(r); }
    void put(const SectionEnrollment& r) override { enrollments.push_back(r); }
    void put(const Mark& r) override { marks.push_back(r); }
    void put(const AssessmentResult& r) override { assessments.push_back(r); }
    void put(const Incident& r) override { incidents.push_back(r); }
    void put(const DisciplineAction& r) override { actions.push_back(r); }
    void put(const Partner& r) override { partners.push_back(r); }
    void put(const PartnerRosterEntry& r) override { rosters.push_back(r); }
    void put(const Agreement& r) override { agreements.push_back(r); }
    void put(const PartnerConsent& r) override { consents.push_back(r); }
    void put(const LearnerProfile& r) override { profiles.push_back(r); }
};

}  // namespace homeroom::testing
