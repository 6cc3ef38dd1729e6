// A limit on the time a client of `homeroom serve` takes to send a request's headers. Poco's
// timeout applies to each read, so a client that sends a byte every few seconds would hold its
// connection's thread for ever; with enough of them every thread is taken. A watch thread shuts
// down the socket of any connection whose headers are not in by its deadline.
//
// Each connection is served on one thread, so the calls name no connection: they are about the
// connection the calling thread serves. watch() when the connection starts (its first request's
// headers are due within `limit`), headers_in() once they are read (nothing is due while the
// request is handled), next_request_due(wait) when the answer is sent (the next request's
// headers are due within wait + limit: the keep-alive wait, then the headers), forget() when
// the connection ends.
#pragma once

#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <map>
#include <mutex>
#include <thread>

namespace homeroom::notify {

class HeaderDeadlines {
  public:
    using Clock = std::chrono::steady_clock;

    explicit HeaderDeadlines(std::chrono::milliseconds limit);  // starts the watch thread
    ~HeaderDeadlines();                                         // stops it
    HeaderDeadlines(const HeaderDeadlines&) = delete;
    HeaderDeadlines& operator=(const HeaderDeadlines&) = delete;

    void watch(const Poco::Net::StreamSocket& socket);
    void headers_in();
    void next_request_due(std::chrono::milliseconds wait);
    void forget();
    // Every connection now waiting for headers, at once (the server is stopping).
    void cut_off_all();

    // Connections cut off so far (for the server's log and tests).
    std::size_t cut_off() const;

  private:
    struct Entry {
        Poco::Net::StreamSocket socket;  // a reference: the socket stays open while watched
        Clock::time_point due;
        bool armed = true;
    };
    void run();
    void cut_off_due(Clock::time_point now);  // with m_mutex held

    const std::chrono::milliseconds m_limit;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::map<std::thread::id, Entry> m_entries;
    std::size_t m_cut_off = 0;
    bool m_stopping = false;
    std::thread m_thread;  // last: started once everything above exists
};

}  // namespace homeroom::notify
