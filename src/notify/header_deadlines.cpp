#include "notify/header_deadlines.h"

#include <Poco/Exception.h>

namespace homeroom::notify {
namespace {

// How often deadlines are checked: a cut-off comes at most this late.
constexpr std::chrono::milliseconds k_tick{100};

}  // namespace

HeaderDeadlines::HeaderDeadlines(std::chrono::milliseconds limit)
    : m_limit(limit), m_thread([this] { run(); }) {}

HeaderDeadlines::~HeaderDeadlines() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void HeaderDeadlines::watch(const Poco::Net::StreamSocket& socket) {
    std::lock_guard lock(m_mutex);
    m_entries.insert_or_assign(std::this_thread::get_id(),
                               Entry{socket, Clock::now() + m_limit, true});
}

void HeaderDeadlines::headers_in() {
    std::lock_guard lock(m_mutex);
    if (const auto it = m_entries.find(std::this_thread::get_id()); it != m_entries.end())
        it->second.armed = false;
}

void HeaderDeadlines::next_request_due(std::chrono::milliseconds wait) {
    std::lock_guard lock(m_mutex);
    if (const auto it = m_entries.find(std::this_thread::get_id()); it != m_entries.end()) {
        it->second.due = Clock::now() + wait + m_limit;
        it->second.armed = true;
    }
}

void HeaderDeadlines::forget() {
    std::lock_guard lock(m_mutex);
    m_entries.erase(std::this_thread::get_id());
}

std::size_t HeaderDeadlines::cut_off() const {
    std::lock_guard lock(m_mutex);
    return m_cut_off;
}

void HeaderDeadlines::cut_off_all() {
    std::lock_guard lock(m_mutex);
    cut_off_due(Clock::time_point::max());
}

void HeaderDeadlines::cut_off_due(Clock::time_point now) {
    for (auto& [thread, entry] : m_entries) {
        if (!entry.armed || entry.due > now)
            continue;
        entry.armed = false;
        ++m_cut_off;
        // The connection's thread, blocked reading, sees the end of the stream and ends the
        // connection itself; the socket is closed by its owner, not here.
        try {
            entry.socket.shutdown();
        } catch (const Poco::Exception&) {  // already shut down by the client
        }
    }
}

void HeaderDeadlines::run() {
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_wake.wait_for(lock, k_tick);
        cut_off_due(Clock::now());
    }
}

}  // namespace homeroom::notify
