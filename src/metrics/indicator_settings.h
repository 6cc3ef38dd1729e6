// Every threshold behind the per-student indicators and the early-warning flags, in one place so
// that a district sets them from its configuration. The defaults are the research-based "ABC"
// indicators (Balfanz et al.) as the product brief states them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "metrics/grade_scale.h"

namespace homeroom::metrics {

struct IndicatorSettings {
    // Chronically absent: missed at least this share of enrolled days (excused or not).
    double chronic_absence_share = 0.10;
    // A student with fewer enrolled days than this has no attendance indicators yet (not
    // chronically absent, no attendance flag) and is left out of attendance aggregates, since one
    // absence in a student's first days says little. Many states use 10; 1 counts every student
    // with at least one enrolled day.
    int attendance_minimum_enrolled_days = 1;
    // Attendance flag: attendance rate (present / enrolled days) below this.
    double attendance_flag_below_rate = 0.90;

    // Behavior flag: at least this many suspensions (in or out of school) or expulsions...
    int behavior_flag_minimum_suspensions = 1;
    // ... or at least this many incidents, when the district sets such a rule (none by default).
    std::optional<int> behavior_flag_minimum_incidents;

    // Course-performance flag: a failing latest mark in a section of one of these subjects...
    std::vector<std::string> course_flag_subjects = {"ela", "math"};
    // ... or a GPA below this.
    double course_flag_gpa_below = 2.0;

    GradeScale grade_scale;
};

}  // namespace homeroom::metrics
