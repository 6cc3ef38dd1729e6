// Everything the site and the digests show about one student, as of a date.
#pragma once

#include <string>
#include <vector>

#include "metrics/attendance_summary.h"
#include "metrics/attendance_weeks.h"
#include "metrics/course_performance.h"
#include "metrics/discipline_summary.h"
#include "metrics/early_warning.h"
#include "metrics/indicator_settings.h"
#include "metrics/school_calendar.h"
#include "metrics/student_records.h"

namespace homeroom::metrics {

struct StudentIndicators {
    std::string student_id;
    Date as_of;

    AttendanceSummary attendance;
    bool meets_attendance_minimum = false;  // enough enrolled days for attendance indicators
    bool chronically_absent = false;
    WeekComparison week;                // this week vs last week
    std::vector<WeekAttendance> weeks;  // the series for a chart

    CoursePerformance courses;
    std::vector<AssessmentResult> latest_assessments;  // one per subject

    DisciplineSummary discipline;
    EarlyWarningFlags flags;
};

// `calendar` is the student's school's; `as_of` is the snapshot's date.
StudentIndicators compute_student_indicators(const StudentRecords& records,
                                             const SchoolCalendar& calendar, Date as_of,
                                             const IndicatorSettings& settings);

}  // namespace homeroom::metrics
