#include "metrics/student_indicators.h"

#include "metrics/assessment_summary.h"

namespace homeroom::metrics {

StudentIndicators compute_student_indicators(const StudentRecords& records,
                                             const SchoolCalendar& calendar, Date as_of,
                                             const IndicatorSettings& settings) {
    StudentIndicators indicators;
    indicators.student_id = records.student.id;
    indicators.as_of = as_of;
    indicators.attendance =
        summarize_attendance(records.student, records.attendance, calendar, as_of);
    indicators.meets_attendance_minimum =
        meets_attendance_minimum(indicators.attendance.counts, settings);
    indicators.chronically_absent = is_chronically_absent(indicators.attendance.counts, settings);
    indicators.week = compare_weeks(indicators.attendance, calendar, as_of);
    indicators.weeks = weekly_attendance(indicators.attendance, calendar);
    indicators.courses = summarize_courses(records.marks, as_of, settings.grade_scale);
    indicators.latest_assessments = latest_assessments(records.assessments, as_of);
    indicators.discipline =
        summarize_discipline(records.incidents, records.discipline_actions, as_of);
    indicators.flags = evaluate_early_warning(indicators.attendance.counts, indicators.discipline,
                                              indicators.courses, settings);
    return indicators;
}

}  // namespace homeroom::metrics
