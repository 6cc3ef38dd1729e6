#include "notify/sms_text.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "render/code_labels.h"
#include "site/private_token.h"

namespace homeroom::notify {
namespace {

// Replaces every {{key}} of `pattern` in one pass: values (names, course titles) are data and
// are never read as placeholders themselves.
std::string substitute(std::string_view pattern,
                       const std::map<std::string_view, std::string_view>& values) {
    std::string out;
    out.reserve(pattern.size() + 64);
    std::size_t i = 0;
    while (i < pattern.size()) {
        const auto open = pattern.find("{{", i);
        if (open == std::string_view::npos)
            break;
        const auto close = pattern.find("}}", open + 2);
        if (close == std::string_view::npos)
            break;
        out.append(pattern.substr(i, open - i));
        const auto it = values.find(pattern.substr(open + 2, close - open - 2));
        if (it != values.end())
            out.append(it->second);
        else
            out.append(pattern.substr(open, close + 2 - open));
        i = close + 2;
    }
    out.append(pattern.substr(i));
    return out;
}

std::string mark_text(const WeekMark& m, const render::Localizer& l) {
    if (!m.letter.empty())
        return m.letter;
    if (m.percent)
        return l.percent(*m.percent / 100.0, std::fmod(*m.percent, 1.0) == 0 ? 0 : 1);
    return "?";
}

constexpr std::string_view k_ellipsis = "\xE2\x80\xA6";

// The code points of `s` (UTF-8), as byte offsets where each starts.
std::vector<std::size_t> code_point_starts(const std::string& s) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80)
            out.push_back(i);
    return out;
}

struct Fitting {
    std::vector<SmsChildPart> parts;
    std::vector<bool> cut;        // items were left out of this part
    bool quiet_children = false;  // "nothing new this week" is left out
    std::string family_url;       // not empty: one link for the family ends the text
};

std::string joined_news(const Fitting& f, std::size_t p, const render::Localizer& l) {
    // TRANSLATORS: joins two pieces of news in a text message: "2 absences; new mark C in Art".
    const std::string join = l.text("{{list}}; {{item}}");
    const auto& part = f.parts[p];
    std::string news;
    if (part.items.empty())
        return l.text("nothing new this week");
    for (const auto& item : part.items)
        news = news.empty() ? item : substitute(join, {{"list", news}, {"item", item}});
    if (f.cut[p])
        news += k_ellipsis;
    return news;
}

// "Maya: 2 absences. Omar: nothing new this week. Lina: new mark B in Art. Details: <url>".
std::string compose_family(const Fitting& f, const render::Localizer& l) {
    std::string out;
    for (std::size_t p = 0; p < f.parts.size(); ++p) {
        const auto& part = f.parts[p];
        if (!out.empty())
            out += ' ';
        // TRANSLATORS: one child's part of a text message with one link for all children;
        // {{news}} is the week's news ("2 absences; new mark C in Algebra I"), or "…" when
        // there is no room for it.
        const std::string pattern = l.text("{{name}}: {{news}}.");
        if (part.items.empty() && f.cut[p]) {
            out += substitute(pattern, {{"name", part.name}, {"news", k_ellipsis}});
        } else if (part.items.empty() && f.quiet_children) {
            // TRANSLATORS: a child without news in a text message with one link for all
            // children, when there is no room to say so: "Omar.".
            out += substitute(l.text("{{name}}."), {{"name", part.name}});
        } else {
            out += substitute(pattern, {{"name", part.name}, {"news", joined_news(f, p, l)}});
        }
    }
    // TRANSLATORS: the end of a text message with one link for all children; {{url}} leads to a
    // page listing each child's private page. Keep {{url}} last: the link must end the message.
    out += ' ';
    out += substitute(l.text("Details: {{url}}"), {{"url", f.family_url}});
    return out;
}

std::string compose(const Fitting& f, const render::Localizer& l) {
    if (!f.family_url.empty())
        return compose_family(f, l);
    // TRANSLATORS: one child's part of the weekly text message; {{name}} is the first name,
    // {{news}} the week's news ("2 absences; new mark C in Algebra I"), {{url}} the link to
    // the child's private page. Keep {{url}} last: the link must end the message.
    const std::string pattern = l.text("{{name}}: {{news}}. Details: {{url}}");
    std::string out;
    for (std::size_t p = 0; p < f.parts.size(); ++p) {
        const auto& part = f.parts[p];
        if (!out.empty())
            out += ' ';
        if (part.items.empty() && (f.cut[p] || f.quiet_children)) {
            // TRANSLATORS: a child's part of a text message with no room for news: "Maya:
            // https://...". Keep {{url}} last.
            out +=
                substitute(l.text("{{name}}: {{url}}"), {{"name", part.name}, {"url", part.url}});
            continue;
        }
        out += substitute(pattern,
                          {{"name", part.name}, {"news", joined_news(f, p, l)}, {"url", part.url}});
    }
    return out;
}

}  // namespace

std::vector<std::string> sms_news_items(const ChildWeek& c, const render::Localizer& l) {
    std::vector<std::string> items;
    int absences = 0, late = 0;
    for (const auto& e : c.attendance) {
        if (e.status == AttendanceStatus::excused || e.status == AttendanceStatus::unexcused)
            ++absences;
        else if (e.status == AttendanceStatus::tardy || e.status == AttendanceStatus::partial)
            ++late;
    }
    if (absences > 0)
        items.push_back(l.plural("%d absence", "%d absences", absences));
    if (late > 0)
        items.push_back(l.plural("%d late arrival", "%d late arrivals", late));
    for (const auto& m : c.new_marks) {
        // TRANSLATORS: news in a text message; {{mark}} is "C" or "72%", {{course}} a course.
        const std::string mark = mark_text(m, l);
        items.push_back(substitute(l.text("new mark {{mark}} in {{course}}"),
                                   {{"mark", mark}, {"course", m.course}}));
    }
    if (!c.new_incidents.empty()) {
        const int n = static_cast<int>(c.new_incidents.size());
        items.push_back(l.plural("%d new incident", "%d new incidents", n));
    }
    for (const auto& f : c.flag_changes) {
        const std::string label = render::flag_label(metrics::to_code(f.flag), l);
        const std::string pattern = f.change == metrics::FlagChangeKind::raised
                                        ? l.text("New early-warning indicator: {{flag}}")
                                        : l.text("Back on track: {{flag}}");
        items.push_back(substitute(pattern, {{"flag", label}}));
    }
    return items;
}

namespace {

// Whether any news is left in the parts.
bool has_news_left(const std::vector<SmsChildPart>& parts) {
    return std::any_of(parts.begin(), parts.end(), [](const SmsChildPart& p) {
        return std::any_of(p.items.begin(), p.items.end(),
                           [](const std::string& item) { return !item.empty(); });
    });
}

// The text fitted to `budget`; `news_left` says whether any news survived the fitting.
SmsText fit(Fitting f, int budget, const render::Localizer& l, bool& news_left) {
    f.cut.assign(f.parts.size(), false);
    SmsText out;
    out.language = l.language();
    const auto measure = [&] {
        news_left = has_news_left(f.parts);
        out.text = prepare_sms_text(compose(f, l));
        out.measure = measure_sms(out.text);
        return out.measure.segments <= budget;
    };
    if (measure())
        return out;
    out.shortened = true;
    // 1. Children without news keep only their name and link.
    if (std::any_of(f.parts.begin(), f.parts.end(),
                    [](const SmsChildPart& p) { return p.items.empty(); })) {
        f.quiet_children = true;
        if (measure())
            return out;
    }
    // 2. Leave out whole items, last first, from the child with the most (ties: the later
    //    child), keeping each child's first item while any child has more than one.
    while (true) {
        std::size_t best = f.parts.size();
        for (std::size_t p = 0; p < f.parts.size(); ++p)
            if (f.parts[p].items.size() > 1 &&
                (best == f.parts.size() || f.parts[p].items.size() >= f.parts[best].items.size()))
                best = p;
        if (best == f.parts.size())
            break;
        f.parts[best].items.pop_back();
        f.cut[best] = true;
        if (measure())
            return out;
    }
    // 3. Cut the longest remaining item a code point at a time.
    while (true) {
        std::size_t best = f.parts.size();
        for (std::size_t p = 0; p < f.parts.size(); ++p)
            if (!f.parts[p].items.empty() &&
                (best == f.parts.size() ||
                 f.parts[p].items.front().size() > f.parts[best].items.front().size()))
                best = p;
        if (best == f.parts.size())
            break;
        auto& item = f.parts[best].items.front();
        const auto starts = code_point_starts(item);
        const std::size_t keep = starts.size() <= 1 ? 0 : starts[starts.size() - 1];
        item.resize(keep);
        while (!item.empty() && item.back() == ' ') item.pop_back();
        if (item.empty())
            f.parts[best].items.clear();
        f.cut[best] = true;
        if (measure())
            return out;
    }
    out.over_budget = true;
    return out;
}

}  // namespace

SmsText fit_sms_text(std::vector<SmsChildPart> parts, int max_segments, const render::Localizer& l,
                     std::string_view family_url) {
    const auto budget = std::max(1, max_segments);
    const bool may_join = !family_url.empty() && parts.size() > 1;
    const bool had_news = has_news_left(parts);
    bool per_child_news = false, family_news = false;
    SmsText out =
        fit(Fitting{may_join ? parts : std::move(parts), {}, false, {}}, budget, l, per_child_news);
    // One link for the family when names and one link per child alone are over the budget, or
    // when they fit only by losing every piece of news: each form is judged on its final text
    // (an Arabic text cut down to Latin names and links becomes GSM-7 and fits; the family form
    // may keep its Arabic news in the same budget).
    if (!may_join || (!out.over_budget && (per_child_news || !had_news)))
        return out;
    SmsText family =
        fit(Fitting{std::move(parts), {}, false, std::string(family_url)}, budget, l, family_news);
    family.family_link = true;
    if (out.over_budget || (family_news && !family.over_budget))
        return family;
    return out;
}

std::optional<SmsText> build_sms_text(const SmsTextRequest& request, const DigestSettings& settings,
                                      const render::LocalizerSet& localizers) {
    const bool has_news = std::any_of(request.children.begin(), request.children.end(),
                                      [](const ChildWeek* c) { return c->has_news(); });
    if (request.children.empty() || (!has_news && !settings.send_nothing_new))
        return std::nullopt;
    const render::Localizer& l = localizers.get(request.language);
    DigestRequest order;
    order.children = request.children;
    std::vector<SmsChildPart> parts;
    std::vector<store::ShortLink> links;
    std::vector<store::ShortLinkChoice> choices;
    for (const ChildWeek* c : ordered_children(order)) {
        std::string url = child_page_url(*c, l.language());
        if (const SmsShortLinks* s = request.short_links) {
            const std::string prefix = s->base_url + "/";
            if (url.size() > prefix.size() && url.compare(0, prefix.size(), prefix) == 0) {
                store::ShortLink link;
                link.target = url.substr(prefix.size());
                link.code = site::short_link_code(s->secret, link.target);
                url = s->base_url + "/s/" + link.code;
                choices.push_back({c->first_name, link.target});
                links.push_back(std::move(link));
            }
        }
        parts.push_back({c->first_name, sms_news_items(*c, l), std::move(url)});
    }
    // A family link only when every child has a short link (all of them can be chosen).
    store::ShortLink family;
    if (request.short_links && !request.contact_id.empty() && choices.size() == parts.size() &&
        parts.size() > 1) {
        family.code =
            site::family_link_code(request.short_links->secret, request.contact_id, request.week);
        family.target = store::encode_short_link_choices(choices);
    }
    const std::string family_url =
        family.code.empty() ? std::string() : request.short_links->base_url + "/s/" + family.code;
    SmsText out = fit_sms_text(std::move(parts), request.max_segments, l, family_url);
    if (out.family_link)
        out.links = {std::move(family)};
    else
        out.links = std::move(links);
    out.has_news = has_news;
    return out;
}

}  // namespace homeroom::notify
