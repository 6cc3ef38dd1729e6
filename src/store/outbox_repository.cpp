#include "store/outbox_repository.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "core/errors.h"
#include "store/short_link_repository.h"

namespace homeroom::store {
namespace {

constexpr const char* k_columns =
    "outbox_id, contact_id, week, kind, channel, recipient, subject, allowed_by, status, "
    "attempts, next_attempt_at, last_error, provider_id, created_at, updated_at, sent_at, "
    "length(body), student_ids, revision FROM outbox ";

std::string join_ids(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) {
        if (!out.empty())
            out += ',';
        out += id;
    }
    return out;
}

std::vector<std::string> split_ids(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto comma = text.find(',', start);
        const auto end = comma == std::string::npos ? text.size() : comma;
        if (end > start)
            out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string week_text(Date week) {
    return week.week_start().to_string();
}

// "'a', 'b'" for `status IN (...)`: the codes are fixed identifiers, not user text.
std::string status_list(const std::vector<MessageStatus>& statuses) {
    std::string out;
    for (auto s : statuses) {
        if (!out.empty())
            out += ", ";
        out += "'" + std::string(to_code(s)) + "'";
    }
    return out.empty() ? "NULL" : out;
}

TimePoint time_column(const SQLite::Column& c) {
    if (auto t = parse_utc(c.getString()))
        return *t;
    throw IoError("bad time \"" + c.getString() + "\" in the outbox");
}

OutboxMessage read_message(SQLite::Statement& q) {
    OutboxMessage m;
    m.id = q.getColumn(0).getInt64();
    m.key.contact_id = q.getColumn(1).getString();
    m.key.week = Date::parse(q.getColumn(2).getString()).value_or(Date());
    m.key.kind = q.getColumn(3).getString();
    m.key.channel = parse_channel(q.getColumn(4).getString()).value_or(Channel::email);
    m.recipient = q.getColumn(5).getString();
    m.subject = q.getColumn(6).getString();
    m.allowed_by = q.getColumn(7).getString();
    const auto status = parse_message_status(q.getColumn(8).getString());
    if (!status)
        throw IoError("unknown status \"" + q.getColumn(8).getString() + "\" in the outbox");
    m.status = *status;
    m.attempts = q.getColumn(9).getInt();
    m.next_attempt_at = time_column(q.getColumn(10));
    m.last_error = q.getColumn(11).getString();
    m.provider_id = q.getColumn(12).getString();
    m.created_at = time_column(q.getColumn(13));
    m.updated_at = time_column(q.getColumn(14));
    if (!q.getColumn(15).isNull())
        m.sent_at = time_column(q.getColumn(15));
    m.body_size = q.getColumn(16).getInt64();
    m.student_ids = split_ids(q.getColumn(17).getString());
    m.revision = q.getColumn(18).getString();
    return m;
}

// WHERE clauses of a filter, bound in order by bind_filter.
std::string filter_sql(const OutboxFilter& f) {
    std::string sql = "WHERE 1 = 1";
    if (f.status)
        sql += " AND status = ?";
    if (f.channel)
        sql += " AND channel = ?";
    if (f.week)
        sql += " AND week = ?";
    if (f.contact_id)
        sql += " AND contact_id = ?";
    return sql;
}

void bind_filter(SQLite::Statement& q, const OutboxFilter& f) {
    int i = 0;
    if (f.status)
        q.bind(++i, std::string(to_code(*f.status)));
    if (f.channel)
        q.bind(++i, std::string(to_code(*f.channel)));
    if (f.week)
        q.bind(++i, week_text(*f.week));
    if (f.contact_id)
        q.bind(++i, *f.contact_id);
}

}  // namespace

std::string to_string(const OutboxKey& key) {
    return key.contact_id + "/" + week_text(key.week) + "/" + key.kind + "/" +
           std::string(to_code(key.channel));
}

std::string format_utc(TimePoint time) {
    const auto days = std::chrono::floor<std::chrono::days>(time);
    const auto seconds = (time - days).count();
    const Date d = Date::from_days(static_cast<std::int32_t>(days.time_since_epoch().count()));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", d.to_string().c_str(),
                  static_cast<int>(seconds / 3600), static_cast<int>(seconds / 60 % 60),
                  static_cast<int>(seconds % 60));
    return buf;
}

std::optional<TimePoint> parse_utc(std::string_view text) {
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
        text[19] != 'Z')
        return std::nullopt;
    const auto date = Date::parse(text.substr(0, 10));
    auto two = [&](std::size_t at) -> int {
        const char a = text[at], b = text[at + 1];
        if (a < '0' || a > '9' || b < '0' || b > '9')
            return -1;
        return (a - '0') * 10 + (b - '0');
    };
    const int h = two(11), m = two(14), s = two(17);
    if (!date || h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59)
        return std::nullopt;
    return TimePoint(std::chrono::days(date->days())) + std::chrono::hours(h) +
           std::chrono::minutes(m) + std::chrono::seconds(s);
}

QueueResult OutboxRepository::queue(const NewOutboxMessage& message, TimePoint now) {
    return queue_all({message}, now) == 1 ? QueueResult::queued : QueueResult::already_queued;
}

std::size_t OutboxRepository::queue_all(const std::vector<NewOutboxMessage>& messages,
                                        TimePoint now) {
    return queue_all(messages, now, {});
}

std::size_t OutboxRepository::queue_all(const std::vector<NewOutboxMessage>& messages,
                                        TimePoint now, const std::vector<ShortLink>& links) {
    try {
        SQLite::Transaction tx(m_db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        ShortLinkRepository short_links(m_db);
        for (const auto& link : links)
            if (!short_links.remember(link.code, link.target, now))
                throw IoError("cannot queue messages in the outbox in " + m_db.path().string() +
                              ": short link " + link.code + " already names another page");
        // DO NOTHING on either uniqueness (key or mailbox): queuing again is a no-op.
        SQLite::Statement q(m_db.sql(),
                            "INSERT INTO outbox (contact_id, week, kind, channel, recipient, "
                            "subject, body, allowed_by, status, attempts, next_attempt_at, "
                            "created_at, updated_at, student_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                            "'created', 0, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
        const std::string t = format_utc(now);
        std::size_t queued = 0;
        for (const auto& m : messages) {
            q.bind(1, m.key.contact_id);
            q.bind(2, week_text(m.key.week));
            q.bind(3, m.key.kind);
            q.bind(4, std::string(to_code(m.key.channel)));
            q.bind(5, m.recipient);
            q.bind(6, m.subject);
            q.bind(7, static_cast<const void*>(m.body.data()), static_cast<int>(m.body.size()));
            q.bind(8, m.allowed_by);
            q.bind(9, t);
            q.bind(10, t);
            q.bind(11, t);
            q.bind(12, join_ids(m.student_ids));
            queued += static_cast<std::size_t>(q.exec());
            q.reset();
        }
        tx.commit();
        return queued;
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot queue messages in the outbox in " + m_db.path().string() + ": " +
                      e.what());
    }
}

std::vector<std::int64_t> OutboxRepository::revise_pending(
    const std::vector<RevisedOutboxMessage>& messages, TimePoint now,
    const std::vector<ShortLink>& links) {
    std::vector<std::int64_t> revised;
    try {
        SQLite::Transaction tx(m_db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        ShortLinkRepository short_links(m_db);
        for (const auto& link : links)
            if (!short_links.remember(link.code, link.target, now))
                throw IoError("cannot revise messages in the outbox in " + m_db.path().string() +
                              ": short link " + link.code + " already names another page");
        SQLite::Statement q(m_db.sql(),
                            "UPDATE OR IGNORE outbox SET recipient = ?, subject = ?, body = ?, "
                            "allowed_by = ?, student_ids = ?, revision = ?, updated_at = ?, "
                            "contact_id = ? WHERE outbox_id = ? AND status IN ('created', "
                            "'temporary-failure')");
        const std::string t = format_utc(now);
        for (const auto& r : messages) {
            q.bind(1, r.message.recipient);
            q.bind(2, r.message.subject);
            q.bind(3, static_cast<const void*>(r.message.body.data()),
                   static_cast<int>(r.message.body.size()));
            q.bind(4, r.message.allowed_by);
            q.bind(5, join_ids(r.message.student_ids));
            q.bind(6, t + " " + r.revision);
            q.bind(7, t);
            q.bind(8, r.message.key.contact_id);
            q.bind(9, r.id);
            if (q.exec() == 1)
                revised.push_back(r.id);
            q.reset();
        }
        tx.commit();
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot revise messages in the outbox in " + m_db.path().string() + ": " +
                      e.what());
    }
    return revised;
}

std::vector<ClaimedMessage> OutboxRepository::claim_due(Channel channel, TimePoint now,
                                                        std::size_t limit,
                                                        std::string_view claim_token,
                                                        bool reclaim_interrupted) {
    if (claim_token.empty())
        throw std::invalid_argument("claim_due: empty claim token");
    std::vector<ClaimedMessage> out;
    if (limit == 0)
        return out;
    try {
        SQLite::Transaction tx(m_db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        {
            SQLite::Statement q(
                m_db.sql(),
                "UPDATE outbox SET status = 'sending', claim_token = ?1, "
                "updated_at = ?2 WHERE outbox_id IN (SELECT outbox_id FROM outbox WHERE "
                "channel = ?3 AND status IN (" +
                    status_list(allowed_sources(MessageStatus::sending)) +
                    ") AND ((status <> 'sending' AND next_attempt_at <= ?2) OR (?4 AND status = "
                    "'sending' AND claim_token IS NOT ?1)) ORDER BY outbox_id LIMIT ?5) "
                    "RETURNING outbox_id, week, recipient, body, attempts");
            q.bind(1, std::string(claim_token));
            q.bind(2, format_utc(now));
            q.bind(3, std::string(to_code(channel)));
            q.bind(4, reclaim_interrupted ? 1 : 0);
            q.bind(5, static_cast<std::int64_t>(limit));
            while (q.executeStep()) {
                ClaimedMessage m;
                m.id = q.getColumn(0).getInt64();
                m.channel = channel;
                m.week = Date::parse(q.getColumn(1).getString()).value_or(Date());
                m.recipient = q.getColumn(2).getString();
                m.body = q.getColumn(3).getString();
                m.attempts = q.getColumn(4).getInt();
                out.push_back(std::move(m));
            }
        }
        tx.commit();  // durable before any byte is sent
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot claim messages from the outbox in " + m_db.path().string() + ": " +
                      e.what());
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return out;
}

bool OutboxRepository::mark_sent(std::int64_t id, std::string_view claim_token,
                                 std::string_view provider_id, TimePoint now) {
    try {
        const std::string t = format_utc(now);
        SQLite::Transaction tx(m_db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement q(m_db.sql(),
                            "UPDATE outbox SET status = 'sent', attempts = attempts + 1, "
                            "provider_id = ?, last_error = "
                            "NULL, sent_at = ?, updated_at = ?, claim_token = NULL WHERE "
                            "outbox_id = ? AND claim_token = ? AND status = 'sending' AND "
                            "status IN (" +
                                status_list(allowed_sources(MessageStatus::sent)) + ")");
        q.bind(1, std::string(provider_id));
        q.bind(2, t);
        q.bind(3, t);
        q.bind(4, id);
        q.bind(5, std::string(claim_token));
        if (q.exec() != 1)
            return false;
        // A report that came while the message was `sending` (hold_delivery_report).
        SQLite::Statement held(m_db.sql(),
                               "DELETE FROM early_delivery_reports WHERE outbox_id = ? "
                               "RETURNING status, detail");
        held.bind(1, id);
        if (held.executeStep()) {
            const auto to = parse_message_status(held.getColumn(0).getString());
            const std::string detail = held.getColumn(1).getString();
            while (held.executeStep()) {
            }
            if (to) {
                SQLite::Statement apply(m_db.sql(),
                                        "UPDATE outbox SET status = ?, last_error = ?, "
                                        "updated_at = ? WHERE outbox_id = ? AND status IN (" +
                                            status_list(allowed_sources(*to)) + ")");
                apply.bind(1, std::string(to_code(*to)));
                apply.bind(2, detail);
                apply.bind(3, t);
                apply.bind(4, id);
                apply.exec();
            }
        }
        tx.commit();
        return true;
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot record a sent message in the outbox in " + m_db.path().string() +
                      ": " + e.what());
    }
}

bool OutboxRepository::hold_delivery_report(std::int64_t id, MessageStatus to,
                                            std::string_view detail, TimePoint now) {
    if (to != MessageStatus::delivered && to != MessageStatus::permanent_failure)
        throw std::invalid_argument("hold_delivery_report: not a delivery report's status");
    try {
        // One write transaction: mark_sent (also one) either ran before, and the message is
        // no longer `sending`, or runs after and finds the report.
        SQLite::Transaction tx(m_db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement sending(
            m_db.sql(), "SELECT 1 FROM outbox WHERE outbox_id = ? AND status = 'sending'");
        sending.bind(1, id);
        if (!sending.executeStep())
            return false;
        SQLite::Statement q(m_db.sql(),
                            "INSERT INTO early_delivery_reports (outbox_id, status, detail, "
                            "received_at) VALUES (?, ?, ?, ?) ON CONFLICT (outbox_id) DO NOTHING");
        q.bind(1, id);
        q.bind(2, std::string(to_code(to)));
        q.bind(3, std::string(detail));
        q.bind(4, format_utc(now));
        q.exec();
        tx.commit();
        return true;
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot keep a delivery report in the outbox in " + m_db.path().string() +
                      ": " + e.what());
    }
}

bool OutboxRepository::mark_failed(std::int64_t id, std::string_view claim_token,
                                   MessageStatus status, std::string_view error,
                                   std::optional<TimePoint> retry_at, TimePoint now) {
    if (status != MessageStatus::temporary_failure && status != MessageStatus::technical_failure &&
        status != MessageStatus::permanent_failure)
        throw std::invalid_argument("mark_failed: not a failure status");
    if (status == MessageStatus::temporary_failure && !retry_at)
        throw std::invalid_argument("mark_failed: a temporary failure needs a retry time");
    return record_failure(id, claim_token, status, error, retry_at, now, true);
}

bool OutboxRepository::release(std::int64_t id, std::string_view claim_token, std::string_view why,
                               TimePoint now) {
    return record_failure(id, claim_token, MessageStatus::temporary_failure, why, now, now, false);
}

bool OutboxRepository::record_failure(std::int64_t id, std::string_view claim_token,
                                      MessageStatus status, std::string_view error,
                                      std::optional<TimePoint> retry_at, TimePoint now,
                                      bool attempted) {
    try {
        SQLite::Statement q(m_db.sql(),
                            "UPDATE outbox SET status = ?, attempts = attempts + ?, last_error = "
                            "?, next_attempt_at = coalesce(?, next_attempt_at), updated_at = ?, "
                            "claim_token = NULL "
                            "WHERE outbox_id = ? AND claim_token = ? AND status = 'sending' AND "
                            "status IN (" +
                                status_list(allowed_sources(status)) + ")");
        const std::string t = format_utc(now);
        q.bind(1, std::string(to_code(status)));
        q.bind(2, attempted ? 1 : 0);
        q.bind(3, std::string(error));
        if (retry_at)
            q.bind(4, format_utc(*retry_at));
        else
            q.bind(4);
        q.bind(5, t);
        q.bind(6, id);
        q.bind(7, std::string(claim_token));
        return q.exec() == 1;
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot record a failed message in the outbox in " + m_db.path().string() +
                      ": " + e.what());
    }
}

bool OutboxRepository::transition(std::int64_t id, MessageStatus to, TimePoint now,
                                  std::string_view detail) {
    // These need a claim (and a retry time or provider id): see claim_due and mark_*.
    if (to == MessageStatus::sending || to == MessageStatus::sent ||
        to == MessageStatus::temporary_failure)
        throw std::invalid_argument("transition: use claim_due / mark_sent / mark_failed");
    try {
        SQLite::Statement q(m_db.sql(),
                            "UPDATE outbox SET status = ?, updated_at = ?, last_error = "
                            "coalesce(?, last_error), claim_token = NULL WHERE outbox_id = ? AND "
                            "status IN (" +
                                status_list(allowed_sources(to)) + ")");
        q.bind(1, std::string(to_code(to)));
        q.bind(2, format_utc(now));
        if (detail.empty())
            q.bind(3);
        else
            q.bind(3, std::string(detail));
        q.bind(4, id);
        return q.exec() == 1;
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot change a message's status in the outbox in " + m_db.path().string() +
                      ": " + e.what());
    }
}

std::size_t OutboxRepository::cancel_pending(std::string_view contact_id, Channel channel,
                                             TimePoint now, std::string_view reason) {
    try {
        SQLite::Statement q(m_db.sql(),
                            "UPDATE outbox SET status = 'cancelled', last_error = ?, updated_at "
                            "= ? WHERE contact_id = ? AND channel = ? AND status IN (" +
                                status_list(allowed_sources(MessageStatus::cancelled)) + ")");
        q.bind(1, std::string(reason));
        q.bind(2, format_utc(now));
        q.bind(3, std::string(contact_id));
        q.bind(4, std::string(to_code(channel)));
        return static_cast<std::size_t>(q.exec());
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot cancel messages in the outbox in " + m_db.path().string() + ": " +
                      e.what());
    }
}

std::optional<Date> OutboxRepository::newest_week(Channel channel, std::string_view kind) const {
    try {
        SQLite::Statement q(m_db.sql(),
                            "SELECT max(week) FROM outbox WHERE channel = ? AND kind = ?");
        q.bind(1, std::string(to_code(channel)));
        q.bind(2, std::string(kind));
        if (q.executeStep() && !q.getColumn(0).isNull())
            return Date::parse(q.getColumn(0).getString());
        return std::nullopt;
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot read the outbox in " + m_db.path().string() + ": " + e.what());
    }
}

std::size_t OutboxRepository::cancel_weeks_before(Channel channel, std::string_view kind,
                                                  Date first_week_kept, TimePoint now) {
    try {
        SQLite::Statement q(
            m_db.sql(),
            "UPDATE outbox SET status = 'cancelled', last_error = 'cancelled before sending: the "
            "week of ' || week || ' is over (its digest is not sent late)', updated_at = ? WHERE "
            "channel = ? AND kind = ? AND week < ? AND status IN (" +
                status_list(allowed_sources(MessageStatus::cancelled)) + ")");
        q.bind(1, format_utc(now));
        q.bind(2, std::string(to_code(channel)));
        q.bind(3, std::string(kind));
        q.bind(4, week_text(first_week_kept));
        return static_cast<std::size_t>(q.exec());
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot cancel messages in the outbox in " + m_db.path().string() + ": " +
                      e.what());
    }
}

std::optional<OutboxMessage> OutboxRepository::find(std::int64_t id) const {
    try {
        SQLite::Statement q(m_db.sql(), std::string("SELECT ") + k_columns + "WHERE outbox_id = ?");
        q.bind(1, id);
        if (q.executeStep())
            return read_message(q);
        return std::nullopt;
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot read the outbox in " + m_db.path().string() + ": " + e.what());
    }
}

std::optional<OutboxMessage> OutboxRepository::find(const OutboxKey& key) const {
    try {
        SQLite::Statement q(m_db.sql(), std::string("SELECT ") + k_columns +
                                            "WHERE contact_id = ? AND week = ? AND kind = ? AND "
                                            "channel = ?");
        q.bind(1, key.contact_id);
        q.bind(2, week_text(key.week));
        q.bind(3, key.kind);
        q.bind(4, std::string(to_code(key.channel)));
        if (q.executeStep())
            return read_message(q);
        return std::nullopt;
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot read the outbox in " + m_db.path().string() + ": " + e.what());
    }
}

std::string OutboxRepository::body(std::int64_t id) const {
    try {
        SQLite::Statement q(m_db.sql(), "SELECT body FROM outbox WHERE outbox_id = ?");
        q.bind(1, id);
        return q.executeStep() ? q.getColumn(0).getString() : std::string();
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot read the outbox in " + m_db.path().string() + ": " + e.what());
    }
}

std::vector<OutboxMessage> OutboxRepository::list(const OutboxFilter& filter) const {
    try {
        std::string sql =
            std::string("SELECT ") + k_columns + filter_sql(filter) + " ORDER BY outbox_id";
        if (filter.limit > 0)
            sql += " LIMIT " + std::to_string(filter.limit);
        SQLite::Statement q(m_db.sql(), sql);
        bind_filter(q, filter);
        std::vector<OutboxMessage> out;
        while (q.executeStep()) out.push_back(read_message(q));
        return out;
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot read the outbox in " + m_db.path().string() + ": " + e.what());
    }
}

std::vector<StatusCount> OutboxRepository::count_by_status(const OutboxFilter& filter) const {
    try {
        SQLite::Statement q(m_db.sql(), "SELECT status, count(*) FROM outbox " +
                                            filter_sql(filter) + " GROUP BY status");
        bind_filter(q, filter);
        std::vector<StatusCount> out;
        for (auto s : k_message_statuses) out.push_back({s, 0});
        while (q.executeStep()) {
            const auto s = parse_message_status(q.getColumn(0).getString());
            if (!s)
                throw IoError("unknown status \"" + q.getColumn(0).getString() +
                              "\" in the outbox");
            for (auto& c : out)
                if (c.status == *s)
                    c.count = q.getColumn(1).getInt64();
        }
        return out;
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot read the outbox in " + m_db.path().string() + ": " + e.what());
    }
}

}  // namespace homeroom::store
