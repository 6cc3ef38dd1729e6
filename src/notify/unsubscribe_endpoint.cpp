#include "notify/unsubscribe_endpoint.h"

#include "notify/unsubscribe_token.h"
#include "store/opt_out_repository.h"
#include "store/outbox_repository.h"

namespace homeroom::notify {
namespace {

std::chrono::sys_seconds system_now() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::string token_of(const HttpRequest& r) {
    const auto it = r.query.find("t");
    return it == r.query.end() ? std::string() : it->second;
}

}  // namespace

UnsubscribeEndpoint::UnsubscribeEndpoint(store::Database& db, std::string secret,
                                         const render::TemplateSet& templates,
                                         const render::LocalizerSet& localizers,
                                         std::string district_name,
                                         std::function<std::chrono::sys_seconds()> clock)
    : m_db(db),
      m_secret(std::move(secret)),
      m_templates(templates),
      m_localizers(localizers),
      m_district_name(std::move(district_name)),
      m_clock(clock ? std::move(clock) : system_now) {}

void UnsubscribeEndpoint::add_routes(RouteTable& routes) {
    routes.add("GET", "/unsubscribe",
               [this](const HttpRequest& r) { return confirmation_page(r); });
    routes.add("POST", "/unsubscribe", [this](const HttpRequest& r) { return unsubscribe(r); });
}

HttpResponse UnsubscribeEndpoint::page(int status, const std::string& state,
                                       const std::string& language,
                                       const std::string& token) const {
    const render::Localizer& l = m_localizers.get(language);
    const bool rtl = l.right_to_left();
    mstch::map context{{"lang", l.language()},
                       {"dir", std::string(rtl ? "rtl" : "ltr")},
                       {"district_name", m_district_name},
                       {"token", token},
                       {state, true}};
    HttpResponse r;
    r.status = status;
    r.body = m_templates.render(k_unsubscribe_template, std::move(context), l);
    return r;
}

HttpResponse UnsubscribeEndpoint::confirmation_page(const HttpRequest& request) const {
    const std::string token = token_of(request);
    const auto subject = verify_unsubscribe_token(m_secret, token);
    if (!subject)
        return page(400, "invalid", "en", "");
    return page(200, "confirm", subject->language, token);
}

HttpResponse UnsubscribeEndpoint::unsubscribe(const HttpRequest& request) {
    const std::string token = token_of(request);
    const auto subject = verify_unsubscribe_token(m_secret, token);
    if (!subject)
        return page(400, "invalid", "en", "");
    const auto field = request.form.find("List-Unsubscribe");
    if (field == request.form.end() || field->second != "One-Click")
        return page(400, "not_one_click", subject->language, token);
    const auto via = request.form.find("via");
    const std::string source =
        via != request.form.end() && via->second == "page" ? "confirmation-page" : "one-click";
    {
        std::lock_guard lock(m_db_mutex);
        const auto now = m_clock();
        store::OptOutRepository(m_db).record(subject->contact_id, subject->channel, source, now);
        store::OutboxRepository(m_db).cancel_pending(subject->contact_id, subject->channel, now,
                                                     "opted out (" + source + ")");
    }
    if (on_opt_out)
        on_opt_out(subject->contact_id + " " + std::string(to_code(subject->channel)) + " " +
                   source);
    return page(200, "done", subject->language, "");
}

}  // namespace homeroom::notify
