#include "notify/digest.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "render/code_labels.h"
#include "render/locale_format.h"

namespace homeroom::notify {
namespace {

std::string fill(std::string text, std::string_view name, std::string_view value) {
    const std::string tag = "{{" + std::string(name) + "}}";
    for (auto at = text.find(tag); at != std::string::npos; at = text.find(tag, at + value.size()))
        text.replace(at, tag.size(), value);
    return text;
}

// "Tuesday, June 9, 2026", as the language writes it.
std::string day_text(Date d, const render::Localizer& l) {
    // TRANSLATORS: a day in a weekly digest; {{weekday}} is "Tuesday", {{date}} "June 9, 2026".
    std::string pattern = l.text("{{weekday}}, {{date}}");
    pattern = fill(std::move(pattern), "weekday", render::weekday_name(l.language(), d.weekday()));
    return fill(std::move(pattern), "date", l.date(d, render::DateStyle::long_form));
}

std::string mark_text(const WeekMark& m, const render::Localizer& l) {
    std::string out = m.letter;
    if (m.percent) {
        const std::string pct =
            l.percent(*m.percent / 100.0, std::fmod(*m.percent, 1.0) == 0 ? 0 : 1);
        out = out.empty() ? pct : out + " (" + pct + ")";
    }
    return out;
}

mstch::map mark_context(const WeekMark& m, const render::Localizer& l) {
    return mstch::map{{"course", m.course},
                      {"mark", mark_text(m, l)},
                      {"period", m.period},
                      {"failing", m.failing},
                      {"changed", m.changed}};
}

std::string attendance_summary(const ChildWeek& c, const render::Localizer& l) {
    int absences = 0, late = 0;
    for (const auto& e : c.attendance) {
        if (e.status == AttendanceStatus::excused || e.status == AttendanceStatus::unexcused)
            ++absences;
        else if (e.status == AttendanceStatus::tardy || e.status == AttendanceStatus::partial)
            ++late;
    }
    std::string out;
    if (absences > 0)
        out = l.plural("%d absence", "%d absences", absences);
    if (late > 0)
        out += (out.empty() ? "" : ", ") + l.plural("%d late arrival", "%d late arrivals", late);
    return out;
}

mstch::map child_context(const ChildWeek& c, const render::Localizer& l) {
    mstch::array attendance;
    for (const auto& e : c.attendance)
        attendance.push_back(mstch::map{{"date", day_text(e.date, l)},
                                        {"status", render::attendance_status_label(e.status, l)}});
    mstch::array marks;
    for (const auto& m : c.new_marks) marks.push_back(mark_context(m, l));
    mstch::array failing;
    for (const auto& m : c.failing_marks) failing.push_back(mark_context(m, l));
    mstch::array incidents;
    for (const auto& i : c.new_incidents)
        incidents.push_back(mstch::map{{"date", day_text(i.date, l)},
                                       {"type", render::incident_type_label(i.type, l)}});
    mstch::array flags;
    for (const auto& f : c.flag_changes) {
        const std::string label = render::flag_label(metrics::to_code(f.flag), l);
        const bool raised = f.change == metrics::FlagChangeKind::raised;
        std::string text;
        if (raised)
            text = l.text("New early-warning indicator: {{flag}}");
        else
            text = l.text("Back on track: {{flag}}");
        flags.push_back(
            mstch::map{{"text", fill(std::move(text), "flag", label)}, {"raised", raised}});
    }
    return mstch::map{{"first_name", c.first_name},
                      {"name", c.first_name + " " + c.last_name},
                      {"has_news", c.has_news()},
                      {"has_attendance", !attendance.empty()},
                      {"attendance_summary", attendance_summary(c, l)},
                      {"attendance", attendance},
                      {"has_marks", !marks.empty()},
                      {"marks", marks},
                      {"has_failing", !failing.empty()},
                      {"failing", failing},
                      {"has_incidents", !incidents.empty()},
                      {"incidents", incidents},
                      {"has_flags", !flags.empty()},
                      {"flags", flags},
                      {"page_url", child_page_url(c, l.language())}};
}

}  // namespace

std::vector<const ChildWeek*> ordered_children(const DigestRequest& request) {
    std::vector<const ChildWeek*> out = request.children;
    std::sort(out.begin(), out.end(), [](const ChildWeek* a, const ChildWeek* b) {
        return std::tie(a->first_name, a->last_name, a->student_id) <
               std::tie(b->first_name, b->last_name, b->student_id);
    });
    return out;
}

std::string join_names(const std::vector<std::string>& names, const render::Localizer& l) {
    if (names.empty())
        return {};
    std::string out = names.front();
    for (std::size_t i = 1; i < names.size(); ++i) {
        std::string pattern;
        if (i + 1 < names.size())
            // TRANSLATORS: joins names in a list before the last one: "Maya, Omar" (then "and
            // Lina").
            pattern = l.text("{{list}}, {{name}}");
        else
            // TRANSLATORS: joins the last name of a list: "Maya and Omar", "Maya, Omar and Lina".
            pattern = l.text("{{list}} and {{name}}");
        // The name first: a name holding "{{list}}" must stay text.
        const auto at = pattern.find("{{name}}");
        if (at != std::string::npos)
            pattern.replace(at, 8, "\x01");
        pattern = fill(std::move(pattern), "list", out);
        const auto mark = pattern.find('\x01');
        if (mark != std::string::npos)
            pattern.replace(mark, 1, names[i]);
        out = std::move(pattern);
    }
    return out;
}

std::string digest_subject(const DigestRequest& request, const render::Localizer& l) {
    std::vector<std::string> names;
    for (const ChildWeek* c : ordered_children(request)) names.push_back(c->first_name);
    // TRANSLATORS: the subject of the weekly email; {{names}} are the children's first names
    // ("Maya and Omar"), {{date}} the Monday of the week ("June 8, 2026").
    std::string subject = l.text("Weekly update: {{names}} — week of {{date}}");
    subject = fill(std::move(subject), "date",
                   l.date(request.week.week_start(), render::DateStyle::long_form));
    // Names last: a child's name is data and must not be read as a placeholder.
    const auto at = subject.find("{{names}}");
    if (at != std::string::npos)
        subject.replace(at, 9, join_names(names, l));
    return subject;
}

mstch::map digest_context(const DigestRequest& request, const render::Localizer& l) {
    mstch::array children;
    bool has_news = false;
    for (const ChildWeek* c : ordered_children(request)) {
        children.push_back(child_context(*c, l));
        has_news = has_news || c->has_news();
    }
    const bool rtl = l.right_to_left();
    return mstch::map{
        {"lang", l.language()},
        {"dir", std::string(rtl ? "rtl" : "ltr")},
        {"align", std::string(rtl ? "right" : "left")},
        {"subject", digest_subject(request, l)},
        {"district_name", request.district_name},
        {"recipient_name", request.recipient_name},
        {"week_text", l.date(request.week.week_start(), render::DateStyle::long_form)},
        {"has_news", has_news},
        {"children", children},
        {"has_unsubscribe", !request.unsubscribe_url.empty()},
        {"to_student", request.addressed_to_student},
        {"unsubscribe_url", request.unsubscribe_url}};
}

std::string unescape_html(std::string_view text) {
    static constexpr std::pair<std::string_view, char> k_entities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        bool replaced = false;
        if (text[i] == '&') {
            for (const auto& [entity, c] : k_entities) {
                if (text.substr(i, entity.size()) == entity) {
                    out += c;
                    i += entity.size();
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced)
            out += text[i++];
    }
    return out;
}

std::optional<Digest> build_digest(const DigestRequest& request, const DigestSettings& settings,
                                   const render::LocalizerSet& localizers,
                                   const render::TemplateSet& templates) {
    const bool has_news = std::any_of(request.children.begin(), request.children.end(),
                                      [](const ChildWeek* c) { return c->has_news(); });
    if (request.children.empty() || (!has_news && !settings.send_nothing_new))
        return std::nullopt;
    const render::Localizer& l = localizers.get(request.language);
    mstch::map context = digest_context(request, l);
    Digest d;
    d.language = l.language();
    d.right_to_left = l.right_to_left();
    d.has_news = has_news;
    d.subject = digest_subject(request, l);
    d.html_body = templates.render(k_digest_html_template, context, l);
    d.text_body = unescape_html(templates.render(k_digest_text_template, std::move(context), l));
    return d;
}

}  // namespace homeroom::notify
