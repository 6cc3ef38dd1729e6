// The outbox: messages queued for sending and their delivery states (migration 2).
//
// Promises, each kept in SQL so that they hold with two processes at once:
//   - queuing the same key (contact, week, kind, channel) twice queues once, and so does
//     queuing a second message for the same mailbox, week and kind;
//   - every status change is `UPDATE ... WHERE status IN (allowed sources)`, with the sources
//     taken from core/message_status.h: a status never moves backwards;
//   - claiming due messages marks them `sending` in one committed transaction before the
//     caller sends a byte, and an outcome is recorded only by the claim that owns it.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/channel.h"
#include "core/date.h"
#include "core/message_status.h"
#include "store/database.h"

namespace homeroom::store {

using TimePoint = std::chrono::sys_seconds;

struct OutboxKey {
    std::string contact_id;
    Date week;         // any day of the week: stored as its Monday, so all give one key
    std::string kind;  // e.g. "weekly-digest"
    Channel channel = Channel::email;
};
// "contact_id/YYYY-MM-DD/kind/channel" with the week's Monday: the idempotency key, e.g. the
// input of notify::make_message_id.
std::string to_string(const OutboxKey& key);

struct NewOutboxMessage {
    OutboxKey key;
    std::string recipient;                 // email address or E.164 number
    std::string subject;                   // for listings
    std::string body;                      // the exact bytes to send
    std::string allowed_by;                // the consent rules that allowed it
    std::vector<std::string> student_ids;  // the students it names, sorted
};

enum class QueueResult { queued, already_queued };

struct OutboxMessage {
    std::int64_t id = 0;
    OutboxKey key;
    std::string recipient, subject, allowed_by;
    MessageStatus status = MessageStatus::created;
    int attempts = 0;
    TimePoint next_attempt_at{};
    std::string last_error, provider_id;
    TimePoint created_at{}, updated_at{};
    std::optional<TimePoint> sent_at;
    std::int64_t body_size = 0;
    std::vector<std::string> student_ids;  // empty: queued before Homeroom recorded them
    std::string revision;                  // why it was last rebuilt; empty: never
};

// A pending message's new content (same key), after its students changed.
struct RevisedOutboxMessage {
    std::int64_t id = 0;
    NewOutboxMessage message;
    std::string revision;  // why, e.g. "102 no longer named: no_contact_restriction"
};

// A message claimed for sending: what a channel needs.
struct ClaimedMessage {
    std::int64_t id = 0;
    Channel channel = Channel::email;
    Date week;
    std::string recipient;
    std::string body;
    int attempts = 0;  // exchanges with the server before this claim (claiming is not one)
};

struct OutboxFilter {
    std::optional<MessageStatus> status = std::nullopt;
    std::optional<Channel> channel = std::nullopt;
    std::optional<Date> week = std::nullopt;  // any day of the week
    std::optional<std::string> contact_id = std::nullopt;
    std::size_t limit = 0;  // 0: all
};

struct StatusCount {
    MessageStatus status;
    std::int64_t count = 0;
};

struct ShortLink;

// Every function throws IoError("cannot ... outbox in DB: why") when SQLite fails.
class OutboxRepository {
  public:
    // Makes the connection's commits durable (Database::require_durable_commits): a queued,
    // claimed or sent message survives a power cut as recorded.
    explicit OutboxRepository(Database& db) : m_db(db) { m_db.require_durable_commits(); }

    const std::filesystem::path& database_path() const { return m_db.path(); }

    // Queues a `created` message due at `now`, unless its key or mailbox is queued already.
    QueueResult queue(const NewOutboxMessage& message, TimePoint now);
    // All in one transaction; returns how many were newly queued.
    std::size_t queue_all(const std::vector<NewOutboxMessage>& messages, TimePoint now);
    // The same, recording the short links the messages carry (short_link_repository.h) in the
    // same transaction, so that no queued text has a code `serve` cannot resolve. A link whose
    // code names another target throws IoError and queues nothing: check with
    // ShortLinkRepository::collisions() first.
    std::size_t queue_all(const std::vector<NewOutboxMessage>& messages, TimePoint now,
                          const std::vector<ShortLink>& links);

    // Replaces the content of messages still pending (created or temporary-failure) with their
    // rebuilt bytes, recipient, students and the reason, keeping status, attempts and due time,
    // with the short links the new texts carry, all in one transaction. A message no longer
    // pending (claimed by a run meanwhile) is left alone. Returns the ids replaced.
    std::vector<std::int64_t> revise_pending(const std::vector<RevisedOutboxMessage>& messages,
                                             TimePoint now, const std::vector<ShortLink>& links);

    // Marks up to `limit` due messages of `channel` (created or temporary-failure with
    // next_attempt_at <= now, oldest first) as `sending` under `claim_token` and commits, then
    // returns them. A claim is not an attempt: attempts counts outcomes of real exchanges with
    // the server (mark_sent, mark_failed), so a run killed before offering a message, or one
    // that gives it back (release), uses up none of its retries. With `reclaim_interrupted`,
    // messages left in `sending` by another claim token (a run that was killed) are claimed too:
    // only pass it while holding the send lock, which proves no other run is sending.
    std::vector<ClaimedMessage> claim_due(Channel channel, TimePoint now, std::size_t limit,
                                          std::string_view claim_token, bool reclaim_interrupted);

    // Outcomes of a claimed message. Each commits at once and applies only while the message
    // is still `sending` under `claim_token`; false when it is not (nothing changed). mark_sent
    // also applies, in the same commit, a delivery report held for the message (below).
    bool mark_sent(std::int64_t id, std::string_view claim_token, std::string_view provider_id,
                   TimePoint now);
    // `status` is temporary-failure (with `retry_at`), technical-failure or permanent-failure.
    bool mark_failed(std::int64_t id, std::string_view claim_token, MessageStatus status,
                     std::string_view error, std::optional<TimePoint> retry_at, TimePoint now);
    // Gives a claimed message back unsent (the server went away, the run stopped): due again at
    // `now` as temporary-failure with `why`, its attempts unchanged.
    bool release(std::int64_t id, std::string_view claim_token, std::string_view why,
                 TimePoint now);

    // Any other change (an SMS delivery report → delivered / permanent-failure, a cancellation,
    // giving up → technical-failure): applied only when allowed from the current status; false
    // otherwise. `detail` goes to last_error when not empty. sending, sent and
    // temporary-failure are reached only through claim_due / mark_* (std::invalid_argument).
    bool transition(std::int64_t id, MessageStatus to, TimePoint now, std::string_view detail = {});
    // A delivery report (`to`: delivered or permanent-failure) that came while the message is
    // still `sending`: kept until mark_sent applies it, so the report's caller need not wait.
    // False, keeping nothing, when the message is not `sending` (apply it with transition()).
    // Of two reports held for one message the first stays, as transition() would have it.
    bool hold_delivery_report(std::int64_t id, MessageStatus to, std::string_view detail,
                              TimePoint now);
    // Cancels the contact's messages on `channel` that have not been sent (created or
    // temporary-failure), e.g. after an opt-out; returns how many.
    std::size_t cancel_pending(std::string_view contact_id, Channel channel, TimePoint now,
                               std::string_view reason);
    // Cancels the unsent messages of `kind` on `channel` whose week is before `first_week_kept`
    // (a Monday), each with "cancelled before sending: the week of W is over ..."; returns how
    // many.
    std::size_t cancel_weeks_before(Channel channel, std::string_view kind, Date first_week_kept,
                                    TimePoint now);
    // The latest week any message of `kind` was queued for on `channel` (a Monday); nullopt: none.
    std::optional<Date> newest_week(Channel channel, std::string_view kind) const;

    std::optional<OutboxMessage> find(std::int64_t id) const;
    std::optional<OutboxMessage> find(const OutboxKey& key) const;
    std::string body(std::int64_t id) const;  // empty when there is no such message
    std::vector<OutboxMessage> list(const OutboxFilter& filter) const;  // by id
    // Every status in k_message_statuses order, with 0 for those absent.
    std::vector<StatusCount> count_by_status(const OutboxFilter& filter) const;

  private:
    bool record_failure(std::int64_t id, std::string_view claim_token, MessageStatus status,
                        std::string_view error, std::optional<TimePoint> retry_at, TimePoint now,
                        bool attempted);

    Database& m_db;
};

// UTC "YYYY-MM-DDTHH:MM:SSZ", as the outbox stores times.
std::string format_utc(TimePoint time);
std::optional<TimePoint> parse_utc(std::string_view text);

}  // namespace homeroom::store
