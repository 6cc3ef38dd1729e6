#include "metrics/gpa.h"

#include <cmath>

namespace homeroom::metrics {

std::string_view effective_letter(const Mark& mark, const GradeScale& scale) {
    if (!mark.letter.empty())
        return mark.letter;
    if (mark.percent)
        return scale.letter_for_percent(*mark.percent);
    return {};
}

std::optional<int> grade_points_hundredths(const Mark& mark, const GradeScale& scale) {
    const LetterGrade* grade = scale.find(effective_letter(mark, scale));
    if (grade == nullptr)
        return std::nullopt;
    return grade->points_hundredths();
}

bool is_failing(const Mark& mark, const GradeScale& scale) {
    const LetterGrade* grade = scale.find(effective_letter(mark, scale));
    return grade != nullptr && grade->failing;
}

void Gpa::add(int points_hundredths) {
    total_points_hundredths += points_hundredths;
    ++graded_courses;
}

double Gpa::value() const {
    if (graded_courses == 0)
        return 0;
    return static_cast<double>(total_points_hundredths) / 100.0 / graded_courses;
}

bool Gpa::is_below(double threshold) const {
    return total_points_hundredths < std::llround(threshold * 100) * graded_courses;
}

}  // namespace homeroom::metrics
