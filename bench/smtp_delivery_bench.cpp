// Delivery throughput from the outbox to a running SMTP server:
//   smtp_delivery_bench --port PORT [--host 127.0.0.1] [--messages 5000] [--connections 4]
// Queues N digest-sized messages (HTML + text, ~6 KB) in a fresh outbox, sends them with
// deliver_due, and prints messages/s for queuing and for delivery.
#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include "notify/deliver_due.h"
#include "notify/mail_message.h"
#include "notify/smtp_channel.h"
#include "store/database.h"
#include "store/outbox_repository.h"

using namespace homeroom;

int main(int argc, char** argv) {
    notify::SmtpSettings settings;
    settings.envelope_from = "bounces@district.example.org";
    int messages = 5000;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--host")
            settings.host = argv[i + 1];
        else if (flag == "--port")
            settings.port = static_cast<std::uint16_t>(std::atoi(argv[i + 1]));
        else if (flag == "--messages")
            messages = std::atoi(argv[i + 1]);
        else if (flag == "--connections")
            settings.connections = std::atoi(argv[i + 1]);
        else {
            std::fprintf(stderr, "unknown option %s\n", argv[i]);
            return 64;
        }
    }
    const auto dir = std::filesystem::temp_directory_path() /
                     ("homeroom-smtp-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    try {
        store::Database db(dir / "bench.db");
        store::OutboxRepository outbox(db);
        const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
        std::string html = "<!doctype html><html><body>";
        for (int i = 0; i < 40; ++i)
            html += "<tr><td>Tuesday</td><td>Absent (excused)</td><td>Mathematics 7</td></tr>";
        html += "</body></html>";
        std::string text;
        for (int i = 0; i < 25; ++i)
            text += "Tuesday 20 January: absent (excused), Mathematics 7\n";

        const auto t0 = std::chrono::steady_clock::now();
        std::vector<store::NewOutboxMessage> batch;
        for (int i = 0; i < messages; ++i) {
            store::NewOutboxMessage m;
            m.key = {"C" + std::to_string(i), Date::from_ymd(2026, 1, 19), "weekly-digest",
                     Channel::email};
            notify::MailContent c;
            c.from = {"Lincoln Public Schools", "digest@district.example.org"};
            c.to = {"Parent " + std::to_string(i), "parent" + std::to_string(i) + "@example.org"};
            c.subject = "Weekly update";
            c.text_body = text;
            c.html_body = html;
            c.message_id = notify::make_message_id(store::to_string(m.key), "district.example.org");
            c.date = notify::format_mail_date(now);
            c.unsubscribe_url = "https://homeroom.example.org/u/" + std::to_string(i);
            m.recipient = c.to.address;
            m.subject = c.subject;
            m.body = notify::build_mail_message(c);
            m.allowed_by = "bench";
            batch.push_back(std::move(m));
        }
        outbox.queue_all(batch, now);
        const double queue_s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

        notify::SmtpChannel channel(settings);
        const auto report = notify::deliver_due(outbox, channel);
        std::printf(
            "built+queued %d messages in %.2f s (%.0f/s); sent %zu in %.2f s over %d "
            "connection(s): %.0f messages/s\n",
            messages, queue_s, messages / queue_s, report.sent, report.seconds, report.sessions,
            static_cast<double>(report.sent) / report.seconds);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "smtp_delivery_bench: %s\n", e.what());
        std::filesystem::remove_all(dir);
        return 69;
    }
    std::filesystem::remove_all(dir);
    return 0;
}
