// Sends what is due in the outbox through a channel and records every outcome.
//
// Crash safety. A run holds the SendLock, claims small batches (marked `sending` and committed
// before a byte goes out), and records each message's outcome in its own commit before the
// session starts the next message. After kill -9 the next run reclaims every message left
// `sending` and sends it. Of those, only a message whose final "." had reached the server
// but whose outcome was not yet committed can arrive twice: at most one per session, so
// duplicates after a kill are at most max_sessions() (SMTP; the file channel rewrites the
// same file and never duplicates). Messages claimed but not yet started are not duplicates:
// the server never saw them.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

#include "core/message_status.h"
#include "notify/delivery_channel.h"
#include "store/outbox_repository.h"

namespace homeroom::notify {

struct DeliveryOptions {
    std::size_t claim_batch = 16;  // messages a session claims at a time
    std::size_t max_messages = 0;  // stop after claiming this many; 0: all that are due
    RetryPolicy retry;
    // The time of each claim and outcome; default: the system clock.
    std::function<std::chrono::sys_seconds()> clock;
    // Called after each recorded outcome with (outcomes so far, claimed so far), from the
    // sending threads one at a time: for a progress line.
    std::function<void(std::size_t, std::size_t)> progress;
};

struct DeliveryReport {
    int sessions = 0;  // connections actually used
    std::size_t claimed = 0;
    std::size_t sent = 0;
    std::size_t temporary_failures = 0;  // will be retried
    std::size_t technical_failures = 0;  // retries exhausted
    std::size_t permanent_failures = 0;
    std::size_t not_attempted = 0;  // claimed, then released when the server went away
    std::size_t lost_claims = 0;    // outcome not recorded: the message was no longer ours
    // Why sending stopped early (the server became unreachable mid-run); empty otherwise.
    std::string interrupted;
    // The server refused the sender or the session (SenderRefusedError): the run stopped and the
    // messages in hand went back to the queue unsent. Permanent (5xx): the settings are wrong.
    std::string sender_refused;
    bool sender_refusal_permanent = false;
    double seconds = 0;
};

// Takes the send lock, opens the channel's sessions, then sends until nothing is due.
// Throws UnavailableError when no session can be opened (nothing is claimed then, nothing
// marked sent), LockedError when another run holds the send lock; IoError for the database.
DeliveryReport deliver_due(store::OutboxRepository& outbox, DeliveryChannel& channel,
                           const DeliveryOptions& options = {});

}  // namespace homeroom::notify
