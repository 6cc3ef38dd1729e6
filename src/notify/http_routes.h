// The small HTTP interface of `homeroom serve` as plain values: a request, a response, and a
// table of routes (method + path → handler). Endpoints (unsubscribe now; SMS delivery reports
// and inbound texts later) add their routes; http_server.h puts the table behind Poco's
// HTTPServer. Handlers never see a socket, so they are tested without one.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace homeroom::notify {

struct HttpRequest {
    std::string method;                        // "GET", "POST", ...
    std::string path;                          // without the query, e.g. "/unsubscribe"
    std::map<std::string, std::string> query;  // decoded; the first of repeated names
    std::map<std::string, std::string> form;   // a POST's decoded fields (urlencoded or multipart)
    // The peer's IP address as Poco prints it ("127.0.0.1", "::1"; an IPv4-mapped IPv6 address
    // as IPv4): the one that connected, which is the proxy's for a forwarded request.
    std::string client_address{};
};

struct HttpResponse {
    int status = 200;
    std::string content_type = "text/html; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;  // besides Content-Type
};

using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

class RouteTable {
  public:
    // A later route for the same method and path replaces the earlier one.
    void add(std::string method, std::string path, HttpHandler handler);
    // A route for every path that starts with `prefix` ("/s/") and is longer than it, used when
    // no exact route has the path; the longest matching prefix wins.
    void add_prefix(std::string method, std::string prefix, HttpHandler handler);
    // The route's answer; 404 for an unknown path, 405 (with Allow) for a known path and another
    // method, 500 when the handler throws (the exception is not shown to the client).
    HttpResponse dispatch(const HttpRequest& request) const;
    // Called with what a handler threw, for the server's log; none by default.
    std::function<void(const std::string&)> on_error;

  private:
    std::map<std::pair<std::string, std::string>, HttpHandler> m_routes;    // (path, method)
    std::map<std::pair<std::string, std::string>, HttpHandler> m_prefixes;  // (prefix, method)
};

// application/x-www-form-urlencoded, also used for query strings: '+' is a space, %XX a byte.
// Malformed escapes are kept as written. The first of repeated names wins.
std::map<std::string, std::string> parse_urlencoded(std::string_view text);

// A plain page for error answers: "<!DOCTYPE html>...<h1>title</h1><p>text</p>...", escaped.
HttpResponse simple_page(int status, std::string_view title, std::string_view text);

}  // namespace homeroom::notify
