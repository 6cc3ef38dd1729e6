// Early-warning "ABC" flags (Balfanz et al.): Attendance, Behavior, Course performance, with the
// thresholds of IndicatorSettings, and how a student's flags changed between two snapshots.
#pragma once

#include <array>
#include <string_view>
#include <vector>

#include "metrics/attendance_summary.h"
#include "metrics/course_performance.h"
#include "metrics/discipline_summary.h"
#include "metrics/indicator_settings.h"

namespace homeroom::metrics {

enum class WarningFlag { attendance, behavior, course_performance };
inline constexpr std::array<WarningFlag, 3> k_warning_flags = {
    WarningFlag::attendance, WarningFlag::behavior, WarningFlag::course_performance};
std::string_view to_code(WarningFlag flag);  // "attendance", "behavior", "course_performance"

struct EarlyWarningFlags {
    bool attendance = false;
    bool behavior = false;
    bool course_performance = false;

    bool has(WarningFlag flag) const;
    int count() const;

    friend bool operator==(const EarlyWarningFlags&, const EarlyWarningFlags&) = default;
};

// Attendance rate below attendance_flag_below_rate, once the student has the minimum of enrolled
// days (a rate of exactly 90% is not flagged).
bool attendance_flag(const AttendanceCounts& counts, const IndicatorSettings& settings);
// Suspensions plus expulsions reach behavior_flag_minimum_suspensions (an expelled student is
// off track whether or not a suspension came first), or incidents reach
// behavior_flag_minimum_incidents when the district sets it.
bool behavior_flag(const DisciplineSummary& discipline, const IndicatorSettings& settings);
// A failing latest mark in a section of course_flag_subjects, or a GPA below course_flag_gpa_below
// (exactly 2.0 is not flagged; no GPA, no GPA rule).
bool course_performance_flag(const CoursePerformance& courses, const IndicatorSettings& settings);

EarlyWarningFlags evaluate_early_warning(const AttendanceCounts& attendance,
                                         const DisciplineSummary& discipline,
                                         const CoursePerformance& courses,
                                         const IndicatorSettings& settings);

enum class FlagChangeKind { raised, cleared };

struct FlagChange {
    WarningFlag flag;
    FlagChangeKind change;

    friend bool operator==(const FlagChange&, const FlagChange&) = default;
};

// In k_warning_flags order. For a student new since the previous snapshot, pass default (no) flags
// as `before`: every flag the student has now is "raised".
std::vector<FlagChange> flag_changes(const EarlyWarningFlags& before,
                                     const EarlyWarningFlags& after);

}  // namespace homeroom::metrics
