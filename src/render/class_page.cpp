#include "render/class_page.h"

#include "render/code_labels.h"

namespace homeroom::render {

mstch::map class_page_context(const ClassPageData& d, const PageChrome& chrome,
                              const Localizer& l) {
    mstch::map c = chrome_context(chrome, l);
    c["section_title"] = d.section.course_title;
    c["course_code"] = d.section.course_code;
    c["school_name"] = d.school.name;
    c["teacher"] = d.teacher;
    c["as_of_text"] = l.date(d.as_of, DateStyle::long_form);
    c["subject"] = subject_label(d.section.subject, l);
    c["student_count_text"] =
        l.plural("%d student", "%d students", static_cast<long long>(d.roster.size()));
    int flagged = 0, chronic = 0;
    mstch::array rows;
    for (const auto& r : d.roster) {
        const int flags = r.flag_attendance + r.flag_behavior + r.flag_course;
        flagged += flags > 0;
        chronic += r.chronically_absent;
        std::string flag_text;
        if (r.flag_attendance)
            flag_text += "A";
        if (r.flag_behavior)
            flag_text += flag_text.empty() ? "B" : " B";
        if (r.flag_course)
            flag_text += flag_text.empty() ? "C" : " C";
        rows.push_back(mstch::map{
            {"name", r.student_name},
            {"href", r.page_href},
            {"grade", grade_label(r.grade, l)},
            {"rate", r.attendance_rate ? l.percent(*r.attendance_rate, 1) : std::string("–")},
            {"absences", l.number(r.absences)},
            {"chronic", r.chronically_absent},
            {"chronic_text", r.chronically_absent ? l.text("Yes") : l.text("No")},
            {"flags", flag_text.empty() ? std::string("–") : flag_text},
            {"flagged", flags > 0},
            {"mark", r.mark.empty() ? std::string("–") : r.mark},
            {"failing", r.failing}});
    }
    c["roster"] = rows;
    c["flagged_text"] = l.plural("%d student with an early-warning flag",
                                 "%d students with an early-warning flag", flagged);
    c["chronic_count_text"] =
        l.plural("%d student chronically absent", "%d students chronically absent", chronic);
    return c;
}

}  // namespace homeroom::render
