// Text messages through Kannel's smsbox HTTP interface (GET /cgi-bin/sendsms), with Poco's HTTP
// client: one keep-alive connection per session, several sessions in parallel (deliver_due.h).
//
// The coding is chosen here, from the text (sms_encoding.h): GSM-7 texts go as coding 0, all
// others as coding=2 (UCS-2); the text is always passed as UTF-8 (charset=UTF-8), which
// Kannel converts. Kannel itself splits long texts into concatenated parts.
//
// Answers: 202 "0: Accepted for delivery" or "3: Queued for later delivery" → sent (Kannel has
// the message; its delivery report moves it on to delivered or permanent-failure through
// `homeroom serve`'s /dlr); any other 2xx → sent; 4xx (403 not routable, 400 bad number,
// 403 bad password) → permanent failure; 5xx → temporary failure; a connection that cannot be
// made or is lost → UnavailableError (the message stays due: temporary failure, retried).
//
// Delivery reports: with [kannel] dlr_url set, each request carries dlr-mask=31 and
// dlr-url=<dlr_url>?id=<outbox id>&t=<token>&status=%d, so the report names our own outbox id
// and proves (delivery_report_token.h) that it is about a message we sent.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "notify/delivery_channel.h"

namespace homeroom::notify {

struct KannelSettings {
    std::string url = "http://127.0.0.1:13013/cgi-bin/sendsms";  // the sendsms URL
    std::string username, password;
    std::string from;           // the sender shown to the recipient (a short code or number)
    std::string dlr_url;        // e.g. http://127.0.0.1:8025/dlr; empty: no delivery reports
    std::string report_secret;  // signs each dlr-url (the site secret); required with dlr_url
    int connections = 4;        // parallel keep-alive sessions
    std::chrono::milliseconds timeout{30000};
};

struct KannelEndpoint {
    std::string host;
    std::uint16_t port = 80;
    std::string path;  // "/cgi-bin/sendsms"
};
// std::invalid_argument for a URL that is not http://host[:port]/path.
KannelEndpoint parse_kannel_url(const std::string& url);

// The request's path and query for one message (exposed for tests).
std::string sendsms_request_path(const KannelSettings& settings, const KannelEndpoint& endpoint,
                                 std::string_view to, std::string_view text,
                                 std::int64_t outbox_id);

class KannelChannel : public DeliveryChannel {
  public:
    // std::invalid_argument for a bad url, or a dlr_url without a report_secret.
    explicit KannelChannel(KannelSettings settings);

    Channel channel() const override { return Channel::sms; }
    std::string description() const override;
    int max_sessions() const override { return m_settings.connections; }
    // Connects (UnavailableError("cannot connect to Kannel HOST:PORT: why") when it cannot).
    std::unique_ptr<DeliverySession> open_session() override;

    const KannelSettings& settings() const { return m_settings; }
    const KannelEndpoint& endpoint() const { return m_endpoint; }

  private:
    KannelSettings m_settings;
    KannelEndpoint m_endpoint;
};

// Sends one text outside the outbox (a STOP confirmation, a HELP answer) on a fresh connection;
// no delivery report is asked for. The outcome as for a queued message; never throws.
DeliveryOutcome send_single_sms(const KannelSettings& settings, std::string_view to,
                                std::string_view text);

}  // namespace homeroom::notify
