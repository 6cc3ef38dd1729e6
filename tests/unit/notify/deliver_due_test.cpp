// The delivery loop over a real outbox file and a scripted channel: outcomes recorded,
// retries scheduled, nothing claimed when the server is down, interrupted runs resumed.
#include "notify/deliver_due.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core/errors.h"
#include "fake_channel.h"
#include "notify/send_lock.h"
#include "store/database.h"
#include "store/outbox_repository.h"
#include "temp_dir.h"

namespace homeroom::notify {
namespace {

using namespace std::chrono_literals;
using store::OutboxRepository;
using testing::FakeChannel;

const std::chrono::sys_seconds k_now{1768806000s};  // 2026-01-19T07:00:00Z

struct Outbox {
    homeroom::testing::TempDir dir;
    store::Database db{dir / "h.db"};
    OutboxRepository repo{db};
    std::chrono::sys_seconds now = k_now;
    DeliveryOptions options;

    Outbox() {
        options.clock = [this] { return now; };
        options.retry = RetryPolicy{3, 60s, 3600s};
    }
    void queue(int n, int first = 1) {
        std::vector<store::NewOutboxMessage> messages;
        for (int i = first; i < first + n; ++i) {
            store::NewOutboxMessage m;
            m.key = {"C" + std::to_string(i), Date::from_ymd(2026, 1, 19), "weekly-digest",
                     Channel::email};
            m.recipient = "p" + std::to_string(i) + "@example.org";
            m.subject = "Weekly update";
            m.body = "Subject: x\r\n\r\nbody " + std::to_string(i) + "\r\n";
            m.allowed_by = "S via C: educational_rights";
            messages.push_back(m);
        }
        repo.queue_all(messages, now);
    }
    std::int64_t count(MessageStatus s) {
        for (const auto& c : repo.count_by_status({}))
            if (c.status == s)
                return c.count;
        return 0;
    }
};

TEST(DeliverDue, SendsEverythingDueOnceAndRecordsIt) {
    Outbox o;
    o.queue(5);
    FakeChannel channel;
    const auto report = deliver_due(o.repo, channel, o.options);
    EXPECT_EQ(report.claimed, 5u);
    EXPECT_EQ(report.sent, 5u);
    EXPECT_EQ(report.sessions, 1);
    EXPECT_TRUE(report.interrupted.empty());
    EXPECT_EQ(o.count(MessageStatus::sent), 5);
    const auto m = o.repo.list({}).front();
    EXPECT_EQ(m.provider_id, "250 ok");
    EXPECT_EQ(m.attempts, 1);
    EXPECT_EQ(m.sent_at, k_now);
    // Running again sends nothing new.
    const auto again = deliver_due(o.repo, channel, o.options);
    EXPECT_EQ(again.claimed, 0u);
    EXPECT_EQ(channel.delivered().size(), 5u);
}

TEST(DeliverDue, ATemporaryFailureIsRetriedAfterTheBackoff) {
    Outbox o;
    o.queue(2);
    FakeChannel channel;
    channel.script["p1@example.org"] = {DeliveryResult::temporary_failure};
    auto report = deliver_due(o.repo, channel, o.options);
    EXPECT_EQ(report.sent, 1u);
    EXPECT_EQ(report.temporary_failures, 1u);
    auto m = o.repo.list({.status = MessageStatus::temporary_failure}).at(0);
    EXPECT_EQ(m.recipient, "p1@example.org");
    EXPECT_EQ(m.next_attempt_at, k_now + 60s);
    EXPECT_EQ(m.last_error, "4xx/5xx scripted");

    o.now = k_now + 59s;  // not yet due
    EXPECT_EQ(deliver_due(o.repo, channel, o.options).claimed, 0u);
    o.now = k_now + 60s;
    report = deliver_due(o.repo, channel, o.options);
    EXPECT_EQ(report.sent, 1u);
    m = *o.repo.find(m.id);
    EXPECT_EQ(m.status, MessageStatus::sent);
    EXPECT_EQ(m.attempts, 2);
}

TEST(DeliverDue, RetriesEndInTechnicalFailureAfterTheLastAttempt) {
    Outbox o;
    o.queue(1);
    FakeChannel channel;
    channel.script["p1@example.org"] = {DeliveryResult::temporary_failure,
                                        DeliveryResult::temporary_failure,
                                        DeliveryResult::temporary_failure};
    deliver_due(o.repo, channel, o.options);
    o.now += 60s;
    deliver_due(o.repo, channel, o.options);
    o.now += 120s;
    const auto report = deliver_due(o.repo, channel, o.options);
    EXPECT_EQ(report.technical_failures, 1u);
    EXPECT_EQ(o.count(MessageStatus::technical_failure), 1);
    o.now += 24h;
    EXPECT_EQ(deliver_due(o.repo, channel, o.options).claimed, 0u);  // final
}

TEST(DeliverDue, APermanentFailureIsNeverRetried) {
    Outbox o;
    o.queue(1);
    FakeChannel channel;
    channel.script["p1@example.org"] = {DeliveryResult::permanent_failure};
    EXPECT_EQ(deliver_due(o.repo, channel, o.options).permanent_failures, 1u);
    o.now += 24h;
    EXPECT_EQ(deliver_due(o.repo, channel, o.options).claimed, 0u);
    EXPECT_EQ(o.count(MessageStatus::permanent_failure), 1);
}

TEST(DeliverDue, AServerDownAtTheStartClaimsNothing) {
    Outbox o;
    o.queue(3);
    FakeChannel channel;
    channel.down = true;
    try {
        deliver_due(o.repo, channel, o.options);
        FAIL() << "expected UnavailableError";
    } catch (const UnavailableError& e) {
        EXPECT_STREQ(e.what(), "cannot connect to fake server: Connection refused");
    }
    EXPECT_EQ(o.count(MessageStatus::created), 3);
    for (const auto& m : o.repo.list({})) EXPECT_EQ(m.attempts, 0);
}

TEST(DeliverDue, AServerLostMidRunLeavesTheRestDueAndTheNextRunSendsThem) {
    Outbox o;
    o.queue(6);
    FakeChannel channel;
    channel.lose_after_sends = 2;
    const auto report = deliver_due(o.repo, channel, o.options);
    EXPECT_EQ(report.sent, 2u);
    EXPECT_EQ(report.not_attempted, 4u);
    EXPECT_EQ(report.interrupted, "cannot connect to fake server: Connection refused");
    EXPECT_EQ(o.count(MessageStatus::temporary_failure), 4);
    EXPECT_EQ(o.count(MessageStatus::sent), 2);

    channel.lose_after_sends = -1;
    const auto rerun = deliver_due(o.repo, channel, o.options);  // due at once
    EXPECT_EQ(rerun.sent, 4u);
    auto delivered = channel.delivered();
    std::sort(delivered.begin(), delivered.end());
    EXPECT_EQ(std::unique(delivered.begin(), delivered.end()), delivered.end());
    EXPECT_EQ(delivered.size(), 6u);
}

TEST(DeliverDue, MessagesLeftSendingByAKilledRunAreReclaimed) {
    Outbox o;
    o.queue(4);
    const auto orphaned = o.repo.claim_due(Channel::email, k_now, 3, "killed-run", false);
    ASSERT_EQ(orphaned.size(), 3u);
    FakeChannel channel;
    const auto report = deliver_due(o.repo, channel, o.options);
    EXPECT_EQ(report.sent, 4u);
    EXPECT_EQ(o.count(MessageStatus::sent), 4);
    EXPECT_EQ(o.repo.find(orphaned[0].id)->attempts, 1);  // the claim was not an attempt
}

// Audit F.25: six killed runs left a message at attempts=6 of 5 though the server never saw it.
TEST(DeliverDue, RunsKilledBeforeOfferingAMessageUseUpNoneOfItsRetries) {
    Outbox o;
    o.queue(1);
    for (int run = 0; run < 6; ++run)
        ASSERT_EQ(o.repo.claim_due(Channel::email, o.now, 1, "killed-" + std::to_string(run), true)
                      .size(),
                  1u);
    FakeChannel channel;
    channel.script["p1@example.org"] = {DeliveryResult::temporary_failure};
    const auto report = deliver_due(o.repo, channel, o.options);
    EXPECT_EQ(report.temporary_failures, 1u);
    EXPECT_EQ(report.technical_failures, 0u);
    const auto m = o.repo.list({}).at(0);
    EXPECT_EQ(m.status, MessageStatus::temporary_failure);
    EXPECT_EQ(m.attempts, 1);
    EXPECT_EQ(m.next_attempt_at, o.now + 60s);  // the first backoff, not the sixth
}

// Review: a gateway that takes a text and never answers used to have it released unsent and
// uncounted, so every hourly run could send it again. It counts, waits its backoff, and ends.
TEST(DeliverDue, AMessageInDoubtCountsAsAnAttemptAndTheSessionStops) {
    Outbox o;
    o.queue(4);
    FakeChannel channel;
    channel.in_doubt_at_send = 1;
    const auto report = deliver_due(o.repo, channel, o.options);
    EXPECT_EQ(report.sent, 1u);
    EXPECT_EQ(report.temporary_failures, 1u);
    EXPECT_EQ(report.not_attempted, 2u);
    const auto doubtful = o.repo.list({.status = MessageStatus::temporary_failure});
    ASSERT_EQ(doubtful.size(), 3u);
    int counted = 0;
    for (const auto& m : doubtful) {
        if (m.attempts == 1) {
            ++counted;
            EXPECT_EQ(m.last_error,
                      "no answer from fake server: Timeout (it may have been accepted)");
            EXPECT_EQ(m.next_attempt_at, o.now + 60s);
        } else {
            EXPECT_EQ(m.attempts, 0);
            EXPECT_EQ(m.next_attempt_at, o.now);
        }
    }
    EXPECT_EQ(counted, 1);
}

TEST(DeliverDue, ASenderRefusalStopsEverySessionAndGivesTheMessagesBack) {
    Outbox o;
    o.queue(40);
    FakeChannel channel;
    channel.sessions = 3;
    channel.refuse_sender = "fake server refused the sender <b@example.org> at MAIL FROM: 530";
    const auto report = deliver_due(o.repo, channel, o.options);
    EXPECT_EQ(report.sender_refused, channel.refuse_sender);
    EXPECT_TRUE(report.sender_refusal_permanent);
    EXPECT_EQ(report.sent + report.permanent_failures + report.temporary_failures, 0u);
    EXPECT_LE(report.claimed, 3 * o.options.claim_batch);  // each session stopped at once
    EXPECT_EQ(report.not_attempted, report.claimed);
    EXPECT_EQ(o.count(MessageStatus::permanent_failure), 0);
    for (const auto& m : o.repo.list({})) EXPECT_EQ(m.attempts, 0);
    channel.refuse_sender.clear();
    EXPECT_EQ(deliver_due(o.repo, channel, o.options).sent, 40u);
}

TEST(DeliverDue, OnlyOneRunSendsAtATime) {
    Outbox o;
    o.queue(1);
    SendLock held(o.db.path());
    FakeChannel channel;
    EXPECT_THROW(deliver_due(o.repo, channel, o.options), LockedError);
    EXPECT_EQ(o.count(MessageStatus::created), 1);
}

TEST(DeliverDue, ParallelSessionsSendEachMessageExactlyOnce) {
    Outbox o;
    o.queue(300);
    FakeChannel channel;
    channel.sessions = 4;
    const auto report = deliver_due(o.repo, channel, o.options);
    EXPECT_EQ(report.sessions, 4);
    EXPECT_EQ(report.sent, 300u);
    auto delivered = channel.delivered();
    std::set<std::string> unique(delivered.begin(), delivered.end());
    EXPECT_EQ(delivered.size(), 300u);
    EXPECT_EQ(unique.size(), 300u);
}

TEST(DeliverDue, StopsAfterMaxMessages) {
    Outbox o;
    o.queue(10);
    FakeChannel channel;
    o.options.max_messages = 4;
    o.options.claim_batch = 3;
    EXPECT_EQ(deliver_due(o.repo, channel, o.options).sent, 4u);
    EXPECT_EQ(o.count(MessageStatus::created), 6);
}

TEST(DeliverDue, EachOutcomeIsCommittedBeforeTheNextMessageGoesOut) {
    Outbox o;
    o.queue(5);
    FakeChannel channel;
    // A second connection to the file sees, at each send, every earlier message as sent:
    // a kill at any point can leave at most the message in flight unrecorded.
    store::Database observer_db(o.db.path());
    OutboxRepository observer(observer_db);
    int sends = 0;
    channel.on_send = [&](const OutgoingMessage&) {
        std::int64_t sent = 0;
        for (const auto& c : observer.count_by_status({}))
            if (c.status == MessageStatus::sent)
                sent = c.count;
        EXPECT_EQ(sent, sends);
        ++sends;
    };
    deliver_due(o.repo, channel, o.options);
    EXPECT_EQ(sends, 5);
}

}  // namespace
}  // namespace homeroom::notify
