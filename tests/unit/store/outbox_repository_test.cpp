// The outbox on a real SQLite file: idempotent queuing, claims committed before sending,
// statuses that never move backwards even from a second connection, and the CLI's queries.
#include "store/outbox_repository.h"

#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/database.h"
#include "store/schema.h"
#include "temp_dir.h"

namespace homeroom::store {
namespace {

using namespace std::chrono_literals;
const TimePoint k_now{1768806000s};  // 2026-01-19T07:00:00Z, a Monday
const Date k_week = Date::from_ymd(2026, 1, 19);

NewOutboxMessage message(const std::string& contact, const std::string& recipient,
                         Date week = k_week, Channel channel = Channel::email) {
    NewOutboxMessage m;
    m.key = {contact, week, "weekly-digest", channel};
    m.recipient = recipient;
    m.subject = "Weekly update";
    m.body = "body of " + contact;
    m.allowed_by = "S1 via " + contact + ": educational_rights";
    return m;
}

struct Store {
    homeroom::testing::TempDir dir;
    Database db{dir / "h.db"};
    OutboxRepository repo{db};
};

std::int64_t count_of(const OutboxRepository& repo, MessageStatus status,
                      const OutboxFilter& filter = {}) {
    for (const auto& c : repo.count_by_status(filter))
        if (c.status == status)
            return c.count;
    return -1;
}

TEST(OutboxSchema, IsCreatedByTheMigrations) {
    Store s;
    EXPECT_EQ(s.db.schema_version(), static_cast<int>(schema_migrations().size()));
    EXPECT_TRUE(s.repo.list({}).empty());
    for (const auto& c : s.repo.count_by_status({})) EXPECT_EQ(c.count, 0);
}

TEST(OutboxRepository, QueuingTheSameKeyTwiceQueuesOnce) {
    Store s;
    EXPECT_EQ(s.repo.queue(message("C1", "a@example.org"), k_now), QueueResult::queued);
    EXPECT_EQ(s.repo.queue(message("C1", "a@example.org"), k_now), QueueResult::already_queued);
    // Any day of the same week is the same key.
    EXPECT_EQ(s.repo.queue(message("C1", "a@example.org", Date::from_ymd(2026, 1, 23)), k_now),
              QueueResult::already_queued);
    EXPECT_EQ(s.repo.queue(message("C1", "a@example.org", Date::from_ymd(2026, 1, 26)), k_now),
              QueueResult::queued);
    EXPECT_EQ(s.repo.queue(message("C1", "+15551230001", k_week, Channel::sms), k_now),
              QueueResult::queued);
    EXPECT_EQ(s.repo.list({}).size(), 3u);
    const auto m =
        s.repo.find(OutboxKey{"C1", Date::from_ymd(2026, 1, 21), "weekly-digest", Channel::email});
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(m->key.week, k_week);
    EXPECT_EQ(m->status, MessageStatus::created);
    EXPECT_EQ(m->attempts, 0);
    EXPECT_EQ(m->next_attempt_at, k_now);
    EXPECT_EQ(m->created_at, k_now);
    EXPECT_EQ(m->allowed_by, "S1 via C1: educational_rights");
    EXPECT_EQ(m->body_size, 10);
}

TEST(OutboxRepository, OneMessagePerMailboxPerWeekWhateverTheCase) {
    Store s;
    EXPECT_EQ(s.repo.queue(message("C1", "home@example.org"), k_now), QueueResult::queued);
    EXPECT_EQ(s.repo.queue(message("C2", "HOME@Example.org"), k_now), QueueResult::already_queued);
    EXPECT_EQ(s.repo.queue_all({message("C3", "x@example.org"), message("C4", "x@example.org"),
                                message("C5", "y@example.org")},
                               k_now),
              2u);
}

TEST(OutboxRepository, TheIdempotencyKeyNamesContactWeekKindAndChannel) {
    EXPECT_EQ(
        to_string(OutboxKey{"C1", Date::from_ymd(2026, 1, 22), "weekly-digest", Channel::email}),
        "C1/2026-01-19/weekly-digest/email");
}

TEST(OutboxRepository, BodiesAreKeptByteForByte) {
    Store s;
    auto m = message("C1", "a@example.org");
    m.body = std::string("a\0b\r\n\xFF", 6);
    s.repo.queue(m, k_now);
    EXPECT_EQ(s.repo.body(s.repo.list({}).at(0).id), m.body);
    EXPECT_EQ(s.repo.body(999), "");
}

// Audit F.28: WAL with synchronous=NORMAL may lose the last commits to a power cut.
TEST(OutboxRepository, ItsCommitsAreOnDiskBeforeTheyReturn) {
    homeroom::testing::TempDir dir;
    Database db(dir / "h.db");
    EXPECT_EQ(db.sql().execAndGet("PRAGMA synchronous").getInt(), 1);  // NORMAL elsewhere
    OutboxRepository repo(db);
    EXPECT_EQ(db.sql().execAndGet("PRAGMA synchronous").getInt(), 2);  // FULL
}

TEST(OutboxRepository, AClaimIsCommittedBeforeItIsReturned) {
    Store s;
    s.repo.queue_all({message("C1", "a@example.org"), message("C2", "b@example.org"),
                      message("C3", "c@example.org")},
                     k_now);
    const auto claimed = s.repo.claim_due(Channel::email, k_now, 2, "run-1", false);
    ASSERT_EQ(claimed.size(), 2u);
    EXPECT_EQ(claimed[0].recipient, "a@example.org");
    EXPECT_EQ(claimed[0].body, "body of C1");
    EXPECT_EQ(claimed[0].attempts, 0);  // a claim is not an attempt
    EXPECT_EQ(claimed[0].week, k_week);
    EXPECT_EQ(claimed[1].recipient, "b@example.org");
    // Another connection (another process) already sees them as sending.
    Database other(s.dir / "h.db");
    OutboxRepository repo2(other);
    EXPECT_EQ(count_of(repo2, MessageStatus::sending), 2);
    EXPECT_EQ(count_of(repo2, MessageStatus::created), 1);
    // ... and cannot claim them again.
    const auto second = repo2.claim_due(Channel::email, k_now, 10, "run-2", false);
    ASSERT_EQ(second.size(), 1u);
    EXPECT_EQ(second[0].recipient, "c@example.org");
}

TEST(OutboxRepository, OnlyDueMessagesOfTheChannelAreClaimed) {
    Store s;
    s.repo.queue(message("C1", "a@example.org"), k_now + 10s);
    s.repo.queue(message("C2", "+15551230001", k_week, Channel::sms), k_now);
    EXPECT_TRUE(s.repo.claim_due(Channel::email, k_now, 10, "t", false).empty());
    EXPECT_EQ(s.repo.claim_due(Channel::email, k_now + 10s, 10, "t", false).size(), 1u);
    EXPECT_EQ(s.repo.claim_due(Channel::sms, k_now, 10, "t", false).size(), 1u);
    EXPECT_TRUE(s.repo.claim_due(Channel::email, k_now, 0, "t", false).empty());
    EXPECT_THROW(s.repo.claim_due(Channel::email, k_now, 1, "", false), std::invalid_argument);
}

TEST(OutboxRepository, InterruptedClaimsAreReclaimedOnlyWhenAsked) {
    Store s;
    s.repo.queue(message("C1", "a@example.org"), k_now);
    ASSERT_EQ(s.repo.claim_due(Channel::email, k_now, 10, "dead", false).size(), 1u);
    EXPECT_TRUE(s.repo.claim_due(Channel::email, k_now, 10, "alive", false).empty());
    const auto again = s.repo.claim_due(Channel::email, k_now, 10, "alive", true);
    ASSERT_EQ(again.size(), 1u);
    EXPECT_EQ(again[0].attempts, 0);
    // The run's own claims are not reclaimed by itself, and the dead run lost its claim.
    EXPECT_TRUE(s.repo.claim_due(Channel::email, k_now, 10, "alive", true).empty());
    EXPECT_FALSE(s.repo.mark_sent(again[0].id, "dead", "250 ok", k_now));
    EXPECT_TRUE(s.repo.mark_sent(again[0].id, "alive", "250 ok", k_now));
}

TEST(OutboxRepository, MarkSentNeedsTheClaimAndHappensOnce) {
    Store s;
    s.repo.queue(message("C1", "a@example.org"), k_now);
    const auto id = s.repo.list({}).at(0).id;
    EXPECT_FALSE(s.repo.mark_sent(id, "t", "250 ok", k_now));  // not claimed
    s.repo.claim_due(Channel::email, k_now, 1, "t", false);
    EXPECT_FALSE(s.repo.mark_sent(id, "other", "250 ok", k_now));
    EXPECT_TRUE(s.repo.mark_sent(id, "t", "250 2.0.0 queued as ABC", k_now + 1s));
    EXPECT_FALSE(s.repo.mark_sent(id, "t", "250 ok", k_now + 2s));
    const auto m = *s.repo.find(id);
    EXPECT_EQ(m.status, MessageStatus::sent);
    EXPECT_EQ(m.provider_id, "250 2.0.0 queued as ABC");
    EXPECT_EQ(m.sent_at, k_now + 1s);
    // A late failure report from a confused process cannot move it back.
    EXPECT_FALSE(
        s.repo.mark_failed(id, "t", MessageStatus::temporary_failure, "451", k_now, k_now));
    EXPECT_TRUE(s.repo.claim_due(Channel::email, k_now + 1h, 10, "t2", true).empty());
    EXPECT_EQ(s.repo.find(id)->status, MessageStatus::sent);
}

TEST(OutboxRepository, AReportHeldWhileSendingIsAppliedWhenTheSendIsRecorded) {
    Store s;
    for (const char* c : {"C1", "C2", "C3"})
        s.repo.queue(message(c, std::string("+1555000000") + c[1], k_week, Channel::sms), k_now);
    const auto claimed = s.repo.claim_due(Channel::sms, k_now, 10, "t", false);
    ASSERT_EQ(claimed.size(), 3u);
    const auto delivered = claimed[0].id, failed = claimed[1].id, plain = claimed[2].id;
    EXPECT_TRUE(
        s.repo.hold_delivery_report(delivered, MessageStatus::delivered, "report 1", k_now));
    EXPECT_TRUE(s.repo.hold_delivery_report(failed, MessageStatus::permanent_failure,
                                            "delivery report 16", k_now));
    // The first report held stays.
    EXPECT_TRUE(s.repo.hold_delivery_report(failed, MessageStatus::delivered, "report 1", k_now));
    EXPECT_EQ(s.repo.find(delivered)->status, MessageStatus::sending);
    for (const auto id : {delivered, failed, plain})
        EXPECT_TRUE(s.repo.mark_sent(id, "t", "202", k_now + 1s));
    EXPECT_EQ(s.repo.find(delivered)->status, MessageStatus::delivered);
    EXPECT_EQ(s.repo.find(failed)->status, MessageStatus::permanent_failure);
    EXPECT_EQ(s.repo.find(failed)->last_error, "delivery report 16");
    EXPECT_EQ(s.repo.find(plain)->status, MessageStatus::sent);
    // Not sending (any more): nothing is held, the caller applies it itself.
    EXPECT_FALSE(s.repo.hold_delivery_report(plain, MessageStatus::delivered, "1", k_now));
    EXPECT_FALSE(s.repo.hold_delivery_report(9999, MessageStatus::delivered, "1", k_now));
    EXPECT_EQ(s.db.sql().execAndGet("SELECT count(*) FROM early_delivery_reports").getInt(), 0);
    EXPECT_THROW(s.repo.hold_delivery_report(plain, MessageStatus::sent, "", k_now),
                 std::invalid_argument);
}

TEST(OutboxRepository, FailuresRecordTheErrorAndTheRetryTime) {
    Store s;
    s.repo.queue_all({message("C1", "a@example.org"), message("C2", "b@example.org"),
                      message("C3", "c@example.org")},
                     k_now);
    const auto claimed = s.repo.claim_due(Channel::email, k_now, 3, "t", false);
    EXPECT_TRUE(s.repo.mark_failed(claimed[0].id, "t", MessageStatus::temporary_failure,
                                   "RCPT TO: 451 try later", k_now + 60s, k_now));
    EXPECT_TRUE(s.repo.mark_failed(claimed[1].id, "t", MessageStatus::permanent_failure,
                                   "RCPT TO: 550 no such user", std::nullopt, k_now));
    EXPECT_TRUE(s.repo.mark_failed(claimed[2].id, "t", MessageStatus::technical_failure, "gave up",
                                   std::nullopt, k_now));
    auto m = *s.repo.find(claimed[0].id);
    EXPECT_EQ(m.status, MessageStatus::temporary_failure);
    EXPECT_EQ(m.last_error, "RCPT TO: 451 try later");
    EXPECT_EQ(m.next_attempt_at, k_now + 60s);
    EXPECT_EQ(s.repo.find(claimed[1].id)->status, MessageStatus::permanent_failure);
    EXPECT_EQ(s.repo.find(claimed[2].id)->status, MessageStatus::technical_failure);
    // Retried when due, never the finals.
    EXPECT_TRUE(s.repo.claim_due(Channel::email, k_now + 59s, 10, "t2", true).empty());
    const auto retry = s.repo.claim_due(Channel::email, k_now + 60s, 10, "t2", true);
    ASSERT_EQ(retry.size(), 1u);
    EXPECT_EQ(retry[0].id, claimed[0].id);
    EXPECT_EQ(retry[0].attempts, 1);
    EXPECT_THROW(s.repo.mark_failed(retry[0].id, "t2", MessageStatus::sent, "", {}, k_now),
                 std::invalid_argument);
    EXPECT_THROW(s.repo.mark_failed(retry[0].id, "t2", MessageStatus::temporary_failure, "",
                                    std::nullopt, k_now),
                 std::invalid_argument);
}

TEST(OutboxRepository, TransitionsFollowTheStatusTableInSql) {
    Store s;
    s.repo.queue_all({message("C1", "a@example.org"), message("C2", "b@example.org")}, k_now);
    const auto ids = s.repo.list({});
    const auto a = ids[0].id, b = ids[1].id;
    EXPECT_FALSE(s.repo.transition(a, MessageStatus::delivered, k_now));  // created → delivered
    s.repo.claim_due(Channel::email, k_now, 1, "t", false);
    EXPECT_FALSE(s.repo.transition(a, MessageStatus::delivered, k_now));  // sending → delivered
    s.repo.mark_sent(a, "t", "250", k_now);
    EXPECT_TRUE(s.repo.transition(a, MessageStatus::delivered, k_now, "DLR 1"));
    EXPECT_FALSE(s.repo.transition(a, MessageStatus::permanent_failure, k_now));  // final
    EXPECT_FALSE(s.repo.transition(a, MessageStatus::cancelled, k_now));
    EXPECT_EQ(s.repo.find(a)->status, MessageStatus::delivered);
    EXPECT_EQ(s.repo.find(a)->last_error, "DLR 1");
    EXPECT_TRUE(s.repo.transition(b, MessageStatus::cancelled, k_now));
    EXPECT_FALSE(s.repo.transition(b, MessageStatus::technical_failure, k_now));
    EXPECT_THROW(s.repo.transition(b, MessageStatus::sending, k_now), std::invalid_argument);
    EXPECT_THROW(s.repo.transition(b, MessageStatus::sent, k_now), std::invalid_argument);
    EXPECT_FALSE(s.repo.transition(12345, MessageStatus::cancelled, k_now));
}

TEST(OutboxRepository, AStatusNeverMovesBackwardsEvenFromASecondConnection) {
    Store s;
    s.repo.queue(message("C1", "a@example.org"), k_now);
    const auto claimed = s.repo.claim_due(Channel::email, k_now, 1, "t", false);
    Database other(s.dir / "h.db");
    OutboxRepository repo2(other);
    // The second connection read the message while it was sending...
    const auto seen = repo2.find(claimed[0].id);
    EXPECT_EQ(seen->status, MessageStatus::sending);
    // ... the first records it sent; the second's stale change finds nothing to change.
    EXPECT_TRUE(s.repo.mark_sent(claimed[0].id, "t", "250", k_now));
    EXPECT_FALSE(repo2.mark_failed(claimed[0].id, "t", MessageStatus::permanent_failure, "550",
                                   std::nullopt, k_now));
    EXPECT_FALSE(repo2.transition(claimed[0].id, MessageStatus::technical_failure, k_now));
    EXPECT_TRUE(repo2.claim_due(Channel::email, k_now, 5, "t3", true).empty());
    EXPECT_EQ(s.repo.find(claimed[0].id)->status, MessageStatus::sent);
}

TEST(OutboxRepository, CancellingPendingMessagesLeavesSentOnesAlone) {
    Store s;
    s.repo.queue(message("C1", "a@example.org", k_week), k_now);
    s.repo.queue(message("C1", "a@example.org", k_week.plus_days(7)), k_now);
    s.repo.queue(message("C2", "b@example.org", k_week), k_now);
    const auto claimed = s.repo.claim_due(Channel::email, k_now, 1, "t", false);
    s.repo.mark_sent(claimed[0].id, "t", "250", k_now);
    EXPECT_EQ(s.repo.cancel_pending("C1", Channel::email, k_now, "opted out"), 1u);
    EXPECT_EQ(count_of(s.repo, MessageStatus::sent), 1);
    EXPECT_EQ(count_of(s.repo, MessageStatus::cancelled), 1);
    EXPECT_EQ(count_of(s.repo, MessageStatus::created), 1);
}

TEST(OutboxRepository, ListsAndCountsByStatusChannelWeekAndContact) {
    Store s;
    s.repo.queue(message("C1", "a@example.org", k_week), k_now);
    s.repo.queue(message("C2", "b@example.org", k_week), k_now);
    s.repo.queue(message("C1", "a@example.org", k_week.plus_days(7)), k_now);
    s.repo.queue(message("C1", "+15551230001", k_week, Channel::sms), k_now);
    const auto claimed = s.repo.claim_due(Channel::email, k_now, 1, "t", false);
    s.repo.mark_sent(claimed[0].id, "t", "250", k_now);

    EXPECT_EQ(s.repo.list({}).size(), 4u);
    EXPECT_EQ(s.repo.list({.channel = Channel::sms}).size(), 1u);
    EXPECT_EQ(s.repo.list({.week = Date::from_ymd(2026, 1, 21)}).size(), 3u);
    EXPECT_EQ(s.repo.list({.contact_id = "C1"}).size(), 3u);
    EXPECT_EQ(s.repo.list({.status = MessageStatus::sent}).at(0).key.contact_id, "C1");
    EXPECT_EQ(
        s.repo.list({.status = MessageStatus::created, .channel = Channel::email, .week = k_week})
            .size(),
        1u);
    EXPECT_EQ(s.repo.list({.limit = 2}).size(), 2u);

    const auto counts = s.repo.count_by_status({.channel = Channel::email});
    ASSERT_EQ(counts.size(), k_message_statuses.size());
    EXPECT_EQ(counts[0].status, MessageStatus::created);
    EXPECT_EQ(counts[0].count, 2);
    EXPECT_EQ(count_of(s.repo, MessageStatus::sent, {.channel = Channel::email}), 1);
    EXPECT_EQ(count_of(s.repo, MessageStatus::delivered, {}), 0);
}

TEST(OutboxRepository, TimesAreStoredAsUtcText) {
    EXPECT_EQ(format_utc(k_now), "2026-01-19T07:00:00Z");
    EXPECT_EQ(parse_utc("2026-01-19T07:00:00Z"), k_now);
    EXPECT_EQ(parse_utc("2026-02-30T07:00:00Z"), std::nullopt);
    EXPECT_EQ(parse_utc("2026-01-19 07:00:00"), std::nullopt);
    EXPECT_EQ(parse_utc("2026-01-19T24:00:00Z"), std::nullopt);
}

}  // namespace
}  // namespace homeroom::store
