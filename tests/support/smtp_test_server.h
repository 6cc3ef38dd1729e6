// A real SMTP server (tests/servers/smtp_server.py, aiosmtpd) for the life of a test: started
// on a free port of 127.0.0.1, waited for, and stopped by PID at scope end. Messages it
// accepted are files in its Maildir, read back in arrival order.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "child_server.h"
#include "temp_dir.h"

namespace homeroom::testing {

struct SmtpServerOptions {
    std::vector<std::string> tempfail = {};  // 451 once, then accepted
    std::vector<std::string> reject = {};    // 550 always
    std::string refuse_sender = {};          // answer every MAIL FROM with this reply
    bool deny_relay = false;                 // answer every RCPT TO "554 5.7.1 Relay access denied"
    int drop_after = 0;                      // close each connection after this many messages
    bool drop_before_reply = false;          // ... without answering the last one
    bool starttls = false;   // offer (and require) STARTTLS, self-signed certificate
    std::string auth = {};   // "user:password": require AUTH
    std::uint16_t port = 0;  // 0: any free port
};

class SmtpTestServer {
  public:
    explicit SmtpTestServer(SmtpServerOptions options = {}) : m_options(std::move(options)) {
        start();
    }
    ~SmtpTestServer() { stop(); }
    SmtpTestServer(const SmtpTestServer&) = delete;
    SmtpTestServer& operator=(const SmtpTestServer&) = delete;

    std::uint16_t port() const { return m_port; }
    std::filesystem::path maildir() const { return m_dir / "maildir"; }
    // The self-signed certificate (PEM) to trust when starttls is on.
    std::filesystem::path certificate() const { return m_dir / "cert.pem"; }
    std::string log() const { return read_file(m_dir / "server.log"); }

    // Accepted messages, oldest first, each with the server's Return-Path and Delivered-To.
    std::vector<std::string> messages() const {
        std::vector<std::filesystem::path> files;
        for (const auto& e : std::filesystem::directory_iterator(maildir() / "new"))
            files.push_back(e.path());
        std::sort(files.begin(), files.end());
        std::vector<std::string> out;
        for (const auto& f : files) out.push_back(read_file(f));
        return out;
    }
    std::size_t message_count() const {
        std::size_t n = 0;
        for ([[maybe_unused]] const auto& e :
             std::filesystem::directory_iterator(maildir() / "new"))
            ++n;
        return n;
    }
    bool wait_for_messages(std::size_t n, std::chrono::milliseconds timeout) const {
        const auto until = std::chrono::steady_clock::now() + timeout;
        while (message_count() < n) {
            if (std::chrono::steady_clock::now() > until)
                return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return true;
    }

    // Stops the server now (e.g. to test a server that went away); idempotent.
    void stop() { stop_child_server(m_pid, std::chrono::seconds(5)); }

  private:
    void start() {
        std::vector<std::string> args = {
            "/usr/bin/python3", HOMEROOM_SOURCE_DIR "/tests/servers/smtp_server.py",
            "--maildir",        maildir().string(),
            "--ready-file",     (m_dir / "ready").string(),
            "--port",           std::to_string(m_options.port)};
        for (const auto& a : m_options.tempfail) args.insert(args.end(), {"--tempfail", a});
        for (const auto& a : m_options.reject) args.insert(args.end(), {"--reject", a});
        if (m_options.deny_relay)
            args.push_back("--deny-relay");
        if (!m_options.refuse_sender.empty())
            args.insert(args.end(), {"--refuse-sender", m_options.refuse_sender});
        if (m_options.drop_after > 0)
            args.insert(args.end(), {"--drop-after", std::to_string(m_options.drop_after)});
        if (m_options.drop_before_reply)
            args.push_back("--drop-before-reply");
        if (!m_options.auth.empty())
            args.insert(args.end(), {"--auth", m_options.auth});
        if (m_options.starttls) {
            make_certificate();
            args.insert(args.end(), {"--tls-cert", certificate().string(), "--tls-key",
                                     (m_dir / "key.pem").string()});
        }

        m_port = start_child_server(std::move(args), m_pid, m_dir / "server.log", m_dir / "ready",
                                    std::chrono::seconds(20), "SMTP test server",
                                    [this] { return log(); });
    }

    void make_certificate() const {
        const std::string cmd =
            "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost "
            "-addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout '" +
            (m_dir / "key.pem").string() + "' -out '" + certificate().string() +
            "' >/dev/null 2>&1";
        if (std::system(cmd.c_str()) != 0)
            throw std::runtime_error("cannot make a test certificate with openssl");
    }

    SmtpServerOptions m_options;
    TempDir m_dir;
    pid_t m_pid = -1;
    std::uint16_t m_port = 0;
};

}  // namespace homeroom::testing
