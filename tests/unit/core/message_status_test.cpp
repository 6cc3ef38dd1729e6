// Every pair of statuses, checked against the table in message_status.h, and the retry
// schedule.
#include "core/message_status.h"

#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "core/channel.h"

namespace homeroom {
namespace {

using S = MessageStatus;
using namespace std::chrono_literals;

const std::set<std::pair<S, S>> k_allowed = {
    {S::created, S::sending},
    {S::created, S::cancelled},
    {S::sending, S::sending},  // a new run reclaims an interrupted run's claim
    {S::sending, S::sent},
    {S::sending, S::temporary_failure},
    {S::sending, S::technical_failure},
    {S::sending, S::permanent_failure},
    {S::sent, S::delivered},
    {S::sent, S::permanent_failure},
    {S::temporary_failure, S::sending},
    {S::temporary_failure, S::technical_failure},
    {S::temporary_failure, S::cancelled},
};

TEST(MessageStatus, EveryTransitionIsAllowedExactlyWhenTheTableSaysSo) {
    for (S from : k_message_statuses)
        for (S to : k_message_statuses)
            EXPECT_EQ(is_transition_allowed(from, to), k_allowed.count({from, to}) == 1)
                << to_code(from) << " -> " << to_code(to);
}

TEST(MessageStatus, FinalStatusesHaveNoWayOut) {
    for (S from : k_message_statuses) {
        if (!is_final(from))
            continue;
        for (S to : k_message_statuses)
            EXPECT_FALSE(is_transition_allowed(from, to)) << to_code(from) << " -> " << to_code(to);
    }
    EXPECT_TRUE(is_final(S::delivered));
    EXPECT_TRUE(is_final(S::technical_failure));
    EXPECT_TRUE(is_final(S::permanent_failure));
    EXPECT_TRUE(is_final(S::cancelled));
    EXPECT_FALSE(is_final(S::created));
    EXPECT_FALSE(is_final(S::sending));
    EXPECT_FALSE(is_final(S::sent));  // an SMS delivery report may still come
    EXPECT_FALSE(is_final(S::temporary_failure));
}

TEST(MessageStatus, NothingEverReturnsToCreatedAndSentNeverGoesBackToSending) {
    for (S from : k_message_statuses) EXPECT_FALSE(is_transition_allowed(from, S::created));
    EXPECT_FALSE(is_transition_allowed(S::sent, S::sending));
    EXPECT_FALSE(is_transition_allowed(S::sent, S::temporary_failure));
    EXPECT_FALSE(is_transition_allowed(S::delivered, S::sent));
}

TEST(MessageStatus, AllowedSourcesListEveryStatusThatMayReachTheTarget) {
    EXPECT_EQ(allowed_sources(S::sending),
              (std::vector<S>{S::created, S::sending, S::temporary_failure}));
    EXPECT_EQ(allowed_sources(S::sent), std::vector<S>{S::sending});
    EXPECT_EQ(allowed_sources(S::delivered), std::vector<S>{S::sent});
    EXPECT_EQ(allowed_sources(S::permanent_failure), (std::vector<S>{S::sending, S::sent}));
    EXPECT_EQ(allowed_sources(S::cancelled), (std::vector<S>{S::created, S::temporary_failure}));
    EXPECT_TRUE(allowed_sources(S::created).empty());
}

TEST(MessageStatus, CodesRoundTripAndUnknownCodesAreRefused) {
    std::set<std::string_view> codes;
    for (S s : k_message_statuses) {
        EXPECT_EQ(parse_message_status(to_code(s)), s);
        codes.insert(to_code(s));
    }
    EXPECT_EQ(codes.size(), k_message_statuses.size());
    EXPECT_EQ(to_code(S::temporary_failure), "temporary-failure");
    EXPECT_EQ(parse_message_status("Sent"), std::nullopt);
    EXPECT_EQ(parse_message_status(""), std::nullopt);
}

TEST(RetryPolicy, DelaysDoubleFromTheFirstAndStopAtTheCap) {
    const RetryPolicy policy{6, 60s, 600s};
    const std::chrono::sys_seconds t{1'000'000s};
    EXPECT_EQ(next_retry_time(1, t, policy), t + 60s);
    EXPECT_EQ(next_retry_time(2, t, policy), t + 120s);
    EXPECT_EQ(next_retry_time(3, t, policy), t + 240s);
    EXPECT_EQ(next_retry_time(4, t, policy), t + 480s);
    EXPECT_EQ(next_retry_time(5, t, policy), t + 600s);  // capped
    EXPECT_EQ(next_retry_time(6, t, policy), std::nullopt);
}

TEST(RetryPolicy, TheLastAllowedAttemptEndsInTechnicalFailure) {
    const RetryPolicy policy{3, 10s, 100s};
    EXPECT_EQ(status_after_temporary_failure(1, policy), S::temporary_failure);
    EXPECT_EQ(status_after_temporary_failure(2, policy), S::temporary_failure);
    EXPECT_EQ(status_after_temporary_failure(3, policy), S::technical_failure);
    EXPECT_EQ(status_after_temporary_failure(7, policy), S::technical_failure);
    EXPECT_EQ(next_retry_time(3, std::chrono::sys_seconds{0s}, policy), std::nullopt);
}

TEST(RetryPolicy, AHugeAttemptCountDoesNotOverflowTheDelay) {
    const RetryPolicy policy{1000, 60s, 3600s};
    const std::chrono::sys_seconds t{0s};
    EXPECT_EQ(next_retry_time(999, t, policy), t + 3600s);
}

TEST(Channel, CodesRoundTrip) {
    EXPECT_EQ(to_code(Channel::email), "email");
    EXPECT_EQ(to_code(Channel::sms), "sms");
    EXPECT_EQ(parse_channel("email"), Channel::email);
    EXPECT_EQ(parse_channel("sms"), Channel::sms);
    EXPECT_EQ(parse_channel("both"), std::nullopt);
}

}  // namespace
}  // namespace homeroom
