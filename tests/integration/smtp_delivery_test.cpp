// Delivery from the outbox to a real SMTP server (aiosmtpd, tests/servers/smtp_server.py):
// what arrives, faults per recipient and per connection, TLS and AUTH, and kill -9 midway.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "core/errors.h"
#include "mail_parsing.h"
#include "notify/deliver_due.h"
#include "notify/mail_message.h"
#include "notify/smtp_channel.h"
#include "smtp_test_server.h"
#include "store/database.h"
#include "store/outbox_repository.h"
#include "temp_dir.h"

namespace homeroom::notify {
namespace {

using namespace std::chrono_literals;
using homeroom::testing::decode_header;
using homeroom::testing::parse_mail;
using homeroom::testing::SmtpServerOptions;
using homeroom::testing::SmtpTestServer;
using homeroom::testing::TempDir;

const Date k_week = Date::from_ymd(2026, 1, 19);
const std::string k_domain = "district.example.org";

struct Recipient {
    std::string contact_id, name, address, subject;
};

std::vector<Recipient> recipients(int n) {
    std::vector<Recipient> out;
    for (int i = 1; i <= n; ++i)
        out.push_back({"C" + std::to_string(i), "Parent " + std::to_string(i),
                       "parent" + std::to_string(i) + "@example.org",
                       "Weekly update " + std::to_string(i)});
    return out;
}

store::NewOutboxMessage outbox_message(const Recipient& r) {
    store::NewOutboxMessage m;
    m.key = {r.contact_id, k_week, "weekly-digest", Channel::email};
    MailContent c;
    c.from = {"Lincoln Public Schools", "digest@" + k_domain};
    c.to = {r.name, r.address};
    c.subject = r.subject;
    c.text_body = "Hello " + r.name + ",\n.\nNothing new this week.\n";
    c.html_body = "<p>Hello " + r.name + ",</p><p>Nothing new this week.</p>";
    c.message_id = make_message_id(store::to_string(m.key), k_domain);
    c.date = format_mail_date(std::chrono::sys_seconds{1768806000s});
    c.unsubscribe_url = "https://homeroom.example.org/u/" + r.contact_id;
    c.unsubscribe_mailto = "mailto:unsubscribe@" + k_domain + "?subject=" + r.contact_id;
    m.recipient = r.address;
    m.subject = r.subject;
    m.body = build_mail_message(c);
    m.allowed_by = "S1 via " + r.contact_id + ": educational_rights";
    return m;
}

SmtpSettings settings_for(const SmtpTestServer& server, int connections = 1) {
    SmtpSettings s;
    s.host = "127.0.0.1";
    s.port = server.port();
    s.connections = connections;
    s.envelope_from = "bounces@" + k_domain;
    s.timeout = 10s;
    s.reconnect_delay = 50ms;
    return s;
}

struct Outbox {
    TempDir dir;
    std::unique_ptr<store::Database> db = std::make_unique<store::Database>(dir / "h.db");
    std::unique_ptr<store::OutboxRepository> repo = std::make_unique<store::OutboxRepository>(*db);
    std::chrono::sys_seconds now =
        std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    DeliveryOptions options;

    Outbox() {
        options.clock = [this] { return now; };
    }
    void queue(const std::vector<Recipient>& rs) {
        std::vector<store::NewOutboxMessage> ms;
        for (const auto& r : rs) ms.push_back(outbox_message(r));
        repo->queue_all(ms, now);
    }
    std::int64_t count(MessageStatus s) const {
        for (const auto& c : repo->count_by_status({}))
            if (c.status == s)
                return c.count;
        return 0;
    }
    void close() {
        repo.reset();
        db.reset();
    }
    void open() {
        db = std::make_unique<store::Database>(dir / "h.db");
        repo = std::make_unique<store::OutboxRepository>(*db);
    }
};

// Message-ID → how many times it arrived.
std::map<std::string, int> arrivals(const SmtpTestServer& server) {
    std::map<std::string, int> out;
    for (const auto& m : server.messages()) ++out[parse_mail(m).raw("message-id")];
    return out;
}

TEST(SmtpDelivery, DeliversEveryMessageWithItsRecipientHeadersAndParts) {
    SmtpTestServer server;
    Outbox o;
    auto rs = recipients(4);
    rs.push_back(
        {"C5", "ماريا الحسيني", "maria@example.org", "التقرير الأسبوعي: غياب يوم الثلاثاء"});
    rs.push_back({"C6", "José Ñúñez", "jose@example.org",
                  "Resumen semanal de Sofía: dos ausencias y una calificación nueva"});
    o.queue(rs);
    SmtpChannel channel(settings_for(server, 2));
    const auto report = deliver_due(*o.repo, channel, o.options);
    EXPECT_EQ(report.sent, 6u);
    EXPECT_EQ(report.sessions, 2);
    EXPECT_EQ(o.count(MessageStatus::sent), 6);

    std::map<std::string, homeroom::testing::ParsedMail> by_recipient;
    for (const auto& bytes : server.messages()) {
        auto m = parse_mail(bytes);
        ASSERT_EQ(m.count("delivered-to"), 1u);
        EXPECT_EQ(m.raw("return-path"), "<bounces@district.example.org>");
        by_recipient.emplace(m.raw("delivered-to"), std::move(m));
    }
    ASSERT_EQ(by_recipient.size(), rs.size());
    for (const auto& r : rs) {
        const auto& m = by_recipient.at(r.address);
        EXPECT_EQ(decode_header(m.raw("to")), r.name + " <" + r.address + ">");
        EXPECT_EQ(decode_header(m.raw("subject")), r.subject);
        EXPECT_EQ(m.raw("from"), "Lincoln Public Schools <digest@district.example.org>");
        EXPECT_EQ(m.raw("message-id"),
                  make_message_id(r.contact_id + "/2026-01-19/weekly-digest/email", k_domain));
        EXPECT_EQ(m.raw("list-unsubscribe-post"), "List-Unsubscribe=One-Click");
        EXPECT_EQ(m.raw("list-unsubscribe").rfind("<https://homeroom.example.org/u/", 0), 0u);
        ASSERT_EQ(m.parts.size(), 2u);
        // The lone "." line survived SMTP's dot-stuffing.
        EXPECT_EQ(m.parts[0].content, "Hello " + r.name + ",\r\n.\r\nNothing new this week.\r\n");
        EXPECT_EQ(m.parts[1].content_type, "text/html; charset=UTF-8");
    }
    const auto sent = o.repo->list({.status = MessageStatus::sent});
    EXPECT_EQ(sent.at(0).provider_id.rfind("250 2.0.0 Ok: queued as ", 0), 0u);
    // Running again sends nothing.
    EXPECT_EQ(deliver_due(*o.repo, channel, o.options).claimed, 0u);
    EXPECT_EQ(server.message_count(), 6u);
}

TEST(SmtpDelivery, A451IsRetriedLaterAndThenDelivered) {
    SmtpTestServer server({.tempfail = {"parent2@example.org"}});
    Outbox o;
    o.queue(recipients(3));
    SmtpChannel channel(settings_for(server));
    auto report = deliver_due(*o.repo, channel, o.options);
    EXPECT_EQ(report.sent, 2u);
    EXPECT_EQ(report.temporary_failures, 1u);
    const auto deferred = o.repo->list({.status = MessageStatus::temporary_failure});
    ASSERT_EQ(deferred.size(), 1u);
    EXPECT_EQ(deferred[0].recipient, "parent2@example.org");
    EXPECT_NE(deferred[0].last_error.find("RCPT TO: 451 4.2.0"), std::string::npos)
        << deferred[0].last_error;
    EXPECT_EQ(deferred[0].next_attempt_at, o.now + 60s);
    EXPECT_EQ(server.message_count(), 2u);

    o.now += 60s;
    report = deliver_due(*o.repo, channel, o.options);
    EXPECT_EQ(report.sent, 1u);
    EXPECT_EQ(o.count(MessageStatus::sent), 3);
    EXPECT_EQ(o.repo->find(deferred[0].id)->attempts, 2);
    const auto got = arrivals(server);
    EXPECT_EQ(got.size(), 3u);
    for (const auto& [id, n] : got) EXPECT_EQ(n, 1) << id;
}

TEST(SmtpDelivery, A550IsAPermanentFailureAndTheSessionGoesOn) {
    SmtpTestServer server({.reject = {"parent2@example.org"}});
    Outbox o;
    o.queue(recipients(4));
    SmtpChannel channel(settings_for(server));
    const auto report = deliver_due(*o.repo, channel, o.options);
    EXPECT_EQ(report.sent, 3u);
    EXPECT_EQ(report.permanent_failures, 1u);
    const auto failed = o.repo->list({.status = MessageStatus::permanent_failure});
    ASSERT_EQ(failed.size(), 1u);
    EXPECT_EQ(failed[0].recipient, "parent2@example.org");
    EXPECT_NE(failed[0].last_error.find("RCPT TO: 550 5.1.1"), std::string::npos);
    EXPECT_EQ(server.message_count(), 3u);
    o.now += 24h;
    EXPECT_EQ(deliver_due(*o.repo, channel, o.options).claimed, 0u);
}

// Audit F.23: one 530 to MAIL FROM used to mark every digest of the week permanent-failure.
TEST(SmtpDelivery, ARefusedSenderStopsTheRunAndFailsNoMessage) {
    Outbox o;
    o.queue(recipients(5));
    {
        SmtpTestServer server({.refuse_sender = "530 5.7.0 Must issue a STARTTLS command first"});
        SmtpChannel channel(settings_for(server, 2));
        const auto report = deliver_due(*o.repo, channel, o.options);
        EXPECT_EQ(report.sent, 0u);
        EXPECT_EQ(report.permanent_failures, 0u);
        EXPECT_EQ(report.temporary_failures, 0u);
        EXPECT_TRUE(report.sender_refusal_permanent);
        EXPECT_EQ(report.sender_refused,
                  "SMTP server 127.0.0.1:" + std::to_string(server.port()) +
                      " refused the sender <bounces@district.example.org> at MAIL FROM: 530 5.7.0 "
                      "Must issue a STARTTLS command first");
        EXPECT_EQ(server.message_count(), 0u);
    }
    EXPECT_EQ(o.count(MessageStatus::permanent_failure), 0);
    for (const auto& m : o.repo->list({})) {
        EXPECT_EQ(m.attempts, 0) << m.recipient;             // never an exchange about the message
        EXPECT_LE(m.next_attempt_at, o.now) << m.recipient;  // due again at once
    }
    // Once the server takes the sender, every digest goes out, once.
    SmtpTestServer fixed;
    SmtpChannel channel(settings_for(fixed, 2));
    const auto report = deliver_due(*o.repo, channel, o.options);
    EXPECT_EQ(report.sent, 5u);
    EXPECT_EQ(fixed.message_count(), 5u);
    for (const auto& m : o.repo->list({})) EXPECT_EQ(m.attempts, 1) << m.recipient;
}

// Review of F.23: a relay that will not relay for us answers every RCPT with 554 5.7.1; that is
// the district's settings too, not every parent's address.
TEST(SmtpDelivery, ARelayThatWillNotRelayStopsTheRunAndFailsNoMessage) {
    Outbox o;
    o.queue(recipients(3));
    SmtpTestServer server({.deny_relay = true});
    SmtpChannel channel(settings_for(server));
    const auto report = deliver_due(*o.repo, channel, o.options);
    EXPECT_EQ(report.permanent_failures, 0u);
    EXPECT_TRUE(report.sender_refusal_permanent);
    EXPECT_NE(report.sender_refused.find("at RCPT TO: 554 5.7.1 <parent1@example.org>: Relay "
                                         "access denied"),
              std::string::npos)
        << report.sender_refused;
    EXPECT_EQ(o.count(MessageStatus::permanent_failure), 0);
    for (const auto& m : o.repo->list({})) EXPECT_EQ(m.attempts, 0);
}

TEST(SmtpDelivery, AConnectionDroppedMidBatchIsReopenedWithoutLosingOrRepeating) {
    SmtpTestServer server({.drop_after = 3});
    Outbox o;
    o.queue(recipients(10));
    SmtpChannel channel(settings_for(server));
    const auto report = deliver_due(*o.repo, channel, o.options);
    EXPECT_EQ(report.sent, 10u);
    EXPECT_TRUE(report.interrupted.empty()) << report.interrupted;
    const auto got = arrivals(server);
    EXPECT_EQ(got.size(), 10u);
    for (const auto& [id, n] : got) EXPECT_EQ(n, 1) << id;
}

TEST(SmtpDelivery, AConnectionDroppedBeforeTheReplyIsRetriedAndMayArriveTwice) {
    // The one ambiguous case: the server has the message but the answer never came.
    SmtpTestServer server({.drop_after = 2, .drop_before_reply = true});
    Outbox o;
    o.queue(recipients(3));
    SmtpChannel channel(settings_for(server));
    auto report = deliver_due(*o.repo, channel, o.options);
    // Each connection loses its 2nd message's answer: 1st sent, 2nd unknown, 3rd sent.
    EXPECT_EQ(report.sent, 2u);
    EXPECT_EQ(report.temporary_failures, 1u);
    const auto unknown = o.repo->list({.status = MessageStatus::temporary_failure});
    ASSERT_EQ(unknown.size(), 1u);
    EXPECT_NE(unknown[0].last_error.find("may have been accepted"), std::string::npos)
        << unknown[0].last_error;
    o.now += 60s;
    report = deliver_due(*o.repo, channel, o.options);
    EXPECT_EQ(report.sent, 1u);
    const auto got = arrivals(server);
    EXPECT_EQ(got.size(), 3u);
    int duplicates = 0;
    for (const auto& [id, n] : got) duplicates += n - 1;
    EXPECT_EQ(duplicates, 1);  // at most one per connection, by design
}

TEST(SmtpDelivery, AServerDownAtTheStartIsUnavailableAndNothingIsMarkedSent) {
    std::uint16_t port;
    {
        SmtpTestServer gone;  // a port that was just free and now has no listener
        port = gone.port();
    }
    Outbox o;
    o.queue(recipients(3));
    SmtpSettings s;
    s.port = port;
    s.envelope_from = "bounces@" + k_domain;
    s.connections = 2;
    SmtpChannel channel(s);
    try {
        deliver_due(*o.repo, channel, o.options);
        FAIL() << "expected UnavailableError";
    } catch (const UnavailableError& e) {
        EXPECT_EQ(std::string(e.what()), "cannot connect to SMTP server 127.0.0.1:" +
                                             std::to_string(port) + ": Connection refused");
    }
    EXPECT_EQ(o.count(MessageStatus::created), 3);
    EXPECT_EQ(o.count(MessageStatus::sent), 0);
    for (const auto& m : o.repo->list({})) EXPECT_EQ(m.attempts, 0);
}

TEST(SmtpDelivery, AServerThatGoesAwayMidRunLeavesTheRestForTheNextRun) {
    auto server = std::make_unique<SmtpTestServer>();
    Outbox o;
    // Far more messages than arrive before the server is stopped, so the stop always lands
    // mid-run however fast the client is.
    o.queue(recipients(400));
    auto settings = settings_for(*server);
    settings.reconnect_attempts = 2;
    SmtpChannel channel(settings);
    o.options.claim_batch = 5;
    std::atomic<bool> stopped{false};
    std::thread killer([&] {
        server->wait_for_messages(10, 20s);
        server->stop();
        stopped = true;
    });
    const auto report = deliver_due(*o.repo, channel, o.options);
    killer.join();
    EXPECT_FALSE(report.interrupted.empty());
    EXPECT_NE(report.interrupted.find("cannot connect to SMTP server"), std::string::npos)
        << report.interrupted;
    // Sent, or released for the next run (claimed ones as temporary-failure due at once,
    // the rest never claimed); nothing left claimed.
    EXPECT_EQ(o.count(MessageStatus::sent) + o.count(MessageStatus::temporary_failure) +
                  o.count(MessageStatus::created),
              400);
    EXPECT_GT(o.count(MessageStatus::created) + o.count(MessageStatus::temporary_failure), 0);
    EXPECT_EQ(o.count(MessageStatus::sending), 0);
    // A message whose answer was lost with the server may have been saved: at most one.
    const auto sent = static_cast<std::size_t>(o.count(MessageStatus::sent));
    EXPECT_LE(sent, server->message_count());
    EXPECT_LE(server->message_count() - sent, 1u);
}

TEST(SmtpDelivery, StartTlsWithAuthLoginAndAuthPlain) {
    SmtpTestServer server({.starttls = true, .auth = "district:s3cret"});
    for (auto auth : {SmtpAuth::login, SmtpAuth::plain}) {
        Outbox o;
        o.queue(recipients(2));
        auto s = settings_for(server);
        s.tls = SmtpTls::starttls;
        s.ca_file = server.certificate().string();
        s.username = "district";
        s.password = "s3cret";
        s.auth = auth;
        SmtpChannel channel(s);
        const auto report = deliver_due(*o.repo, channel, o.options);
        EXPECT_EQ(report.sent, 2u) << static_cast<int>(auth);
    }
    EXPECT_EQ(server.message_count(), 4u);
}

TEST(SmtpDelivery, TlsAndAuthProblemsAreClearErrors) {
    SmtpTestServer server({.starttls = true, .auth = "district:s3cret"});
    Outbox o;
    o.queue(recipients(1));
    auto s = settings_for(server);
    s.tls = SmtpTls::starttls;
    s.ca_file = server.certificate().string();
    s.username = "district";
    s.password = "wrong";
    s.auth = SmtpAuth::login;
    auto expect_unavailable = [&](const SmtpSettings& settings, const std::string& part) {
        SmtpChannel channel(settings);
        try {
            deliver_due(*o.repo, channel, o.options);
            ADD_FAILURE() << "expected UnavailableError with " << part;
        } catch (const UnavailableError& e) {
            EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
            EXPECT_EQ(std::string(e.what()).rfind("cannot connect to SMTP server 127.0.0.1:", 0),
                      0u)
                << e.what();
        }
    };
    expect_unavailable(s, "login as \"district\" refused: Login using LOGIN password failed: 535");
    auto untrusted = s;
    untrusted.ca_file.clear();  // the system's CAs do not know the self-signed certificate
    untrusted.password = "s3cret";
    expect_unavailable(untrusted, "certificate");
    auto plain = s;
    plain.tls = SmtpTls::none;
    plain.password = "s3cret";
    expect_unavailable(plain, "after STARTTLS");
    EXPECT_EQ(o.count(MessageStatus::created), 1);

    SmtpTestServer no_tls;
    auto wants_tls = settings_for(no_tls);
    wants_tls.tls = SmtpTls::starttls;
    expect_unavailable(wants_tls, "does not offer STARTTLS");
}

// kill -9 in the middle of a big send, then run again: everything arrives, and only what
// was in flight at the kill (at most one message per connection) can arrive twice.
TEST(SmtpDelivery, AKilledSendResumesWithEveryMessageDeliveredAndFewDuplicates) {
    constexpr int k_messages = 2000;
    constexpr int k_connections = 4;
    SmtpTestServer server;
    Outbox o;
    o.queue(recipients(k_messages));
    o.close();  // the child opens its own connection; none may cross fork()

    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        try {
            store::Database db(o.dir / "h.db");
            store::OutboxRepository repo(db);
            SmtpChannel channel(settings_for(server, k_connections));
            deliver_due(repo, channel);
        } catch (...) {
            ::_exit(3);
        }
        ::_exit(0);
    }
    const bool midway = server.wait_for_messages(k_messages / 3, 120s);
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(midway) << "the child sent too slowly: " << server.message_count();
    ASSERT_TRUE(WIFSIGNALED(status)) << "the child finished before the kill";
    std::this_thread::sleep_for(300ms);  // let the server finish saving what it had

    o.open();
    const auto received_at_kill = server.message_count();
    const auto marked_sent_at_kill = o.count(MessageStatus::sent);
    const auto sending_at_kill = o.count(MessageStatus::sending);
    SmtpChannel channel(settings_for(server, k_connections));
    const auto report = deliver_due(*o.repo, channel);
    EXPECT_TRUE(report.interrupted.empty());
    EXPECT_EQ(o.count(MessageStatus::sent), k_messages);

    const auto got = arrivals(server);
    EXPECT_EQ(got.size(), static_cast<std::size_t>(k_messages));  // every message arrived
    int duplicates = 0;
    for (const auto& [id, n] : got) duplicates += n - 1;
    EXPECT_LE(duplicates, k_connections);
    // Received but not yet recorded at the kill: exactly the in-flight ones, re-sent.
    EXPECT_EQ(static_cast<std::int64_t>(received_at_kill) - marked_sent_at_kill, duplicates);
    std::printf(
        "[ kill -9 ] %zu of %d received at the kill, %lld recorded sent, %lld claimed "
        "(sending); %d in flight → %d duplicate(s) after the re-run (bound: %d)\n",
        received_at_kill, k_messages, static_cast<long long>(marked_sent_at_kill),
        static_cast<long long>(sending_at_kill), duplicates, duplicates, k_connections);
}

}  // namespace
}  // namespace homeroom::notify
