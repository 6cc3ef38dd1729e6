// Weekly digests end to end: N digests built (wording, templates in three languages, MIME),
// queued in a fresh outbox and sent over SMTP to a running sink, the way `homeroom notify` does
// it (notify::make_digest_message on all cores, one transaction per batch of 1,000, deliver_due
// over several connections). Prints messages/s for each stage and end to end, and peak memory.
//
//   digest_bench --port PORT [--host 127.0.0.1] [--messages 80000] [--connections 4]
//                [--threads N] [--dir DIR]
//
// scripts/digest-bench.sh starts Postfix's smtp-sink and runs this against it.
// Target (issue 4): 80,000 digests at 1,000 messages/s or more end to end.
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "app/resource_paths.h"
#include "core/diagnostics.h"
#include "notify/deliver_due.h"
#include "notify/digest_message.h"
#include "notify/smtp_channel.h"
#include "render/catalog_localizer.h"
#include "render/template_set.h"
#include "store/database.h"
#include "store/outbox_repository.h"
#include "synthetic_weeks.h"

namespace fs = std::filesystem;
using namespace homeroom;
using Clock = std::chrono::steady_clock;

using bench::child;
using bench::k_first;
using bench::k_languages;
using bench::k_last;
using bench::k_week;
using bench::peak_mb;

int main(int argc, char** argv) {
    notify::SmtpSettings smtp;
    smtp.envelope_from = "bounces@district.example.org";
    smtp.connections = 4;
    std::size_t messages = 80000;
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    fs::path dir =
        fs::temp_directory_path() / ("homeroom-digest-bench-" + std::to_string(getpid()));
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--host")
            smtp.host = argv[i + 1];
        else if (flag == "--port")
            smtp.port = static_cast<std::uint16_t>(std::atoi(argv[i + 1]));
        else if (flag == "--messages")
            messages = static_cast<std::size_t>(std::atoll(argv[i + 1]));
        else if (flag == "--connections")
            smtp.connections = std::atoi(argv[i + 1]);
        else if (flag == "--threads")
            threads = static_cast<unsigned>(std::atoi(argv[i + 1]));
        else if (flag == "--dir")
            dir = argv[i + 1];
        else {
            std::fprintf(stderr, "digest_bench: unknown option %s\n", argv[i]);
            return 64;
        }
    }
    if (smtp.port == 0) {
        std::fprintf(stderr,
                     "digest_bench: --port PORT of a running SMTP sink is required "
                     "(scripts/digest-bench.sh starts one)\n");
        return 64;
    }
    fs::create_directories(dir);
    const fs::path db_path = dir / "bench.db";
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_path.string() + suffix);

    try {
        Diagnostics diagnostics;
        const auto localizers = render::CatalogLocalizerSet::load(
            app::find_resource_dir("", "locales", "messages.pot"), diagnostics);
        const render::TemplateSet templates(
            app::find_resource_dir("", "templates", "student.mustache"));

        // The week's facts, as the student pass would leave them: 1 to 3 children per mailbox.
        std::vector<notify::ChildWeek> children;
        std::vector<notify::Recipient> recipients(messages);
        std::vector<Contact> contacts(messages);
        for (std::size_t r = 0; r < messages; ++r) {
            auto& rec = recipients[r];
            rec.contact_id = "C" + std::to_string(1000000 + r);
            rec.contact_ids = {rec.contact_id};
            rec.address = "parent" + std::to_string(r) + "@example.org";
            for (std::size_t k = 0; k < 1 + r % 3; ++k) {
                children.push_back(child(children.size()));
                rec.student_ids.push_back(children.back().student_id);
                rec.grants.push_back(
                    {children.back().student_id,
                     rec.contact_id,
                     {"educational_rights", "no_restriction", "channel_preference",
                      "address_on_file", "email_consent", "not_opted_out", "minor_student"}});
            }
            auto& c = contacts[r];
            c.id = rec.contact_id;
            c.first_name = k_first[(r * 7) % 16];
            c.last_name = k_last[(r * 5) % 12];
            c.preferred_language = k_languages[r % 10];
        }
        std::vector<std::vector<const notify::ChildWeek*>> kids(messages);
        for (std::size_t r = 0, next = 0; r < messages; ++r)
            for (std::size_t k = 0; k < recipients[r].student_ids.size(); ++k)
                kids[r].push_back(&children[next++]);

        notify::DigestMailSettings settings;
        settings.from = {"Riverside Public Schools", "digest@district.example.org"};
        settings.base_url = "https://homeroom.example.org";
        settings.secret = "bench-secret";
        settings.unsubscribe_address = "unsubscribe@district.example.org";
        settings.district_name = "Riverside Public Schools";
        const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
        settings.date_header = notify::format_mail_date(now);
        settings.digest.send_nothing_new = true;

        store::Database db(db_path);
        store::OutboxRepository outbox(db);

        // Stage 1: build and queue, in batches, building on every core.
        const auto t0 = Clock::now();
        constexpr std::size_t k_batch = 1000;
        std::size_t queued = 0, bytes = 0;
        double build_seconds = 0, queue_seconds = 0;
        for (std::size_t first = 0; first < messages; first += k_batch) {
            const std::size_t last = std::min(messages, first + k_batch);
            const auto b0 = Clock::now();
            std::vector<store::NewOutboxMessage> batch(last - first);
            std::atomic<std::size_t> next{first};
            auto work = [&] {
                for (std::size_t r = next++; r < last; r = next++) {
                    auto m = notify::make_digest_message(recipients[r], contacts[r], kids[r],
                                                         k_week, settings, *localizers, templates);
                    batch[r - first] = std::move(m->message);
                }
            };
            std::vector<std::thread> pool;
            for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
            work();
            for (auto& t : pool) t.join();
            const auto b1 = Clock::now();
            for (const auto& m : batch) bytes += m.body.size();
            queued += outbox.queue_all(batch, now);
            build_seconds += std::chrono::duration<double>(b1 - b0).count();
            queue_seconds += std::chrono::duration<double>(Clock::now() - b1).count();
        }
        const double stage1 = std::chrono::duration<double>(Clock::now() - t0).count();
        const double after_queue_mb = peak_mb();

        // Stage 2: send everything due.
        notify::SmtpChannel channel(smtp);
        notify::DeliveryOptions delivery;
        auto last_tick = Clock::now();
        delivery.progress = [&](std::size_t done, std::size_t) {
            if (done % 10000 != 0)
                return;
            const auto t = Clock::now();
            std::fprintf(stderr, "  sent %zu: last 10,000 at %.0f/s\n", done,
                         10000 / std::chrono::duration<double>(t - last_tick).count());
            last_tick = t;
        };
        const auto report = notify::deliver_due(outbox, channel, delivery);
        const double total = std::chrono::duration<double>(Clock::now() - t0).count();

        std::printf("digests: %zu built (%.1f KB each on average, %u threads) in %.2f s = %.0f/s\n",
                    messages, static_cast<double>(bytes) / static_cast<double>(messages) / 1024.0,
                    threads, build_seconds, static_cast<double>(messages) / build_seconds);
        std::printf("queued:  %zu in %.2f s = %.0f/s (one transaction per %zu)\n", queued,
                    queue_seconds, static_cast<double>(queued) / queue_seconds, k_batch);
        std::printf(
            "sent:    %zu in %.2f s over %d connection(s) to %s:%u = %.0f/s "
            "(failures: %zu temporary, %zu permanent)\n",
            report.sent, report.seconds, report.sessions, smtp.host.c_str(), smtp.port,
            static_cast<double>(report.sent) / report.seconds, report.temporary_failures,
            report.permanent_failures);
        std::printf(
            "end to end: %zu messages in %.2f s = %.0f messages/s (build+queue %.2f s, "
            "send %.2f s); peak memory %.0f MB (%.0f MB after queuing)\n",
            report.sent, total, static_cast<double>(report.sent) / total, stage1, report.seconds,
            peak_mb(), after_queue_mb);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "digest_bench: %s\n", e.what());
        fs::remove_all(dir);
        return 69;
    }
    fs::remove_all(dir);
    return 0;
}
