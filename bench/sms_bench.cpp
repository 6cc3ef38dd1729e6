// SMS digests end to end: N weekly texts built (wording in three languages, GSM-7 / UCS-2,
// fitted to the segment budget), queued in a fresh outbox and handed to a running Kannel over
// its sendsms HTTP interface, the way `homeroom notify --channel sms` does it
// (notify::make_sms_digest_message on all cores, one transaction per batch of 1,000,
// deliver_due over several keep-alive connections). Prints messages/s for each stage and end
// to end, and peak memory.
//
//   sms_bench --url http://127.0.0.1:PORT/cgi-bin/sendsms --username U --password P
//             [--messages 50000] [--connections 4] [--threads N] [--max-segments 2] [--dir DIR]
//             [--links short|full]
//
// Texts link to short links "<base_url>/s/<code>", recorded with the batch as notify does;
// `--links full` puts the full private page URLs in the texts instead (the format before).
//
// scripts/sms-bench.sh starts Kannel with a fake SMSC (tests/servers/kannel.py) and runs this.
// Target: 50,000 SMS digests at 1,000 messages/s or more end to end.
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
#include "notify/kannel_channel.h"
#include "notify/sms_digest_message.h"
#include "render/catalog_localizer.h"
#include "store/database.h"
#include "store/outbox_repository.h"
#include "store/short_link_repository.h"
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
    notify::KannelSettings kannel;
    kannel.url.clear();
    kannel.from = "12345";
    kannel.connections = 4;
    std::size_t messages = 50000;
    int max_segments = 2;
    bool short_links = true;
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    fs::path dir = fs::temp_directory_path() / ("homeroom-sms-bench-" + std::to_string(getpid()));
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--url")
            kannel.url = argv[i + 1];
        else if (flag == "--username")
            kannel.username = argv[i + 1];
        else if (flag == "--password")
            kannel.password = argv[i + 1];
        else if (flag == "--messages")
            messages = static_cast<std::size_t>(std::atoll(argv[i + 1]));
        else if (flag == "--connections")
            kannel.connections = std::atoi(argv[i + 1]);
        else if (flag == "--threads")
            threads = static_cast<unsigned>(std::atoi(argv[i + 1]));
        else if (flag == "--max-segments")
            max_segments = std::atoi(argv[i + 1]);
        else if (flag == "--dir")
            dir = argv[i + 1];
        else if (flag == "--links" &&
                 (std::strcmp(argv[i + 1], "short") == 0 || std::strcmp(argv[i + 1], "full") == 0))
            short_links = std::strcmp(argv[i + 1], "short") == 0;
        else {
            std::fprintf(stderr, "sms_bench: unknown option %s\n", argv[i]);
            return 64;
        }
    }
    if (kannel.url.empty()) {
        std::fprintf(stderr,
                     "sms_bench: --url of a running Kannel sendsms is required "
                     "(scripts/sms-bench.sh starts one)\n");
        return 64;
    }
    fs::create_directories(dir);
    const fs::path db_path = dir / "bench.db";
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_path.string() + suffix);

    try {
        Diagnostics diagnostics;
        const auto localizers = render::CatalogLocalizerSet::load(
            app::find_resource_dir("", "locales", "messages.pot"), diagnostics);

        // The week's facts, as the student pass would leave them: 1 to 3 children per phone.
        std::vector<notify::ChildWeek> children;
        std::vector<notify::Recipient> recipients(messages);
        std::vector<Contact> contacts(messages);
        for (std::size_t r = 0; r < messages; ++r) {
            auto& rec = recipients[r];
            rec.contact_id = "C" + std::to_string(1000000 + r);
            rec.contact_ids = {rec.contact_id};
            rec.address = "+1555" + std::to_string(1000000 + r);
            for (std::size_t k = 0; k < 1 + r % 3; ++k) {
                children.push_back(child(children.size()));
                rec.student_ids.push_back(children.back().student_id);
                rec.grants.push_back(
                    {children.back().student_id,
                     rec.contact_id,
                     {"educational_rights", "no_restriction", "channel_preference",
                      "address_on_file", "sms_consent", "not_opted_out", "minor_student"}});
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

        notify::DigestSettings digest;
        digest.send_nothing_new = true;
        const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());

        store::Database db(db_path);
        store::OutboxRepository outbox(db);

        // Stage 1: build and queue, in batches, building on every core.
        const auto t0 = Clock::now();
        const notify::SmsShortLinks link_settings{"https://homeroom.example.org",
                                                  "sms-bench-secret"};
        constexpr std::size_t k_batch = 1000;
        std::size_t queued = 0, segments = 0, ucs2 = 0, shortened = 0, over = 0, family = 0;
        double build_seconds = 0, queue_seconds = 0;
        for (std::size_t first = 0; first < messages; first += k_batch) {
            const std::size_t last = std::min(messages, first + k_batch);
            const auto b0 = Clock::now();
            std::vector<store::NewOutboxMessage> batch(last - first);
            std::vector<notify::SmsMeasure> measures(last - first);
            std::vector<char> cut(last - first, 0), over_budget(last - first, 0),
                family_link(last - first, 0);
            std::vector<std::vector<store::ShortLink>> links(last - first);
            std::atomic<std::size_t> next{first};
            auto work = [&] {
                for (std::size_t r = next++; r < last; r = next++) {
                    auto m = notify::make_sms_digest_message(
                        recipients[r], contacts[r], kids[r], k_week, max_segments, digest,
                        *localizers, short_links ? &link_settings : nullptr);
                    links[r - first] = std::move(m->text.links);
                    measures[r - first] = m->text.measure;
                    cut[r - first] = m->text.shortened;
                    over_budget[r - first] = m->text.over_budget;
                    family_link[r - first] = m->text.family_link;
                    batch[r - first] = std::move(m->message);
                }
            };
            std::vector<std::thread> pool;
            for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
            work();
            for (auto& t : pool) t.join();
            const auto b1 = Clock::now();
            for (std::size_t i = 0; i < measures.size(); ++i) {
                segments += static_cast<std::size_t>(measures[i].segments);
                ucs2 += measures[i].coding == notify::SmsCoding::ucs2;
                shortened += cut[i] != 0;
                over += over_budget[i] != 0;
                family += family_link[i] != 0;
            }
            std::vector<store::ShortLink> to_remember;
            for (auto& l : links)
                for (auto& link : l) to_remember.push_back(std::move(link));
            queued += outbox.queue_all(batch, now, to_remember);
            build_seconds += std::chrono::duration<double>(b1 - b0).count();
            queue_seconds += std::chrono::duration<double>(Clock::now() - b1).count();
        }
        const double stage1 = std::chrono::duration<double>(Clock::now() - t0).count();
        const double after_queue_mb = peak_mb();

        // Stage 2: hand everything due to Kannel.
        notify::KannelChannel channel(kannel);
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

        std::printf(
            "texts:   %zu built (%.2f segments each on average, %zu UCS-2, %zu shortened to %d "
            "segments, %zu with one family link, %zu over budget with names and links alone, %u "
            "threads) in %.2f s = %.0f/s\n",
            messages, static_cast<double>(segments) / static_cast<double>(messages), ucs2,
            shortened, max_segments, family, over, threads, build_seconds,
            static_cast<double>(messages) / build_seconds);
        std::printf("queued:  %zu in %.2f s = %.0f/s (one transaction per %zu)\n", queued,
                    queue_seconds, static_cast<double>(queued) / queue_seconds, k_batch);
        std::printf(
            "handed to Kannel: %zu in %.2f s over %d connection(s) to %s = %.0f/s "
            "(failures: %zu temporary, %zu permanent)\n",
            report.sent, report.seconds, report.sessions, channel.description().c_str(),
            static_cast<double>(report.sent) / report.seconds, report.temporary_failures,
            report.permanent_failures);
        std::printf(
            "end to end: %zu messages in %.2f s = %.0f messages/s (build+queue %.2f s, "
            "send %.2f s); peak memory %.0f MB (%.0f MB after queuing)\n",
            report.sent, total, static_cast<double>(report.sent) / total, stage1, report.seconds,
            peak_mb(), after_queue_mb);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "sms_bench: %s\n", e.what());
        fs::remove_all(dir);
        return 69;
    }
    fs::remove_all(dir);
    return 0;
}
