#include "notify/http_routes.h"

#include <algorithm>
#include <exception>

#include "core/hex_digit.h"
#include "render/untrusted_text.h"

namespace homeroom::notify {
namespace {

std::string decode_component(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out += ' ';
        } else if (s[i] == '%' && i + 2 < s.size() && hex_digit_value(s[i + 1]) >= 0 &&
                   hex_digit_value(s[i + 2]) >= 0) {
            out += static_cast<char>(hex_digit_value(s[i + 1]) * 16 + hex_digit_value(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

}  // namespace

std::map<std::string, std::string> parse_urlencoded(std::string_view text) {
    std::map<std::string, std::string> out;
    while (!text.empty()) {
        const auto amp = text.find('&');
        const std::string_view pair = text.substr(0, amp);
        text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
        if (pair.empty())
            continue;
        const auto eq = pair.find('=');
        out.emplace(
            decode_component(pair.substr(0, eq)),
            eq == std::string_view::npos ? std::string() : decode_component(pair.substr(eq + 1)));
    }
    return out;
}

HttpResponse simple_page(int status, std::string_view title, std::string_view text) {
    HttpResponse r;
    r.status = status;
    r.body = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
             render::escape_html(title) + "</title></head><body><h1>" + render::escape_html(title) +
             "</h1><p>" + render::escape_html(text) + "</p></body></html>\n";
    return r;
}

void RouteTable::add(std::string method, std::string path, HttpHandler handler) {
    m_routes[{std::move(path), std::move(method)}] = std::move(handler);
}

void RouteTable::add_prefix(std::string method, std::string prefix, HttpHandler handler) {
    m_prefixes[{std::move(prefix), std::move(method)}] = std::move(handler);
}

HttpResponse RouteTable::dispatch(const HttpRequest& request) const {
    const HttpHandler* handler = nullptr;
    std::string allow;
    if (const auto it = m_routes.find({request.path, request.method}); it != m_routes.end())
        handler = &it->second;
    for (const auto& [key, h] : m_routes)
        if (key.first == request.path)
            allow += (allow.empty() ? "" : ", ") + key.second;
    if (!handler && allow.empty()) {
        // The longest prefix of the path that has routes.
        std::size_t longest = 0;
        for (const auto& [key, h] : m_prefixes)
            if (request.path.size() > key.first.size() &&
                request.path.compare(0, key.first.size(), key.first) == 0)
                longest = std::max(longest, key.first.size());
        const std::string prefix = request.path.substr(0, longest);
        for (const auto& [key, h] : m_prefixes) {
            if (longest == 0 || key.first != prefix)
                continue;
            if (key.second == request.method)
                handler = &h;
            allow += (allow.empty() ? "" : ", ") + key.second;
        }
    }
    if (!handler) {
        if (allow.empty())
            return simple_page(404, "Not found", "There is nothing at this address.");
        HttpResponse r = simple_page(405, "Method not allowed", "Use " + allow + ".");
        r.headers.emplace_back("Allow", allow);
        return r;
    }
    try {
        return (*handler)(request);
    } catch (const std::exception& e) {
        if (on_error)
            on_error(request.method + " " + request.path + ": " + e.what());
    } catch (...) {
        if (on_error)
            on_error(request.method + " " + request.path + ": unknown error");
    }
    return simple_page(500, "Something went wrong",
                       "Your request could not be completed. Please try again later.");
}

}  // namespace homeroom::notify
