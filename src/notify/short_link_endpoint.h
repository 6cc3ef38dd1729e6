// /s/<code> for `homeroom serve`: the short links of the SMS digests (docs/sms.md).
//
//   GET /s/CODE   302 to <base_url>/<target> of the code (store/short_link_repository.h), with
//                 Cache-Control: no-store and Referrer-Policy: no-referrer
//   GET /s/CODE   of a family link (its target lists choices): 200 with a page "Choose a child's
//                 progress report" in the language of the pages it lists, linking to each
//                 <base_url>/<target>, labelled with the child's first name (escaped); the same
//                 headers and X-Robots-Tag: noindex
//   an unknown or malformed code: 404 with a short plain page that does not repeat the code
#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "notify/http_routes.h"
#include "render/localizer.h"
#include "store/database.h"
#include "store/short_link_repository.h"

namespace homeroom::notify {

class ShortLinkEndpoint {
  public:
    // `db` and `languages` must outlive the endpoint; `base_url` is [site] base_url (a trailing
    // '/' is ignored).
    ShortLinkEndpoint(store::Database& db, std::string base_url,
                      const render::LocalizerSet& languages);

    void add_routes(RouteTable& routes);

    HttpResponse redirect(const HttpRequest& request);

  private:
    store::Database& m_db;
    std::string m_base_url;
    const render::LocalizerSet& m_languages;
    std::mutex m_db_mutex;  // one SQLite connection, several server threads
};

inline constexpr const char* k_short_link_prefix = "/s/";

// The page of a family link (exposed for tests), worded in the language of the pages it lists
// (their targets end in <lang>.html: the contact's language); English when that is not known.
HttpResponse family_link_page(const std::vector<store::ShortLinkChoice>& choices,
                              std::string_view base_url, const render::LocalizerSet& languages);

}  // namespace homeroom::notify
