// A real SMS gateway (tests/servers/kannel.py: Kannel's bearerbox and smsbox with two fake
// SMSCs) for the life of a test: started on free ports of 127.0.0.1, waited for until its SMSCs
// are online, and stopped by PID at scope end. What the outgoing fake SMSC received is read
// back from its log, UCS-2 texts decoded to UTF-8.
#pragma once

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <regex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "child_server.h"
#include "core/utf8.h"
#include "temp_dir.h"

namespace homeroom::testing {

// A port that was free a moment ago (for a server that must be named before it starts).
inline std::uint16_t pick_free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    socklen_t len = sizeof a;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0)
        throw std::runtime_error("cannot find a free port");
    ::close(fd);
    return ntohs(a.sin_port);
}

struct KannelOptions {
    std::string mo_url = {};       // where inbound texts go; empty: nowhere
    std::string deny_prefix = {};  // numbers starting with it are not routable (403)
};

struct ReceivedSms {
    std::string from, to;
    std::string coding;  // "text" (GSM-7) or "ucs-2"
    std::string text;    // UTF-8
    // The bytes of each part as the SMSC got them (UCS-2: big-endian UTF-16), in order.
    std::vector<std::string> parts = {};
};

class KannelTestServer {
  public:
    explicit KannelTestServer(KannelOptions options = {}) : m_options(std::move(options)) {
        start();
    }
    ~KannelTestServer() { stop(); }
    KannelTestServer(const KannelTestServer&) = delete;
    KannelTestServer& operator=(const KannelTestServer&) = delete;

    std::uint16_t sendsms_port() const { return m_port; }
    std::string sendsms_url() const {
        return "http://127.0.0.1:" + std::to_string(m_port) + "/cgi-bin/sendsms";
    }
    static std::string username() { return "homeroom"; }
    static std::string password() { return "secret"; }
    std::string log() const {
        return read_file(m_dir / "server.log") + read_file(m_dir / "k" / "smsbox.log");
    }

    // Every text the outgoing SMSC received, in order; the parts of a concatenated text
    // (lines "udh %05%00%03REF%TOTAL%SEQ data ...") are put back together.
    std::vector<ReceivedSms> received() const {
        std::vector<ReceivedSms> out;
        const std::string log = read_file(m_dir / "k" / "fakesmsc.log");
        static const std::regex line(
            "Got message [0-9]+: <([^ ]*) ([^ ]*) (?:udh ([^ ]*) )?(text|ucs-2|data) (.*)>");
        struct Pending {
            ReceivedSms sms;
            int ref = -1, total = 0, seen = 0;
            std::string raw;
        };
        std::vector<Pending> pending;
        std::size_t start = 0;
        while (start < log.size()) {
            auto end = log.find('\n', start);
            if (end == std::string::npos)
                end = log.size();
            const std::string l = log.substr(start, end - start);
            start = end + 1;
            std::smatch m;
            if (!std::regex_search(l, m, line))
                continue;
            const std::string udh = url_bytes(m[3]);
            const std::string kind = m[4], body = m[5];
            if (udh.size() >= 6 && udh[1] == 0 && udh[2] == 3) {  // concatenation, 8-bit ref
                const int ref = static_cast<unsigned char>(udh[3]);
                const int total = static_cast<unsigned char>(udh[4]);
                auto it = std::find_if(pending.begin(), pending.end(), [&](const Pending& p) {
                    return p.ref == ref && p.sms.to == m.str(2);
                });
                if (it == pending.end()) {
                    pending.push_back({{m[1], m[2], kind, ""}, ref, total, 0, ""});
                    it = pending.end() - 1;
                }
                it->raw += kind == "text" ? body : url_bytes(body);
                it->sms.parts.push_back(kind == "text" ? body : url_bytes(body));
                if (++it->seen == it->total) {
                    decode(it->sms, it->raw);
                    out.push_back(it->sms);
                    pending.erase(it);
                }
                continue;
            }
            ReceivedSms sms{m[1], m[2], kind, ""};
            sms.parts.push_back(kind == "text" ? body : url_bytes(body));
            decode(sms, kind == "text" ? body : url_bytes(body));
            out.push_back(sms);
        }
        return out;
    }
    bool wait_for(std::size_t n, std::chrono::milliseconds timeout) const {
        const auto until = std::chrono::steady_clock::now() + timeout;
        while (received().size() < n) {
            if (std::chrono::steady_clock::now() > until)
                return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return true;
    }

    // An inbound text from `from`, through the second fake SMSC; returns once it was handed over.
    void inject(const std::string& from, const std::string& text) const {
        const std::string cmd = "/usr/bin/python3 '" HOMEROOM_SOURCE_DIR
                                "/tests/servers/kannel.py' --dir '" +
                                (m_dir / "k").string() + "' --inject '" + from + "' '" + text + "'";
        if (std::system(cmd.c_str()) != 0)
            throw std::runtime_error("cannot inject an inbound text");
    }

    void stop() { stop_child_server(m_pid, std::chrono::seconds(10)); }

    // Parts of concatenated texts come as "data": UTF-8 for a GSM-7 text, UTF-16BE for UCS-2,
    // told apart by the bytes below 0x09 that only UTF-16 of the texts Homeroom sends has.
    static void decode(ReceivedSms& sms, const std::string& raw) {
        const bool utf16 = sms.coding == "ucs-2" ||
                           (sms.coding == "data" && std::any_of(raw.begin(), raw.end(), [](char c) {
                                return static_cast<unsigned char>(c) < 0x09;
                            }));
        sms.coding = utf16 ? "ucs-2" : "text";
        sms.text = utf16 ? utf16be_to_utf8(raw) : raw;
    }

    // fakesmsc prints UCS-2 and binary data URL-encoded.
    static std::string url_bytes(const std::string& s) {
        std::string bytes;
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s[i] == '%' && i + 2 < s.size()) {
                bytes += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
                i += 2;
            } else {
                bytes += s[i] == '+' ? ' ' : s[i];
            }
        }
        return bytes;
    }
    static std::string utf16be_to_utf8(const std::string& raw) {
        std::string out;
        const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(raw[i]); };
        for (std::size_t i = 0; i + 1 < raw.size(); i += 2) {
            char32_t cp = static_cast<char32_t>(byte(i) << 8 | byte(i + 1));
            if (cp >= 0xD800 && cp < 0xDC00 && i + 3 < raw.size()) {
                const char32_t low = static_cast<char32_t>(byte(i + 2) << 8 | byte(i + 3));
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                i += 2;
            }
            append_utf8(out, cp);
        }
        return out;
    }

  private:
    void start() {
        std::vector<std::string> args = {"/usr/bin/python3",
                                         HOMEROOM_SOURCE_DIR "/tests/servers/kannel.py",
                                         "--dir",
                                         (m_dir / "k").string(),
                                         "--ready-file",
                                         (m_dir / "ready").string()};
        if (!m_options.mo_url.empty())
            args.insert(args.end(), {"--mo-url", m_options.mo_url});
        if (!m_options.deny_prefix.empty())
            args.insert(args.end(), {"--deny-prefix", m_options.deny_prefix});
        m_port = start_child_server(std::move(args), m_pid, m_dir / "server.log", m_dir / "ready",
                                    std::chrono::seconds(40), "Kannel test server",
                                    [this] { return log(); });
    }

    KannelOptions m_options;
    TempDir m_dir;
    pid_t m_pid = -1;
    std::uint16_t m_port = 0;
};

}  // namespace homeroom::testing
