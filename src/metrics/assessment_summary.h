// The latest assessment result per subject, for proficiency.
#pragma once

#include <span>
#include <vector>

#include "core/records.h"

namespace homeroom::metrics {

// One result per subject, sorted by subject: the latest dated on or before the as-of date (on one
// day, the last by test name, then the higher performance level).
std::vector<AssessmentResult> latest_assessments(std::span<const AssessmentResult> results,
                                                 Date as_of);

}  // namespace homeroom::metrics
