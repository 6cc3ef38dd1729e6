#include "partners/shareable_fields.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/vocabulary.h"

namespace homeroom::partners {
namespace {

// Marks the labels for scripts/extract-messages.py (xgettext keyword "translatable", as in
// render/translatable.h, which this module cannot include): the partner page translates them
// through Localizer::text.
constexpr std::string_view translatable(std::string_view msgid) {
    return msgid;
}

// Same order as vocabulary::k_shareable_fields (checked by the tests).
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> k_labels = {{
    {"name", translatable("Name")},
    {"grade", translatable("Grade")},
    {"school", translatable("School")},
    {"attendance_rate", translatable("Attendance rate (%)")},
    {"absences_by_week", translatable("Absences by week")},
    {"chronic_absence", translatable("Chronically absent")},
    {"marks", translatable("Marks")},
    {"assessment_levels", translatable("Assessment levels")},
    {"early_warning_flags", translatable("Early-warning flags")},
    {"incidents", translatable("Incidents")},
    {"demographics", translatable("Demographics")},
    {"learner_profile", translatable("Learner profile")},
}};

}  // namespace

bool is_shareable_field(std::string_view field) {
    return vocabulary::contains(vocabulary::k_shareable_fields, field);
}

std::vector<std::string> ordered_fields(std::span<const std::string> fields) {
    std::vector<std::string> out;
    for (const auto known : vocabulary::k_shareable_fields)
        if (std::find(fields.begin(), fields.end(), known) != fields.end())
            out.emplace_back(known);
    return out;
}

std::string_view field_label(std::string_view field) {
    for (const auto& [code, label] : k_labels)
        if (code == field)
            return label;
    return {};
}

}  // namespace homeroom::partners
