#include "metrics/assessment_summary.h"

#include <algorithm>
#include <tuple>

namespace homeroom::metrics {

std::vector<AssessmentResult> latest_assessments(std::span<const AssessmentResult> results,
                                                 Date as_of) {
    std::vector<const AssessmentResult*> taken;
    for (const AssessmentResult& result : results)
        if (result.date <= as_of)
            taken.push_back(&result);
    const auto key = [](const AssessmentResult* r) {
        return std::tie(r->subject, r->date, r->test, r->performance_level, r->scale_score,
                        r->proficient);
    };
    std::sort(
        taken.begin(), taken.end(),
        [&](const AssessmentResult* a, const AssessmentResult* b) { return key(a) < key(b); });
    std::vector<AssessmentResult> latest;
    for (std::size_t i = 0; i < taken.size(); ++i)
        if (i + 1 == taken.size() || taken[i + 1]->subject != taken[i]->subject)
            latest.push_back(*taken[i]);
    return latest;
}

}  // namespace homeroom::metrics
