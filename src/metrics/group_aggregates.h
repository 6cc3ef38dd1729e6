// Aggregates of a group of students (a school, the district, a shard of a statewide run), each
// broken down by subgroup. Every figure is kept as counts, never as a rounded rate, so that
// suppression works on counts and groups combine by addition: the district is the sum of its
// schools, a statewide run the sum of its shards. A trend is the same aggregate computed for each
// snapshot; the caller lines them up by as-of date.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/records.h"
#include "metrics/student_indicators.h"
#include "metrics/subgroups.h"

namespace homeroom::metrics {

struct Cell {
    // The students the figure describes: what suppression counts.
    std::int64_t students = 0;
    // The figure is numerator / denominator: for shares of students the denominator is `students`;
    // for the attendance rate they are present and enrolled days.
    std::int64_t numerator = 0;
    std::int64_t denominator = 0;

    std::optional<double> rate() const;
    Cell& operator+=(const Cell& other);
    friend bool operator==(const Cell&, const Cell&) = default;
};

// Indexed like k_subgroups.
using SubgroupCells = std::array<Cell, k_subgroup_count>;

enum class Measure {
    enrollment,           // students enrolled on the as-of date
    attendance_rate,      // present / enrolled days of students with the minimum of days
    chronic_absenteeism,  // chronically absent / those students
    suspension_rate,      // students with >= 1 suspension / students enrolled at any time
    proficiency,          // proficient on the latest test / tested, per subject
    attendance_flag,      // flagged / students enrolled on the as-of date
    behavior_flag,
    course_performance_flag,
    no_flags,  // students with 0, 1, 2, 3 flags / students enrolled on the as-of date
    one_flag,
    two_flags,
    three_flags,
};
std::string_view to_code(Measure measure);

// How a measure's value is shown; suppression treats them differently (publication.h).
enum class ValueFormat {
    count,          // a number of students
    student_share,  // a share of students
    day_share,      // a share of days
};
ValueFormat value_format(Measure measure);

struct MeasureId {
    Measure measure = Measure::enrollment;
    std::string subject;  // proficiency only

    friend auto operator<=>(const MeasureId&, const MeasureId&) = default;
};

struct GroupAggregates {
    SubgroupCells enrollment{};
    SubgroupCells attendance_rate{};
    SubgroupCells chronic_absenteeism{};
    SubgroupCells suspension_rate{};
    std::map<std::string, SubgroupCells, std::less<>> proficiency;  // by subject
    SubgroupCells attendance_flag{};
    SubgroupCells behavior_flag{};
    SubgroupCells course_performance_flag{};
    std::array<SubgroupCells, 4> students_by_flag_count{};  // [k]: students with k flags

    GroupAggregates& operator+=(const GroupAggregates& other);

    // Every measure this aggregate has, in display order (proficiency by subject).
    std::vector<MeasureId> measures() const;
    // Zero cells for a subject nobody here was tested in, so that schools line up.
    SubgroupCells cells(const MeasureId& id) const;
};

// Adds one student, whose indicators were computed as of the aggregate's date. Throws
// std::invalid_argument as subgroups_of does.
void add_student(GroupAggregates& aggregates, const Student& student,
                 const StudentIndicators& indicators);

}  // namespace homeroom::metrics
