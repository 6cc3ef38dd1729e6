#include "site/snapshot_index.h"

#include <set>

namespace homeroom::site {
namespace {

std::string teacher_name(const StaffMember& s) {
    return s.first_name + " " + s.last_name;
}

}  // namespace

SnapshotIndex index_snapshot(const SnapshotTables& t, Date as_of) {
    SnapshotIndex x;
    x.as_of = as_of;
    for (const auto& s : t.schools) x.schools.emplace(s.id, s);
    std::map<std::string, std::vector<CalendarDay>> days;
    for (const auto& d : t.calendar) days[d.school_id].push_back(d);
    for (const auto& s : t.schools) {
        const auto it = days.find(s.id);
        // A school that sent no calendar: every weekday of the past year counts.
        x.calendars.emplace(
            s.id, it == days.end()
                      ? metrics::SchoolCalendar::every_weekday(as_of.plus_days(-365), as_of)
                      : metrics::SchoolCalendar::from_calendar_days(it->second));
    }
    std::map<std::string, const StaffMember*> staff;
    for (const auto& s : t.staff) staff.emplace(s.id, &s);
    for (const auto& s : t.sections) {
        x.sections.emplace(s.id, s);
        const auto teacher = staff.find(s.staff_id);
        x.section_info.emplace(
            s.id,
            render::SectionInfo{s.course_title,
                                teacher == staff.end() ? "" : teacher_name(*teacher->second)});
    }
    for (const auto& p : t.marking_periods) {
        x.periods.emplace(p.id, p);
        if (p.start_date <= as_of)
            x.periods_begun.push_back(p);
    }
    for (const auto& c : t.contacts) x.contacts.emplace(c.id, c);
    for (const auto& l : t.links) x.links.emplace(l.student_id, l);
    return x;
}

metrics::StudentRecords to_records(const StudentRows& rows, const SnapshotIndex& x) {
    metrics::StudentRecords r;
    r.student = rows.student;
    r.attendance = rows.attendance;
    for (const auto& m : rows.marks) {
        const auto section = x.sections.find(m.section_id);
        const auto period = x.periods.find(m.marking_period_id);
        if (section == x.sections.end() || period == x.periods.end())
            continue;
        r.marks.push_back(metrics::SectionMark{m, section->second.subject, period->second});
    }
    r.assessments = rows.assessments;
    r.incidents = rows.incidents;
    r.discipline_actions = rows.discipline_actions;
    return r;
}

std::vector<std::string> page_languages(const StudentRows& rows, const SnapshotIndex& x,
                                        const render::LocalizerSet& localizers) {
    std::set<std::string> wanted;
    const auto [first, last] = x.links.equal_range(rows.student.id);
    for (auto it = first; it != last; ++it) {
        const auto& link = it->second;
        if (!link.educational_rights || link.no_contact)
            continue;
        const auto contact = x.contacts.find(link.contact_id);
        if (contact != x.contacts.end())
            wanted.insert(contact->second.preferred_language);
    }
    std::vector<std::string> out{"en"};
    for (const auto& lang : localizers.languages())
        if (lang != "en" && wanted.count(lang))
            out.push_back(lang);
    return out;
}

}  // namespace homeroom::site
