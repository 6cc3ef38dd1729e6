// Delivery to an SMTP relay over Poco::Net: one message per transaction (MAIL FROM, one
// RCPT TO, DATA), several connections in parallel, each reused for many messages.
//
//   - TCP_NODELAY on every connection: with Nagle's algorithm each SMTP round trip waits for
//     the delayed ACK (~40 ms), which caps a connection at ~22 messages/s.
//   - STARTTLS when asked (never silently skipped: a server that does not offer it is an
//     error); the certificate is verified unless told otherwise. AUTH PLAIN or LOGIN, as the
//     server offers, when a username is set. The first TLS session sets SIGPIPE to ignored
//     for the process (OpenSSL writes without MSG_NOSIGNAL).
//   - Per recipient: 2xx → sent, 4xx → temporary failure (retried later), 5xx → permanent.
//     A refusal of the sender (MAIL FROM) or of the session (530 or 538 to RCPT TO, or a 5xx
//     refusing to relay) is not the recipient's: SenderRefusedError, and the message goes
//     back to the queue unsent.
//   - RSET follows a refused transaction; after a completed DATA the session is already reset
//     (RFC 5321 §4.1.1.4), so a run of good messages costs four round trips each, no more.
//   - A connection that drops is reopened. If it dropped before the final "." of a message
//     was written, the server cannot have accepted it and it is sent again on the new
//     connection; if it dropped after, the outcome is unknown and the message is reported as
//     a temporary failure (it may arrive twice — the only way this channel can duplicate).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "notify/delivery_channel.h"

namespace homeroom::notify {

enum class SmtpTls { none, starttls };
std::optional<SmtpTls> parse_smtp_tls(std::string_view code);  // "none" | "starttls"

// automatic: PLAIN if the server offers it, else LOGIN.
enum class SmtpAuth { automatic, plain, login };
std::optional<SmtpAuth> parse_smtp_auth(std::string_view code);  // "auto" | "plain" | "login"

struct SmtpSettings {
    std::string host = "127.0.0.1";
    std::uint16_t port = 25;
    SmtpTls tls = SmtpTls::none;
    std::string username, password;  // AUTH when username is not empty
    SmtpAuth auth = SmtpAuth::automatic;
    int connections = 1;        // parallel sessions
    std::string envelope_from;  // MAIL FROM: where bounces go; a plain addr-spec
    std::string helo_name = "localhost";
    std::string ca_file;             // PEM CAs to trust for STARTTLS; empty: the system's
    bool verify_certificate = true;  // false only against a test server
    std::chrono::milliseconds timeout{30000};
    int reconnect_attempts = 3;  // per lost connection, before giving up with UnavailableError
    std::chrono::milliseconds reconnect_delay{200};  // doubled after each failed attempt
};

class SmtpChannel : public DeliveryChannel {
  public:
    // std::invalid_argument for settings that cannot work (bad envelope_from, no host, ...).
    explicit SmtpChannel(SmtpSettings settings);

    Channel channel() const override { return Channel::email; }
    std::string description() const override;  // "SMTP server HOST:PORT"
    int max_sessions() const override { return m_settings.connections; }
    // Connects, greets, STARTTLS and AUTH as configured. UnavailableError("cannot connect to
    // SMTP server HOST:PORT: why") when any of it fails.
    std::unique_ptr<DeliverySession> open_session() override;

    const SmtpSettings& settings() const { return m_settings; }

  private:
    SmtpSettings m_settings;
};

// Dot-stuffing (RFC 5321 §4.5.2) and CRLF line ends for the DATA phase, without the final
// ".": every line starting with "." gets another, bare LF becomes CRLF, the text ends with CRLF.
std::string smtp_data_payload(std::string_view message);

}  // namespace homeroom::notify
