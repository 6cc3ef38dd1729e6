#include "notify/smtp_channel.h"

#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Timespan.h>

#include <csignal>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "core/ascii_text.h"
#include "core/errors.h"
#include "notify/recipient_address.h"

namespace homeroom::notify {
namespace {

// The session with its protected parts opened up: the socket (to write DATA without a
// MailMessage and to switch to TLS) and the AUTH mechanisms (chosen from our own EHLO).
class SmtpClient : public Poco::Net::SMTPClientSession {
  public:
    explicit SmtpClient(const Poco::Net::StreamSocket& socket) : SMTPClientSession(socket) {}
    using SMTPClientSession::loginUsingLogin;
    using SMTPClientSession::loginUsingPlain;
    using SMTPClientSession::socket;
};

// The connection went away (or the server stopped making sense) in the middle of a command.
struct ConnectionLost : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::string poco_reason(const Poco::Exception& e) {
    // Poco puts the errno text in name() and often just the address in message().
    const std::string message = e.message();
    if (message.empty() || message.find(':') == std::string::npos)
        return e.name();
    return e.displayText();
}

std::string first_line(std::string text) {
    const auto nl = text.find_first_of("\r\n");
    if (nl != std::string::npos)
        text.resize(nl);
    if (text.size() > 300)
        text.resize(300);
    return text;
}

// Answers to RCPT TO that are about the session, not the recipient: 530 authentication
// required (RFC 4954), 538 encryption required, and a relay that will not relay for us ("554
// 5.7.1 Relay access denied": every recipient of the week would get it).
bool refuses_session(int status, const std::string& reply) {
    if (status == 530 || status == 538)
        return true;
    return status >= 500 && ascii_lower(reply).find("relay") != std::string::npos;
}

bool ehlo_offers(const std::string& ehlo, std::string_view keyword) {
    // Lines look like "250-STARTTLS" / "250 AUTH LOGIN PLAIN".
    std::size_t start = 0;
    while (start < ehlo.size()) {
        auto end = ehlo.find('\n', start);
        if (end == std::string::npos)
            end = ehlo.size();
        std::string line = ehlo.substr(start, end - start);
        if (line.size() > 4)
            line = line.substr(4);
        for (auto& c : line)
            if (c >= 'a' && c <= 'z')
                c = static_cast<char>(c - 'a' + 'A');
        if (line.rfind(keyword, 0) == 0)
            return true;
        start = end + 1;
    }
    return false;
}

bool auth_offers(const std::string& ehlo, std::string_view mechanism) {
    std::size_t start = 0;
    while (start < ehlo.size()) {
        auto end = ehlo.find('\n', start);
        if (end == std::string::npos)
            end = ehlo.size();
        std::string line = ehlo.substr(start, end - start);
        for (auto& c : line)
            if (c >= 'a' && c <= 'z')
                c = static_cast<char>(c - 'a' + 'A');
        if (line.size() > 4 && line.compare(4, 5, "AUTH ") == 0 &&
            (" " + line.substr(9) + " ").find(" " + std::string(mechanism) + " ") !=
                std::string::npos)
            return true;
        start = end + 1;
    }
    return false;
}

void initialize_ssl_once() {
    static std::once_flag once;
    std::call_once(once, [] {
        Poco::Net::initializeSSL();
        // Plain sockets send with MSG_NOSIGNAL, but OpenSSL writes with write(2): a server
        // that drops a TLS connection would kill the whole run with SIGPIPE instead of
        // giving us EPIPE to handle like any lost connection.
        ::signal(SIGPIPE, SIG_IGN);
    });
}

class SmtpSession : public DeliverySession {
  public:
    SmtpSession(const SmtpSettings& settings, std::string description, Poco::Net::Context::Ptr tls)
        : m_settings(settings), m_description(std::move(description)), m_tls(std::move(tls)) {
        connect();
    }
    ~SmtpSession() override { close(); }

    DeliveryOutcome send(const OutgoingMessage& message) override {
        const std::string recipient = trim_address(message.recipient);
        if (!is_plain_addr_spec(recipient))
            return {DeliveryResult::permanent_failure, "recipient is not a plain address"};
        for (int round = 0;; ++round) {
            if (!m_client)
                reconnect();  // UnavailableError when the server stays away
            bool data_ended = false;
            try {
                return transact(recipient, message.body, data_ended);
            } catch (const ConnectionLost& e) {
                drop();
                if (data_ended)
                    return {DeliveryResult::temporary_failure,
                            std::string("connection lost after the message was sent, before the "
                                        "server answered (it may have been accepted): ") +
                                e.what()};
                if (round > 0)  // lost twice in a row on fresh connections: leave it for later
                    return {DeliveryResult::temporary_failure,
                            std::string("connection lost: ") + e.what()};
            }
        }
    }

    void close() noexcept override {
        if (!m_client)
            return;
        try {
            m_client->close();  // QUIT
        } catch (...) {         // a goodbye that fails changes nothing
        }
        m_client.reset();
    }

  private:
    // One command, one reply. A reply that is not a reply (status 0: end of stream or noise)
    // and every socket error mean the connection is gone.
    int command(const std::string& text, std::string& reply) {
        try {
            const int status = m_client->sendCommand(text, reply);
            if (status < 200 || status > 599)
                throw ConnectionLost("no valid reply to " + text.substr(0, text.find(':')) +
                                     (reply.empty() ? "" : ": " + first_line(reply)));
            return status;
        } catch (const Poco::Exception& e) {
            throw ConnectionLost(poco_reason(e));
        }
    }

    void write(std::string_view bytes) {
        try {
            auto& socket = m_client->socket();
            while (!bytes.empty()) {
                const int n = socket.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
                if (n <= 0)
                    throw ConnectionLost("the server closed the connection");
                bytes.remove_prefix(static_cast<std::size_t>(n));
            }
        } catch (const Poco::Exception& e) {
            throw ConnectionLost(poco_reason(e));
        }
    }

    int read_reply(std::string& reply) {
        try {
            const int status = m_client->socket().receiveStatusMessage(reply);
            if (status < 200 || status > 599)
                throw ConnectionLost("no valid reply to the message data");
            return status;
        } catch (const Poco::Exception& e) {
            throw ConnectionLost(poco_reason(e));
        }
    }

    // A refusal: 4xx is worth another try later, 5xx is not. 421 also closes the connection.
    DeliveryOutcome refused(int status, std::string_view step, const std::string& reply) {
        m_needs_reset = true;
        if (status == 421)
            drop();
        const std::string detail = std::string(step) + ": " + first_line(reply);
        if (status >= 500)
            return {DeliveryResult::permanent_failure, detail};
        return {DeliveryResult::temporary_failure, detail};
    }

    // A refusal of the sender (any answer to MAIL FROM but 2xx) or of the session is no
    // message's fault: nothing of this message was accepted, and the next would fare the same.
    [[noreturn]] void refuse_sender(int status, std::string_view step, const std::string& reply) {
        m_needs_reset = true;
        if (status == 421)
            drop();
        throw SenderRefusedError(m_description + " refused the sender <" +
                                     m_settings.envelope_from + "> at " + std::string(step) + ": " +
                                     first_line(reply),
                                 status >= 500);
    }

    DeliveryOutcome transact(const std::string& recipient, std::string_view body,
                             bool& data_ended) {
        std::string reply;
        if (m_needs_reset) {
            command("RSET", reply);
            m_needs_reset = false;
        }
        int status = command("MAIL FROM:<" + m_settings.envelope_from + ">", reply);
        if (status / 100 != 2)
            refuse_sender(status, "MAIL FROM", reply);
        status = command("RCPT TO:<" + recipient + ">", reply);
        if (refuses_session(status, reply))
            refuse_sender(status, "RCPT TO", reply);
        if (status / 100 != 2)
            return refused(status, "RCPT TO", reply);
        status = command("DATA", reply);
        if (status != 354)
            return refused(status, "DATA", reply);
        write(smtp_data_payload(body));
        // From here on the server may have the whole message: a lost connection is ambiguous.
        data_ended = true;
        write(".\r\n");
        status = read_reply(reply);
        if (status / 100 != 2) {
            DeliveryOutcome outcome = refused(status, "end of DATA", reply);
            m_needs_reset = false;  // the transaction is over either way
            return outcome;
        }
        return {DeliveryResult::sent, first_line(reply)};
    }

    void drop() noexcept {
        if (!m_client)
            return;
        try {
            m_client->socket().close();
        } catch (...) {  // already broken
        }
        m_client.reset();
        m_needs_reset = false;
    }

    void reconnect() {
        auto delay = m_settings.reconnect_delay;
        for (int attempt = 1;; ++attempt) {
            try {
                connect();
                return;
            } catch (const UnavailableError&) {
                if (attempt >= m_settings.reconnect_attempts)
                    throw;
            }
            std::this_thread::sleep_for(delay);
            delay *= 2;
        }
    }

    std::string ehlo() {
        std::string reply;
        int status = command("EHLO " + m_settings.helo_name, reply);
        if (status / 100 != 2) {
            status = command("HELO " + m_settings.helo_name, reply);
            if (status / 100 != 2)
                throw UnavailableError("SMTP server refused HELO: " + first_line(reply));
        }
        return reply;
    }

    void connect() {
        const std::string where = "cannot connect to " + m_description + ": ";
        try {
            Poco::Net::SocketAddress address(m_settings.host, m_settings.port);
            Poco::Net::StreamSocket socket;
            socket.connect(address, Poco::Timespan(m_settings.timeout.count() * 1000));
            socket.setNoDelay(true);
            auto client = std::make_unique<SmtpClient>(socket);
            client->setTimeout(Poco::Timespan(m_settings.timeout.count() * 1000));
            m_client = std::move(client);
            m_client->open();  // the greeting
            std::string offers = ehlo();
            if (m_settings.tls == SmtpTls::starttls) {
                if (!ehlo_offers(offers, "STARTTLS"))
                    throw UnavailableError("the server does not offer STARTTLS");
                std::string reply;
                if (command("STARTTLS", reply) / 100 != 2)
                    throw UnavailableError("STARTTLS refused: " + first_line(reply));
                m_client->socket() = Poco::Net::SecureStreamSocket::attach(m_client->socket(),
                                                                           m_settings.host, m_tls);
                offers = ehlo();  // RFC 3207: forget what was said before TLS
            }
            if (!m_settings.username.empty()) {
                const auto want = m_settings.auth;
                const bool plain = want != SmtpAuth::login && auth_offers(offers, "PLAIN");
                const bool login = want != SmtpAuth::plain && auth_offers(offers, "LOGIN");
                try {
                    if (plain)
                        m_client->loginUsingPlain(m_settings.username, m_settings.password);
                    else if (login)
                        m_client->loginUsingLogin(m_settings.username, m_settings.password);
                } catch (const Poco::Net::SMTPException& e) {
                    throw UnavailableError("login as \"" + m_settings.username +
                                           "\" refused: " + first_line(e.message()));
                }
                if (!plain && !login)
                    throw UnavailableError("the server offers no AUTH mechanism we can use" +
                                           std::string(m_settings.tls == SmtpTls::none
                                                           ? " (servers often offer AUTH only "
                                                             "after STARTTLS: set tls = starttls)"
                                                           : ""));
            }
            m_needs_reset = false;
        } catch (const UnavailableError& e) {
            drop();
            throw UnavailableError(where + e.what());
        } catch (const ConnectionLost& e) {
            drop();
            throw UnavailableError(where + e.what());
        } catch (const Poco::Net::SMTPException& e) {
            drop();
            throw UnavailableError(where + e.message() +
                                   (e.nested() ? ": " + first_line(e.nested()->message()) : ""));
        } catch (const Poco::Exception& e) {
            drop();
            throw UnavailableError(where + poco_reason(e));
        }
    }

    const SmtpSettings& m_settings;
    const std::string m_description;
    Poco::Net::Context::Ptr m_tls;
    std::unique_ptr<SmtpClient> m_client;
    bool m_needs_reset = false;
};

}  // namespace

std::optional<SmtpTls> parse_smtp_tls(std::string_view code) {
    if (code == "none")
        return SmtpTls::none;
    if (code == "starttls")
        return SmtpTls::starttls;
    return std::nullopt;
}

std::optional<SmtpAuth> parse_smtp_auth(std::string_view code) {
    if (code == "auto")
        return SmtpAuth::automatic;
    if (code == "plain")
        return SmtpAuth::plain;
    if (code == "login")
        return SmtpAuth::login;
    return std::nullopt;
}

SmtpChannel::SmtpChannel(SmtpSettings settings) : m_settings(std::move(settings)) {
    if (m_settings.host.empty())
        throw std::invalid_argument("SMTP host is empty");
    if (!is_plain_addr_spec(m_settings.envelope_from))
        throw std::invalid_argument("SMTP envelope sender is not a plain address");
    if (m_settings.connections < 1)
        throw std::invalid_argument("SMTP connections must be at least 1");
    for (const auto* text : {&m_settings.helo_name, &m_settings.username, &m_settings.password})
        for (char c : *text)
            if (c == '\r' || c == '\n' || c == '\0')
                throw std::invalid_argument("SMTP settings contain a line break");
}

std::string SmtpChannel::description() const {
    return "SMTP server " + m_settings.host + ":" + std::to_string(m_settings.port);
}

std::unique_ptr<DeliverySession> SmtpChannel::open_session() {
    Poco::Net::Context::Ptr tls;
    if (m_settings.tls == SmtpTls::starttls) {
        initialize_ssl_once();
        try {
            Poco::Net::Context::Params params;
            params.caLocation = m_settings.ca_file;
            params.loadDefaultCAs = m_settings.ca_file.empty();
            params.verificationMode = m_settings.verify_certificate
                                          ? Poco::Net::Context::VERIFY_RELAXED
                                          : Poco::Net::Context::VERIFY_NONE;
            tls = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
        } catch (const Poco::Exception& e) {
            throw IoError("cannot load TLS certificates " + m_settings.ca_file + ": " +
                          e.displayText());
        }
    }
    return std::make_unique<SmtpSession>(m_settings, description(), tls);
}

std::string smtp_data_payload(std::string_view message) {
    std::string out;
    out.reserve(message.size() + message.size() / 64 + 4);
    bool line_start = true;
    for (std::size_t i = 0; i < message.size(); ++i) {
        const char c = message[i];
        if (line_start && c == '.')
            out += '.';
        if (c == '\r' && i + 1 < message.size() && message[i + 1] == '\n')
            continue;  // the LF that follows writes the CRLF
        if (c == '\n' || c == '\r') {
            out += "\r\n";
            line_start = true;
            continue;
        }
        out += c;
        line_start = false;
    }
    if (!line_start)
        out += "\r\n";
    return out;
}

}  // namespace homeroom::notify
