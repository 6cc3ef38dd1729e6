#include "render/code_labels.h"

#include "render/translatable.h"

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
        {"ela", translatable("English language arts")},
        {"math", translatable("Mathematics")},
        {"science", translatable("Science")},
        {"social_studies", translatable("Social studies")},
        {"arts", translatable("Arts")},
        {"physical_education", translatable("Physical education")},
        {"world_language", translatable("World language")},
        {"other", translatable("Other")}};
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
        {"disruption", translatable("Disruption")}, {"defiance", translatable("Defiance")},
        {"fighting", translatable("Fighting")},     {"bullying", translatable("Bullying")},
        {"harassment", translatable("Harassment")}, {"weapons", translatable("Weapons")},
        {"substances", translatable("Substances")}, {"other", translatable("Other")}};
    return lookup(k_labels, code, l);
}

std::string discipline_action_label(std::string_view code, const Localizer& l) {
    static const std::map<std::string_view, std::string_view> k_labels = {
        {"none", translatable("No action")},
        {"detention", translatable("Detention")},
        {"in_school_suspension", translatable("In-school suspension")},
        {"out_of_school_suspension", translatable("Out-of-school suspension")},
        {"expulsion", translatable("Expulsion")},
        {"other", translatable("Other action")}};
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
        {"attendance", translatable("Attendance")},
        {"behavior", translatable("Behavior")},
        {"course_performance", translatable("Course performance")}};
    return lookup(k_labels, flag_code, l);
}

std::string subgroup_label(std::string_view dimension, std::string_view code, const Localizer& l) {
    static const std::map<std::string_view, std::string_view> k_codes = {
        {"all", translatable("All students")},
        {"F", translatable("Female")},
        {"M", translatable("Male")},
        {"X", translatable("Nonbinary")},
        {"american_indian", translatable("American Indian or Alaska Native")},
        {"asian", translatable("Asian")},
        {"black", translatable("Black or African American")},
        {"hispanic", translatable("Hispanic or Latino")},
        {"pacific_islander", translatable("Native Hawaiian or Pacific Islander")},
        {"white", translatable("White")},
        {"two_or_more", translatable("Two or more races")},
        {"not_reported", translatable("Not reported")}};
    if (code == std::string_view("yes") || code == std::string_view("no")) {
        static const std::map<std::string_view, std::pair<std::string_view, std::string_view>>
            k_yes_no = {{"english_learner",
                         {translatable("English learners"), translatable("Not English learners")}},
                        {"special_education",
                         {translatable("Students with disabilities"),
                          translatable("Students without disabilities")}},
                        {"economically_disadvantaged",
                         {translatable("Economically disadvantaged"),
                          translatable("Not economically disadvantaged")}}};
        const auto it = k_yes_no.find(dimension);
        if (it != k_yes_no.end())
            return l.text(code == "yes" ? it->second.first : it->second.second);
    }
    return lookup(k_codes, code, l);
}

}  // namespace homeroom::render
