// Short texts teachers and staff write: mark comments, incident descriptions, learner profiles.
// Some are deliberately awkward (commas, quotes, line breaks, a leading "-" or "=", markup) so
// every writer downstream has to escape them.
#pragma once

#include <span>
#include <string_view>

namespace homeroom::sample {

// "{first}" in a comment stands for the student's first (or preferred) name.
std::span<const std::string_view> mark_comments();
// Text that tries to run script or formulas wherever it is not escaped.
std::span<const std::string_view> hostile_comments();
// Descriptions by incident type code (falls back to "other").
std::span<const std::string_view> incident_descriptions(std::string_view type);
std::span<const std::string_view> profile_strengths();
std::span<const std::string_view> profile_needs();
std::span<const std::string_view> profile_interests();
std::span<const std::string_view> profile_goals();

}  // namespace homeroom::sample
