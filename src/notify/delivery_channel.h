// A way out for queued messages (SMTP, a folder of .eml files, later an SMS gateway), as
// deliver_due sees it: a channel opens sessions, a session sends one message at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/channel.h"
#include "core/date.h"
#include "core/errors.h"

namespace homeroom::notify {

struct OutgoingMessage {
    std::int64_t outbox_id = 0;
    Date week;
    std::string_view recipient;
    std::string_view body;  // the exact bytes to deliver
};

enum class DeliveryResult {
    sent,               // the server took responsibility for it (2xx)
    temporary_failure,  // try again later (4xx, connection lost)
    permanent_failure,  // never try again (5xx)
};

struct DeliveryOutcome {
    DeliveryResult result = DeliveryResult::temporary_failure;
    // The server's answer ("250 2.0.0 Ok: queued as 4F2A1", "550 5.1.1 no such user") or
    // what went wrong; for `sent`, stored as the provider id.
    std::string detail;
};

// The server refused the sender or the session rather than this message's recipient (MAIL
// FROM refused, "530 Must issue a STARTTLS command first", a gateway's credentials refused): no
// message can get through until the settings change (`permanent`, a 5xx) or the server recovers
// (a 4xx). Nothing of the message was accepted, so it is given back unsent, not failed.
struct SenderRefusedError : UnavailableError {
    SenderRefusedError(const std::string& what, bool permanent_refusal)
        : UnavailableError(what), permanent(permanent_refusal) {}
    bool permanent;
};

// The message went out and no answer came (a gateway that took the request and then timed out):
// it may have been accepted, so it is not offered again at once — it counts as an attempt
// (retried after the backoff, at most RetryPolicy::max_attempts times) and the run stops, since
// the next message would most likely wait just as long.
struct DeliveryInDoubtError : UnavailableError {
    using UnavailableError::UnavailableError;
};

// One connection, used by one thread at a time, reused for many messages.
class DeliverySession {
  public:
    virtual ~DeliverySession() = default;
    // The outcome for the message's recipient. Throws UnavailableError when the connection is
    // gone and cannot be restored, SenderRefusedError when the server refuses the sender or the
    // session — and then no byte of this message reached the server.
    virtual DeliveryOutcome send(const OutgoingMessage& message) = 0;
    // Says goodbye politely (QUIT); never throws.
    virtual void close() noexcept = 0;
};

class DeliveryChannel {
  public:
    virtual ~DeliveryChannel() = default;
    virtual Channel channel() const = 0;
    // For messages: "SMTP server 127.0.0.1:2525", "folder output/outbox".
    virtual std::string description() const = 0;
    // How many sessions deliver_due should run in parallel.
    virtual int max_sessions() const = 0;
    // Throws UnavailableError("cannot connect to SMTP server HOST:PORT: why") or IoError.
    virtual std::unique_ptr<DeliverySession> open_session() = 0;
};

}  // namespace homeroom::notify
