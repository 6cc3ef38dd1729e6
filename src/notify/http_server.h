// A RouteTable (http_routes.h) served over HTTP/1.1 with Poco::Net::HTTPServer, a thread per
// connection. Loopback by default: `homeroom serve` sits behind the district's web server or proxy,
// which forwards /unsubscribe and /s/ to it (Kannel calls /dlr and /mo directly).
//
// Every answer carries Cache-Control: no-store, Referrer-Policy: no-referrer (the URLs hold
// tokens), X-Content-Type-Options: nosniff and a Content-Security-Policy that allows no script.
// Request bodies over 16 KB are refused (413) before a handler sees them, and a body of no stated
// length (neither Content-Length nor chunked, on a method other than GET, HEAD, DELETE) at once
// (411). Slow and idle clients: see the limits in http_server.cpp.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "notify/http_routes.h"

namespace homeroom::notify {

// "127.0.0.1:8025", "[::1]:8025", "0.0.0.0:80"; port 0 means any free port. Throws
// std::invalid_argument for anything else.
std::pair<std::string, std::uint16_t> parse_listen_address(std::string_view text);

class HttpServer {
  public:
    // Starts serving at once. `routes` must outlive the server. Throws UnavailableError
    // ("cannot listen on HOST:PORT: why") when the address cannot be bound.
    HttpServer(const RouteTable& routes, std::string_view listen);
    ~HttpServer();  // stops
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    std::string host() const;
    std::uint16_t port() const;  // the bound port (the chosen one when asked for port 0)
    // Stops accepting, lets running requests finish; idempotent.
    void stop();

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace homeroom::notify
