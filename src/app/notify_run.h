// One `homeroom notify` run as the demo also uses it: digests of a week built, queued and sent,
// with the run report printed.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/command.h"
#include "core/channel.h"
#include "core/date.h"
#include "store/database.h"

namespace homeroom::app {

struct NotifyRequest {
    Date week;
    Channel channel = Channel::email;
    bool dry_run = false;
    std::optional<Date> as_of;
    std::size_t previews = 20;
    unsigned threads = 0;
    std::string transport;             // "file" | "smtp"; empty: [email] transport
    std::filesystem::path outbox_dir;  // the file transport's folder; empty: [email] outbox_dir
};

// Throws UnavailableError (exit 69) when the SMTP server cannot be reached at the start of
// delivery: the digests stay queued, nothing is marked sent. UsageError (exit 64) when the server
// refuses the sender, LockedError (exit 75) when another run is sending.
int notify_with_report(CommandContext& ctx, store::Database& db, const NotifyRequest& request);

struct DeliverRequest {
    std::vector<Channel> channels = {Channel::email, Channel::sms};
    bool dry_run = false;
    unsigned threads = 0;
};

// `homeroom deliver`: per channel, the digests of weeks before the newest queued week are
// cancelled, the newest week's are re-checked against the latest snapshot, and what is due is
// sent (retries after their backoff), with the same delivery lines as notify. Exceptions as
// notify_with_report.
int deliver_with_report(CommandContext& ctx, store::Database& db, const DeliverRequest& request);

}  // namespace homeroom::app
