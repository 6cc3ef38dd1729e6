#include "metrics/grade_scale.h"

#include <cmath>

namespace homeroom::metrics {

int LetterGrade::points_hundredths() const {
    return static_cast<int>(std::lround(points * 100));
}

const LetterGrade* GradeScale::find(std::string_view letter) const {
    for (const LetterGrade& grade : letters)
        if (grade.letter == letter)
            return &grade;
    return nullptr;
}

std::string_view GradeScale::letter_for_percent(double percent) const {
    const PercentCutoff* best = nullptr;
    for (const PercentCutoff& cutoff : percent_cutoffs)
        if (percent >= cutoff.minimum_percent &&
            (best == nullptr || cutoff.minimum_percent > best->minimum_percent))
            best = &cutoff;
    return best != nullptr ? std::string_view(best->letter)
                           : std::string_view(below_cutoffs_letter);
}

}  // namespace homeroom::metrics
