#include "metrics/student_changes.h"

#include <algorithm>
#include <string_view>
#include <tuple>

#include "metrics/gpa.h"

namespace homeroom::metrics {
namespace {

auto mark_key(const SectionMark& m) {
    return std::tie(m.mark.section_id, m.mark.marking_period_id);
}

void sort_incidents(std::vector<Incident>& incidents) {
    std::sort(incidents.begin(), incidents.end(), [](const Incident& a, const Incident& b) {
        return std::tie(a.date, a.id) < std::tie(b.date, b.id);
    });
}

}  // namespace

std::vector<MarkChange> new_marks(std::span<const SectionMark> before,
                                  std::span<const SectionMark> now, const GradeScale& scale) {
    std::vector<const SectionMark*> previous;
    previous.reserve(before.size());
    for (const SectionMark& mark : before) previous.push_back(&mark);
    const auto by_key = [](const SectionMark* a, const SectionMark* b) {
        return mark_key(*a) < mark_key(*b);
    };
    std::sort(previous.begin(), previous.end(), by_key);

    std::vector<MarkChange> changes;
    for (const SectionMark& mark : now) {
        const auto found = std::lower_bound(previous.begin(), previous.end(), &mark, by_key);
        const bool existed = found != previous.end() && mark_key(**found) == mark_key(mark);
        if (existed && (*found)->mark.letter == mark.mark.letter &&
            (*found)->mark.percent == mark.mark.percent)
            continue;
        MarkChange change{mark, std::nullopt, is_failing(mark.mark, scale)};
        if (existed)
            change.previous = (*found)->mark;
        changes.push_back(std::move(change));
    }
    std::sort(changes.begin(), changes.end(), [](const MarkChange& a, const MarkChange& b) {
        return std::tie(a.mark.period.start_date, a.mark.mark.section_id) <
               std::tie(b.mark.period.start_date, b.mark.mark.section_id);
    });
    return changes;
}

std::vector<Incident> new_incidents(std::span<const Incident> before,
                                    std::span<const Incident> now) {
    std::vector<std::string_view> known;
    known.reserve(before.size());
    for (const Incident& incident : before) known.push_back(incident.id);
    std::sort(known.begin(), known.end());
    std::vector<Incident> added;
    for (const Incident& incident : now)
        if (!std::binary_search(known.begin(), known.end(), std::string_view(incident.id)))
            added.push_back(incident);
    sort_incidents(added);
    return added;
}

std::vector<Incident> incidents_since(std::span<const Incident> incidents, Date since, Date as_of) {
    std::vector<Incident> recent;
    for (const Incident& incident : incidents)
        if (since < incident.date && incident.date <= as_of)
            recent.push_back(incident);
    sort_incidents(recent);
    return recent;
}

StudentChanges changes_between(const StudentRecords& before_records,
                               const StudentIndicators& before, const StudentRecords& now_records,
                               const StudentIndicators& now, const GradeScale& scale) {
    StudentChanges changes;
    changes.flags = flag_changes(before.flags, now.flags);
    changes.marks = new_marks(before_records.marks, now_records.marks, scale);
    std::vector<Incident> current;
    for (const Incident& incident : now_records.incidents)
        if (incident.date <= now.as_of)
            current.push_back(incident);
    changes.incidents = new_incidents(before_records.incidents, current);
    return changes;
}

}  // namespace homeroom::metrics
