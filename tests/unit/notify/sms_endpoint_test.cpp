// /dlr and /mo without a socket: delivery reports move outbox statuses, STOP / START / HELP
// change opt-outs and answer once.
#include "notify/sms_endpoint.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <set>

#include "notify/delivery_report_token.h"
#include "notify/kannel_channel.h"
#include "store/opt_out_repository.h"
#include "store/outbox_repository.h"
#include "store/sms_inbound_repository.h"
#include "temp_dir.h"

namespace homeroom::notify {
namespace {

TEST(SmsKeyword, RecognisesTheKeywordsInAnyCaseWithPunctuation) {
    for (const char* t : {"STOP", "stop", "Stop.", " stop please", "STOPALL", "unsubscribe",
                          "Cancel!", "end", "QUIT", "\"Stop\"", "stop\n"})
        EXPECT_EQ(parse_sms_keyword(t), SmsKeyword::stop) << t;
    for (const char* t : {"START", "unstop", "Yes", "yes!"})
        EXPECT_EQ(parse_sms_keyword(t), SmsKeyword::start) << t;
    for (const char* t : {"HELP", "help?", " Help me"})
        EXPECT_EQ(parse_sms_keyword(t), SmsKeyword::help) << t;
    for (const char* t :
         {"", "please stop", "stopp", "STOP1", "1 stop", "thanks", "yesterday", "endless", "ST OP"})
        EXPECT_EQ(parse_sms_keyword(t), SmsKeyword::none) << t;
}

struct Endpoint {
    testing::TempDir dir;
    store::Database db{dir / "h.db"};
    render::EnglishOnly localizers;
    std::chrono::sys_seconds now{std::chrono::sys_days{std::chrono::June / 12 / 2026}};
    static constexpr const char* k_site_secret = "site-secret";
    static constexpr const char* k_mo_secret = "mo-secret-0123456789";
    SmsEndpoint endpoint{db,
                         localizers,
                         "Riverside Public Schools",
                         "",
                         {k_site_secret, k_mo_secret, {"127.0.0.1", "::1"}},
                         [this] { return now; }};
    std::vector<std::pair<std::string, std::string>> replies;

    Endpoint() {
        auto& sql = db.sql();
        sql.exec(
            "INSERT INTO snapshots (as_of, fingerprint, imported_at, row_count) VALUES "
            "('2026-06-12', 'x', '2026-06-12T00:00:00Z', 0)");
        for (const char* row :
             {"('C1', '+15550000001')", "('C2', '+15550000001')", "('C3', '+15550000003')"})
            sql.exec(std::string("INSERT INTO contacts (snapshot_id, contact_id, first_name, "
                                 "last_name, mobile, preferred_language, preferred_channel, "
                                 "email_consent, sms_consent, email_opted_out, sms_opted_out) "
                                 "SELECT 1, c, 'A', 'B', m, 'en', 'sms', 0, 1, 0, 0 FROM "
                                 "(SELECT column1 AS c, column2 AS m FROM (VALUES ") +
                     row + "))");
        endpoint.send_reply = [this](const std::string& to, const std::string& text) {
            replies.emplace_back(to, text);
            return DeliveryOutcome{DeliveryResult::sent, "202"};
        };
    }
    // As Kannel calls them: from loopback with the key, the reports with the id's token.
    HttpResponse mo(const std::string& from, const std::string& text,
                    const std::string& key = k_mo_secret,
                    const std::string& address = "127.0.0.1") {
        return endpoint.inbound(
            {"GET", "/mo", {{"key", key}, {"from", from}, {"text", text}}, {}, address});
    }
    HttpResponse dlr(const std::string& id, const std::string& status) {
        std::int64_t n = 0;
        try {
            n = std::stoll(id);
        } catch (const std::exception&) {
        }
        return dlr_with_token(id, status, make_delivery_report_token(k_site_secret, n));
    }
    HttpResponse dlr_with_token(const std::string& id, const std::string& status,
                                const std::string& token) {
        return endpoint.delivery_report(
            {"GET", "/dlr", {{"id", id}, {"t", token}, {"status", status}}, {}, "127.0.0.1"});
    }
    std::int64_t queue_and_send(const std::string& contact) {
        store::OutboxRepository outbox(db);
        store::NewOutboxMessage m;
        m.key = {contact, Date::from_ymd(2026, 6, 8), "weekly-digest", Channel::sms};
        m.recipient = "+1555000000" + contact.substr(1);
        m.body = "text";
        m.allowed_by = "test";
        outbox.queue(m, now);
        const auto claimed = outbox.claim_due(Channel::sms, now, 10, "t", false);
        for (const auto& c : claimed) outbox.mark_sent(c.id, "t", "202 0: Accepted", now);
        return outbox.find(m.key)->id;
    }
};

TEST(SmsEndpoint, StopOptsOutEveryContactOfTheNumberAndAnswersOnce) {
    Endpoint e;
    EXPECT_EQ(e.mo("+15550000001", "Stop.").status, 200);
    store::OptOutRepository opt_outs(e.db);
    EXPECT_TRUE(opt_outs.is_opted_out("C1", Channel::sms));
    EXPECT_TRUE(opt_outs.is_opted_out("C2", Channel::sms));
    EXPECT_FALSE(opt_outs.is_opted_out("C3", Channel::sms));
    EXPECT_FALSE(opt_outs.is_opted_out("C1", Channel::email));
    ASSERT_EQ(e.replies.size(), 1u);
    EXPECT_EQ(e.replies[0].first, "+15550000001");
    EXPECT_NE(e.replies[0].second.find("no more text messages"), std::string::npos);

    e.mo("+15550000001", "stop please");
    EXPECT_EQ(e.replies.size(), 1u) << "a second STOP is not answered";

    e.mo("+15550000001", "START");
    EXPECT_FALSE(opt_outs.is_opted_out("C1", Channel::sms));
    ASSERT_EQ(e.replies.size(), 2u);
    EXPECT_NE(e.replies[1].second.find("again"), std::string::npos);
    e.mo("+15550000001", "yes");
    EXPECT_EQ(e.replies.size(), 2u);

    e.mo("+15550000001", "help");
    e.mo("+15550000001", "HELP");
    EXPECT_EQ(e.replies.size(), 4u) << "HELP is answered every time";

    // Unknown numbers and other texts: logged, nothing answered; an unknown number's STOP still
    // counts for the number (a contact may have it by the next import).
    e.mo("+15559999999", "STOP");
    e.mo("+15550000003", "thanks!");
    EXPECT_EQ(e.replies.size(), 4u);
    EXPECT_FALSE(opt_outs.is_opted_out("C3", Channel::sms));
    const auto log = store::SmsInboundRepository(e.db).list();
    ASSERT_EQ(log.size(), 8u);
    EXPECT_EQ(log[0].action, "opt-out");
    EXPECT_EQ(log[0].contacts, "C1,C2");
    EXPECT_TRUE(log[0].replied);
    EXPECT_FALSE(log[1].replied);
    EXPECT_EQ(log[6].action, "opt-out");
    EXPECT_EQ(log[6].contacts, "");
    EXPECT_EQ(log[7].action, "none");
    // The numbers whose latest keyword was STOP: C1's number said START afterwards.
    const auto stopped = store::SmsInboundRepository(e.db).stopped_numbers();
    EXPECT_EQ(stopped, (std::set<std::string, std::less<>>{"+15559999999"}));
}

TEST(SmsEndpoint, StopCancelsTextsNotSentYet) {
    Endpoint e;
    store::NewOutboxMessage m;
    m.key = {"C3", Date::from_ymd(2026, 6, 8), "weekly-digest", Channel::sms};
    m.recipient = "+15550000003";
    m.body = "text";
    store::OutboxRepository(e.db).queue(m, e.now);
    e.mo("+15550000003", "END");
    EXPECT_EQ(store::OutboxRepository(e.db).find(m.key)->status, MessageStatus::cancelled);
}

TEST(SmsEndpoint, DeliveryReportsMoveSentTextsOn) {
    Endpoint e;
    const auto delivered = e.queue_and_send("C1"), failed = e.queue_and_send("C3");
    EXPECT_EQ(e.dlr(std::to_string(delivered), "8").status, 200);  // accepted by the SMSC
    store::OutboxRepository outbox(e.db);
    EXPECT_EQ(outbox.find(delivered)->status, MessageStatus::sent);
    EXPECT_EQ(e.dlr(std::to_string(delivered), "1").status, 200);
    EXPECT_EQ(outbox.find(delivered)->status, MessageStatus::delivered);
    EXPECT_EQ(e.dlr(std::to_string(failed), "16").status, 200);
    EXPECT_EQ(outbox.find(failed)->status, MessageStatus::permanent_failure);
    EXPECT_NE(outbox.find(failed)->last_error.find("delivery report 16"), std::string::npos);
    // Never backwards, and nonsense is refused.
    EXPECT_EQ(e.dlr(std::to_string(delivered), "16").status, 200);
    EXPECT_EQ(outbox.find(delivered)->status, MessageStatus::delivered);
    EXPECT_EQ(e.dlr("x", "1").status, 400);
    EXPECT_EQ(e.dlr("1", "").status, 400);
    EXPECT_EQ(e.dlr("999", "1").status, 200);
}

TEST(SmsEndpoint, AReportThatOvertakesItsSendIsAnsweredAtOnceAndAppliedWhenTheSendIsRecorded) {
    Endpoint e;
    store::OutboxRepository outbox(e.db);
    for (const char* c : {"C1", "C3"}) {
        store::NewOutboxMessage m;
        m.key = {c, Date::from_ymd(2026, 6, 8), "weekly-digest", Channel::sms};
        m.recipient = std::string("+1555000000") + c[1];
        m.body = "text";
        outbox.queue(m, e.now);
    }
    const auto claimed = outbox.claim_due(Channel::sms, e.now, 10, "t", false);
    ASSERT_EQ(claimed.size(), 2u);
    // Kannel reported before notify recorded the sends: answered 200, no waiting, no 503.
    const auto before = std::chrono::steady_clock::now();
    EXPECT_EQ(e.dlr(std::to_string(claimed[0].id), "8").status, 200);
    EXPECT_EQ(e.dlr(std::to_string(claimed[0].id), "1").status, 200);
    EXPECT_EQ(e.dlr(std::to_string(claimed[1].id), "16").status, 200);
    EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::seconds(1));
    EXPECT_EQ(outbox.find(claimed[0].id)->status, MessageStatus::sending);
    for (const auto& c : claimed) outbox.mark_sent(c.id, "t", "202 0: Accepted", e.now);
    EXPECT_EQ(outbox.find(claimed[0].id)->status, MessageStatus::delivered);
    EXPECT_EQ(outbox.find(claimed[1].id)->status, MessageStatus::permanent_failure);
}

TEST(SmsEndpoint, AReportWithoutTheTokenOfItsMessageChangesNothing) {
    Endpoint e;
    const auto id = e.queue_and_send("C1"), other = e.queue_and_send("C3");
    const std::string id_text = std::to_string(id);
    store::OutboxRepository outbox(e.db);
    // No token, a made-up one, another message's, one signed with another secret.
    for (const std::string& token : {std::string(), std::string("AAAAAAAAAAAAAAAAAAAAAA"),
                                     make_delivery_report_token(Endpoint::k_site_secret, other),
                                     make_delivery_report_token("another-secret", id)}) {
        for (const char* status : {"16", "1"}) {
            EXPECT_EQ(e.dlr_with_token(id_text, status, token).status, 403) << token;
            EXPECT_EQ(outbox.find(id)->status, MessageStatus::sent) << token;
        }
    }
    // The form of a POST is no way around it.
    EXPECT_EQ(
        e.endpoint
            .delivery_report({"POST", "/dlr", {}, {{"id", id_text}, {"status", "16"}}, "127.0.0.1"})
            .status,
        403);
    EXPECT_EQ(outbox.find(id)->status, MessageStatus::sent);
    EXPECT_EQ(e.dlr(id_text, "16").status, 200);
    EXPECT_EQ(outbox.find(id)->status, MessageStatus::permanent_failure);
}

TEST(SmsEndpoint, AnInboundTextWithoutTheKeyOrFromAnotherAddressIsRefused) {
    Endpoint e;
    EXPECT_EQ(e.mo("+15550000001", "STOP", "").status, 403);
    EXPECT_EQ(e.mo("+15550000001", "STOP", "mo-secret-012345678").status, 403);
    EXPECT_EQ(e.mo("+15550000001", "STOP", "mo-secret-0123456789x").status, 403);
    EXPECT_EQ(e.mo("+15550000001", "STOP", Endpoint::k_mo_secret, "127.0.0.2").status, 403);
    EXPECT_EQ(e.mo("+15550000001", "STOP", Endpoint::k_mo_secret, "").status, 403);
    EXPECT_EQ(e.mo("+15550000001", "HELP", Endpoint::k_mo_secret, "10.0.0.5").status, 403);
    // Nothing recorded, nobody answered.
    store::OptOutRepository opt_outs(e.db);
    EXPECT_FALSE(opt_outs.is_opted_out("C1", Channel::sms));
    EXPECT_TRUE(store::SmsInboundRepository(e.db).list().empty());
    EXPECT_TRUE(store::SmsInboundRepository(e.db).stopped_numbers().empty());
    EXPECT_TRUE(e.replies.empty());
    // Kannel itself, from either allowed address.
    EXPECT_EQ(e.mo("+15550000001", "STOP", Endpoint::k_mo_secret, "::1").status, 200);
    EXPECT_TRUE(opt_outs.is_opted_out("C1", Channel::sms));
}

TEST(SmsEndpoint, WithoutAConfiguredKeyEveryInboundTextIsRefused) {
    testing::TempDir dir;
    store::Database db{dir / "h.db"};
    render::EnglishOnly localizers;
    SmsEndpoint endpoint{db, localizers, "Riverside Public Schools", "", {"site-secret", "", {}}};
    for (const std::string& key : {std::string(), std::string("anything")})
        EXPECT_EQ(endpoint
                      .inbound({"GET",
                                "/mo",
                                {{"key", key}, {"from", "+15550000001"}, {"text", "STOP"}},
                                {},
                                "127.0.0.1"})
                      .status,
                  403);
    EXPECT_TRUE(store::SmsInboundRepository(db).list().empty());
}

TEST(KannelChannel, RequestsCarryTheCodingAndTheReportUrl) {
    KannelSettings s;
    s.username = "u";
    s.password = "p&q";
    s.from = "12345";
    s.dlr_url = "http://127.0.0.1:8025/dlr";
    s.report_secret = "site-secret";
    const auto endpoint = parse_kannel_url("http://127.0.0.1:13013/cgi-bin/sendsms");
    EXPECT_EQ(endpoint.port, 13013);
    const std::string gsm = sendsms_request_path(s, endpoint, "+15551230001", "Hi €1 & more", 42);
    EXPECT_EQ(gsm,
              "/cgi-bin/sendsms?username=u&password=p%26q&from=12345&to=%2B15551230001"
              "&text=Hi%20%E2%82%AC1%20%26%20more&charset=UTF-8&dlr-mask=31&dlr-url="
              "http%3A%2F%2F127.0.0.1%3A8025%2Fdlr%3Fid%3D42%26t%3D" +
                  make_delivery_report_token("site-secret", 42) + "%26status%3D%25d");
    EXPECT_EQ(make_delivery_report_token("site-secret", 42).size(), 22u);
    const std::string arabic = sendsms_request_path(s, endpoint, "+1", "\xD9\x85", 0);
    EXPECT_NE(arabic.find("&charset=UTF-8&coding=2"), std::string::npos) << arabic;
    EXPECT_EQ(arabic.find("dlr-url"), std::string::npos);
    EXPECT_THROW(parse_kannel_url("ftp://x/"), std::invalid_argument);
    // Reports nobody could sign would all be refused by serve.
    KannelSettings unsigned_reports = s;
    unsigned_reports.url = "http://127.0.0.1:13013/cgi-bin/sendsms";
    unsigned_reports.report_secret.clear();
    EXPECT_THROW(KannelChannel{unsigned_reports}, std::invalid_argument);
}

}  // namespace
}  // namespace homeroom::notify
