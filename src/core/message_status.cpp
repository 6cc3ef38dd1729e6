#include "core/message_status.h"

#include <algorithm>

namespace homeroom {

std::string_view to_code(MessageStatus status) {
    switch (status) {
        case MessageStatus::created:
            return "created";
        case MessageStatus::sending:
            return "sending";
        case MessageStatus::sent:
            return "sent";
        case MessageStatus::delivered:
            return "delivered";
        case MessageStatus::temporary_failure:
            return "temporary-failure";
        case MessageStatus::technical_failure:
            return "technical-failure";
        case MessageStatus::permanent_failure:
            return "permanent-failure";
        case MessageStatus::cancelled:
            return "cancelled";
    }
    return "created";  // unreachable: every enumerator is handled above
}

std::optional<MessageStatus> parse_message_status(std::string_view code) {
    for (MessageStatus s : k_message_statuses)
        if (to_code(s) == code)
            return s;
    return std::nullopt;
}

bool is_final(MessageStatus status) {
    switch (status) {
        case MessageStatus::delivered:
        case MessageStatus::technical_failure:
        case MessageStatus::permanent_failure:
        case MessageStatus::cancelled:
            return true;
        case MessageStatus::created:
        case MessageStatus::sending:
        case MessageStatus::sent:
        case MessageStatus::temporary_failure:
            return false;
    }
    return true;
}

bool is_transition_allowed(MessageStatus from, MessageStatus to) {
    using S = MessageStatus;
    switch (from) {
        case S::created:
            return to == S::sending || to == S::cancelled;
        // sending → sending: a new run reclaims what an interrupted run had claimed.
        case S::sending:
            return to == S::sending || to == S::sent || to == S::temporary_failure ||
                   to == S::technical_failure || to == S::permanent_failure;
        case S::sent:
            return to == S::delivered || to == S::permanent_failure;
        case S::temporary_failure:
            return to == S::sending || to == S::technical_failure || to == S::cancelled;
        case S::delivered:
        case S::technical_failure:
        case S::permanent_failure:
        case S::cancelled:
            return false;
    }
    return false;
}

std::vector<MessageStatus> allowed_sources(MessageStatus to) {
    std::vector<MessageStatus> out;
    for (MessageStatus from : k_message_statuses)
        if (is_transition_allowed(from, to))
            out.push_back(from);
    return out;
}

std::optional<std::chrono::sys_seconds> next_retry_time(int attempts_made,
                                                        std::chrono::sys_seconds failed_at,
                                                        const RetryPolicy& policy) {
    if (attempts_made >= policy.max_attempts)
        return std::nullopt;
    std::chrono::seconds delay = policy.first_delay;
    for (int i = 1; i < attempts_made && delay < policy.max_delay; ++i) delay *= 2;
    return failed_at + std::min(delay, policy.max_delay);
}

MessageStatus status_after_temporary_failure(int attempts_made, const RetryPolicy& policy) {
    return attempts_made >= policy.max_attempts ? MessageStatus::technical_failure
                                                : MessageStatus::temporary_failure;
}

}  // namespace homeroom
