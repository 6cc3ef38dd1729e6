// Where validated records go. The importer (ingest) produces them in file order; the store
// implements this to write them into a snapshot, a test may collect them in vectors.
#pragma once

#include "core/records.h"

namespace homeroom {

class RecordSink {
  public:
    virtual ~RecordSink() = default;
    virtual void put(const School&) = 0;
    virtual void put(const StaffMember&) = 0;
    virtual void put(const Student&) = 0;
    virtual void put(const Contact&) = 0;
    virtual void put(const StudentContact&) = 0;
    virtual void put(const CalendarDay&) = 0;
    virtual void put(const MarkingPeriod&) = 0;
    virtual void put(const AttendanceRecord&) = 0;
    virtual void put(const Section&) = 0;
    virtual void put(const SectionEnrollment&) = 0;
    virtual void put(const Mark&) = 0;
    virtual void put(const AssessmentResult&) = 0;
    virtual void put(const Incident&) = 0;
    virtual void put(const DisciplineAction&) = 0;
    virtual void put(const Partner&) = 0;
    virtual void put(const PartnerRosterEntry&) = 0;
    virtual void put(const Agreement&) = 0;
    virtual void put(const PartnerConsent&) = 0;
    virtual void put(const LearnerProfile&) = 0;
};

}  // namespace homeroom
