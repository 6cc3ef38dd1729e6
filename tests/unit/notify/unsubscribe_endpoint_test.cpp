// /unsubscribe without a socket: the pages, the one-click POST, what it records, and forged links.
#include "notify/unsubscribe_endpoint.h"

#include <gtest/gtest.h>

#include "notify/unsubscribe_token.h"
#include "store/opt_out_repository.h"
#include "store/outbox_repository.h"
#include "temp_dir.h"

namespace homeroom::notify {
namespace {

using namespace std::chrono_literals;

const std::string k_secret = "a-site-secret";
const std::filesystem::path k_templates =
    std::filesystem::path(HOMEROOM_TEST_DATA) / ".." / ".." / "templates";

struct Endpoint {
    testing::TempDir dir;
    store::Database db{dir / "h.db"};
    render::TemplateSet templates{k_templates};
    render::EnglishOnly localizers;
    std::chrono::sys_seconds now{std::chrono::sys_days{std::chrono::June / 12 / 2026}};
    UnsubscribeEndpoint endpoint{
        db, k_secret, templates, localizers, "Riverside Public Schools", [this] { return now; }};

    HttpRequest request(std::string method, const std::string& token,
                        std::map<std::string, std::string> form = {}) {
        return {std::move(method), "/unsubscribe", {{"t", token}}, std::move(form)};
    }
    void queue(const std::string& contact, const std::string& address) {
        store::NewOutboxMessage m;
        m.key = {contact, Date::from_ymd(2026, 6, 8), "weekly-digest", Channel::email};
        m.recipient = address;
        m.subject = "Weekly update";
        m.body = "bytes";
        m.allowed_by = "test";
        store::OutboxRepository(db).queue(m, now);
    }
};

const std::map<std::string, std::string> k_one_click = {{"List-Unsubscribe", "One-Click"}};

TEST(UnsubscribeEndpoint, GetShowsAFormAndChangesNothing) {
    Endpoint e;
    const auto token = make_unsubscribe_token(k_secret, {"C02", Channel::email, "en"});
    const auto r = e.endpoint.confirmation_page(e.request("GET", token));
    EXPECT_EQ(r.status, 200);
    EXPECT_NE(r.body.find("<form method=\"post\" action=\"?t=" + token + "\">"), std::string::npos)
        << r.body;
    EXPECT_NE(r.body.find("name=\"List-Unsubscribe\" value=\"One-Click\""), std::string::npos);
    EXPECT_NE(r.body.find("Riverside Public Schools"), std::string::npos);
    EXPECT_FALSE(store::OptOutRepository(e.db).is_opted_out("C02", Channel::email));
}

TEST(UnsubscribeEndpoint, OneClickPostRecordsTheOptOutAndCancelsWhatIsPending) {
    Endpoint e;
    e.queue("C02", "luis@example.org");
    e.queue("C03", "samir@example.org");
    const auto token = make_unsubscribe_token(k_secret, {"C02", Channel::email, "en"});
    std::string logged;
    e.endpoint.on_opt_out = [&](const std::string& s) { logged = s; };
    const auto r = e.endpoint.unsubscribe(e.request("POST", token, k_one_click));
    EXPECT_EQ(r.status, 200);
    EXPECT_NE(r.body.find("You are unsubscribed"), std::string::npos) << r.body;
    EXPECT_EQ(logged, "C02 email one-click");
    const store::OptOutRepository opt_outs(e.db);
    EXPECT_TRUE(opt_outs.is_opted_out("C02", Channel::email));
    EXPECT_FALSE(opt_outs.is_opted_out("C02", Channel::sms));
    EXPECT_FALSE(opt_outs.is_opted_out("C03", Channel::email));
    const store::OutboxRepository outbox(e.db);
    EXPECT_EQ(outbox.list({.status = MessageStatus::cancelled}).size(), 1u);
    EXPECT_EQ(outbox.list({.status = MessageStatus::cancelled}).at(0).key.contact_id, "C02");

    // Again (a mail client retrying): still fine, still one record.
    EXPECT_EQ(e.endpoint.unsubscribe(e.request("POST", token, k_one_click)).status, 200);
    EXPECT_EQ(opt_outs.contacts(Channel::email).size(), 1u);
}

TEST(UnsubscribeEndpoint, TheConfirmationPagesFormIsRecordedAsSuch) {
    Endpoint e;
    const auto token = make_unsubscribe_token(k_secret, {"C05", Channel::email, "en"});
    auto form = k_one_click;
    form["via"] = "page";
    std::string logged;
    e.endpoint.on_opt_out = [&](const std::string& s) { logged = s; };
    EXPECT_EQ(e.endpoint.unsubscribe(e.request("POST", token, form)).status, 200);
    EXPECT_EQ(logged, "C05 email confirmation-page");
}

TEST(UnsubscribeEndpoint, AForgedOrMissingTokenIs400AndRecordsNothing) {
    Endpoint e;
    const auto other = make_unsubscribe_token("another secret", {"C02", Channel::email, "en"});
    for (const std::string& token : {other, std::string(), std::string("1.QzAy.xx")}) {
        EXPECT_EQ(e.endpoint.confirmation_page(e.request("GET", token)).status, 400);
        const auto r = e.endpoint.unsubscribe(e.request("POST", token, k_one_click));
        EXPECT_EQ(r.status, 400);
        EXPECT_NE(r.body.find("This link is not valid"), std::string::npos);
    }
    EXPECT_TRUE(store::OptOutRepository(e.db).contacts(Channel::email).empty());
}

TEST(UnsubscribeEndpoint, APostWithoutOneClickIs400) {
    Endpoint e;
    const auto token = make_unsubscribe_token(k_secret, {"C02", Channel::email, "en"});
    EXPECT_EQ(e.endpoint.unsubscribe(e.request("POST", token)).status, 400);
    EXPECT_EQ(
        e.endpoint.unsubscribe(e.request("POST", token, {{"List-Unsubscribe", "yes"}})).status,
        400);
    EXPECT_FALSE(store::OptOutRepository(e.db).is_opted_out("C02", Channel::email));
}

TEST(UnsubscribeEndpoint, RoutesAreGetAndPost) {
    Endpoint e;
    RouteTable routes;
    e.endpoint.add_routes(routes);
    const auto token = make_unsubscribe_token(k_secret, {"C02", Channel::email, "en"});
    EXPECT_EQ(routes.dispatch(e.request("GET", token)).status, 200);
    EXPECT_EQ(routes.dispatch(e.request("POST", token, k_one_click)).status, 200);
    EXPECT_EQ(routes.dispatch(e.request("PUT", token)).status, 405);
}

}  // namespace
}  // namespace homeroom::notify
