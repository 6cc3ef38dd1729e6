#include "metrics/early_warning.h"

#include "metrics/share_threshold.h"

namespace homeroom::metrics {

std::string_view to_code(WarningFlag flag) {
    switch (flag) {
        case WarningFlag::attendance:
            return "attendance";
        case WarningFlag::behavior:
            return "behavior";
        case WarningFlag::course_performance:
            return "course_performance";
    }
    return "attendance";
}

bool EarlyWarningFlags::has(WarningFlag flag) const {
    switch (flag) {
        case WarningFlag::attendance:
            return attendance;
        case WarningFlag::behavior:
            return behavior;
        case WarningFlag::course_performance:
            return course_performance;
    }
    return false;
}

int EarlyWarningFlags::count() const {
    return int{attendance} + int{behavior} + int{course_performance};
}

bool attendance_flag(const AttendanceCounts& counts, const IndicatorSettings& settings) {
    return meets_attendance_minimum(counts, settings) &&
           share_below(counts.present_days(), counts.enrolled_days,
                       settings.attendance_flag_below_rate);
}

bool behavior_flag(const DisciplineSummary& discipline, const IndicatorSettings& settings) {
    const int removals = discipline.suspensions() + discipline.expulsions;
    if (settings.behavior_flag_minimum_suspensions > 0 &&
        removals >= settings.behavior_flag_minimum_suspensions)
        return true;
    return settings.behavior_flag_minimum_incidents &&
           *settings.behavior_flag_minimum_incidents > 0 &&
           discipline.incidents >= *settings.behavior_flag_minimum_incidents;
}

bool course_performance_flag(const CoursePerformance& courses, const IndicatorSettings& settings) {
    if (courses.has_failing_section_in(settings.course_flag_subjects))
        return true;
    return courses.gpa && courses.gpa->is_below(settings.course_flag_gpa_below);
}

EarlyWarningFlags evaluate_early_warning(const AttendanceCounts& attendance,
                                         const DisciplineSummary& discipline,
                                         const CoursePerformance& courses,
                                         const IndicatorSettings& settings) {
    return {attendance_flag(attendance, settings), behavior_flag(discipline, settings),
            course_performance_flag(courses, settings)};
}

std::vector<FlagChange> flag_changes(const EarlyWarningFlags& before,
                                     const EarlyWarningFlags& after) {
    std::vector<FlagChange> changes;
    for (WarningFlag flag : k_warning_flags)
        if (before.has(flag) != after.has(flag))
            changes.push_back(
                {flag, after.has(flag) ? FlagChangeKind::raised : FlagChangeKind::cleared});
    return changes;
}

}  // namespace homeroom::metrics
