#include "notify/short_link_endpoint.h"

#include "store/short_link_repository.h"

namespace homeroom::notify {
namespace {

HttpResponse not_found() {
    HttpResponse r = simple_page(404, "Link not found",
                                 "This link is not known. Please use the newest text message or "
                                 "ask your school for a new link.");
    r.headers.emplace_back("Cache-Control", "no-store");
    r.headers.emplace_back("Referrer-Policy", "no-referrer");
    return r;
}

}  // namespace

ShortLinkEndpoint::ShortLinkEndpoint(store::Database& db, std::string base_url)
    : m_db(db), m_base_url(std::move(base_url)) {
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
    HttpResponse r;
    r.status = 302;
    r.content_type = "text/plain; charset=utf-8";
    r.headers.emplace_back("Location", m_base_url + "/" + *target);
    r.headers.emplace_back("Cache-Control", "no-store");
    r.headers.emplace_back("Referrer-Policy", "no-referrer");
    return r;
}

}  // namespace homeroom::notify
