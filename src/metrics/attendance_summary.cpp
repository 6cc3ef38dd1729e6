#include "metrics/attendance_summary.h"

#include <algorithm>

#include "metrics/share_threshold.h"

namespace homeroom::metrics {
namespace {

bool earlier(const AttendanceEvent& a, const AttendanceEvent& b) {
    return a.date < b.date;
}

}  // namespace

void AttendanceCounts::count(AttendanceStatus status) {
    switch (status) {
        case AttendanceStatus::present:
            break;
        case AttendanceStatus::excused:
            ++excused_absences;
            break;
        case AttendanceStatus::unexcused:
            ++unexcused_absences;
            break;
        case AttendanceStatus::tardy:
            ++tardies;
            break;
        case AttendanceStatus::partial:
            ++partials;
            break;
    }
}

std::optional<double> AttendanceCounts::rate() const {
    if (enrolled_days <= 0)
        return std::nullopt;
    return static_cast<double>(present_days()) / enrolled_days;
}

AttendanceSummary summarize_attendance(const Student& student,
                                       std::span<const AttendanceRecord> rows,
                                       const SchoolCalendar& calendar, Date as_of) {
    AttendanceSummary summary;
    summary.window = enrollment_window(student, as_of);
    if (summary.window.empty())
        return summary;
    summary.counts.enrolled_days =
        calendar.count_between(summary.window.first, summary.window.last);
    for (const AttendanceRecord& row : rows) {
        if (row.status == AttendanceStatus::present || !summary.window.contains(row.date) ||
            !calendar.is_instructional(row.date))
            continue;
        summary.events.push_back({row.date, row.status, row.minutes_missed});
    }
    std::stable_sort(summary.events.begin(), summary.events.end(), earlier);
    const auto same_day = [](const AttendanceEvent& a, const AttendanceEvent& b) {
        return a.date == b.date;
    };
    summary.events.erase(std::unique(summary.events.begin(), summary.events.end(), same_day),
                         summary.events.end());
    for (const AttendanceEvent& event : summary.events) summary.counts.count(event.status);
    return summary;
}

std::span<const AttendanceEvent> events_between(const AttendanceSummary& summary, Date first,
                                                Date last) {
    if (last < first)
        return {};
    const auto& events = summary.events;
    const auto begin =
        std::lower_bound(events.begin(), events.end(), AttendanceEvent{first}, earlier);
    const auto end = std::upper_bound(begin, events.end(), AttendanceEvent{last}, earlier);
    return {begin, end};
}

AttendanceCounts counts_between(const AttendanceSummary& summary, const SchoolCalendar& calendar,
                                Date first, Date last) {
    const Date from = std::max(first, summary.window.first);
    const Date to = std::min(last, summary.window.last);
    AttendanceCounts counts;
    if (to < from)
        return counts;
    counts.enrolled_days = calendar.count_between(from, to);
    for (const AttendanceEvent& event : events_between(summary, from, to))
        counts.count(event.status);
    return counts;
}

bool meets_attendance_minimum(const AttendanceCounts& counts, const IndicatorSettings& settings) {
    return counts.enrolled_days >= std::max(1, settings.attendance_minimum_enrolled_days);
}

bool is_chronically_absent(const AttendanceCounts& counts, const IndicatorSettings& settings) {
    return meets_attendance_minimum(counts, settings) &&
           share_at_least(counts.absences(), counts.enrolled_days, settings.chronic_absence_share);
}

}  // namespace homeroom::metrics
