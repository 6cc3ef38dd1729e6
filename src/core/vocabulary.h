// The closed sets of codes the native bundle accepts (docs/data-format.md lists the same).
#pragma once

#include <array>
#include <string_view>

#include "core/records.h"

namespace homeroom::vocabulary {

inline constexpr std::array<std::string_view, 6> k_school_levels = {
    "elementary", "middle", "high", "k8", "k12", "other"};
inline constexpr std::array<std::string_view, 14> k_grades = {
    "PK", "K", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"};
inline constexpr std::array<std::string_view, 3> k_genders = {"F", "M", "X"};
inline constexpr std::array<std::string_view, 8> k_race_ethnicities = {
    "american_indian",  "asian", "black",       "hispanic",
    "pacific_islander", "white", "two_or_more", "not_reported"};
inline constexpr std::array<std::string_view, 4> k_channels = {"email", "sms", "both", "none"};
inline constexpr std::array<std::string_view, 9> k_relationships = {
    "mother",     "father",  "guardian", "grandparent", "foster_parent",
    "stepparent", "sibling", "self",     "other"};
inline constexpr std::array<std::string_view, 5> k_attendance_statuses = {
    "present", "excused", "unexcused", "tardy", "partial"};
inline constexpr std::array<std::string_view, 8> k_subjects = {
    "ela",  "math", "science", "social_studies", "arts", "physical_education", "world_language",
    "other"};
inline constexpr std::array<std::string_view, 8> k_incident_types = {
    "disruption", "defiance", "fighting",   "bullying",
    "harassment", "weapons",  "substances", "other"};
inline constexpr std::array<std::string_view, 6> k_discipline_actions = {
    "none", "detention", "in_school_suspension", "out_of_school_suspension", "expulsion", "other"};
inline constexpr std::array<std::string_view, 6> k_staff_roles = {
    "teacher", "principal", "assistant_principal", "counselor", "administrator", "other"};
// What an agreement may allow a partner to receive (issue: community partners).
inline constexpr std::array<std::string_view, 12> k_shareable_fields = {"name",
                                                                        "grade",
                                                                        "school",
                                                                        "attendance_rate",
                                                                        "absences_by_week",
                                                                        "chronic_absence",
                                                                        "marks",
                                                                        "assessment_levels",
                                                                        "early_warning_flags",
                                                                        "incidents",
                                                                        "demographics",
                                                                        "learner_profile"};

AttendanceStatus attendance_status_from_code(std::string_view code);  // code must be valid
std::string_view to_code(AttendanceStatus status);

template <std::size_t N>
constexpr bool contains(const std::array<std::string_view, N>& set, std::string_view code) {
    for (auto c : set)
        if (c == code)
            return true;
    return false;
}

}  // namespace homeroom::vocabulary
