// `homeroom notify`, `outbox` and `serve` as a scheduler and a parent's mail client meet them:
// the consent fixture (tests/data/bundle-consent/README.md) imported as two weekly snapshots,
// digests sent to a real SMTP server (aiosmtpd) and read back, unsubscribe through the running
// `homeroom serve`.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <chrono>
#include <map>
#include <regex>
#include <set>
#include <thread>

#include "mail_parsing.h"
#include "notify/send_lock.h"
#include "notify/unsubscribe_token.h"
#include "run_command.h"
#include "site/site_builder.h"
#include "smtp_test_server.h"
#include "store/database.h"
#include "store/opt_out_repository.h"
#include "store/outbox_repository.h"

extern char** environ;

namespace homeroom {
namespace {

using testing::decode_header;
using testing::parse_mail;
using testing::ParsedMail;
using testing::read_file;
using testing::run_homeroom;
using testing::SmtpServerOptions;
using testing::SmtpTestServer;
using testing::TempDir;
using testing::write_file;

const std::string k_bundles = HOMEROOM_TEST_DATA "/bundle-consent";
const std::string k_secret = "notify-cli-test-secret";
const std::string k_base_url = "https://homeroom.example.org";

// A district with the two snapshots of the consent fixture, and a config for a given SMTP port.
struct District {
    TempDir dir;
    std::string db = (dir / "h.db").string();

    District() {
        for (const char* as_of : {"2026-06-05", "2026-06-12"}) {
            const auto r =
                run_homeroom({"--db", db, "import", k_bundles + "/" + as_of, "--as-of", as_of});
            if (r.exit_code != 0)
                throw std::runtime_error("import failed: " + r.err);
        }
    }
    std::string config(std::uint16_t port, const std::string& extra = "") const {
        const auto path = dir / "homeroom.ini";
        write_file(path,
                   "[email]\ntransport = smtp\nfrom = Riverside Public Schools "
                   "<digest@riverside.example.org>\nunsubscribe_address = "
                   "unsubscribe@riverside.example.org\n" +
                       extra + "\n[smtp]\nhost = 127.0.0.1\nport = " + std::to_string(port) +
                       "\nconnections = 2\ntimeout = 10\n"
                       "\n[site]\nbase_url = " +
                       k_base_url + "/\nsecret = " + k_secret +
                       "\ndistrict_name = Riverside Public Schools\n");
        return path.string();
    }
    testing::CommandResult homeroom(std::vector<std::string> args, std::uint16_t port,
                                    const std::string& extra = "") const {
        std::vector<std::string> all = {"--config", config(port, extra), "--db", db};
        all.insert(all.end(), args.begin(), args.end());
        return run_homeroom(all, dir.path().string());
    }
    std::vector<store::OutboxMessage> outbox(std::optional<MessageStatus> status = {}) const {
        store::Database d(db);
        return store::OutboxRepository(d).list({.status = status});
    }
};

std::string line_of(const std::string& report, const std::string& start) {
    const auto at = report.find("\n  " + start);
    if (at == std::string::npos)
        return {};
    const auto end = report.find('\n', at + 1);
    return report.substr(at + 3, end - at - 3);
}

std::map<std::string, ParsedMail> by_recipient(const SmtpTestServer& server) {
    std::map<std::string, ParsedMail> out;
    for (const auto& bytes : server.messages()) {
        auto m = parse_mail(bytes);
        out.emplace(m.raw("delivered-to"), std::move(m));
    }
    return out;
}

std::string page_url(const std::string& student, const std::string& lang) {
    return k_base_url + "/" + site::student_page_path(k_secret, student, lang);
}

// The https link of List-Unsubscribe.
std::string unsubscribe_link(const ParsedMail& m) {
    std::smatch match;
    const std::string header = m.raw("list-unsubscribe");
    if (!std::regex_search(header, match, std::regex("<(https://[^>]+)>")))
        return {};
    return match[1];
}

const std::set<std::string> k_expected_recipients = {
    "ana.perez@example.org", "family@haddad.example.org", "grace.smith@example.org",
    "kim.jones@example.org", "luis.perez@example.org",    "mina.kim@example.org"};

TEST(NotifyCli, SendsExactlyTheConsentedDigestsAndReportsEveryRefusal) {
    SmtpTestServer server;
    District d;
    const auto r = d.homeroom({"notify", "--week", "2026-06-10"}, server.port());
    ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
    EXPECT_EQ(r.out.rfind("notify: week of 2026-06-08 (email), snapshot 2026-06-12, compared "
                          "with 2026-06-05\n",
                          0),
              0u)
        << r.out;
    EXPECT_EQ(line_of(r.out, "recipients:"), "recipients: 7") << r.out;
    EXPECT_EQ(line_of(r.out, "refused:"),
              "refused: left_school=0 no_educational_rights=1 no_contact_restriction=1 "
              "channel_not_preferred=1 "
              "no_address=0 no_channel_consent=1 opted_out=1 eligible_student_no_consent=2");
    EXPECT_EQ(line_of(r.out, "digests:"),
              "digests: with-news=6 nothing-new-sent=0 nothing-new-skipped=1");
    EXPECT_EQ(line_of(r.out, "queued:"), "queued: new=6 already-queued=0");
    EXPECT_EQ(line_of(r.out, "delivery:")
                  .rfind("delivery: sent=6 temporary-failure=0 "
                         "technical-failure=0 permanent-failure=0 (SMTP "
                         "server 127.0.0.1:",
                         0),
              0u)
        << r.out;

    ASSERT_TRUE(server.wait_for_messages(6, std::chrono::seconds(5)));
    const auto mail = by_recipient(server);
    std::set<std::string> recipients;
    for (const auto& [to, m] : mail) recipients.insert(to);
    EXPECT_EQ(recipients, k_expected_recipients);

    for (const auto& [to, m] : mail) {
        SCOPED_TRACE(to);
        EXPECT_EQ(m.raw("return-path"), "<digest@riverside.example.org>");
        EXPECT_EQ(decode_header(m.raw("from")),
                  "Riverside Public Schools <digest@riverside.example.org>");
        EXPECT_EQ(m.raw("list-unsubscribe-post"), "List-Unsubscribe=One-Click");
        EXPECT_EQ(m.raw("list-id"),
                  "Riverside Public Schools <weekly-digest.homeroom.example.org>");
        EXPECT_EQ(m.raw("auto-submitted"), "auto-generated");
        EXPECT_NE(m.raw("list-unsubscribe")
                      .find("<mailto:unsubscribe@riverside.example.org?subject=unsubscribe%201."),
                  std::string::npos)
            << m.raw("list-unsubscribe");
        EXPECT_EQ(m.content_type.rfind("multipart/alternative", 0), 0u);
        ASSERT_EQ(m.parts.size(), 2u);
        EXPECT_EQ(m.parts[0].content_type, "text/plain; charset=UTF-8");
        EXPECT_EQ(m.parts[1].content_type, "text/html; charset=UTF-8");
        // The link is signed for the addressed contact.
        const std::string link = unsubscribe_link(m);
        ASSERT_EQ(link.rfind(k_base_url + "/unsubscribe?t=", 0), 0u) << link;
        const auto subject =
            notify::verify_unsubscribe_token(k_secret, link.substr(link.find("t=") + 2));
        ASSERT_TRUE(subject);
        EXPECT_EQ(subject->channel, Channel::email);
        EXPECT_NE(m.parts[1].content.find("href=\"" + link + "\""), std::string::npos);
    }

    // Two guardians, two children: each parent in their own language, each child linked to the
    // page in that language.
    const auto& luis = mail.at("luis.perez@example.org");
    EXPECT_EQ(decode_header(luis.raw("subject")),
              "Weekly update: Maya and Omar — week of June 8, 2026");
    EXPECT_EQ(decode_header(luis.raw("to")), "Luis Pérez <luis.perez@example.org>");
    EXPECT_EQ(luis.raw("content-language"), "en");
    const std::string& luis_text = luis.parts[0].content;
    EXPECT_NE(luis_text.find("Hello Luis Pérez,"), std::string::npos) << luis_text;
    EXPECT_NE(luis_text.find("Attendance this week: 1 absence, 1 late arrival\r\n"
                             "  - Tuesday, June 9, 2026: Absent (unexcused)\r\n"
                             "  - Thursday, June 11, 2026: Late\r\n"),
              std::string::npos)
        << luis_text;
    EXPECT_EQ(luis_text.find("June 2, 2026"), std::string::npos) << "last week's absence";
    EXPECT_NE(luis_text.find("  - Mathematics 5: F (52%) (Quarter 4) · below passing"),
              std::string::npos);
    EXPECT_NE(luis_text.find("  - Reading and Writing 3: B+ (88%) (Quarter 4)"), std::string::npos);
    EXPECT_NE(luis_text.find("New early-warning indicator: Course performance"), std::string::npos);
    EXPECT_NE(luis_text.find(page_url("101", "en")), std::string::npos);
    EXPECT_NE(luis_text.find(page_url("102", "en")), std::string::npos);
    EXPECT_EQ(notify::verify_unsubscribe_token(
                  k_secret, unsubscribe_link(luis).substr(unsubscribe_link(luis).find("t=") + 2))
                  ->contact_id,
              "C02");

    const auto& ana = mail.at("ana.perez@example.org");
    EXPECT_EQ(decode_header(ana.raw("subject")),
              "Resumen semanal: Maya y Omar — semana del 8 de junio de 2026");
    EXPECT_EQ(ana.raw("content-language"), "es");
    EXPECT_NE(ana.parts[1].content.find("<html lang=\"es\" dir=\"ltr\">"), std::string::npos);
    EXPECT_NE(ana.parts[1].content.find(page_url("101", "es")), std::string::npos);

    // Two contacts at one address (in different case): one message, to the lowest contact id,
    // in Arabic, right to left.
    const auto& haddad = mail.at("family@haddad.example.org");
    EXPECT_EQ(decode_header(haddad.raw("to")), "Samir Haddad <family@haddad.example.org>");
    EXPECT_EQ(haddad.raw("content-language"), "ar");
    EXPECT_NE(haddad.parts[1].content.find("<html lang=\"ar\" dir=\"rtl\">"), std::string::npos);
    EXPECT_NE(decode_header(haddad.raw("subject")).find("التحديث الأسبوعي"), std::string::npos);
    EXPECT_NE(haddad.parts[1].content.find(page_url("103", "ar")), std::string::npos);

    // 19 years old and consenting; the parent's language (ko) is not shipped: English.
    const auto& mina = mail.at("mina.kim@example.org");
    EXPECT_EQ(mina.raw("content-language"), "en");
    EXPECT_NE(mina.parts[0].content.find(page_url("201", "en")), std::string::npos);

    // Every message records why it was allowed.
    for (const auto& m : d.outbox()) {
        EXPECT_EQ(m.status, MessageStatus::sent);
        EXPECT_NE(m.allowed_by.find("educational_rights,no_restriction"), std::string::npos);
    }
    const auto outbox = d.outbox();
    const auto mina_row = std::find_if(outbox.begin(), outbox.end(),
                                       [](const auto& m) { return m.key.contact_id == "C10"; });
    ASSERT_NE(mina_row, outbox.end());
    EXPECT_NE(mina_row->allowed_by.find("student_consent_18_plus"), std::string::npos);
}

TEST(NotifyCli, RunningAgainSendsNothingNew) {
    SmtpTestServer server;
    District d;
    ASSERT_EQ(d.homeroom({"notify", "--week", "2026-06-08"}, server.port()).exit_code, 0);
    ASSERT_TRUE(server.wait_for_messages(6, std::chrono::seconds(5)));
    const auto again =
        d.homeroom({"notify", "--week", "2026-06-12", "--channel", "email"}, server.port());
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(line_of(again.out, "queued:"), "queued: new=0 already-queued=6");
    EXPECT_EQ(line_of(again.out, "delivery:").rfind("delivery: sent=0 ", 0), 0u) << again.out;
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_EQ(server.message_count(), 6u);
    EXPECT_EQ(d.outbox().size(), 6u);
}

TEST(NotifyCli, DryRunWritesPreviewsAndQueuesAndSendsNothing) {
    SmtpTestServer server;
    District d;
    const auto r = d.homeroom({"notify", "--week", "2026-06-08", "--dry-run"}, server.port());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("notify (dry run): week of 2026-06-08", 0), 0u) << r.out;
    EXPECT_EQ(line_of(r.out, "refused:"),
              "refused: left_school=0 no_educational_rights=1 no_contact_restriction=1 "
              "channel_not_preferred=1 "
              "no_address=0 no_channel_consent=1 opted_out=1 eligible_student_no_consent=2");
    EXPECT_EQ(line_of(r.out, "would queue:"), "would queue: new=6 already-queued=0");
    EXPECT_NE(r.out.find("dry run: nothing was queued or sent"), std::string::npos);
    EXPECT_TRUE(d.outbox().empty());
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_EQ(server.message_count(), 0u);

    const auto previews = d.dir / "output" / "previews";
    std::set<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(previews))
        files.insert(e.path().filename().string());
    EXPECT_EQ(files.size(), 12u);
    EXPECT_TRUE(files.count("2026-06-08-0001.eml") && files.count("2026-06-08-0006.html"));
    const auto first = parse_mail(read_file(previews / "2026-06-08-0001.eml"));
    EXPECT_EQ(decode_header(first.raw("to")), "Ana Pérez <ana.perez@example.org>");
    EXPECT_NE(read_file(previews / "2026-06-08-0001.html").find("<html lang=\"es\""),
              std::string::npos);
}

TEST(NotifyCli, AServerDownAtTheStartIsExit69AndNothingIsMarkedSent) {
    std::uint16_t port = 0;
    {
        SmtpTestServer gone;
        port = gone.port();
    }
    District d;
    const auto r = d.homeroom({"notify", "--week", "2026-06-08"}, port);
    EXPECT_EQ(r.exit_code, 69) << r.out << r.err;
    EXPECT_NE(r.err.find("cannot connect to SMTP server 127.0.0.1:" + std::to_string(port)),
              std::string::npos)
        << r.err;
    EXPECT_EQ(line_of(r.out, "queued:"), "queued: new=6 already-queued=0");
    EXPECT_NE(r.out.find("delivery: not started"), std::string::npos) << r.out;
    const auto all = d.outbox();
    EXPECT_EQ(all.size(), 6u);
    for (const auto& m : all) EXPECT_EQ(m.status, MessageStatus::created);

    // The server is back: the next run sends the queued digests, once.
    SmtpTestServer back;
    const auto later = d.homeroom({"notify", "--week", "2026-06-08"}, back.port());
    EXPECT_EQ(later.exit_code, 0) << later.err;
    EXPECT_EQ(line_of(later.out, "queued:"), "queued: new=0 already-queued=6");
    ASSERT_TRUE(back.wait_for_messages(6, std::chrono::seconds(5)));
    EXPECT_EQ(d.outbox(MessageStatus::sent).size(), 6u);
}

// Audit A.4: Samir (Arabic) and Rana, who now reads English, share family@haddad.example.org:
// the one digest of that mailbox is in both languages, each part greeting its reader.
TEST(NotifyCli, ASharedMailboxOfTwoLanguagesGetsOneDigestInBoth) {
    District d;
    const auto bundle = d.dir / "2026-06-16";
    std::filesystem::copy(k_bundles + "/2026-06-12", bundle);
    std::string contacts = read_file(bundle / "contacts.csv");
    const std::string rana = "C04,Rana,Haddad,Family@Haddad.example.org,,ar,";
    const auto at = contacts.find(rana);
    ASSERT_NE(at, std::string::npos);
    contacts.replace(at, rana.size(), "C04,Rana,Haddad,Family@Haddad.example.org,,en,");
    write_file(bundle / "contacts.csv", contacts);
    ASSERT_EQ(
        run_homeroom({"--db", d.db, "import", bundle.string(), "--as-of", "2026-06-16"}).exit_code,
        0);

    SmtpTestServer server;
    const auto r = d.homeroom({"notify", "--week", "2026-06-08"}, server.port());
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    ASSERT_TRUE(server.wait_for_messages(6, std::chrono::seconds(5)));
    const auto mail = by_recipient(server);
    EXPECT_EQ(mail.size(), 6u);
    const auto& haddad = mail.at("family@haddad.example.org");
    EXPECT_EQ(haddad.raw("content-language"), "ar, en");
    const std::string subject = decode_header(haddad.raw("subject"));
    const auto slash = subject.find(" / ");
    ASSERT_NE(slash, std::string::npos) << subject;
    EXPECT_NE(subject.substr(0, slash).find("التحديث الأسبوعي"), std::string::npos) << subject;
    EXPECT_EQ(subject.substr(slash + 3).rfind("Weekly update: ", 0), 0u) << subject;
    const std::string& html = haddad.parts[1].content;
    EXPECT_EQ(html.find("<html lang=\"ar\" dir=\"rtl\">"), html.find("<html")) << html;
    const auto english = html.find("<div lang=\"en\" dir=\"ltr\">");
    ASSERT_NE(english, std::string::npos) << html;
    EXPECT_NE(html.find("Hello Rana Haddad,", english), std::string::npos);
    EXPECT_EQ(html.find("Hello Samir Haddad,"), std::string::npos);  // Samir reads Arabic
    EXPECT_LT(html.find("Samir Haddad"), english);
    EXPECT_NE(html.find(page_url("103", "ar")), std::string::npos);
    EXPECT_NE(html.find(page_url("103", "en"), english), std::string::npos);
    EXPECT_EQ(html.find("</html>"), html.rfind("</html>"));  // one document
    const std::string& text = haddad.parts[0].content;
    EXPECT_NE(text.find("Hello Rana Haddad,"), std::string::npos) << text;
    EXPECT_LT(text.find("Samir Haddad"), text.find("Hello Rana Haddad,"));
    // Everyone else's digest is as before: one language.
    EXPECT_EQ(mail.at("ana.perez@example.org").raw("content-language"), "es");
}

// Audit F.26: an internationalized domain is sent in its A-labels; a local part that needs
// SMTPUTF8 is a warning at its line on import and counted under no_address, not lost silently.
TEST(NotifyCli, EmailAddressesFollowTheImportsRule) {
    District d;
    const auto bundle = d.dir / "2026-06-16";
    std::filesystem::copy(k_bundles + "/2026-06-12", bundle);
    std::string contacts = read_file(bundle / "contacts.csv");
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"grace.smith@example.org",
                                                                       "grace@b\xC3\xBC"
                                                                       "cher.example"},
                                   {"kim.jones@example.org", "j\xC3\xB6rg@example.org"}}) {
        const auto at = contacts.find(from);
        ASSERT_NE(at, std::string::npos) << from;
        contacts.replace(at, from.size(), to);
    }
    write_file(bundle / "contacts.csv", contacts);
    const auto imported =
        run_homeroom({"--db", d.db, "import", bundle.string(), "--as-of", "2026-06-16"});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    EXPECT_NE(imported.err.find("contacts.csv:8:15: warning: email: \"j\xC3\xB6rg@example.org\" "
                                "cannot be emailed: the part before the @ is not ASCII"),
              std::string::npos)
        << imported.err;

    SmtpTestServer server;
    const auto r = d.homeroom({"notify", "--week", "2026-06-08"}, server.port());
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_NE(line_of(r.out, "refused:").find(" no_address=1 "), std::string::npos) << r.out;
    ASSERT_TRUE(server.wait_for_messages(5, std::chrono::seconds(5)));
    const auto mail = by_recipient(server);
    EXPECT_EQ(mail.size(), 5u);
    ASSERT_TRUE(mail.count("grace@xn--bcher-kva.example")) << r.out;
    EXPECT_EQ(decode_header(mail.at("grace@xn--bcher-kva.example").raw("to")),
              "Grace Smith <grace@xn--bcher-kva.example>");
    EXPECT_FALSE(mail.count("kim.jones@example.org"));
}

// Audit F.23: a refusal of the sender is the district's configuration, not 703 parents' fault.
TEST(NotifyCli, ASenderRefusedByTheServerIsExit64AndTheDigestsStayQueued) {
    District d;
    {
        SmtpTestServer strict({.refuse_sender = "530 5.7.0 Must issue a STARTTLS command first"});
        const auto r = d.homeroom({"notify", "--week", "2026-06-08"}, strict.port());
        EXPECT_EQ(r.exit_code, 64) << r.out << r.err;
        const std::string refusal = "SMTP server 127.0.0.1:" + std::to_string(strict.port()) +
                                    " refused the sender <digest@riverside.example.org> at MAIL "
                                    "FROM: 530 5.7.0 Must issue a STARTTLS command first";
        EXPECT_NE(r.err.find("config: " + refusal), std::string::npos) << r.err;
        EXPECT_NE(r.out.find("  delivery stopped: " + refusal +
                             "; no message was failed for it, the rest stay queued"),
                  std::string::npos)
            << r.out;
        EXPECT_EQ(strict.message_count(), 0u);
    }
    EXPECT_TRUE(d.outbox(MessageStatus::permanent_failure).empty());
    SmtpTestServer fixed;
    const auto later = d.homeroom({"notify", "--week", "2026-06-08"}, fixed.port());
    EXPECT_EQ(later.exit_code, 0) << later.err;
    ASSERT_TRUE(fixed.wait_for_messages(6, std::chrono::seconds(5)));
    EXPECT_EQ(d.outbox(MessageStatus::sent).size(), 6u);
}

// Audit F.24: what a run could not send waits for `deliver` (the hourly job), not for next week;
// and a week's digests still queued when the next week's are queued are cancelled, not sent late.
TEST(NotifyCli, DeliverSendsWhatIsDueAndOlderWeeksAreCancelledNotSentLate) {
    std::uint16_t port = 0;
    {
        SmtpTestServer gone;
        port = gone.port();
    }
    District d;
    ASSERT_EQ(d.homeroom({"notify", "--week", "2026-06-01"}, port).exit_code, 69);
    const auto first_week = d.outbox(MessageStatus::created);
    ASSERT_FALSE(first_week.empty());
    const auto next = d.homeroom({"notify", "--week", "2026-06-08"}, port);
    ASSERT_EQ(next.exit_code, 69) << next.out;
    EXPECT_EQ(line_of(next.out, "older weeks:"),
              "older weeks: cancelled=" + std::to_string(first_week.size()) +
                  " (digests of weeks before 2026-06-08 are not sent late)");
    store::Database db(d.db);
    for (const auto& m : first_week) {
        const auto now = *store::OutboxRepository(db).find(m.id);
        EXPECT_EQ(now.status, MessageStatus::cancelled) << m.recipient;
        EXPECT_EQ(now.last_error,
                  "cancelled before sending: the week of 2026-06-01 is over (its digest is not "
                  "sent late)");
    }

    SmtpTestServer back;
    const auto r = d.homeroom({"deliver"}, back.port());
    EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
    EXPECT_EQ(r.out.rfind("deliver: email, digests of the week of 2026-06-08\n"
                          "  re-checked against the snapshot of 2026-06-12: rebuilt=0 "
                          "cancelled=0\n  delivery: sent=6 ",
                          0),
              0u)
        << r.out;
    EXPECT_NE(r.out.find("\ndeliver: sms: no digest was ever queued\n"), std::string::npos)
        << r.out;
    ASSERT_TRUE(back.wait_for_messages(6, std::chrono::seconds(5)));
    EXPECT_EQ(d.outbox(MessageStatus::sent).size(), 6u);
    // Nothing is waiting any more: a second run loads nothing and sends nothing.
    const auto again = d.homeroom({"deliver", "--channel", "email"}, back.port());
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(
        again.out,
        "deliver: email, digests of the week of 2026-06-08\n  nothing is waiting to be sent\n");
    EXPECT_EQ(back.message_count(), 6u);
}

// Audit F.28: the send lock is not "the SMTP server". And it is no failure: what this run queued
// goes out with the run that holds the lock, so a job goes on to its next step (exit 0).
TEST(NotifyCli, ASecondRunWhileOneIsSendingSaysSoAndLeavesTheSendingToIt) {
    SmtpTestServer server;
    District d;
    {
        notify::SendLock held(d.db);
        const auto r = d.homeroom({"notify", "--week", "2026-06-08"}, server.port());
        EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
        EXPECT_NE(r.out.find("  delivery: not started: another homeroom run is sending from this "
                             "database; the queued messages go out with that run or the next\n"),
                  std::string::npos)
            << r.out;
        EXPECT_EQ(d.outbox(MessageStatus::created).size(), 6u);
    }
    const auto later = d.homeroom({"deliver", "--channel", "email"}, server.port());
    EXPECT_EQ(later.exit_code, 0) << later.err;
    ASSERT_TRUE(server.wait_for_messages(6, std::chrono::seconds(5)));
}

// The audit's case: digests wait in the outbox (the server is down), then a snapshot arrives with
// a no-contact order between Maya (101) and her father Luis (C02) and Grace's (C05) rights to
// Noah (104) removed. The next run must not send what was queued: Luis's digest is rebuilt
// without Maya, Grace's is cancelled, each with its reason; the others go out as queued.
TEST(NotifyCli, AQueuedDigestIsCheckedAgainstTheLatestSnapshotBeforeItIsSent) {
    std::uint16_t port = 0;
    {
        SmtpTestServer gone;
        port = gone.port();
    }
    District d;
    ASSERT_EQ(d.homeroom({"notify", "--week", "2026-06-08"}, port).exit_code, 69);
    ASSERT_EQ(d.outbox(MessageStatus::created).size(), 6u);

    const auto bundle = d.dir / "2026-06-16";
    std::filesystem::copy(k_bundles + "/2026-06-12", bundle);
    std::string links = read_file(bundle / "student_contacts.csv");
    for (const auto& [from, to] :
         {std::pair<std::string, std::string>{"101,C02,father,Y,Y,N,", "101,C02,father,Y,Y,Y,"},
          {"104,C05,mother,Y,Y,N,", "104,C05,mother,N,Y,N,"}}) {
        const auto at = links.find(from);
        ASSERT_NE(at, std::string::npos) << from;
        links.replace(at, from.size(), to);
    }
    write_file(bundle / "student_contacts.csv", links);
    const auto imported =
        run_homeroom({"--db", d.db, "import", bundle.string(), "--as-of", "2026-06-16"});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;

    SmtpTestServer server;
    const auto r = d.homeroom({"notify", "--week", "2026-06-08"}, server.port());
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("against the latest snapshot (2026-06-16)"), std::string::npos) << r.out;
    EXPECT_EQ(line_of(r.out, "queued:"),
              "queued: new=0 already-queued=4 rebuilt=1 (their students changed) cancelled=1 (no "
              "longer allowed)")
        << r.out;
    ASSERT_TRUE(server.wait_for_messages(5, std::chrono::seconds(5)));
    const auto mail = by_recipient(server);
    EXPECT_EQ(mail.size(), 5u);
    EXPECT_FALSE(mail.count("grace.smith@example.org"));
    const auto& luis = mail.at("luis.perez@example.org");
    EXPECT_EQ(decode_header(luis.raw("subject")), "Weekly update: Omar — week of June 8, 2026");
    EXPECT_EQ(luis.parts[0].content.find("Maya"), std::string::npos) << luis.parts[0].content;
    EXPECT_EQ(luis.parts[0].content.find(page_url("101", "en")), std::string::npos);
    EXPECT_NE(mail.at("ana.perez@example.org").parts[0].content.find(page_url("101", "es")),
              std::string::npos);

    store::Database db(d.db);
    store::OutboxRepository outbox(db);
    const auto luis_row = outbox.find({"C02", Date::from_ymd(2026, 6, 8), "weekly-digest"});
    ASSERT_TRUE(luis_row);
    EXPECT_EQ(luis_row->status, MessageStatus::sent);
    EXPECT_EQ(luis_row->student_ids, (std::vector<std::string>{"102"}));
    EXPECT_EQ(luis_row->allowed_by.find("101 via"), std::string::npos) << luis_row->allowed_by;
    EXPECT_NE(luis_row->revision.find(
                  "rebuilt before sending: 101 no longer named: no_contact_restriction"),
              std::string::npos)
        << luis_row->revision;
    const auto grace_row = outbox.find({"C05", Date::from_ymd(2026, 6, 8), "weekly-digest"});
    ASSERT_TRUE(grace_row);
    EXPECT_EQ(grace_row->status, MessageStatus::cancelled);
    EXPECT_EQ(grace_row->last_error,
              "cancelled before sending: 104 no longer named: no_educational_rights");
}

TEST(NotifyCli, PartialFailuresAreReportedAndTheRunStillSucceeds) {
    SmtpTestServer server(
        {.tempfail = {"kim.jones@example.org"}, .reject = {"grace.smith@example.org"}});
    District d;
    const auto r = d.homeroom({"notify", "--week", "2026-06-08"}, server.port());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(line_of(r.out, "delivery:")
                  .rfind("delivery: sent=4 temporary-failure=1 "
                         "technical-failure=0 permanent-failure=1",
                         0),
              0u)
        << r.out;
    const auto listing = d.homeroom({"outbox", "--status", "permanent-failure"}, server.port());
    EXPECT_EQ(listing.exit_code, 0);
    EXPECT_NE(
        listing.out.find("grace.smith@example.org  permanent-failure  1         RCPT TO: 550"),
        std::string::npos)
        << listing.out;
    EXPECT_NE(listing.out.find("by status: created=0 sending=0 sent=4 delivered=0 "
                               "temporary-failure=1 technical-failure=0 permanent-failure=1 "
                               "cancelled=0 (total 6)"),
              std::string::npos)
        << listing.out;
}

// `homeroom serve` as a child process on a free port.
class Serve {
  public:
    Serve(const District& d, std::uint16_t smtp_port) {
        const std::string config = d.config(smtp_port);
        std::vector<std::string> args = {HOMEROOM_BINARY, "--config", config,       "--db", d.db,
                                         "serve",         "--listen", "127.0.0.1:0"};
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        const std::string out = (m_dir / "out").string(), err = (m_dir / "err").string();
        posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0644);
        posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0644);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        const int rc = posix_spawn(&m_pid, argv[0], &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        if (rc != 0)
            throw std::runtime_error("cannot start homeroom serve");
        const std::regex listening("listening on http://127\\.0\\.0\\.1:([0-9]+)");
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        std::smatch match;
        while (true) {
            const std::string text = read_file(m_dir / "out");
            if (std::regex_search(text, match, listening)) {
                m_port = static_cast<std::uint16_t>(std::stoi(match[1]));
                return;
            }
            if (std::chrono::steady_clock::now() > until) {
                stop();
                throw std::runtime_error("homeroom serve did not start: " +
                                         read_file(m_dir / "err"));
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
    ~Serve() { stop(); }
    std::uint16_t port() const { return m_port; }
    std::string err() const { return read_file(m_dir / "err"); }
    int stop() {
        if (m_pid <= 0)
            return m_status;
        ::kill(m_pid, SIGTERM);
        ::waitpid(m_pid, &m_status, 0);
        m_pid = -1;
        return m_status;
    }

    // (status, body) of a request to the server.
    std::pair<int, std::string> request(const std::string& method,
                                        const std::string& path_and_query,
                                        const std::string& form = "") const {
        Poco::Net::HTTPClientSession session("127.0.0.1", m_port);
        Poco::Net::HTTPRequest request(method, path_and_query, Poco::Net::HTTPMessage::HTTP_1_1);
        if (!form.empty()) {
            request.setContentType("application/x-www-form-urlencoded");
            request.setContentLength(static_cast<std::streamsize>(form.size()));
            session.sendRequest(request) << form;
        } else {
            session.sendRequest(request);
        }
        Poco::Net::HTTPResponse response;
        std::string body;
        Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
        return {static_cast<int>(response.getStatus()), body};
    }

  private:
    TempDir m_dir;
    pid_t m_pid = -1;
    int m_status = 0;
    std::uint16_t m_port = 0;
};

TEST(NotifyCli, OneClickUnsubscribeThroughServeStopsTheNextWeeksDigest) {
    SmtpTestServer server;
    District d;
    ASSERT_EQ(d.homeroom({"notify", "--week", "2026-06-08"}, server.port()).exit_code, 0);
    ASSERT_TRUE(server.wait_for_messages(6, std::chrono::seconds(5)));
    const std::string link = unsubscribe_link(by_recipient(server).at("luis.perez@example.org"));
    const std::string path = Poco::URI(link).getPathAndQuery();
    ASSERT_EQ(path.rfind("/unsubscribe?t=", 0), 0u) << link;

    Serve serve(d, server.port());
    // The page a person sees first changes nothing.
    const auto page = serve.request("GET", path);
    EXPECT_EQ(page.first, 200);
    EXPECT_NE(page.second.find("<form method=\"post\""), std::string::npos) << page.second;
    {
        store::Database db(d.db);
        EXPECT_FALSE(store::OptOutRepository(db).is_opted_out("C02", Channel::email));
    }
    // A forged token: refused, nothing recorded.
    std::string forged = path;
    forged[forged.size() - 3] = forged[forged.size() - 3] == 'A' ? 'B' : 'A';
    EXPECT_EQ(serve.request("POST", forged, "List-Unsubscribe=One-Click").first, 400);
    EXPECT_EQ(serve.request("GET", "/unsubscribe?t=1.bm90.c2lnbmVk").first, 400);
    // RFC 8058 one-click, as a mail provider sends it.
    const auto done = serve.request("POST", path, "List-Unsubscribe=One-Click");
    EXPECT_EQ(done.first, 200) << done.second;
    EXPECT_NE(serve.err().find("opt-out recorded: C02 email one-click"), std::string::npos);
    EXPECT_EQ(serve.stop(), 0);

    // Next week, with a new import that knows nothing of the opt-out: everyone but Luis hears
    // (send_nothing_new: the week is quiet).
    const auto imported =
        run_homeroom({"--db", d.db, "import", k_bundles + "/2026-06-12", "--as-of", "2026-06-19"});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    const auto r =
        d.homeroom({"notify", "--week", "2026-06-15"}, server.port(), "send_nothing_new = true");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("opted out through unsubscribe links: 1"), std::string::npos) << r.out;
    EXPECT_EQ(line_of(r.out, "queued:"), "queued: new=6 already-queued=0") << r.out;
    ASSERT_TRUE(server.wait_for_messages(12, std::chrono::seconds(5)));
    std::set<std::string> second_week;
    for (const auto& bytes : server.messages()) {
        const auto m = parse_mail(bytes);
        if (decode_header(m.raw("subject")).find("June 15") != std::string::npos ||
            decode_header(m.raw("subject")).find("15 de junio") != std::string::npos ||
            decode_header(m.raw("subject")).find("١٥") != std::string::npos)
            second_week.insert(m.raw("delivered-to"));
    }
    std::set<std::string> expected = k_expected_recipients;
    expected.erase("luis.perez@example.org");
    expected.insert("sara.white@example.org");  // nothing new, sent because configured
    EXPECT_EQ(second_week, expected);
}

TEST(NotifyCli, EveryNewCommandHasHelpAndIsListed) {
    const auto help = run_homeroom({"help"});
    for (const char* command : {"notify", "outbox", "serve"}) {
        EXPECT_NE(help.out.find(std::string("  ") + command), std::string::npos) << command;
        const auto r = run_homeroom({command, "--help"});
        EXPECT_EQ(r.exit_code, 0) << command;
        EXPECT_NE(r.out.find(std::string("homeroom ") + command), std::string::npos) << r.out;
    }
    EXPECT_NE(run_homeroom({"notify", "--help"}).out.find("--dry-run"), std::string::npos);
}

TEST(NotifyCli, ServeRefusesAnAddressItCannotUse) {
    District d;
    EXPECT_EQ(run_homeroom({"--db", d.db, "serve", "--listen", "nowhere"}).exit_code, 64);
    SmtpTestServer busy;  // its port is taken
    const auto r = run_homeroom(
        {"--db", d.db, "serve", "--listen", "127.0.0.1:" + std::to_string(busy.port())});
    EXPECT_EQ(r.exit_code, 69) << r.err;
    EXPECT_NE(r.err.find("cannot listen on 127.0.0.1:"), std::string::npos) << r.err;
}

TEST(NotifyCli, UsageErrors) {
    District d;
    EXPECT_EQ(run_homeroom({"--db", d.db, "notify"}).exit_code, 64);
    EXPECT_EQ(run_homeroom({"--db", d.db, "notify", "--week", "2026-13-01"}).exit_code, 64);
    EXPECT_EQ(run_homeroom({"--db", d.db, "notify", "--week", "2026-06-08", "--channel", "fax"})
                  .exit_code,
              64);
    // SMTP without a base URL for the links.
    write_file(d.dir / "bad.ini", "[email]\ntransport = smtp\nfrom = a@b.example.org\n");
    const auto r = run_homeroom(
        {"--config", (d.dir / "bad.ini").string(), "--db", d.db, "notify", "--week", "2026-06-08"});
    EXPECT_EQ(r.exit_code, 64);
    EXPECT_NE(r.err.find("site.base_url is required"), std::string::npos) << r.err;
    // No snapshot on or before the week.
    EXPECT_EQ(run_homeroom({"--db", d.db, "notify", "--week", "2026-05-01"}, d.dir.path().string())
                  .exit_code,
              66);
    EXPECT_EQ(run_homeroom({"--db", d.db, "outbox", "--status", "lost"}).exit_code, 64);
}

}  // namespace
}  // namespace homeroom
