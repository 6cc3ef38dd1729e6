// homeroom deliver [--channel email|sms|both] [--dry-run]
//
// Sends what is due in the outbox without building anything new: the retries of temporary
// failures once their backoff has passed, texts held by quiet hours, messages a stopped run left
// queued. The shipped hourly job runs it, so that a 451 waits minutes, not until next Monday.
#include "app/command.h"
#include "app/command_line.h"
#include "app/exit_codes.h"
#include "app/notify_run.h"
#include "core/errors.h"
#include "store/database.h"

namespace homeroom::app {

int run_deliver(CommandContext& ctx, const std::vector<std::string>& args) {
    CommandLine cl(
        "deliver", "",
        "Send what is due in the outbox (retries after their backoff, texts after quiet hours). "
        "Digests of a week before the newest queued week are cancelled, not sent late; the "
        "newest week's are re-checked against the latest snapshot first. Queues nothing new.");
    cl.value("channel", "CHANNEL", "email, sms or both (the default)")
        .flag("dry-run", "count what would be cancelled and re-checked; change and send nothing")
        .value("threads", "N", "worker threads for re-checking (default: one per core)");
    if (!cl.parse(args, ctx.out))
        return k_exit_ok;
    if (!cl.positional().empty())
        throw UsageError("homeroom deliver: unexpected argument \"" + cl.positional().front() +
                         "\"");
    DeliverRequest request;
    const std::string channel_code = cl.get("channel", "both");
    if (channel_code != "both") {
        const auto channel = parse_channel(channel_code);
        if (!channel)
            throw UsageError("homeroom deliver: --channel must be email, sms or both, not \"" +
                             channel_code + "\"");
        request.channels = {*channel};
    }
    request.dry_run = cl.has("dry-run");
    request.threads = static_cast<unsigned>(cl.get_int("threads", 0, 0, 256));
    // Only an outbox that exists has anything to deliver: a mistyped --db is an error.
    store::Database db(ctx.db_path, store::Database::Open::existing);
    return deliver_with_report(ctx, db, request);
}

}  // namespace homeroom::app
