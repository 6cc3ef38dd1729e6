// Grade points of one mark and the grade point average of several.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/records.h"
#include "metrics/grade_scale.h"

namespace homeroom::metrics {

// The letter a mark counts as: its own letter when it has one (the teacher's letter decides over a
// percent given with it), else its percent through the scale's cut-offs; empty with neither.
// The view points into the mark or the scale.
std::string_view effective_letter(const Mark& mark, const GradeScale& scale);

// Grade points in hundredths (A- = 370); none for a letter outside the scale (P, I).
std::optional<int> grade_points_hundredths(const Mark& mark, const GradeScale& scale);

// F on the default scale, or a percent-only mark below the lowest cut-off (60).
bool is_failing(const Mark& mark, const GradeScale& scale);

// Kept as an exact sum of hundredths and a count, so that "below 2.0" is decided exactly.
struct Gpa {
    std::int64_t total_points_hundredths = 0;
    int graded_courses = 0;

    void add(int points_hundredths);
    double value() const;  // 0 without graded courses
    bool is_below(double threshold) const;

    friend bool operator==(const Gpa&, const Gpa&) = default;
};

}  // namespace homeroom::metrics
