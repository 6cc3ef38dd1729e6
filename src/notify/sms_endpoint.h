// The SMS gateway's side of `homeroom serve`: Kannel calls these two routes.
//
//   GET /dlr?id=OUTBOX_ID&t=TOKEN&status=N
//                                    a delivery report (the dlr-url kannel_channel.h asks for):
//                                    1 (delivered) → delivered; 2 (failed) or 16 (rejected by
//                                    the SMSC) → permanent-failure; 4 and 8 (buffered, accepted
//                                    by the SMSC) change nothing. A report that overtakes the
//                                    recording of the send (the message is still `sending`) is
//                                    kept and applied when the send is recorded
//                                    (OutboxRepository::hold_delivery_report); it never waits.
//                                    200 "ok"; 400 for bad parameters;
//                                    403, changing nothing, when TOKEN is missing or is not the
//                                    id's (delivery_report_token.h): only Kannel, which got the
//                                    URL from us, can report on a text.
//   GET /mo?key=SECRET&from=NUMBER&text=TEXT
//                                    an inbound text. STOP, STOPALL, UNSUBSCRIBE, CANCEL, END,
//                                    QUIT opt the number's contacts out of SMS (opt_outs, which
//                                    every later run honours; their unsent texts are cancelled)
//                                    and send one confirmation; START, UNSTOP, YES opt them back
//                                    in and confirm; HELP answers with the district's text.
//                                    200 with an empty body (Kannel sends nothing itself). 403,
//                                    recording nothing, unless SECRET is [kannel] mo_secret and
//                                    the request comes from an address of mo_allow_from: the
//                                    number in `from` is whatever the caller says, so only
//                                    Kannel may say it.
//
// A keyword is the first word of the text, in any case, with spaces and punctuation around it
// ("Stop.", " stop please"). Idempotent: a confirmation is sent only when the keyword changed
// something (a second STOP finds every contact already opted out and sends nothing); HELP is
// answered every time. A number that belongs to no contact of the newest snapshot is logged and
// not answered. Every inbound text is logged in sms_inbound.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "notify/delivery_channel.h"
#include "notify/http_routes.h"
#include "render/localizer.h"
#include "store/database.h"

namespace homeroom::notify {

enum class SmsKeyword { none, stop, start, help };

SmsKeyword parse_sms_keyword(std::string_view text);

// Who may call the routes. Empty secrets refuse every request of their route.
struct SmsGatewayAccess {
    std::string report_secret;  // the site secret, which signed each dlr-url
    std::string mo_secret;      // the key= of /mo
    std::vector<std::string> mo_allow_from = {"127.0.0.1"};  // HttpRequest::client_address
};

class SmsEndpoint {
  public:
    // Everything passed must outlive the endpoint. `clock` stamps the changes (default: now).
    SmsEndpoint(store::Database& db, const render::LocalizerSet& localizers,
                std::string district_name, std::string help_text, SmsGatewayAccess access,
                std::function<std::chrono::sys_seconds()> clock = {});

    void add_routes(RouteTable& routes);

    HttpResponse delivery_report(const HttpRequest& request);
    HttpResponse inbound(const HttpRequest& request);

    // Sends a reply (STOP/START confirmation, HELP answer); by default none is sent.
    std::function<DeliveryOutcome(const std::string& to, const std::string& text)> send_reply;
    // A line for the server's log per report or inbound text.
    std::function<void(const std::string&)> on_event;

  private:
    store::Database& m_db;
    const render::LocalizerSet& m_localizers;
    std::string m_district_name, m_help_text;
    SmsGatewayAccess m_access;
    std::function<std::chrono::sys_seconds()> m_clock;
    std::mutex m_db_mutex;  // one SQLite connection, several server threads
};

}  // namespace homeroom::notify
