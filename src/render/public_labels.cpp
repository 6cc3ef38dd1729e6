#include "render/public_labels.h"

#include "render/code_labels.h"

namespace homeroom::render {

std::string measure_label(const metrics::MeasureId& measure, const Localizer& l) {
    using metrics::Measure;
    switch (measure.measure) {
        case Measure::enrollment:
            return l.text("Students enrolled");
        case Measure::attendance_rate:
            return l.text("Attendance rate");
        case Measure::chronic_absenteeism:
            return l.text("Chronic absenteeism");
        case Measure::suspension_rate:
            return l.text("Suspension rate");
        case Measure::proficiency:
            return subject_label(measure.subject, l);
        case Measure::attendance_flag:
            return l.text("Attendance flag");
        case Measure::behavior_flag:
            return l.text("Behavior flag");
        case Measure::course_performance_flag:
            return l.text("Course performance flag");
        case Measure::no_flags:
            return l.text("No flags");
        case Measure::one_flag:
            return l.text("1 flag");
        case Measure::two_flags:
            return l.text("2 flags");
        case Measure::three_flags:
            return l.text("3 flags");
    }
    return {};
}

std::string proficiency_label(std::string_view subject, const Localizer& l) {
    return fill_placeholder(l.text("Proficient in {{subject}}"), "subject",
                            subject_label(subject, l));
}

std::string dimension_label(metrics::SubgroupDimension dimension, const Localizer& l) {
    using metrics::SubgroupDimension;
    switch (dimension) {
        case SubgroupDimension::all_students:
            return {};
        case SubgroupDimension::gender:
            return l.text("Gender");
        case SubgroupDimension::race_ethnicity:
            return l.text("Race and ethnicity");
        case SubgroupDimension::english_learner:
            return l.text("English learners");
        case SubgroupDimension::special_education:
            return l.text("Special education");
        case SubgroupDimension::economically_disadvantaged:
            return l.text("Economic status");
    }
    return {};
}

std::string subgroup_name(std::size_t index, const Localizer& l) {
    const metrics::Subgroup& group = metrics::k_subgroups.at(index);
    return subgroup_label(metrics::to_code(group.dimension), group.code, l);
}

std::string school_level_label(std::string_view level, const Localizer& l) {
    if (level == "elementary")
        return l.text("Elementary school");
    if (level == "middle")
        return l.text("Middle school");
    if (level == "high")
        return l.text("High school");
    if (level == "k8")
        return l.text("Kindergarten to grade 8");
    if (level == "k12")
        return l.text("Kindergarten to grade 12");
    return l.text("School");
}

std::string fill_placeholder(std::string pattern, std::string_view name, std::string_view value) {
    const std::string token = "{{" + std::string(name) + "}}";
    for (std::size_t at = pattern.find(token); at != std::string::npos;
         at = pattern.find(token, at + value.size()))
        pattern.replace(at, token.size(), value);
    return pattern;
}

}  // namespace homeroom::render
