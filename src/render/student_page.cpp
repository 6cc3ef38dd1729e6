#include "render/student_page.h"

#include <cmath>
#include <cstdio>

#include "render/code_labels.h"
#include "render/translatable.h"

namespace homeroom::render {
namespace {

std::string mark_text(const Mark& m, const Localizer& l) {
    std::string out = m.letter;
    if (m.percent) {
        const std::string pct =
            l.percent(*m.percent / 100.0, std::fmod(*m.percent, 1.0) == 0 ? 0 : 1);
        out = out.empty() ? pct : out + " (" + pct + ")";
    }
    return out;
}

std::string days_text(double days, const Localizer& l) {
    const auto whole = static_cast<long long>(std::llround(days));
    if (std::fabs(days - static_cast<double>(whole)) < 1e-9)
        return l.plural("%d day", "%d days", whole);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", days);
    return replace_count(l.text("%d days"), buf);
}

}  // namespace

std::string student_display_name(const Student& s) {
    const std::string& first = s.preferred_name.empty() ? s.first_name : s.preferred_name;
    return first + " " + s.last_name;
}

mstch::map student_page_context(const StudentPageData& d, const PageChrome& chrome,
                                const Localizer& l) {
    mstch::map c = chrome_context(chrome, l);
    const auto& ind = d.indicators;
    const auto& counts = ind.attendance.counts;

    c["student_name"] = student_display_name(d.rows.student);
    c["school_name"] = d.school.name;
    c["grade_text"] = grade_label(d.rows.student.grade, l);
    c["homeroom"] = d.rows.student.homeroom;
    c["as_of_text"] = l.date(ind.as_of, DateStyle::long_form);

    const auto rate = counts.rate();
    c["attendance_rate_text"] = rate ? l.percent(*rate, 1) : std::string("–");
    c["absences_text"] = l.plural("%d absence", "%d absences", counts.absences());
    c["tardies_text"] =
        l.plural("%d late arrival", "%d late arrivals", counts.tardies + counts.partials);
    c["chronic"] = ind.chronically_absent;
    c["chronic_text"] = ind.chronically_absent ? l.text("Yes") : l.text("No");
    c["gpa_text"] = ind.courses.gpa && ind.courses.gpa->graded_courses > 0
                        ? l.decimal(ind.courses.gpa->value(), 2)
                        : std::string("–");
    c["failing_text"] = l.plural("%d failing course", "%d failing courses",
                                 static_cast<long long>(ind.courses.failing_section_ids.size()));

    // Early-warning flags, always with words, never colour alone.
    struct FlagRow {
        const char* code;
        const char* letter;
        bool on;
        std::string_view rule;
    };
    const FlagRow flag_rows[] = {
        {"attendance", "A", ind.flags.attendance, translatable("attendance below 90%")},
        {"behavior", "B", ind.flags.behavior, translatable("one or more suspensions")},
        {"course_performance", "C", ind.flags.course_performance,
         translatable("a failing mark in English or math, or a GPA below 2.0")}};
    mstch::array flags;
    for (const auto& f : flag_rows)
        flags.push_back(mstch::map{{"letter", std::string(f.letter)},
                                   {"label", flag_label(f.code, l)},
                                   {"on", f.on},
                                   {"state", f.on ? l.text("needs attention") : l.text("on track")},
                                   {"rule", l.text(f.rule)}});
    c["flags"] = std::move(flags);

    mstch::array changes;
    if (d.changes) {
        for (const auto& fc : d.changes->flags) {
            const std::string label = flag_label(metrics::to_code(fc.flag), l);
            std::string text = l.text(fc.change == metrics::FlagChangeKind::raised
                                          ? translatable("New early-warning indicator: {{flag}}")
                                          : translatable("Back on track: {{flag}}"));
            if (const auto at = text.find("{{flag}}"); at != std::string::npos)
                text.replace(at, 8, label);
            changes.push_back(mstch::map{{"label", text}, {"detail", std::string()}});
        }
        for (const auto& mc : d.changes->marks) {
            const auto it = d.sections.find(mc.mark.mark.section_id);
            const std::string title =
                it == d.sections.end() ? mc.mark.mark.section_id : it->second.title;
            changes.push_back(mstch::map{{"label", l.text(mc.previous ? translatable("Changed mark")
                                                                      : translatable("New mark"))},
                                         {"detail", title + " — " + mark_text(mc.mark.mark, l) +
                                                        " (" + mc.mark.period.name + ")"}});
        }
        for (const auto& inc : d.changes->incidents)
            changes.push_back(mstch::map{{"label", l.text("New incident")},
                                         {"detail", incident_type_label(inc.type, l) + ", " +
                                                        l.date(inc.date, DateStyle::medium)}});
    }
    c["has_changes"] = !changes.empty();
    c["changes"] = std::move(changes);

    // This week and last week.
    const auto& week = ind.week;
    c["this_week_text"] = l.text("This week") + ": " +
                          l.plural("%d absence", "%d absences", week.this_week.counts.absences()) +
                          ", " +
                          l.plural("%d late arrival", "%d late arrivals",
                                   week.this_week.counts.tardies + week.this_week.counts.partials) +
                          ".";
    c["last_week_text"] = l.text("Last week") + ": " +
                          l.plural("%d absence", "%d absences", week.last_week.counts.absences()) +
                          ".";
    mstch::array events;
    for (const auto& e : week.this_week_events)
        events.push_back(mstch::map{{"date_text", l.date(e.date, DateStyle::medium)},
                                    {"status_text", attendance_status_label(e.status, l)}});
    c["has_week_events"] = !events.empty();
    c["week_events"] = std::move(events);

    if (d.chart_uri && !ind.weeks.empty()) {
        mstch::array rows;
        for (const auto& w : ind.weeks)
            rows.push_back(mstch::map{{"week", l.date(w.week_start, DateStyle::medium)},
                                      {"enrolled", l.number(w.counts.enrolled_days)},
                                      {"absent", l.number(w.counts.absences())}});
        mstch::map chart{
            {"alt", l.text("Bar chart of days absent in each week of the school year")},
            {"caption", l.text("Days absent, week by week")},
            {"width", std::string("720")},
            {"height", std::string("240")}};
        // Moved in, not listed above: an initializer list would copy the chart and its rows.
        chart.emplace("src", *d.chart_uri);
        chart.emplace("rows", std::move(rows));
        c["chart"] = std::move(chart);
    }

    // Courses: one row per section, one column per marking period begun.
    mstch::array periods;
    for (const auto& p : d.periods) periods.push_back(mstch::map{{"name", p.name}});
    c["periods"] = std::move(periods);
    mstch::array courses;
    const std::string colspan = std::to_string(d.periods.size() + 1);
    for (const auto& section : ind.courses.sections) {
        const auto info = d.sections.find(section.section_id);
        mstch::array cells;
        for (const auto& p : d.periods) {
            std::string text;
            for (const auto& m : section.marks)
                if (m.period.id == p.id)
                    text = mark_text(m.mark, l);
            cells.push_back(mstch::map{{"text", text}});
        }
        mstch::map course{
            {"title",
             info == d.sections.end() ? subject_label(section.subject, l) : info->second.title},
            {"teacher", info == d.sections.end() ? std::string() : info->second.teacher},
            {"failing", section.failing},
            {"comment", section.latest().mark.comment},
            {"colspan", colspan}};
        course.emplace("cells", std::move(cells));
        courses.push_back(std::move(course));
    }
    c["has_courses"] = !courses.empty();
    c["courses"] = std::move(courses);

    mstch::array assessments;
    for (const auto& a : ind.latest_assessments)
        assessments.push_back(
            mstch::map{{"subject", subject_label(a.subject, l)},
                       {"test", a.test},
                       {"date", l.date(a.date, DateStyle::medium)},
                       {"level", l.number(a.performance_level)},
                       {"proficient", a.proficient ? l.text("Yes") : l.text("No")}});
    c["has_assessments"] = !assessments.empty();
    c["assessments"] = std::move(assessments);

    mstch::array incidents;
    for (const auto& inc : d.rows.incidents) {
        if (inc.date > ind.as_of)
            continue;
        std::string actions;
        for (const auto& a : d.rows.discipline_actions) {
            if (a.incident_id != inc.id)
                continue;
            std::string text = discipline_action_label(a.action, l);
            if (a.days > 0)
                text += " (" + days_text(a.days, l) + ")";
            actions += (actions.empty() ? "" : "; ") + text;
        }
        incidents.push_back(
            mstch::map{{"date", l.date(inc.date, DateStyle::medium)},
                       {"type", incident_type_label(inc.type, l)},
                       {"action", actions.empty() ? l.text("No action") : actions}});
    }
    c["has_incidents"] = !incidents.empty();
    c["incidents"] = std::move(incidents);

    if (d.rows.profile) {
        const auto& p = *d.rows.profile;
        c["profile"] = mstch::map{{"strengths", p.strengths},
                                  {"needs", p.needs},
                                  {"interests", p.interests},
                                  {"goals", p.goals}};
    }
    return c;
}

}  // namespace homeroom::render
