// One `homeroom notify` run as the demo also uses it: digests of a week built, queued and sent,
// with the run report printed.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

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
// delivery: the digests stay queued, nothing is marked sent.
int notify_with_report(CommandContext& ctx, store::Database& db, const NotifyRequest& request);

}  // namespace homeroom::app
