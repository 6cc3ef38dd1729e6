// The life of one outbox message, after GOV.UK Notify's notification statuses:
//
//   created ──► sending ──► sent ──► delivered                  (delivered: SMS delivery report)
//                 │  ▲        └────► permanent-failure          (SMS report "undeliverable")
//                 │  │
//                 │  └── temporary-failure ──► technical-failure (retries exhausted)
//                 ├────► permanent-failure                       (5xx: the server refused for good)
//                 └────► technical-failure
//   created / temporary-failure ──► cancelled                    (e.g. opted out before sending)
//
// A status never moves backwards: nothing returns to created, nothing leaves a final status,
// and the only loop is the bounded retry (sending ⇄ temporary-failure, at most
// RetryPolicy::max_attempts times) plus sending → sending when a run reclaims the messages an
// interrupted run left claimed. Kept in core because the outbox (store) enforces it in SQL and
// store sits upstream of notify.
#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <string_view>
#include <vector>

namespace homeroom {

enum class MessageStatus {
    created,
    sending,
    sent,
    delivered,
    temporary_failure,
    technical_failure,
    permanent_failure,
    cancelled,
};

inline constexpr std::array<MessageStatus, 8> k_message_statuses = {
    MessageStatus::created,
    MessageStatus::sending,
    MessageStatus::sent,
    MessageStatus::delivered,
    MessageStatus::temporary_failure,
    MessageStatus::technical_failure,
    MessageStatus::permanent_failure,
    MessageStatus::cancelled};

// Stable codes stored in the outbox and shown by the CLI: "created", "sending", "sent",
// "delivered", "temporary-failure", "technical-failure", "permanent-failure", "cancelled".
std::string_view to_code(MessageStatus status);
std::optional<MessageStatus> parse_message_status(std::string_view code);

// No transition leaves a final status. `sent` is not final: an SMS delivery report may still
// move it to delivered or permanent-failure.
bool is_final(MessageStatus status);
bool is_transition_allowed(MessageStatus from, MessageStatus to);
// Every status from which `to` may be reached (for `UPDATE ... WHERE status IN (...)`).
std::vector<MessageStatus> allowed_sources(MessageStatus to);

struct RetryPolicy {
    int max_attempts = 5;  // attempts in all, the first one included
    std::chrono::seconds first_delay{60};
    std::chrono::seconds max_delay{std::chrono::hours(2)};
};

// When to try again after attempt number `attempts_made` (1 = the first) failed temporarily at
// `failed_at`: first_delay, then doubling, capped at max_delay. nullopt once max_attempts have
// been made: the message becomes technical-failure.
std::optional<std::chrono::sys_seconds> next_retry_time(int attempts_made,
                                                        std::chrono::sys_seconds failed_at,
                                                        const RetryPolicy& policy);

// temporary-failure while attempts remain, technical-failure after the last one.
MessageStatus status_after_temporary_failure(int attempts_made, const RetryPolicy& policy);

}  // namespace homeroom
