#include "notify/child_week.h"

#include <algorithm>

namespace homeroom::notify {
namespace {

WeekMark week_mark(const metrics::SectionMark& m, bool failing, bool changed,
                   const std::map<std::string, render::SectionInfo, std::less<>>& sections) {
    const auto section = sections.find(m.mark.section_id);
    return WeekMark{section == sections.end() ? m.mark.section_id : section->second.title,
                    m.period.name,
                    m.mark.letter,
                    m.mark.percent,
                    failing,
                    changed};
}

}  // namespace

ChildWeek summarize_child_week(const ChildWeekInput& in) {
    const Student& s = in.records.student;
    ChildWeek c;
    c.student_id = s.id;
    c.first_name = s.preferred_name.empty() ? s.first_name : s.preferred_name;
    c.last_name = s.last_name;

    const Date monday = in.week.week_start();
    const Date sunday = monday.plus_days(6);
    for (const auto& e : metrics::events_between(in.indicators.attendance, monday, sunday))
        c.attendance.push_back(e);

    if (in.changes) {
        for (const auto& m : in.changes->marks)
            c.new_marks.push_back(
                week_mark(m.mark, m.failing, m.previous.has_value(), in.sections));
        for (const auto& i : in.changes->incidents) c.new_incidents.push_back({i.date, i.type});
        c.flag_changes = in.changes->flags;
    } else {
        for (const auto& i : metrics::incidents_since(in.records.incidents, monday.plus_days(-1),
                                                      in.indicators.as_of))
            c.new_incidents.push_back({i.date, i.type});
    }

    for (const auto& section : in.indicators.courses.sections)
        if (section.failing)
            c.failing_marks.push_back(week_mark(section.latest(), true, false, in.sections));
    return c;
}

std::string child_page_url(const ChildWeek& child, std::string_view language) {
    const bool published = std::find(child.page_languages.begin(), child.page_languages.end(),
                                     language) != child.page_languages.end();
    return child.page_url_prefix + (published ? std::string(language) : std::string("en")) +
           ".html";
}

}  // namespace homeroom::notify
