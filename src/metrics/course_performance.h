// Marks by section and marking period, the GPA and failing courses of one student as of a date.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "metrics/gpa.h"
#include "metrics/student_records.h"

namespace homeroom::metrics {

struct SectionMarks {
    std::string section_id;
    std::string subject;
    // The marks of marking periods begun by the as-of date, earliest period first; never empty.
    std::vector<SectionMark> marks;
    // Of the latest mark, which is the one that counts for the GPA and the flags.
    std::optional<int> points_hundredths;  // none for P, I
    bool failing = false;

    const SectionMark& latest() const { return marks.back(); }
};

struct CoursePerformance {
    std::vector<SectionMarks> sections;            // by section id
    std::optional<Gpa> gpa;                        // none without a graded latest mark
    std::vector<std::string> failing_section_ids;  // sorted

    bool has_failing_section_in(std::span<const std::string> subjects) const;
};

// A mark counts as of a date when its marking period has begun by then; a section's latest mark is
// the one of the marking period that began last (ties: ended last, then by period id).
CoursePerformance summarize_courses(std::span<const SectionMark> marks, Date as_of,
                                    const GradeScale& scale);

}  // namespace homeroom::metrics
