// Attendance week by week (ISO weeks, Monday to Sunday): a chart's series and the parent
// digest's "this week vs last week".
#pragma once

#include <vector>

#include "metrics/attendance_summary.h"

namespace homeroom::metrics {

struct WeekAttendance {
    Date week_start;  // the Monday
    AttendanceCounts counts;

    friend bool operator==(const WeekAttendance&, const WeekAttendance&) = default;
};

// Every ISO week from the one holding the first enrolled instructional day to the one holding the
// last, including weeks without an enrolled day (a holiday shows as a gap, not as a missing
// week); empty without any enrolled day.
std::vector<WeekAttendance> weekly_attendance(const AttendanceSummary& summary,
                                              const SchoolCalendar& calendar);

struct WeekComparison {
    WeekAttendance this_week;  // the ISO week holding the as-of date, up to the as-of date
    WeekAttendance last_week;  // the week before
    // This week's absences, tardies and partials, by date.
    std::vector<AttendanceEvent> this_week_events;
};

WeekComparison compare_weeks(const AttendanceSummary& summary, const SchoolCalendar& calendar,
                             Date as_of);

}  // namespace homeroom::metrics
