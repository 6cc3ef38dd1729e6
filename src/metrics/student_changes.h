// What is new for a student since the previous snapshot: the parent digest's "changes in
// early-warning status", "new or low grades" and "incidents".
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "metrics/early_warning.h"
#include "metrics/grade_scale.h"
#include "metrics/student_indicators.h"
#include "metrics/student_records.h"

namespace homeroom::metrics {

struct MarkChange {
    SectionMark mark;
    std::optional<Mark> previous;  // the mark it replaces; none for a new mark
    bool failing = false;
};

// Marks carry no date, so "new" is by comparison with the previous snapshot: a (section, marking
// period) without a mark before, or whose letter or percent changed (a comment alone is not a new
// mark). Sorted by marking period start, then section id.
std::vector<MarkChange> new_marks(std::span<const SectionMark> before,
                                  std::span<const SectionMark> now, const GradeScale& scale);

// Incidents whose id the previous snapshot did not have, so that an incident entered late with an
// earlier date is still reported. Sorted by date, then id.
std::vector<Incident> new_incidents(std::span<const Incident> before,
                                    std::span<const Incident> now);

// Incidents dated after `since` and on or before `as_of`, sorted by date, then id: for a first
// digest, when there is no previous snapshot to compare with.
std::vector<Incident> incidents_since(std::span<const Incident> incidents, Date since, Date as_of);

struct StudentChanges {
    std::vector<FlagChange> flags;
    std::vector<MarkChange> marks;
    std::vector<Incident> incidents;

    bool empty() const { return flags.empty() && marks.empty() && incidents.empty(); }
};

StudentChanges changes_between(const StudentRecords& before_records,
                               const StudentIndicators& before, const StudentRecords& now_records,
                               const StudentIndicators& now, const GradeScale& scale);

}  // namespace homeroom::metrics
