#include "metrics/course_performance.h"

#include <algorithm>
#include <tuple>

namespace homeroom::metrics {
namespace {

auto order_key(const SectionMark& m) {
    return std::tie(m.mark.section_id, m.period.start_date, m.period.end_date, m.period.id);
}

}  // namespace

bool CoursePerformance::has_failing_section_in(std::span<const std::string> subjects) const {
    for (const SectionMarks& section : sections)
        if (section.failing &&
            std::find(subjects.begin(), subjects.end(), section.subject) != subjects.end())
            return true;
    return false;
}

CoursePerformance summarize_courses(std::span<const SectionMark> marks, Date as_of,
                                    const GradeScale& scale) {
    std::vector<const SectionMark*> begun;
    begun.reserve(marks.size());
    for (const SectionMark& mark : marks)
        if (mark.period.start_date <= as_of)
            begun.push_back(&mark);
    std::sort(begun.begin(), begun.end(), [](const SectionMark* a, const SectionMark* b) {
        return order_key(*a) < order_key(*b);
    });

    CoursePerformance performance;
    for (const SectionMark* mark : begun) {
        if (performance.sections.empty() ||
            performance.sections.back().section_id != mark->mark.section_id)
            performance.sections.push_back({mark->mark.section_id, {}, {}, {}, false});
        performance.sections.back().marks.push_back(*mark);
    }
    Gpa gpa;
    for (SectionMarks& section : performance.sections) {
        const Mark& latest = section.latest().mark;
        section.subject = section.latest().subject;
        section.points_hundredths = grade_points_hundredths(latest, scale);
        section.failing = is_failing(latest, scale);
        if (section.points_hundredths)
            gpa.add(*section.points_hundredths);
        if (section.failing)
            performance.failing_section_ids.push_back(section.section_id);
    }
    if (gpa.graded_courses > 0)
        performance.gpa = gpa;
    return performance;
}

}  // namespace homeroom::metrics
