#include "partners/extract_rows.h"

#include <charconv>
#include <stdexcept>

#include "core/formula_guard.h"
#include "metrics/early_warning.h"

namespace homeroom::partners {
namespace {

void append_item(std::string& list, std::string_view item) {
    if (!list.empty())
        list += "; ";
    list += item;
}

// One decimal, "." as separator whatever the locale.
std::string one_decimal(double value) {
    char buffer[32];
    const auto [end, ec] =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 1);
    return ec == std::errc() ? std::string(buffer, end) : std::string();
}

std::string yes_no(bool value) {
    return value ? "Y" : "N";
}

std::string name_of(const Student& s) {
    return s.first_name + " " + s.last_name;
}

std::string attendance_rate(const metrics::StudentIndicators& ind) {
    const auto rate = ind.attendance.counts.rate();
    return rate ? one_decimal(*rate * 100.0) : std::string();
}

std::string absences_by_week(const metrics::StudentIndicators& ind) {
    std::string out;
    for (const auto& week : ind.weeks)
        if (week.counts.enrolled_days > 0)
            append_item(
                out, week.week_start.to_string() + ": " + std::to_string(week.counts.absences()));
    return out;
}

std::string marks(const StudentFacts& f) {
    std::string out;
    for (const auto& section : f.indicators.courses.sections) {
        const auto title = f.course_titles.find(section.section_id);
        const Mark& m = section.latest().mark;
        std::string mark = m.letter;
        if (mark.empty() && m.percent)
            mark = one_decimal(*m.percent) + "%";
        append_item(out, (title == f.course_titles.end() ? section.section_id : title->second) +
                             ": " + mark);
    }
    return out;
}

std::string assessment_levels(const metrics::StudentIndicators& ind) {
    std::string out;
    for (const auto& a : ind.latest_assessments)
        append_item(out, a.test + " " + a.subject + ": level " +
                             std::to_string(a.performance_level) +
                             (a.proficient ? " (proficient)" : ""));
    return out;
}

std::string early_warning_flags(const metrics::StudentIndicators& ind) {
    std::string out;
    for (const auto flag : metrics::k_warning_flags)
        if (ind.flags.has(flag))
            append_item(out, metrics::to_code(flag));
    return out.empty() ? "none" : out;
}

// Dates and types only: an incident's description is free text that may name other students.
std::string incidents(const StudentFacts& f) {
    std::string out;
    for (const auto& i : f.records.incidents)
        if (i.date <= f.indicators.as_of)
            append_item(out, i.date.to_string() + " " + i.type);
    return out;
}

std::string demographics(const Student& s) {
    return "gender " + s.gender + "; race_ethnicity " + s.race_ethnicity + "; english_learner " +
           yes_no(s.english_learner) + "; special_education " + yes_no(s.special_education) +
           "; economically_disadvantaged " + yes_no(s.economically_disadvantaged) +
           "; home_language " + s.home_language;
}

std::string learner_profile(const LearnerProfile* p) {
    std::string out;
    if (p == nullptr)
        return out;
    const auto part = [&](std::string_view label, const std::string& text) {
        if (!text.empty())
            append_item(out, std::string(label) + ": " + text);
    };
    part("strengths", p->strengths);
    part("needs", p->needs);
    part("interests", p->interests);
    part("goals", p->goals);
    return out;
}

}  // namespace

std::string field_value(std::string_view field, const StudentFacts& f) {
    const Student& s = f.records.student;
    const auto& ind = f.indicators;
    if (field == "name")
        return name_of(s);
    if (field == "grade")
        return s.grade;
    if (field == "school")
        return f.school_name;
    if (field == "attendance_rate")
        return attendance_rate(ind);
    if (field == "absences_by_week")
        return absences_by_week(ind);
    if (field == "chronic_absence")
        return ind.meets_attendance_minimum ? yes_no(ind.chronically_absent) : std::string();
    if (field == "marks")
        return marks(f);
    if (field == "assessment_levels")
        return assessment_levels(ind);
    if (field == "early_warning_flags")
        return early_warning_flags(ind);
    if (field == "incidents")
        return incidents(f);
    if (field == "demographics")
        return demographics(s);
    if (field == "learner_profile")
        return learner_profile(f.profile);
    throw std::invalid_argument("\"" + std::string(field) + "\" is not a shareable field");
}

ExtractRow extract_row(std::span<const std::string> fields, const StudentFacts& facts) {
    ExtractRow row;
    row.student_id = facts.records.student.id;
    row.values.reserve(fields.size());
    for (const auto& field : fields)
        row.values.push_back(neutralize_formula(field_value(field, facts)));
    return row;
}

}  // namespace homeroom::partners
