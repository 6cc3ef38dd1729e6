// What the metrics need to know about one student, as the store loads it: the student's own rows
// of each file. Functions over these records never look at another student, so a district of any
// size is computed one student at a time (and in parallel, if the caller wishes).
#pragma once

#include <string>
#include <vector>

#include "core/records.h"

namespace homeroom::metrics {

// A mark with what the metrics need from its section and its marking period.
struct SectionMark {
    Mark mark;
    std::string subject;   // the section's subject (vocabulary::k_subjects)
    MarkingPeriod period;  // the mark's marking period
};

struct StudentRecords {
    Student student;
    // All rows below belong to this student; their student_id is not looked at.
    std::vector<AttendanceRecord> attendance;
    std::vector<SectionMark> marks;
    std::vector<AssessmentResult> assessments;
    std::vector<Incident> incidents;
    std::vector<DisciplineAction> discipline_actions;  // the actions taken for those incidents
};

}  // namespace homeroom::metrics
