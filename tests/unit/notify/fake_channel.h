// A DeliveryChannel that answers from a script, for testing deliver_due without a network.
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "core/errors.h"
#include "notify/delivery_channel.h"

namespace homeroom::notify::testing {

class FakeChannel : public DeliveryChannel {
  public:
    // Outcomes to give, in order, for a recipient; then `sent`.
    std::map<std::string, std::vector<DeliveryResult>> script;
    int sessions = 1;
    bool down = false;          // open_session fails
    int lose_after_sends = -1;  // every session: UnavailableError from this send on (0-based)
    std::string refuse_sender;  // not empty: every send throws SenderRefusedError with it (5xx)
    int in_doubt_at_send = -1;  // every session: this send (0-based) throws DeliveryInDoubtError
    std::function<void(const OutgoingMessage&)> on_send;

    Channel channel() const override { return Channel::email; }
    std::string description() const override { return "fake server"; }
    int max_sessions() const override { return sessions; }
    std::unique_ptr<DeliverySession> open_session() override {
        if (down)
            throw UnavailableError("cannot connect to fake server: Connection refused");
        std::lock_guard lock(m_mutex);
        ++m_opened;
        return std::make_unique<Session>(*this);
    }

    std::vector<std::string> delivered() const {
        std::lock_guard lock(m_mutex);
        return m_delivered;
    }
    int opened() const { return m_opened; }

  private:
    struct Session : DeliverySession {
        explicit Session(FakeChannel& c) : channel(c) {}
        DeliveryOutcome send(const OutgoingMessage& m) override {
            if (channel.lose_after_sends >= 0 && sends >= channel.lose_after_sends)
                throw UnavailableError("cannot connect to fake server: Connection refused");
            if (channel.in_doubt_at_send >= 0 && sends == channel.in_doubt_at_send) {
                ++sends;
                throw DeliveryInDoubtError("no answer from fake server: Timeout");
            }
            if (!channel.refuse_sender.empty())
                throw SenderRefusedError(channel.refuse_sender, true);
            ++sends;
            if (channel.on_send)
                channel.on_send(m);
            std::lock_guard lock(channel.m_mutex);
            auto& queue = channel.script[std::string(m.recipient)];
            DeliveryResult r = DeliveryResult::sent;
            if (!queue.empty()) {
                r = queue.front();
                queue.erase(queue.begin());
            }
            if (r == DeliveryResult::sent)
                channel.m_delivered.push_back(std::string(m.recipient));
            return {r, r == DeliveryResult::sent ? "250 ok" : "4xx/5xx scripted"};
        }
        void close() noexcept override {}
        FakeChannel& channel;
        int sends = 0;
    };

    mutable std::mutex m_mutex;
    std::vector<std::string> m_delivered;
    int m_opened = 0;
};

}  // namespace homeroom::notify::testing
