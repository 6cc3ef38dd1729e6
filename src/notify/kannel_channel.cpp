#include "notify/kannel_channel.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/URI.h>

#include <istream>
#include <iterator>
#include <stdexcept>

#include "core/errors.h"
#include "notify/delivery_report_token.h"
#include "notify/sms_encoding.h"

namespace homeroom::notify {
namespace {

std::string encode(std::string_view s) {
    std::string out;
    Poco::URI::encode(std::string(s), "!#$&'()*+,/:;=?@[]%~", out);
    return out;
}

class KannelSession : public DeliverySession {
  public:
    explicit KannelSession(const KannelChannel& channel)
        : m_channel(channel), m_session(channel.endpoint().host, channel.endpoint().port) {
        m_session.setKeepAlive(true);
        const auto timeout = Poco::Timespan(
            static_cast<Poco::Timespan::TimeDiff>(channel.settings().timeout.count()) * 1000);
        m_session.setTimeout(timeout);
        // Poco connects lazily: connect now so that a gateway that is down is known before any
        // message is claimed.
        try {
            Poco::Net::StreamSocket probe;
            probe.connect(
                Poco::Net::SocketAddress(channel.endpoint().host, channel.endpoint().port),
                timeout);
            probe.close();
        } catch (const Poco::Exception& e) {
            throw UnavailableError("cannot connect to Kannel " + channel.endpoint().host + ":" +
                                   std::to_string(channel.endpoint().port) + ": " +
                                   e.displayText());
        }
    }

    DeliveryOutcome send(const OutgoingMessage& m) override {
        const std::string path = sendsms_request_path(m_channel.settings(), m_channel.endpoint(),
                                                      m.recipient, m.body, m.outbox_id);
        // A kept-alive connection the server has closed fails on first use: one more try on a
        // new connection. Kannel has not seen a request that could not be written.
        for (int attempt = 0;; ++attempt) {
            try {
                return exchange(path);
            } catch (const Poco::TimeoutException& e) {
                // The request went out and no answer came: Kannel may well have queued it, so
                // it is not sent again on a new connection now (a parent would get it twice);
                // the run stops and the message, counted as an attempt, is retried after its
                // backoff by a later run.
                m_session.reset();
                throw DeliveryInDoubtError("no answer from Kannel " + m_channel.endpoint().host +
                                           ":" + std::to_string(m_channel.endpoint().port) + ": " +
                                           e.displayText());
            } catch (const Poco::Exception& e) {
                m_session.reset();
                if (attempt >= 1)
                    throw UnavailableError(
                        "lost the connection to Kannel " + m_channel.endpoint().host + ":" +
                        std::to_string(m_channel.endpoint().port) + ": " + e.displayText());
            }
        }
    }

    void close() noexcept override {
        try {
            m_session.reset();
        } catch (...) {
        }
    }

  private:
    DeliveryOutcome exchange(const std::string& path) {
        Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, path,
                                       Poco::Net::HTTPMessage::HTTP_1_1);
        request.setKeepAlive(true);
        request.setHost(m_channel.endpoint().host, m_channel.endpoint().port);
        m_session.sendRequest(request);
        Poco::Net::HTTPResponse response;
        std::istream& in = m_session.receiveResponse(response);
        std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        while (!body.empty() && (body.back() == '\n' || body.back() == '\r')) body.pop_back();
        const int status = static_cast<int>(response.getStatus());
        const std::string detail = std::to_string(status) + " " + body;
        if (status >= 200 && status < 300)
            return {DeliveryResult::sent, detail};
        // A wrong username or password is the district's configuration, not the parent's number:
        // stop the run (nothing is claimed for good) instead of failing every text of the week.
        if (status == 403 && body.find("Authorization failed") != std::string::npos)
            throw SenderRefusedError(
                "Kannel refused the sendsms credentials ([kannel] username, password): " + detail,
                true);
        if (status >= 400 && status < 500)
            return {DeliveryResult::permanent_failure, detail};
        return {DeliveryResult::temporary_failure, detail};
    }

    const KannelChannel& m_channel;
    Poco::Net::HTTPClientSession m_session;
};

}  // namespace

KannelEndpoint parse_kannel_url(const std::string& url) {
    Poco::URI uri;
    try {
        uri = Poco::URI(url);
    } catch (const Poco::Exception& e) {
        throw std::invalid_argument("url \"" + url + "\": " + e.displayText());
    }
    if (uri.getScheme() != "http" || uri.getHost().empty())
        throw std::invalid_argument("url must be http://HOST[:PORT]/PATH, not \"" + url + "\"");
    KannelEndpoint e;
    e.host = uri.getHost();
    e.port = uri.getPort();
    e.path = uri.getPath().empty() ? "/cgi-bin/sendsms" : uri.getPath();
    return e;
}

std::string sendsms_request_path(const KannelSettings& s, const KannelEndpoint& endpoint,
                                 std::string_view to, std::string_view text,
                                 std::int64_t outbox_id) {
    std::string q = endpoint.path;
    q += "?username=" + encode(s.username);
    q += "&password=" + encode(s.password);
    if (!s.from.empty())
        q += "&from=" + encode(s.from);
    q += "&to=" + encode(to);
    q += "&text=" + encode(text);
    q += "&charset=UTF-8";
    if (measure_sms(text).coding == SmsCoding::ucs2)
        q += "&coding=2";
    if (!s.dlr_url.empty() && outbox_id > 0) {
        const char join = s.dlr_url.find('?') == std::string::npos ? '?' : '&';
        q += "&dlr-mask=31&dlr-url=" +
             encode(s.dlr_url + join + "id=" + std::to_string(outbox_id) +
                    "&t=" + make_delivery_report_token(s.report_secret, outbox_id) + "&status=%d");
    }
    return q;
}

KannelChannel::KannelChannel(KannelSettings settings)
    : m_settings(std::move(settings)), m_endpoint(parse_kannel_url(m_settings.url)) {
    // Unsigned reports would be refused by `serve`: better to say so before anything is sent.
    if (!m_settings.dlr_url.empty() && m_settings.report_secret.empty())
        throw std::invalid_argument("dlr_url needs a secret to sign the delivery reports");
}

std::string KannelChannel::description() const {
    return "Kannel " + m_endpoint.host + ":" + std::to_string(m_endpoint.port);
}

std::unique_ptr<DeliverySession> KannelChannel::open_session() {
    return std::make_unique<KannelSession>(*this);
}

DeliveryOutcome send_single_sms(const KannelSettings& settings, std::string_view to,
                                std::string_view text) {
    try {
        KannelSettings s = settings;
        s.dlr_url.clear();
        KannelChannel channel(s);
        auto session = channel.open_session();
        auto outcome = session->send({0, Date(), to, text});
        session->close();
        return outcome;
    } catch (const std::exception& e) {
        return {DeliveryResult::temporary_failure, e.what()};
    }
}

}  // namespace homeroom::notify
