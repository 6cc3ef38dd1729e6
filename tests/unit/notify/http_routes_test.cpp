#include "notify/http_routes.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "notify/http_server.h"

namespace homeroom::notify {
namespace {

RouteTable table(std::string* logged = nullptr) {
    RouteTable t;
    t.add("GET", "/hello", [](const HttpRequest& r) {
        HttpResponse out;
        out.content_type = "text/plain";
        out.body = "hello " + (r.query.count("who") ? r.query.at("who") : std::string("?"));
        return out;
    });
    t.add("POST", "/hello", [](const HttpRequest&) {
        return HttpResponse{201, "text/plain", "made", {}};
    });
    t.add("GET", "/broken", [](const HttpRequest&) -> HttpResponse {
        throw std::runtime_error("database is locked");
    });
    if (logged)
        t.on_error = [logged](const std::string& what) { *logged = what; };
    return t;
}

TEST(RouteTable, DispatchesByPathAndMethod) {
    const auto t = table();
    EXPECT_EQ(t.dispatch({"GET", "/hello", {{"who", "Ana"}}, {}}).body, "hello Ana");
    EXPECT_EQ(t.dispatch({"POST", "/hello", {}, {}}).status, 201);
}

TEST(RouteTable, UnknownPathIs404AndWrongMethodIs405WithAllow) {
    const auto t = table();
    EXPECT_EQ(t.dispatch({"GET", "/nope", {}, {}}).status, 404);
    const auto r = t.dispatch({"DELETE", "/hello", {}, {}});
    EXPECT_EQ(r.status, 405);
    ASSERT_EQ(r.headers.size(), 1u);
    EXPECT_EQ(r.headers[0], (std::pair<std::string, std::string>{"Allow", "GET, POST"}));
}

TEST(RouteTable, AThrowingHandlerIs500WithoutTheDetail) {
    std::string logged;
    const auto t = table(&logged);
    const auto r = t.dispatch({"GET", "/broken", {}, {}});
    EXPECT_EQ(r.status, 500);
    EXPECT_EQ(r.body.find("locked"), std::string::npos);
    EXPECT_EQ(logged, "GET /broken: database is locked");
}

TEST(RouteTable, PrefixRoutesTakePathsUnderThemWhenNoExactRouteDoes) {
    auto t = table();
    t.add_prefix("GET", "/s/", [](const HttpRequest& r) {
        return HttpResponse{200, "text/plain", "short " + r.path, {}};
    });
    t.add("GET", "/s/exact", [](const HttpRequest&) {
        return HttpResponse{200, "text/plain", "exact", {}};
    });
    EXPECT_EQ(t.dispatch({"GET", "/s/abc", {}, {}}).body, "short /s/abc");
    EXPECT_EQ(t.dispatch({"GET", "/s/exact", {}, {}}).body, "exact");
    EXPECT_EQ(t.dispatch({"GET", "/s/", {}, {}}).status, 404);  // the prefix alone
    EXPECT_EQ(t.dispatch({"GET", "/sx/abc", {}, {}}).status, 404);
    const auto r = t.dispatch({"POST", "/s/abc", {}, {}});
    EXPECT_EQ(r.status, 405);
    ASSERT_EQ(r.headers.size(), 1u);
    EXPECT_EQ(r.headers[0], (std::pair<std::string, std::string>{"Allow", "GET"}));
}

TEST(Urlencoded, DecodesPlusPercentAndRepeatedNames) {
    const auto f =
        parse_urlencoded("List-Unsubscribe=One-Click&a=1+2%2B3&a=second&empty=&flag&%zz=%4");
    EXPECT_EQ(f.at("List-Unsubscribe"), "One-Click");
    EXPECT_EQ(f.at("a"), "1 2+3");
    EXPECT_EQ(f.at("empty"), "");
    EXPECT_EQ(f.at("flag"), "");
    EXPECT_EQ(f.at("%zz"), "%4");
    EXPECT_TRUE(parse_urlencoded("").empty());
}

TEST(ListenAddress, ParsesHostAndPort) {
    EXPECT_EQ(parse_listen_address("127.0.0.1:8025"),
              (std::pair<std::string, std::uint16_t>{"127.0.0.1", 8025}));
    EXPECT_EQ(parse_listen_address("[::1]:0"), (std::pair<std::string, std::uint16_t>{"::1", 0}));
    for (const char* bad : {"", "8025", "host:", ":80", "h:99999", "h:8x", "::1:80"})
        EXPECT_THROW(parse_listen_address(bad), std::invalid_argument) << bad;
}

}  // namespace
}  // namespace homeroom::notify
