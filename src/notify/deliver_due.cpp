#include "notify/deliver_due.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <exception>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include "core/errors.h"
#include "notify/send_lock.h"

namespace homeroom::notify {
namespace {

std::chrono::sys_seconds system_now() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::string new_claim_token() {
    std::random_device rd;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%d-%08x%08x", static_cast<int>(::getpid()), rd(), rd());
    return buf;
}

// Everything the sessions share; the repository (one SQLite connection) is used under m_mutex.
class Run {
  public:
    Run(store::OutboxRepository& outbox, const DeliveryOptions& options, Channel channel)
        : m_outbox(outbox),
          m_options(options),
          m_channel(channel),
          m_token(new_claim_token()),
          m_clock(options.clock ? options.clock : system_now) {}

    void work(DeliverySession& session) {
        try {
            while (!m_stop) {
                auto batch = claim();
                if (batch.empty())
                    return;
                for (std::size_t i = 0; i < batch.size(); ++i) {
                    DeliveryOutcome outcome;
                    try {
                        outcome = session.send(
                            {batch[i].id, batch[i].week, batch[i].recipient, batch[i].body});
                    } catch (const DeliveryInDoubtError& e) {
                        record(batch[i], {DeliveryResult::temporary_failure,
                                          std::string(e.what()) + " (it may have been accepted)"});
                        release(batch, i + 1, e.what());
                        return;
                    } catch (const SenderRefusedError& e) {
                        refuse_run(e);
                        release(batch, i, e.what());
                        return;
                    } catch (const UnavailableError& e) {
                        release(batch, i, e.what());
                        return;
                    }
                    record(batch[i], outcome);
                    if (m_stop) {
                        release(batch, i + 1, "run stopped");
                        return;
                    }
                }
            }
        } catch (...) {
            std::lock_guard lock(m_mutex);
            if (!m_error)
                m_error = std::current_exception();
            m_stop = true;
        }
    }

    DeliveryReport finish(DeliveryReport report) {
        if (m_error)
            std::rethrow_exception(m_error);
        report.claimed = m_report.claimed;
        report.sent = m_report.sent;
        report.temporary_failures = m_report.temporary_failures;
        report.technical_failures = m_report.technical_failures;
        report.permanent_failures = m_report.permanent_failures;
        report.not_attempted = m_report.not_attempted;
        report.lost_claims = m_report.lost_claims;
        report.interrupted = m_report.interrupted;
        report.sender_refused = m_report.sender_refused;
        report.sender_refusal_permanent = m_report.sender_refusal_permanent;
        return report;
    }

  private:
    std::vector<store::ClaimedMessage> claim() {
        std::lock_guard lock(m_mutex);
        std::size_t limit = m_options.claim_batch == 0 ? 1 : m_options.claim_batch;
        if (m_options.max_messages > 0) {
            if (m_report.claimed >= m_options.max_messages)
                return {};
            limit = std::min(limit, m_options.max_messages - m_report.claimed);
        }
        // Holding the send lock, anything `sending` under another token is an orphan.
        auto batch = m_outbox.claim_due(m_channel, m_clock(), limit, m_token, true);
        m_report.claimed += batch.size();
        return batch;
    }

    // Every session stops after the message in hand: the server refuses the sender itself.
    void refuse_run(const SenderRefusedError& e) {
        std::lock_guard lock(m_mutex);
        if (m_report.sender_refused.empty()) {
            m_report.sender_refused = e.what();
            m_report.sender_refusal_permanent = e.permanent;
        }
        m_stop = true;
    }

    // One commit per outcome, before the next message: what a kill can leave ambiguous is at
    // most the message in flight on each session.
    void record(const store::ClaimedMessage& m, const DeliveryOutcome& outcome) {
        std::lock_guard lock(m_mutex);
        const auto now = m_clock();
        bool applied = false;
        switch (outcome.result) {
            case DeliveryResult::sent:
                applied = m_outbox.mark_sent(m.id, m_token, outcome.detail, now);
                m_report.sent += applied;
                break;
            case DeliveryResult::permanent_failure:
                applied = m_outbox.mark_failed(m.id, m_token, MessageStatus::permanent_failure,
                                               outcome.detail, std::nullopt, now);
                m_report.permanent_failures += applied;
                break;
            case DeliveryResult::temporary_failure: {
                const int attempts_made = m.attempts + 1;  // this exchange included
                const auto status = status_after_temporary_failure(attempts_made, m_options.retry);
                applied =
                    m_outbox.mark_failed(m.id, m_token, status, outcome.detail,
                                         next_retry_time(attempts_made, now, m_options.retry), now);
                if (status == MessageStatus::technical_failure)
                    m_report.technical_failures += applied;
                else
                    m_report.temporary_failures += applied;
                break;
            }
        }
        m_report.lost_claims += !applied;
        if (m_options.progress)
            m_options.progress(++m_outcomes, m_report.claimed);
    }

    // Messages claimed but never offered to the server: due again at once, for another
    // session of this run or the next run.
    void release(const std::vector<store::ClaimedMessage>& batch, std::size_t from,
                 const std::string& why) {
        std::lock_guard lock(m_mutex);
        if (m_report.interrupted.empty() && why != "run stopped")
            m_report.interrupted = why;
        const auto now = m_clock();
        for (std::size_t i = from; i < batch.size(); ++i) {
            const bool applied = m_outbox.release(batch[i].id, m_token, "not sent: " + why, now);
            m_report.not_attempted += applied;
            m_report.lost_claims += !applied;
        }
    }

    store::OutboxRepository& m_outbox;
    const DeliveryOptions& m_options;
    const Channel m_channel;
    const std::string m_token;
    const std::function<std::chrono::sys_seconds()> m_clock;
    std::mutex m_mutex;
    std::atomic<bool> m_stop{false};
    std::exception_ptr m_error;
    DeliveryReport m_report;
    std::size_t m_outcomes = 0;
};

}  // namespace

DeliveryReport deliver_due(store::OutboxRepository& outbox, DeliveryChannel& channel,
                           const DeliveryOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    SendLock lock(outbox.database_path());

    // Connect before claiming anything: a server that is down at the start leaves the outbox
    // exactly as it was.
    std::vector<std::unique_ptr<DeliverySession>> sessions;
    const int wanted = std::max(1, channel.max_sessions());
    for (int i = 0; i < wanted; ++i) {
        try {
            sessions.push_back(channel.open_session());
        } catch (const UnavailableError&) {
            if (sessions.empty())
                throw;
            break;  // the server takes fewer connections than configured: use those it took
        }
    }

    Run run(outbox, options, channel.channel());
    if (sessions.size() == 1) {
        run.work(*sessions.front());
    } else {
        std::vector<std::thread> threads;
        for (auto& s : sessions) threads.emplace_back([&run, &s] { run.work(*s); });
        for (auto& t : threads) t.join();
    }
    for (auto& s : sessions) s->close();

    DeliveryReport report;
    report.sessions = static_cast<int>(sessions.size());
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return run.finish(report);
}

}  // namespace homeroom::notify
