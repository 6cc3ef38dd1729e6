// HTTP to a test server over a plain socket, where Poco's client cannot go: from a chosen
// loopback source address (127.0.0.2 is loopback too, but not 127.0.0.1), and as a client that
// connects and then sends slowly or nothing.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace homeroom::testing {

// A connected TCP socket to 127.0.0.1:port from `source` (any port); closed with the object.
class RawConnection {
  public:
    RawConnection(std::uint16_t port, const std::string& source = "127.0.0.1") {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (m_fd < 0)
            throw std::runtime_error("socket failed");
        sockaddr_in from{};
        from.sin_family = AF_INET;
        if (::inet_pton(AF_INET, source.c_str(), &from.sin_addr) != 1 ||
            ::bind(m_fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0) {
            ::close(m_fd);
            throw std::runtime_error("cannot bind to " + source);
        }
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_port = htons(port);
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
            ::close(m_fd);
            throw std::runtime_error("cannot connect to port " + std::to_string(port));
        }
    }
    ~RawConnection() {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    void send(const std::string& bytes) {
        std::size_t done = 0;
        while (done < bytes.size()) {
            const auto n = ::send(m_fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
            if (n <= 0)
                throw std::runtime_error("send failed");
            done += static_cast<std::size_t>(n);
        }
    }
    // What arrives first (one read), empty when nothing comes within `timeout` or the server
    // closed the connection.
    std::string receive_some(std::chrono::milliseconds timeout) {
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0)
            return {};
        char buffer[4096];
        const auto n = ::recv(m_fd, buffer, sizeof buffer, 0);
        return n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string();
    }
    // True when the server closes the connection (or resets it) within `timeout`; what it
    // sends before is dropped.
    bool closed_within(std::chrono::milliseconds timeout) {
        const auto until = std::chrono::steady_clock::now() + timeout;
        char buffer[4096];
        while (true) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                until - std::chrono::steady_clock::now());
            if (left.count() <= 0)
                return false;
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, static_cast<int>(left.count())) <= 0)
                return false;
            if (::recv(m_fd, buffer, sizeof buffer, 0) <= 0)
                return true;
        }
    }
    // Everything until the server closes the connection or `timeout` passes.
    std::string receive_all(std::chrono::milliseconds timeout) {
        std::string out;
        const auto until = std::chrono::steady_clock::now() + timeout;
        char buffer[4096];
        while (true) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                until - std::chrono::steady_clock::now());
            if (left.count() <= 0)
                return out;
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, static_cast<int>(left.count())) <= 0)
                return out;
            const auto n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n <= 0)
                return out;
            out.append(buffer, static_cast<std::size_t>(n));
        }
    }

  private:
    int m_fd = -1;
};

// The status code of an answer ("HTTP/1.1 404 ..." → 404), 0 when it is not one.
inline int http_status_of(const std::string& answer) {
    if (answer.rfind("HTTP/1.", 0) != 0 || answer.size() < 12)
        return 0;
    return std::stoi(answer.substr(9, 3));
}

// The status of a one-request exchange (Connection: close), 0 when no status line came back.
inline int raw_http_status(std::uint16_t port, const std::string& request_head,
                           const std::string& source = "127.0.0.1",
                           std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    RawConnection c(port, source);
    c.send(request_head);
    return http_status_of(c.receive_all(timeout));
}

}  // namespace homeroom::testing
