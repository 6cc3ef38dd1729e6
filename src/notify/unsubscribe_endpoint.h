// /unsubscribe for `homeroom serve`: the link of every digest and its RFC 8058 one-click POST.
//
//   GET  /unsubscribe?t=TOKEN   a confirmation page with a button (a form that POSTs); a GET
//                               changes nothing, because mail scanners follow links on their own
//   POST /unsubscribe?t=TOKEN   with the field List-Unsubscribe=One-Click (what mail clients send,
//                               and what the page's form sends): records the opt-out in the
//                               database (opt_outs, so that it outlives the next import) and
//                               cancels the contact's messages not sent yet; answers 200
//   either, with a token that is missing, malformed or not signed with the site secret: 400
//
// Pages are templates/unsubscribe.mustache, in the language the token names.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <string>

#include "notify/http_routes.h"
#include "render/localizer.h"
#include "render/template_set.h"
#include "store/database.h"

namespace homeroom::notify {

class UnsubscribeEndpoint {
  public:
    // Everything passed must outlive the endpoint. `clock` stamps the opt-outs (default: now).
    UnsubscribeEndpoint(store::Database& db, std::string secret,
                        const render::TemplateSet& templates,
                        const render::LocalizerSet& localizers, std::string district_name,
                        std::function<std::chrono::sys_seconds()> clock = {});

    void add_routes(RouteTable& routes);

    HttpResponse confirmation_page(const HttpRequest& request) const;
    HttpResponse unsubscribe(const HttpRequest& request);

    // Called once per recorded opt-out (contact id, channel code), for the server's log.
    std::function<void(const std::string&)> on_opt_out;

  private:
    HttpResponse page(int status, const std::string& state, const std::string& language,
                      const std::string& token) const;

    store::Database& m_db;
    std::string m_secret;
    const render::TemplateSet& m_templates;
    const render::LocalizerSet& m_localizers;
    std::string m_district_name;
    std::function<std::chrono::sys_seconds()> m_clock;
    std::mutex m_db_mutex;  // one SQLite connection, several server threads
};

inline constexpr const char* k_unsubscribe_template = "unsubscribe";

}  // namespace homeroom::notify
