// How marks turn into grade points and which marks are failing. The default is the common
// unweighted 4.0 scale; a district may replace it through IndicatorSettings.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace homeroom::metrics {

struct LetterGrade {
    std::string letter;
    double points = 0;
    bool failing = false;

    // Grade points are summed in hundredths so that a GPA compares exactly with a threshold
    // (2.3 + 1.7 is not 4.0 in binary floating point).
    int points_hundredths() const;
};

// A percent at or above `minimum_percent` earns `letter`.
struct PercentCutoff {
    double minimum_percent = 0;
    std::string letter;
};

struct GradeScale {
    // Letters outside this list (P, I, or a code the district does not grade) carry no grade
    // points: they are left out of the GPA and are never failing.
    std::vector<LetterGrade> letters = {{"A+", 4.0, false}, {"A", 4.0, false}, {"A-", 3.7, false},
                                        {"B+", 3.3, false}, {"B", 3.0, false}, {"B-", 2.7, false},
                                        {"C+", 2.3, false}, {"C", 2.0, false}, {"C-", 1.7, false},
                                        {"D+", 1.3, false}, {"D", 1.0, false}, {"D-", 0.7, false},
                                        {"F", 0.0, true}};
    // How a mark given only as a percent counts: the highest cut-off it reaches, in any order.
    std::vector<PercentCutoff> percent_cutoffs = {{90, "A"}, {80, "B"}, {70, "C"}, {60, "D"}};
    std::string below_cutoffs_letter = "F";

    const LetterGrade* find(std::string_view letter) const;
    std::string_view letter_for_percent(double percent) const;
};

}  // namespace homeroom::metrics
