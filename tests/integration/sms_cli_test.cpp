// `homeroom notify --channel sms` and `homeroom serve` against a real SMS gateway: Kannel
// (bearerbox + smsbox) with fake SMSCs, started by tests/servers/kannel.py for each test. The
// SMS fixture (tests/data/bundle-sms/README.md): an Arabic digest, an English one, and a number
// the gateway refuses, whose digest falls back to email.
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <thread>
#include <tuple>

#include "kannel_test_server.h"
#include "notify/delivery_report_token.h"
#include "notify/sms_encoding.h"
#include "raw_http.h"
#include "run_command.h"
#include "serve_process.h"
#include "site/private_token.h"
#include "site/site_builder.h"
#include "store/database.h"
#include "store/opt_out_repository.h"
#include "store/outbox_repository.h"
#include "store/short_link_repository.h"
#include "store/sms_inbound_repository.h"

namespace homeroom {
namespace {

using testing::KannelOptions;
using testing::KannelTestServer;
using testing::read_file;
using testing::run_homeroom;
using testing::TempDir;
using testing::write_file;

const std::string k_bundles = HOMEROOM_TEST_DATA "/bundle-sms";
const std::string k_secret = "sms-cli-test-secret";
const std::string k_base_url = "https://homeroom.example.org";
const std::string k_unroutable = "+1555999";
// What Kannel's sms-service passes to /mo as key= ([kannel] mo_secret).
const std::string k_mo_secret = "sms-cli-test-mo-key";

std::string page_url(const std::string& student, const std::string& lang) {
    return k_base_url + "/" + site::student_page_path(k_secret, student, lang);
}

// What a text carries instead of page_url(): "<base_url>/s/<code>" (docs/sms.md).
std::string short_url(const std::string& student, const std::string& lang) {
    return k_base_url + "/s/" +
           site::short_link_code(k_secret, site::student_page_path(k_secret, student, lang));
}

struct District {
    TempDir dir;
    std::string db = (dir / "h.db").string();
    std::string config_path = (dir / "homeroom.ini").string();

    explicit District(const std::string& bundles = k_bundles) {
        for (const char* as_of : {"2026-06-05", "2026-06-12"}) {
            const auto r =
                run_homeroom({"--db", db, "import", bundles + "/" + as_of, "--as-of", as_of});
            if (r.exit_code != 0)
                throw std::runtime_error("import failed: " + r.err);
        }
    }
    void configure(const std::string& kannel_url, std::uint16_t serve_port,
                   const std::string& extra_sms = "quiet_start = 00:00\nquiet_end = 00:00\n",
                   const std::string& extra_email = "") const {
        write_file(config_path,
                   "[email]\ntransport = file\noutbox_dir = " + (dir / "mail").string() + "\n" +
                       extra_email + "\n[sms]\ntransport = kannel\nfrom = 12345\n" + extra_sms +
                       "outbox_dir = " + (dir / "sms").string() + "\n\n[kannel]\nurl = " +
                       kannel_url + "\nusername = " + KannelTestServer::username() +
                       "\npassword = " + KannelTestServer::password() +
                       "\ndlr_url = http://127.0.0.1:" + std::to_string(serve_port) +
                       "/dlr\nconnections = 2\ntimeout = 10\nmo_secret = " + k_mo_secret + "\n" +
                       "\n[site]\nbase_url = " + k_base_url + "\nsecret = " + k_secret +
                       "\ndistrict_name = Riverside Public Schools\n" +
                       "\n[serve]\nlisten = 127.0.0.1:" + std::to_string(serve_port) + "\n");
    }
    testing::CommandResult homeroom(std::vector<std::string> args) const {
        std::vector<std::string> all = {"--config", config_path, "--db", db};
        all.insert(all.end(), args.begin(), args.end());
        return run_homeroom(all, dir.path().string());
    }
    std::optional<store::OutboxMessage> message(const std::string& contact, Channel channel,
                                                const std::string& week = "2026-06-08") const {
        store::Database d(db);
        return store::OutboxRepository(d).find(
            store::OutboxKey{contact, *Date::parse(week), "weekly-digest", channel});
    }
    bool wait_status(const std::string& contact, MessageStatus status,
                     std::chrono::milliseconds timeout) const {
        const auto until = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < until) {
            const auto m = message(contact, Channel::sms);
            if (m && m->status == status)
                return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return false;
    }
};

// `homeroom serve` for a district.
struct Serve : testing::ServeProcess {
    explicit Serve(const District& d) : ServeProcess(d.config_path, d.db) {}
};

// Kannel, `homeroom serve` and a district configured for both.
struct Gateway {
    std::uint16_t serve_port = testing::pick_free_port();
    KannelTestServer kannel{KannelOptions{
        "http://127.0.0.1:" + std::to_string(serve_port) + "/mo?key=" + k_mo_secret, k_unroutable}};
    District district;
    std::optional<Serve> serve;
    Gateway() {
        district.configure(kannel.sendsms_url(), serve_port);
        serve.emplace(district);
    }
    std::vector<testing::ReceivedSms> to(const std::string& number) const {
        std::vector<testing::ReceivedSms> out;
        for (auto& m : kannel.received())
            if (m.to == number)
                out.push_back(m);
        return out;
    }
};

std::string line_of(const std::string& report, const std::string& start) {
    const auto at = report.find("\n  " + start);
    if (at == std::string::npos)
        return {};
    const auto end = report.find('\n', at + 1);
    return report.substr(at + 3, end - at - 3);
}

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

TEST(SmsCli, TextsArriveInTheirEncodingAndReportsMoveThemToDelivered) {
    Gateway s;
    const auto r = s.district.homeroom({"notify", "--week", "2026-06-10", "--channel", "sms"});
    ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
    EXPECT_EQ(r.out.rfind("notify: week of 2026-06-08 (sms)", 0), 0u) << r.out;
    EXPECT_EQ(line_of(r.out, "queued:"), "queued: new=3 already-queued=0") << r.out;
    EXPECT_EQ(
        line_of(r.out, "delivery:")
            .rfind("delivery: sent=2 temporary-failure=0 technical-failure=0 permanent-failure=1 "
                   "(Kannel 127.0.0.1:",
                   0),
        0u)
        << r.out;

    ASSERT_TRUE(s.kannel.wait_for(2, std::chrono::seconds(10))) << s.kannel.log();
    // The Arabic digest arrives intact, as UCS-2, ending with the Arabic page.
    const auto samir = s.to("+15550100003");
    ASSERT_EQ(samir.size(), 1u);
    EXPECT_EQ(samir[0].from, "12345");
    EXPECT_EQ(samir[0].coding, "ucs-2");
    const auto queued = s.district.message("C03", Channel::sms);
    ASSERT_TRUE(queued);
    {
        store::Database d(s.district.db);
        EXPECT_EQ(samir[0].text, store::OutboxRepository(d).body(queued->id));
    }
    EXPECT_TRUE(ends_with(samir[0].text, short_url("103", "ar"))) << samir[0].text;
    EXPECT_NE(samir[0].text.find("Lina"), std::string::npos) << samir[0].text;
    EXPECT_NE(samir[0].text.find("\xD8"), std::string::npos) << "Arabic words: " << samir[0].text;
    // The English one as GSM-7.
    const auto linh = s.to("+15550100013");
    ASSERT_EQ(linh.size(), 1u);
    EXPECT_EQ(linh[0].coding, "text");
    EXPECT_EQ(linh[0].text.rfind("Minh: ", 0), 0u) << linh[0].text;
    EXPECT_TRUE(ends_with(linh[0].text, "Details: " + short_url("203", "en"))) << linh[0].text;

    // Delivery reports reach `homeroom serve`: sent → delivered.
    EXPECT_TRUE(s.district.wait_status("C03", MessageStatus::delivered, std::chrono::seconds(10)))
        << s.serve->err_text();
    EXPECT_TRUE(s.district.wait_status("C13", MessageStatus::delivered, std::chrono::seconds(10)));
}

TEST(SmsCli, UnroutableNumberFailsForGoodAndFallsBackToEmail) {
    Gateway s;
    const auto r = s.district.homeroom({"notify", "--week", "2026-06-10", "--channel", "sms"});
    ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
    const auto luis = s.district.message("C02", Channel::sms);
    ASSERT_TRUE(luis);
    EXPECT_EQ(luis->status, MessageStatus::permanent_failure);
    EXPECT_NE(luis->last_error.find("403"), std::string::npos) << luis->last_error;
    EXPECT_TRUE(s.to("+15559990002").empty());
    // Luis prefers SMS but consented to email: his digest goes by email instead.
    EXPECT_EQ(line_of(r.out, "email fallback for failed texts:"),
              "email fallback for failed texts: contacts=1 allowed=1 queued=1 already-queued=0")
        << r.out;
    const auto email = s.district.message("C02", Channel::email);
    ASSERT_TRUE(email);
    EXPECT_EQ(email->status, MessageStatus::sent);
    EXPECT_EQ(email->recipient, "luis.perez@example.org");
    EXPECT_NE(email->allowed_by.find("email fallback after a failed SMS"), std::string::npos);
    // Nobody else got an email, and running again queues nothing new anywhere.
    store::Database d(s.district.db);
    EXPECT_EQ(store::OutboxRepository(d).list({.channel = Channel::email}).size(), 1u);
    const auto again = s.district.homeroom({"notify", "--week", "2026-06-10", "--channel", "sms"});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(line_of(again.out, "queued:"), "queued: new=0 already-queued=3") << again.out;
    EXPECT_EQ(line_of(again.out, "email fallback for failed texts:"),
              "email fallback for failed texts: contacts=1 allowed=1 queued=0 already-queued=1")
        << again.out;
    EXPECT_EQ(store::OutboxRepository(d).list({.channel = Channel::email}).size(), 1u);
}

TEST(SmsCli, StopOptsOutAtOnceConfirmsOnceAndStopsNextWeek) {
    Gateway s;
    ASSERT_EQ(s.district.homeroom({"notify", "--week", "2026-06-10", "--channel", "sms"}).exit_code,
              0);
    ASSERT_TRUE(s.kannel.wait_for(2, std::chrono::seconds(10)));

    s.kannel.inject("+15550100013", "Stop.");
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (s.to("+15550100013").size() < 2 && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    {
        store::Database d(s.district.db);
        EXPECT_TRUE(store::OptOutRepository(d).is_opted_out("C13", Channel::sms))
            << s.serve->err_text();
    }
    auto linh = s.to("+15550100013");
    ASSERT_EQ(linh.size(), 2u) << s.serve->err_text();
    EXPECT_EQ(linh[1].text,
              "Riverside Public Schools: you will get no more text messages from us. Reply START "
              "to get them again.");

    // A second STOP changes nothing and is not answered; HELP is.
    s.kannel.inject("+15550100013", "stop please");
    s.kannel.inject("+15550100013", "HELP");
    const auto until_help = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (s.to("+15550100013").size() < 3 && std::chrono::steady_clock::now() < until_help)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    linh = s.to("+15550100013");
    ASSERT_EQ(linh.size(), 3u) << s.serve->err_text();
    EXPECT_NE(linh[2].text.find("Reply STOP"), std::string::npos) << linh[2].text;
    {
        store::Database d(s.district.db);
        const auto log = store::SmsInboundRepository(d).list();
        ASSERT_EQ(log.size(), 3u);
        EXPECT_EQ(log[0].action, "opt-out");
        EXPECT_TRUE(log[0].replied);
        EXPECT_EQ(log[1].action, "opt-out");
        EXPECT_FALSE(log[1].replied);
        EXPECT_EQ(log[2].action, "help");
    }

    // The opt-out belongs to the number: even with C13's own record gone (as when a later
    // import files the number under another contact id), the number is not texted.
    {
        store::Database d(s.district.db);
        EXPECT_TRUE(store::OptOutRepository(d).remove("C13", Channel::sms));
    }
    // Next week (with send_nothing_new, so that there would be something to send): no text to
    // Linh, and the report says why.
    s.district.configure(s.kannel.sendsms_url(), s.serve_port,
                         "quiet_start = 00:00\nquiet_end = 00:00\n", "send_nothing_new = true\n");
    const auto next = s.district.homeroom(
        {"notify", "--week", "2026-06-15", "--as-of", "2026-06-12", "--channel", "sms"});
    ASSERT_EQ(next.exit_code, 0) << next.err << next.out;
    EXPECT_NE(line_of(next.out, "refused:").find("opted_out=1"), std::string::npos) << next.out;
    EXPECT_FALSE(s.district.message("C13", Channel::sms, "2026-06-15"));
    EXPECT_TRUE(s.district.message("C03", Channel::sms, "2026-06-15"));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_EQ(s.to("+15550100013").size(), 3u);
}

// Only Kannel, with the token of each report and the inbound key, from an allowed address, can
// change a text's status or a number's opt-out; the round trips above show it still can.
TEST(SmsCli, ForgedReportsAndInboundTextsChangeNothing) {
    Gateway s;
    // A text Kannel has (sent) whose report has not come yet.
    std::int64_t id = 0;
    {
        store::Database d(s.district.db);
        store::OutboxRepository outbox(d);
        store::NewOutboxMessage m;
        m.key = {"C13", *Date::parse("2026-06-22"), "weekly-digest", Channel::sms};
        m.recipient = "+15550100013";
        m.body = "text";
        m.allowed_by = "test";
        const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
        outbox.queue(m, now);
        for (const auto& c : outbox.claim_due(Channel::sms, now, 10, "t", false))
            outbox.mark_sent(c.id, "t", "202 0: Accepted", now);
        id = outbox.find(m.key)->id;
    }
    const auto status_of = [&] {
        store::Database d(s.district.db);
        return store::OutboxRepository(d).find(id)->status;
    };
    const auto get_status = [&](const std::string& target, const std::string& source) {
        return testing::raw_http_status(
            s.serve_port, "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            source);
    };
    const std::string dlr = "/dlr?id=" + std::to_string(id);
    EXPECT_EQ(get_status(dlr + "&status=16", "127.0.0.1"), 403) << s.serve->err_text();
    EXPECT_EQ(get_status(dlr + "&t=AAAAAAAAAAAAAAAAAAAAAA&status=16", "127.0.0.1"), 403);
    EXPECT_EQ(
        get_status(dlr + "&t=" + notify::make_delivery_report_token("other", id) + "&status=16",
                   "127.0.0.1"),
        403);
    EXPECT_EQ(status_of(), MessageStatus::sent);
    // The report Kannel would send: signed with the site secret.
    EXPECT_EQ(
        get_status(dlr + "&t=" + notify::make_delivery_report_token(k_secret, id) + "&status=1",
                   "127.0.0.1"),
        200);
    EXPECT_EQ(status_of(), MessageStatus::delivered);

    // STOP without the key, with a wrong one, or with the key from another address.
    const std::string stop = "/mo?from=%2B15550100013&text=STOP";
    EXPECT_EQ(get_status(stop, "127.0.0.1"), 403);
    EXPECT_EQ(get_status(stop + "&key=wrong-key-wrong-key", "127.0.0.1"), 403);
    EXPECT_EQ(get_status(stop + "&key=" + k_mo_secret, "127.0.0.2"), 403);
    {
        store::Database d(s.district.db);
        EXPECT_FALSE(store::OptOutRepository(d).is_opted_out("C13", Channel::sms));
        EXPECT_TRUE(store::SmsInboundRepository(d).list().empty());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_TRUE(s.to("+15550100013").empty()) << "nobody was answered";
    EXPECT_NE(s.serve->err_text().find("refused an inbound text from 127.0.0.2"), std::string::npos)
        << s.serve->err_text();
}

TEST(SmsCli, QuietHoursHoldTextsBack) {
    Gateway s;
    // Quiet all day (UTC) but the minute two minutes from now.
    const auto now = std::chrono::system_clock::now();
    const auto minute = std::chrono::duration_cast<std::chrono::minutes>(now.time_since_epoch() %
                                                                         std::chrono::hours(24))
                            .count();
    const auto hhmm = [](long long m) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "%02lld:%02lld", (m % 1440) / 60, m % 60);
        return std::string(buf);
    };
    const std::string start = hhmm(minute + 3), end = hhmm(minute + 2);
    s.district.configure(
        s.kannel.sendsms_url(), s.serve_port,
        std::string("time_zone = UTC\nquiet_start = ") + start + "\nquiet_end = " + end + "\n");
    const auto r = s.district.homeroom({"notify", "--week", "2026-06-10", "--channel", "sms"});
    ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
    EXPECT_NE(line_of(r.out, "delivery:").find("waiting: quiet hours"), std::string::npos) << r.out;
    EXPECT_EQ(s.district.message("C03", Channel::sms)->status, MessageStatus::created);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_TRUE(s.kannel.received().empty());
}

TEST(SmsCli, FileTransportAndDryRunNeedNoGateway) {
    District d;
    write_file(d.config_path,
               "[sms]\ntransport = file\nquiet_start = 00:00\nquiet_end = 00:00\n"
               "outbox_dir = " +
                   (d.dir / "sms").string() +
                   "\n[email]\npreviews_dir = " + (d.dir / "previews").string() +
                   "\n[site]\nbase_url = " + k_base_url + "\nsecret = " + k_secret + "\n");
    const auto dry =
        d.homeroom({"notify", "--week", "2026-06-10", "--channel", "sms", "--dry-run"});
    ASSERT_EQ(dry.exit_code, 0) << dry.err << dry.out;
    EXPECT_EQ(line_of(dry.out, "would queue:"), "would queue: new=3 already-queued=0") << dry.out;
    EXPECT_TRUE(std::filesystem::exists(d.dir / "previews" / "2026-06-08-0001.txt"));
    const auto r = d.homeroom({"notify", "--week", "2026-06-10", "--channel", "sms"});
    ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
    EXPECT_NE(line_of(r.out, "delivery:").find("sent=3"), std::string::npos) << r.out;
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(d.dir / "sms"))
        ++files;
    EXPECT_EQ(files, 3u);
    const auto both = d.homeroom({"notify", "--week", "2026-06-10", "--channel", "both"});
    ASSERT_EQ(both.exit_code, 0) << both.err << both.out;
    EXPECT_NE(both.out.find("(email)"), std::string::npos);
    EXPECT_NE(both.out.find("(sms)"), std::string::npos);
    EXPECT_EQ(run_homeroom({"--db", d.db, "notify", "--week", "2026-06-08", "--channel", "fax"})
                  .exit_code,
              64);
}

// (status, Location) of a GET to `homeroom serve`, without following redirects.
std::pair<int, std::string> get(std::uint16_t port, const std::string& path) {
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, path,
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::string body;
    Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
    return {static_cast<int>(response.getStatus()), response.get("Location", "")};
}

TEST(SmsCli, ShortLinksOfTheTextsRedirectThroughServeToThePrivatePages) {
    District d;
    const std::uint16_t port = testing::pick_free_port();
    write_file(d.config_path,
               "[sms]\ntransport = file\nquiet_start = 00:00\nquiet_end = 00:00\n"
               "outbox_dir = " +
                   (d.dir / "sms").string() + "\n[site]\nbase_url = " + k_base_url + "\nsecret = " +
                   k_secret + "\n[serve]\nlisten = 127.0.0.1:" + std::to_string(port) + "\n");
    const auto r = d.homeroom({"notify", "--week", "2026-06-10", "--channel", "sms"});
    ASSERT_EQ(r.exit_code, 0) << r.err << r.out;

    // The link each text ends with, and the page it must lead to.
    const std::regex short_link("https://homeroom\\.example\\.org(/s/[a-z2-7]{10})$");
    std::vector<std::pair<std::string, std::string>> links;  // (path, page URL)
    for (const auto& [contact, student, lang] :
         {std::tuple{"C03", "103", "ar"}, std::tuple{"C13", "203", "en"}}) {
        const auto m = d.message(contact, Channel::sms);
        ASSERT_TRUE(m) << contact;
        store::Database db(d.db);
        const std::string text = store::OutboxRepository(db).body(m->id);
        std::smatch match;
        ASSERT_TRUE(std::regex_search(text, match, short_link)) << text;
        EXPECT_EQ(text.find("/private/"), std::string::npos) << text;
        links.emplace_back(match[1].str(), page_url(student, lang));
    }
    ASSERT_NE(links[0].first, links[1].first);

    Serve serve(d);
    for (const auto& [path, page] : links) {
        const auto [status, location] = get(port, path);
        EXPECT_EQ(status, 302) << path << serve.err_text();
        EXPECT_EQ(location, page) << path;
    }
    EXPECT_EQ(get(port, "/s/aaaaaaaaaa").first, 404);
    EXPECT_EQ(get(port, "/s/not-a-code").first, 404);
    // Running the week again records nothing new and the links still resolve.
    const auto again = d.homeroom({"notify", "--week", "2026-06-10", "--channel", "sms"});
    ASSERT_EQ(again.exit_code, 0) << again.err << again.out;
    EXPECT_EQ(get(port, links[0].first).second, links[0].second);
}

TEST(SmsCli, ACodeThatAlreadyNamesAnotherPageLeavesTheFullUrlInThatText) {
    District d;
    write_file(d.config_path,
               "[sms]\ntransport = file\nquiet_start = 00:00\nquiet_end = 00:00\n"
               "outbox_dir = " +
                   (d.dir / "sms").string() + "\n[site]\nbase_url = " + k_base_url +
                   "\nsecret = " + k_secret + "\n");
    // A collision, made by hand: Minh's code already leads somewhere else.
    const std::string minh_code =
        site::short_link_code(k_secret, site::student_page_path(k_secret, "203", "en"));
    {
        store::Database db(d.db);
        ASSERT_TRUE(store::ShortLinkRepository(db).remember(
            minh_code, "private/students/someone-else/en.html", std::chrono::sys_seconds{}));
    }
    const auto r = d.homeroom({"notify", "--week", "2026-06-10", "--channel", "sms"});
    ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
    store::Database db(d.db);
    const store::OutboxRepository outbox(db);
    const std::string minh = outbox.body(d.message("C13", Channel::sms)->id);
    EXPECT_TRUE(ends_with(minh, "Details: " + page_url("203", "en"))) << minh;
    const std::string lina = outbox.body(d.message("C03", Channel::sms)->id);
    EXPECT_TRUE(ends_with(lina, short_url("103", "ar"))) << lina;
    // The first page keeps the code.
    EXPECT_EQ(store::ShortLinkRepository(db).find(minh_code),
              "private/students/someone-else/en.html");
}

// (status, body, header) of a GET to `homeroom serve`.
struct Page {
    int status = 0;
    std::string body;
    Poco::Net::HTTPResponse response;
};
Page get_page(std::uint16_t port, const std::string& path) {
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, path,
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    session.sendRequest(request);
    Page page;
    Poco::StreamCopier::copyToString(session.receiveResponse(page.response), page.body);
    page.status = static_cast<int>(page.response.getStatus());
    return page;
}

TEST(SmsCli, AThreeChildUcs2FamilyGetsOneFamilyLinkAndServeListsTheChildren) {
    // The SMS bundle with Samir (C03, Arabic) also the father of 101 and 102, and the three
    // children's first names in Arabic: names and three short links alone would be over two
    // UCS-2 parts.
    const std::vector<std::pair<std::string, std::string>> names = {
        {"103", "\xD9\x84\xD9\x8A\xD9\x86\xD8\xA7"},  // لينا
        {"101", "\xD9\x85\xD8\xA7\xD9\x8A\xD8\xA7"},  // مايا
        {"102", "\xD8\xB9\xD9\x85\xD8\xB1"}};         // عمر
    TempDir bundles;
    for (const char* as_of : {"2026-06-05", "2026-06-12"}) {
        std::filesystem::copy(k_bundles + "/" + as_of, bundles / as_of,
                              std::filesystem::copy_options::recursive);
        std::ofstream(bundles / as_of / "student_contacts.csv", std::ios::app)
            << "101,C03,father,Y,Y,N,\n102,C03,father,Y,Y,N,\n";
        const auto students = bundles / as_of / "students.csv";
        std::string csv = read_file(students);
        for (const auto& [id, name] : names)
            for (const char* old_name : {"Lina", "Maya", "Omar"}) {
                const std::string from = id + ",S1," + old_name + ",";
                if (const auto at = csv.find(from); at != std::string::npos)
                    csv.replace(at, from.size(), id + ",S1," + name + ",");
            }
        write_file(students.string(), csv);
    }
    District d(bundles.path().string());
    const std::uint16_t port = testing::pick_free_port();
    write_file(d.config_path,
               "[sms]\ntransport = file\nquiet_start = 00:00\nquiet_end = 00:00\n"
               "outbox_dir = " +
                   (d.dir / "sms").string() + "\n[site]\nbase_url = " + k_base_url + "\nsecret = " +
                   k_secret + "\n[serve]\nlisten = 127.0.0.1:" + std::to_string(port) + "\n");
    const auto r = d.homeroom({"notify", "--week", "2026-06-10", "--channel", "sms"});
    ASSERT_EQ(r.exit_code, 0) << r.err << r.out;

    const auto m = d.message("C03", Channel::sms);
    ASSERT_TRUE(m);
    EXPECT_NE(m->subject.find("text UCS-2"), std::string::npos) << m->subject;
    EXPECT_NE(m->subject.find("family link"), std::string::npos) << m->subject;
    EXPECT_EQ(m->subject.find("over budget"), std::string::npos) << m->subject;
    std::string text;
    {
        store::Database db(d.db);
        text = store::OutboxRepository(db).body(m->id);
    }
    const std::string family =
        k_base_url + "/s/" + site::family_link_code(k_secret, "C03", "2026-06-08");
    EXPECT_TRUE(ends_with(text, " " + family)) << text;
    EXPECT_EQ(text.find("https://"), text.rfind("https://")) << "one link: " << text;
    for (const auto& [id, name] : names) EXPECT_NE(text.find(name), std::string::npos) << text;
    EXPECT_LE(notify::measure_sms(text).segments, 2) << text;

    Serve serve(d);
    const auto page = get_page(port, "/s/" + site::family_link_code(k_secret, "C03", "2026-06-08"));
    EXPECT_EQ(page.status, 200) << serve.err_text();
    EXPECT_EQ(page.response.get("Cache-Control", ""), "no-store");
    EXPECT_EQ(page.response.get("Referrer-Policy", ""), "no-referrer");
    EXPECT_EQ(page.response.get("X-Robots-Tag", ""), "noindex");
    // In the family's language, like the pages it lists (locales/ar.po).
    EXPECT_NE(page.body.find("<html lang=\"ar\" dir=\"rtl\">"), std::string::npos) << page.body;
    EXPECT_NE(page.body.find("<h1>\u0627\u062E\u062A\u0631 "), std::string::npos) << page.body;
    for (const auto& [student, name] : names)
        EXPECT_NE(page.body.find("<a href=\"" + page_url(student, "ar") + "\" dir=\"auto\">" +
                                 name + "</a>"),
                  std::string::npos)
            << page.body;
    // The other texts keep their per-child links, which still redirect.
    const auto linh = d.message("C13", Channel::sms);
    ASSERT_TRUE(linh);
    store::Database db(d.db);
    EXPECT_TRUE(ends_with(store::OutboxRepository(db).body(linh->id), short_url("203", "en")));
    EXPECT_EQ(get(port, short_url("203", "en").substr(k_base_url.size())).second,
              page_url("203", "en"));
}

}  // namespace
}  // namespace homeroom
