// `homeroom notify` with [dkim]: every digest it hands out (to the folder of .eml files or to a
// real SMTP server) verified by dkimpy (Debian's python3-dkim, tests/support/dkim_verify.py),
// an implementation independent of ours, against a key made by the openssl command; a changed
// or added header must fail. Keys that cannot be used stop the run before anything is queued.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "mail_parsing.h"
#include "run_command.h"
#include "smtp_test_server.h"
#include "store/database.h"
#include "store/outbox_repository.h"

namespace homeroom {
namespace {

using testing::read_file;
using testing::run_homeroom;
using testing::shell_quote;
using testing::SmtpTestServer;
using testing::TempDir;
using testing::write_file;

const std::string k_bundles = HOMEROOM_TEST_DATA "/bundle-consent";
const std::string k_dns_name = "hr2026._domainkey.riverside.example.org";

std::string shell_output(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe)
        throw std::runtime_error("cannot run " + command);
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
    if (::pclose(pipe) != 0)
        throw std::runtime_error("failed: " + command);
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

struct District {
    TempDir dir;
    std::string db = (dir / "h.db").string();
    std::filesystem::path outbox = dir / "outbox";
    std::string from = "Riverside Public Schools <digest@riverside.example.org>";

    District() {
        for (const char* as_of : {"2026-06-05", "2026-06-12"}) {
            const auto r =
                run_homeroom({"--db", db, "import", k_bundles + "/" + as_of, "--as-of", as_of});
            if (r.exit_code != 0)
                throw std::runtime_error("import failed: " + r.err);
        }
    }
    // A private key made by openssl (not by Homeroom), and its DNS TXT record.
    std::string make_key(const std::string& name, bool ed25519) const {
        const auto pem = (dir / name).string();
        shell_output(std::string("openssl genpkey -algorithm ") +
                     (ed25519 ? "ED25519" : "RSA -pkeyopt rsa_keygen_bits:2048") + " -out " +
                     shell_quote(pem) + " 2>/dev/null");
        // An Ed25519 record holds the raw 32 bytes, the end of the DER SubjectPublicKeyInfo.
        const std::string p =
            shell_output("openssl pkey -in " + shell_quote(pem) + " -pubout -outform DER" +
                         (ed25519 ? " | tail -c 32" : "") + " | base64 -w0");
        return std::string("v=DKIM1; k=") + (ed25519 ? "ed25519" : "rsa") + "; p=" + p;
    }
    std::string config(const std::string& dkim, const std::string& email = "") const {
        const auto path = dir / "homeroom.ini";
        write_file(path, "[email]\nfrom = " + from + "\noutbox_dir = " + outbox.string() + "\n" +
                             email +
                             "\n[site]\nbase_url = https://homeroom.example.org\nsecret = s3cret\n"
                             "district_name = Riverside Public Schools\n\n[dkim]\n" +
                             dkim);
        return path.string();
    }
    testing::CommandResult notify(const std::string& dkim, const std::string& email = "") const {
        return run_homeroom(
            {"--config", config(dkim, email), "--db", db, "notify", "--week", "2026-06-10"},
            dir.path().string());
    }
    std::vector<std::filesystem::path> messages() const {
        std::vector<std::filesystem::path> out;
        if (std::filesystem::exists(outbox))
            for (const auto& e : std::filesystem::directory_iterator(outbox))
                if (e.path().extension() == ".eml")
                    out.push_back(e.path());
        std::sort(out.begin(), out.end());
        return out;
    }
    std::size_t queued() const {
        store::Database d(db);
        return store::OutboxRepository(d).list({}).size();
    }
};

// dkimpy's verdict: "pass" or "fail", with its reasons on failure.
struct Verdict {
    bool pass = false;
    std::string output;
};

Verdict verify(const std::filesystem::path& eml, const std::string& record) {
    TempDir capture;
    const std::string cmd =
        "/usr/bin/python3 " HOMEROOM_SOURCE_DIR "/tests/support/dkim_verify.py " +
        shell_quote(eml.string()) + " " + shell_quote(k_dns_name) + " " + shell_quote(record) +
        " >" + shell_quote((capture / "out").string()) + " 2>&1";
    const int status = std::system(cmd.c_str());
    return {WIFEXITED(status) && WEXITSTATUS(status) == 0, read_file(capture / "out")};
}

std::string dkim_settings(const std::string& key_file, const std::string& extra = "") {
    return "selector = hr2026\ndomain = riverside.example.org\nkey = " + key_file + "\n" + extra;
}

void expect_every_message_verifies(const District& d, const std::string& record,
                                   const std::string& algorithm) {
    const auto files = d.messages();
    ASSERT_EQ(files.size(), 6u);
    for (const auto& f : files) {
        SCOPED_TRACE(f.filename().string());
        const std::string bytes = read_file(f);
        EXPECT_EQ(bytes.rfind("DKIM-Signature: v=1; a=" + algorithm +
                                  "; c=relaxed/relaxed;\r\n d=riverside.example.org; s=hr2026; "
                                  "h=from:from:to:to:subject:subject:date:\r\n",
                              0),
                  0u)
            << bytes.substr(0, 400);
        const auto v = verify(f, record);
        EXPECT_TRUE(v.pass) << v.output;
    }
}

// Replaces the first `from` in the file with `to`.
void edit(const std::filesystem::path& file, const std::string& from, const std::string& to) {
    std::string bytes = read_file(file);
    const auto at = bytes.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    bytes.replace(at, from.size(), to);
    write_file(file, bytes);
}

TEST(DkimCli, EveryDigestPassesAnIndependentVerifierAndAChangedHeaderFails) {
    District d;
    const auto record = d.make_key("dkim.pem", false);
    const auto r = d.notify(dkim_settings("dkim.pem"));
    ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
    EXPECT_NE(r.out.find("  delivery: sent=6 temporary-failure=0 technical-failure=0 "
                         "permanent-failure=0 (folder " +
                         d.outbox.string() + ", DKIM d=riverside.example.org s=hr2026, 1 session"),
              std::string::npos)
        << r.out;
    expect_every_message_verifies(d, record, "rsa-sha256");

    // The verifier does check: another key fails every message.
    const auto other_record = d.make_key("other.pem", false);
    EXPECT_FALSE(verify(d.messages()[0], other_record).pass);

    const auto files = d.messages();
    edit(files[0], "\r\nSubject: ", "\r\nSubject: Re: ");
    EXPECT_FALSE(verify(files[0], record).pass);
    // RFC 8058 §4: the one-click fields are covered, and h= names each once more than it
    // appears, so that one added on the way (on top, where a verifier looks first) fails too.
    write_file(files[1], "List-Unsubscribe: <https://evil.example/u>\r\n" + read_file(files[1]));
    EXPECT_FALSE(verify(files[1], record).pass);
    write_file(files[2],
               "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n" + read_file(files[2]));
    EXPECT_FALSE(verify(files[2], record).pass);
    write_file(files[3],
               "From: Riverside Public Schools <x@evil.example>\r\n" + read_file(files[3]));
    EXPECT_FALSE(verify(files[3], record).pass);
    // The body is covered too: one changed character of the text part.
    std::string body = read_file(files[4]);
    const auto part = body.find("Content-Transfer-Encoding: quoted-printable\r\n\r\n");
    ASSERT_NE(part, std::string::npos);
    body[part + 49] = body[part + 49] == 'X' ? 'Y' : 'X';
    write_file(files[4], body);
    EXPECT_FALSE(verify(files[4], record).pass);
    // Untouched: still passes (the changes above are what failed).
    EXPECT_TRUE(verify(files[5], record).pass);
}

TEST(DkimCli, Ed25519SignaturesPassTheIndependentVerifier) {
    District d;
    const auto record = d.make_key("ed.pem", true);
    const auto r = d.notify(dkim_settings("ed.pem", "algorithm = ed25519-sha256\n"));
    ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
    expect_every_message_verifies(d, record, "ed25519-sha256");
    const auto files = d.messages();
    edit(files[0], "\r\nTo: ", "\r\nTo: x");
    EXPECT_FALSE(verify(files[0], record).pass);
}

TEST(DkimCli, MessagesSentOverSmtpArriveSigned) {
    SmtpTestServer server;
    District d;
    const auto record = d.make_key("dkim.pem", false);
    const auto r = d.notify(
        dkim_settings("dkim.pem"),
        "transport = smtp\n\n[smtp]\nhost = 127.0.0.1\nport = " + std::to_string(server.port()) +
            "\nconnections = 2\ntimeout = 10\n");
    ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
    ASSERT_TRUE(server.wait_for_messages(6, std::chrono::seconds(5)));
    const auto received = server.messages();
    ASSERT_EQ(received.size(), 6u);
    for (std::size_t i = 0; i < received.size(); ++i) {
        // As a mailbox provider sees it: the server's Return-Path and Delivered-To on top.
        const auto file = d.dir / ("received-" + std::to_string(i) + ".eml");
        write_file(file, received[i]);
        const auto v = verify(file, record);
        EXPECT_TRUE(v.pass) << v.output << received[i].substr(0, 600);
    }
}

TEST(DkimCli, AKeyOtherUsersCanReadIsUsedWithAWarning) {
    District d;
    const auto record = d.make_key("dkim.pem", false);
    std::filesystem::permissions(d.dir / "dkim.pem", std::filesystem::perms(0644));
    const auto r = d.notify(dkim_settings("dkim.pem"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // First, before the run's report (the rest of stderr is progress).
    EXPECT_EQ(r.err.rfind((d.dir / "homeroom.ini").string() +
                              ":13:7: warning: dkim.key dkim.pem can be read by other users (mode "
                              "0644): chmod 600 it\n",
                          0),
              0u)
        << r.err;
    expect_every_message_verifies(d, record, "rsa-sha256");
}

TEST(DkimCli, WithoutDkimSettingsNothingIsSigned) {
    District d;
    const auto r = d.notify("");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_EQ(d.messages().size(), 6u);
    for (const auto& f : d.messages())
        EXPECT_EQ(read_file(f).find("DKIM-Signature:"), std::string::npos);
}

TEST(DkimCli, AMissingKeyFileStopsTheRunBeforeAnythingIsQueuedOrSent) {
    District d;
    const auto r = d.notify(dkim_settings("missing.pem"));
    EXPECT_EQ(r.exit_code, 66);
    EXPECT_EQ(r.err, "homeroom: " + (d.dir / "homeroom.ini").string() +
                         ":13:7: error: dkim.key: cannot read missing.pem: No such file or "
                         "directory\n");
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(d.queued(), 0u);
    EXPECT_TRUE(d.messages().empty());
}

TEST(DkimCli, UnusableSettingsAreConfigurationErrorsWithTheirPlace) {
    District d;
    d.make_key("dkim.pem", false);
    write_file(d.dir / "not-a-key.pem", "hello\n");
    const std::string ini = (d.dir / "homeroom.ini").string();
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"selector = hr2026\nkey = dkim.pem\n",
         ini + ":10:2: error: [dkim] signs only with selector, domain and key all set "
               "(dkim.domain missing)\n"},
        {dkim_settings("not-a-key.pem"),
         ini + ":13:7: error: dkim.key not-a-key.pem: not a PEM private key (-----BEGIN "
               "PRIVATE KEY-----)\n"},
        {dkim_settings("dkim.pem", "algorithm = ed25519-sha256\n"),
         ini + ":14:13: error: dkim.algorithm is ed25519-sha256 but the key is for "
               "rsa-sha256\n"},
        {dkim_settings("dkim.pem", "algorithm = rsa-sha1\n"),
         ini + ":14:13: error: dkim.algorithm must be rsa-sha256 or ed25519-sha256, not "
               "\"rsa-sha1\"\n"},
        {"selector = hr2026\ndomain = riverside.example.com\nkey = dkim.pem\n",
         ini + ":12:10: error: dkim.domain \"riverside.example.com\" must be email.from's domain "
               "\"riverside.example.org\" or a parent of it (DMARC aligns them)\n"},
        {"selector = hr_2026\ndomain = riverside.example.org\nkey = dkim.pem\n",
         ini + ":11:12: error: dkim.selector \"hr_2026\" is not a DNS name (letters, "
               "digits, hyphens, dots)\n"},
    };
    for (const auto& [settings, error] : cases) {
        SCOPED_TRACE(settings);
        const auto r = d.notify(settings);
        EXPECT_EQ(r.exit_code, 64);
        EXPECT_EQ(r.err, error);
        EXPECT_EQ(d.queued(), 0u);
    }
    // A parent domain of the From address aligns (DMARC's relaxed mode).
    d.from = "Riverside Public Schools <digest@mail.riverside.example.org>";
    const auto r = d.notify(dkim_settings("dkim.pem"));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(d.messages().size(), 6u);
}

}  // namespace
}  // namespace homeroom
