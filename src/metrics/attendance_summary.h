// One student's attendance as of a date, from "negative attendance" rows: an instructional day
// inside the enrollment without a row is a present day (docs/data-format.md, attendance.csv).
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "core/records.h"
#include "metrics/enrollment_window.h"
#include "metrics/indicator_settings.h"
#include "metrics/school_calendar.h"

namespace homeroom::metrics {

// A day that was not a plain full day present.
struct AttendanceEvent {
    Date date;
    AttendanceStatus status = AttendanceStatus::excused;
    int minutes_missed = 0;

    friend bool operator==(const AttendanceEvent&, const AttendanceEvent&) = default;
};

struct AttendanceCounts {
    int enrolled_days = 0;  // instructional days inside the enrollment
    int excused_absences = 0;
    int unexcused_absences = 0;
    int tardies = 0;   // present, arrived late
    int partials = 0;  // present, but left early or arrived late beyond the tardy window

    // Counts one counted day's status; `present` changes nothing.
    void count(AttendanceStatus status);

    int absences() const { return excused_absences + unexcused_absences; }
    // Tardy and partial days are present days.
    int present_days() const { return enrolled_days - absences(); }
    // present / enrolled days; none without an enrolled day.
    std::optional<double> rate() const;

    friend bool operator==(const AttendanceCounts&, const AttendanceCounts&) = default;
};

struct AttendanceSummary {
    EnrollmentWindow window;
    AttendanceCounts counts;
    // The counted days that were not plain present, earliest first, one per date: rows outside
    // the window, on non-instructional days or with status `present` are not here.
    std::vector<AttendanceEvent> events;
};

// When a date has more than one row (the import refuses that), the first row counts.
AttendanceSummary summarize_attendance(const Student& student,
                                       std::span<const AttendanceRecord> rows,
                                       const SchoolCalendar& calendar, Date as_of);

// The counts of the part of the summary's window that lies in [first, last].
AttendanceCounts counts_between(const AttendanceSummary& summary, const SchoolCalendar& calendar,
                                Date first, Date last);
// The summary's events dated in [first, last].
std::span<const AttendanceEvent> events_between(const AttendanceSummary& summary, Date first,
                                                Date last);

// Enough enrolled days for attendance indicators
// (IndicatorSettings::attendance_minimum_enrolled_days, and never fewer than one).
bool meets_attendance_minimum(const AttendanceCounts& counts, const IndicatorSettings& settings);
// Missed at least IndicatorSettings::chronic_absence_share of enrolled days.
bool is_chronically_absent(const AttendanceCounts& counts, const IndicatorSettings& settings);

}  // namespace homeroom::metrics
