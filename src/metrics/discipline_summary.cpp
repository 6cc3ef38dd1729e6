#include "metrics/discipline_summary.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace homeroom::metrics {

DisciplineSummary summarize_discipline(std::span<const Incident> incidents,
                                       std::span<const DisciplineAction> actions, Date as_of) {
    DisciplineSummary summary;
    std::vector<std::string_view> counted;
    for (const Incident& incident : incidents)
        if (incident.date <= as_of)
            counted.push_back(incident.id);
    std::sort(counted.begin(), counted.end());
    counted.erase(std::unique(counted.begin(), counted.end()), counted.end());
    summary.incidents = static_cast<int>(counted.size());
    for (const DisciplineAction& action : actions) {
        if (!std::binary_search(counted.begin(), counted.end(),
                                std::string_view(action.incident_id)))
            continue;
        if (action.action == "in_school_suspension") {
            ++summary.in_school_suspensions;
            summary.in_school_suspension_days += action.days;
        } else if (action.action == "out_of_school_suspension") {
            ++summary.out_of_school_suspensions;
            summary.out_of_school_suspension_days += action.days;
        } else if (action.action == "expulsion") {
            ++summary.expulsions;
        }
    }
    return summary;
}

}  // namespace homeroom::metrics
