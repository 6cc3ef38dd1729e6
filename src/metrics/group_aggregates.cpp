#include "metrics/group_aggregates.h"

#include "metrics/enrollment_window.h"

namespace homeroom::metrics {
namespace {

void add_cells(SubgroupCells& cells, const SubgroupCells& other) {
    for (std::size_t i = 0; i < k_subgroup_count; ++i) cells[i] += other[i];
}

void count(SubgroupCells& cells, const StudentSubgroups& subgroups, std::int64_t numerator,
           std::int64_t denominator) {
    for (std::size_t index : subgroups) {
        Cell& cell = cells[index];
        ++cell.students;
        cell.numerator += numerator;
        cell.denominator += denominator;
    }
}

void count_student(SubgroupCells& cells, const StudentSubgroups& subgroups, bool counted) {
    count(cells, subgroups, counted ? 1 : 0, 1);
}

}  // namespace

std::optional<double> Cell::rate() const {
    if (denominator <= 0)
        return std::nullopt;
    return static_cast<double>(numerator) / static_cast<double>(denominator);
}

Cell& Cell::operator+=(const Cell& other) {
    students += other.students;
    numerator += other.numerator;
    denominator += other.denominator;
    return *this;
}

std::string_view to_code(Measure measure) {
    switch (measure) {
        case Measure::enrollment:
            return "enrollment";
        case Measure::attendance_rate:
            return "attendance_rate";
        case Measure::chronic_absenteeism:
            return "chronic_absenteeism";
        case Measure::suspension_rate:
            return "suspension_rate";
        case Measure::proficiency:
            return "proficiency";
        case Measure::attendance_flag:
            return "attendance_flag";
        case Measure::behavior_flag:
            return "behavior_flag";
        case Measure::course_performance_flag:
            return "course_performance_flag";
        case Measure::no_flags:
            return "no_flags";
        case Measure::one_flag:
            return "one_flag";
        case Measure::two_flags:
            return "two_flags";
        case Measure::three_flags:
            return "three_flags";
    }
    return "enrollment";
}

ValueFormat value_format(Measure measure) {
    switch (measure) {
        case Measure::enrollment:
            return ValueFormat::count;
        case Measure::attendance_rate:
            return ValueFormat::day_share;
        default:
            return ValueFormat::student_share;
    }
}

GroupAggregates& GroupAggregates::operator+=(const GroupAggregates& other) {
    add_cells(enrollment, other.enrollment);
    add_cells(attendance_rate, other.attendance_rate);
    add_cells(chronic_absenteeism, other.chronic_absenteeism);
    add_cells(suspension_rate, other.suspension_rate);
    for (const auto& [subject, cells] : other.proficiency) add_cells(proficiency[subject], cells);
    add_cells(attendance_flag, other.attendance_flag);
    add_cells(behavior_flag, other.behavior_flag);
    add_cells(course_performance_flag, other.course_performance_flag);
    for (std::size_t k = 0; k < students_by_flag_count.size(); ++k)
        add_cells(students_by_flag_count[k], other.students_by_flag_count[k]);
    return *this;
}

std::vector<MeasureId> GroupAggregates::measures() const {
    std::vector<MeasureId> ids = {{Measure::enrollment, {}},
                                  {Measure::attendance_rate, {}},
                                  {Measure::chronic_absenteeism, {}},
                                  {Measure::suspension_rate, {}}};
    for (const auto& entry : proficiency) ids.push_back({Measure::proficiency, entry.first});
    for (Measure m :
         {Measure::attendance_flag, Measure::behavior_flag, Measure::course_performance_flag,
          Measure::no_flags, Measure::one_flag, Measure::two_flags, Measure::three_flags})
        ids.push_back({m, {}});
    return ids;
}

SubgroupCells GroupAggregates::cells(const MeasureId& id) const {
    switch (id.measure) {
        case Measure::enrollment:
            return enrollment;
        case Measure::attendance_rate:
            return attendance_rate;
        case Measure::chronic_absenteeism:
            return chronic_absenteeism;
        case Measure::suspension_rate:
            return suspension_rate;
        case Measure::proficiency: {
            const auto found = proficiency.find(id.subject);
            return found != proficiency.end() ? found->second : SubgroupCells{};
        }
        case Measure::attendance_flag:
            return attendance_flag;
        case Measure::behavior_flag:
            return behavior_flag;
        case Measure::course_performance_flag:
            return course_performance_flag;
        case Measure::no_flags:
            return students_by_flag_count[0];
        case Measure::one_flag:
            return students_by_flag_count[1];
        case Measure::two_flags:
            return students_by_flag_count[2];
        case Measure::three_flags:
            return students_by_flag_count[3];
    }
    return {};
}

void add_student(GroupAggregates& aggregates, const Student& student,
                 const StudentIndicators& indicators) {
    const StudentSubgroups subgroups = subgroups_of(student);
    const Date as_of = indicators.as_of;
    if (as_of < student.entry_date)
        return;  // not yet a student of this group on the as-of date

    // Suspension rate over everyone enrolled at any time up to the as-of date (as the federal
    // Civil Rights Data Collection counts it), so that a suspended student who left still counts.
    count_student(aggregates.suspension_rate, subgroups, indicators.discipline.suspensions() > 0);

    if (indicators.meets_attendance_minimum) {
        const AttendanceCounts& days = indicators.attendance.counts;
        count(aggregates.attendance_rate, subgroups, days.present_days(), days.enrolled_days);
        count_student(aggregates.chronic_absenteeism, subgroups, indicators.chronically_absent);
    }

    for (const AssessmentResult& result : indicators.latest_assessments) {
        auto found = aggregates.proficiency.find(result.subject);
        if (found == aggregates.proficiency.end())
            found = aggregates.proficiency.emplace(result.subject, SubgroupCells{}).first;
        count_student(found->second, subgroups, result.proficient);
    }

    if (enrolled_on(student, as_of)) {
        count_student(aggregates.enrollment, subgroups, true);
        const EarlyWarningFlags& flags = indicators.flags;
        count_student(aggregates.attendance_flag, subgroups, flags.attendance);
        count_student(aggregates.behavior_flag, subgroups, flags.behavior);
        count_student(aggregates.course_performance_flag, subgroups, flags.course_performance);
        for (std::size_t k = 0; k < aggregates.students_by_flag_count.size(); ++k)
            count_student(aggregates.students_by_flag_count[k], subgroups,
                          static_cast<std::size_t>(flags.count()) == k);
    }
}

}  // namespace homeroom::metrics
