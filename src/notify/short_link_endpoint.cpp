#include "notify/short_link_endpoint.h"

#include <algorithm>

#include "render/translatable.h"
#include "render/untrusted_text.h"
#include "store/short_link_repository.h"

namespace homeroom::notify {
namespace {

void add_private_headers(HttpResponse& r) {
    r.headers.emplace_back("Cache-Control", "no-store");
    r.headers.emplace_back("Referrer-Policy", "no-referrer");
    r.headers.emplace_back("X-Robots-Tag", "noindex");
}

HttpResponse not_found() {
    HttpResponse r = simple_page(404, "Link not found",
                                 "This link is not known. Please use the newest text message or "
                                 "ask your school for a new link.");
    add_private_headers(r);
    return r;
}

// "private/students/<xx>/<token>.<lang>.html" (or the older ".../<token>/<lang>.html") ->
// "<lang>"; empty for anything else.
std::string page_language(std::string_view target) {
    if (!target.ends_with(".html"))
        return {};
    target.remove_suffix(std::string_view(".html").size());
    target.remove_prefix(target.rfind('/') + 1);  // npos + 1 == 0: no folder
    return std::string(target.substr(target.rfind('.') + 1));
}

}  // namespace

HttpResponse family_link_page(const std::vector<store::ShortLinkChoice>& choices,
                              std::string_view base_url, const render::LocalizerSet& languages) {
    // The choices all lead to pages in the contact's language: the page speaks it too.
    const std::string wanted = choices.empty() ? std::string() : page_language(choices[0].target);
    const auto& known = languages.languages();
    const bool supported = std::find(known.begin(), known.end(), wanted) != known.end();
    const render::Localizer& l = languages.get(supported ? wanted : "en");
    const std::string title =
        render::escape_html(l.text(render::translatable("Choose a child's progress report")));
    HttpResponse r;
    r.status = 200;
    std::string& b = r.body;
    b = "<!DOCTYPE html>\n<html lang=\"";
    b += render::escape_html(l.language());
    b += l.right_to_left() ? "\" dir=\"rtl\">" : "\">";
    b += "<head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<meta name=\"robots\" content=\"noindex\">"
         "<meta name=\"referrer\" content=\"no-referrer\"><title>";
    b += title;
    b += "</title></head><body><main><h1>";
    b += title;
    b += "</h1><ul>";
    for (const auto& choice : choices) {
        std::string url(base_url);
        url += '/';
        url += choice.target;
        b += "<li><a href=\"";
        b += render::escape_html(url);
        b += "\" dir=\"auto\">";
        b += render::escape_html(choice.label);
        b += "</a></li>";
    }
    b += "</ul></main></body></html>\n";
    add_private_headers(r);
    return r;
}

ShortLinkEndpoint::ShortLinkEndpoint(store::Database& db, std::string base_url,
                                     const render::LocalizerSet& languages)
    : m_db(db), m_base_url(std::move(base_url)), m_languages(languages) {
    while (!m_base_url.empty() && m_base_url.back() == '/') m_base_url.pop_back();
}

void ShortLinkEndpoint::add_routes(RouteTable& routes) {
    routes.add_prefix("GET", k_short_link_prefix,
                      [this](const HttpRequest& request) { return redirect(request); });
}

HttpResponse ShortLinkEndpoint::redirect(const HttpRequest& request) {
    const std::string prefix = k_short_link_prefix;
    if (request.path.compare(0, prefix.size(), prefix) != 0)
        return not_found();
    const std::string code = request.path.substr(prefix.size());
    if (!store::is_short_link_code(code))
        return not_found();
    std::optional<std::string> target;
    {
        std::lock_guard lock(m_db_mutex);
        target = store::ShortLinkRepository(m_db).find(code);
    }
    if (!target)
        return not_found();
    if (target->rfind(store::k_short_link_choices_prefix, 0) == 0) {
        const auto choices = store::decode_short_link_choices(*target);
        if (!choices)
            return not_found();
        return family_link_page(*choices, m_base_url, m_languages);
    }
    HttpResponse r;
    r.status = 302;
    r.content_type = "text/plain; charset=utf-8";
    r.headers.emplace_back("Location", m_base_url + "/" + *target);
    add_private_headers(r);
    return r;
}

}  // namespace homeroom::notify
