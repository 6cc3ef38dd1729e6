#include "render/code_labels.h"

#include <map>

namespace homeroom::render {
namespace {

std::string lookup(const std::map<std::string_view, std::string_view>& table, std::string_view code,
                   const Localizer& l) {
    const auto it = table.find(code);
    return it == table.end() ? std::string(code) : l.text(it->second);
}

}  // namespace

std::string subject_label(std::string_view code, const Localizer& l) {
    static const std::map<std::string_view, std::string_view> k_labels = {
        {"ela", "English language arts"},
        {"math", "Mathematics"},
        {"science", "Science"},
        {"social_studies", "Social studies"},
        {"arts", "Arts"},
        {"physical_education", "Physical education"},
        {"world_language", "World language"},
        {"other", "Other"}};
    return lookup(k_labels, code, l);
}

std::string attendance_status_label(AttendanceStatus status, const Localizer& l) {
    switch (status) {
        case AttendanceStatus::present:
            return l.text("Present");
        case AttendanceStatus::excused:
            return l.text("Absent (excused)");
        case AttendanceStatus::unexcused:
            return l.text("Absent (unexcused)");
        case AttendanceStatus::tardy:
            return l.text("Late");
        case AttendanceStatus::partial:
            return l.text("Part of the day");
    }
    return {};
}

std::string incident_type_label(std::string_view code, const Localizer& l) {
    static const std::map<std::string_view, std::string_view> k_labels = {
        {"disruption", "Disruption"}, {"defiance", "Defiance"},
        {"fighting", "Fighting"},     {"bullying", "Bullying"},
        {"harassment", "Harassment"}, {"weapons", "Weapons"},
        {"substances", "Substances"}, {"other", "Other"}};
    return lookup(k_labels, code, l);
}

std::string discipline_action_label(std::string_view code, const Localizer& l) {
    static const std::map<std::string_view, std::string_view> k_labels = {
        {"none", "No action"},
        {"detention", "Detention"},
        {"in_school_suspension", "In-school suspension"},
        {"out_of_school_suspension", "Out-of-school suspension"},
        {"expulsion", "Expulsion"},
        {"other", "Other action"}};
    return lookup(k_labels, code, l);
}

std::string grade_label(std::string_view grade, const Localizer& l) {
    if (grade == "PK")
        return l.text("Pre-kindergarten");
    if (grade == "K")
        return l.text("Kindergarten");
    std::string pattern = l.text("Grade {{grade}}");
    const auto at = pattern.find("{{grade}}");
    if (at != std::string::npos)
        pattern.replace(at, 9, grade);
    return pattern;
}

std::string flag_label(std::string_view flag_code, const Localizer& l) {
    static const std::map<std::string_view, std::string_view> k_labels = {
        {"attendance", "Attendance"},
        {"behavior", "Behavior"},
        {"course_performance", "Course performance"}};
    return lookup(k_labels, flag_code, l);
}

std::string subgroup_label(std::string_view dimension, std::string_view code, const Localizer& l) {
    static const std::map<std::string_view, std::string_view> k_codes = {
        {"all", "All students"},
        {"F", "Female"},
        {"M", "Male"},
        {"X", "Nonbinary"},
        {"american_indian", "American Indian or Alaska Native"},
        {"asian", "Asian"},
        {"black", "Black or African American"},
        {"hispanic", "Hispanic or Latino"},
        {"pacific_islander", "Native Hawaiian or Pacific Islander"},
        {"white", "White"},
        {"two_or_more", "Two or more races"},
        {"not_reported", "Not reported"}};
    if (code == "yes" || code == "no") {
        static const std::map<std::string_view, std::pair<std::string_view, std::string_view>>
            k_yes_no = {{"english_learner", {"English learners", "Not English learners"}},
                        {"special_education",
                         {"Students with disabilities", "Students without disabilities"}},
                        {"economically_disadvantaged",
                         {"Economically disadvantaged", "Not economically disadvantaged"}}};
        const auto it = k_yes_no.find(dimension);
        if (it != k_yes_no.end())
            return l.text(code == "yes" ? it->second.first : it->second.second);
    }
    return lookup(k_codes, code, l);
}

}  // namespace homeroom::render
