#include "metrics/attendance_weeks.h"

namespace homeroom::metrics {
std::vector<WeekAttendance> weekly_attendance(const AttendanceSummary& summary,
                                              const SchoolCalendar& calendar) {
    if (summary.window.empty())
        return {};
    const auto days = calendar.days_between(summary.window.first, summary.window.last);
    if (days.empty())
        return {};
    const Date first_week = days.front().week_start();
    const Date last_week = days.back().week_start();
    const auto week_of = [&](Date day) {
        return static_cast<std::size_t>((day.week_start() - first_week) / 7);
    };
    std::vector<WeekAttendance> weeks(week_of(last_week) + 1);
    for (std::size_t i = 0; i < weeks.size(); ++i)
        weeks[i].week_start = first_week.plus_days(static_cast<std::int32_t>(7 * i));
    for (Date day : days) ++weeks[week_of(day)].counts.enrolled_days;
    // Events lie on enrolled instructional days, hence inside the series.
    for (const AttendanceEvent& event : summary.events)
        weeks[week_of(event.date)].counts.count(event.status);
    return weeks;
}

WeekComparison compare_weeks(const AttendanceSummary& summary, const SchoolCalendar& calendar,
                             Date as_of) {
    WeekComparison comparison;
    const Date monday = as_of.week_start();
    comparison.this_week = {monday, counts_between(summary, calendar, monday, as_of)};
    const Date previous_monday = monday.plus_days(-7);
    comparison.last_week = {
        previous_monday, counts_between(summary, calendar, previous_monday, monday.plus_days(-1))};
    const auto events = events_between(summary, monday, as_of);
    comparison.this_week_events.assign(events.begin(), events.end());
    return comparison;
}

}  // namespace homeroom::metrics
