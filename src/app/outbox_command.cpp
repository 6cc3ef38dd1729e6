// homeroom outbox [--status S] [--channel C] [--week W] [--limit N]
#include <algorithm>

#include "app/command.h"
#include "app/command_line.h"
#include "app/exit_codes.h"
#include "app/progress_line.h"
#include "core/errors.h"
#include "core/untrusted_text.h"
#include "store/outbox_repository.h"

namespace homeroom::app {
namespace {

// Columns padded to their widest cell; the last one is left as it is.
// Cells hold the outbox's own text (addresses, server replies): one plain line each.
void print_table(std::ostream& out, std::vector<std::vector<std::string>> rows) {
    for (auto& row : rows)
        for (auto& cell : row) cell = terminal_text(cell);
    std::vector<std::size_t> widths;
    for (const auto& row : rows)
        for (std::size_t i = 0; i + 1 < row.size(); ++i) {
            if (widths.size() <= i)
                widths.resize(i + 1, 0);
            widths[i] = std::max(widths[i], row[i].size());
        }
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size())
                line += std::string(widths[i] - row[i].size() + 2, ' ');
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out << line << "\n";
    }
}

// An error on one line, at most 80 characters, so that the table stays readable.
std::string one_line(std::string text) {
    for (auto& c : text)
        if (c == '\r' || c == '\n' || c == '\t')
            c = ' ';
    if (text.size() > 80)
        text = text.substr(0, 77) + "...";
    return text;
}

}  // namespace

int run_outbox(CommandContext& ctx, const std::vector<std::string>& args) {
    CommandLine cl("outbox", "",
                   "List the messages in the outbox with their delivery status, newest last, then "
                   "the number of messages in each status.");
    cl.value("status", "S",
             "only this status: created, sending, sent, delivered, temporary-failure, "
             "technical-failure, permanent-failure, cancelled")
        .value("channel", "C", "only this channel: email or sms")
        .value("week", "YYYY-MM-DD", "only the ISO week holding this day")
        .value("limit", "N", "list at most N messages, the newest (default 50; 0: all)");
    if (!cl.parse(args, ctx.out))
        return k_exit_ok;
    if (!cl.positional().empty())
        throw UsageError("homeroom outbox: unexpected argument \"" + cl.positional().front() +
                         "\"");
    store::OutboxFilter filter;
    if (cl.has("status")) {
        filter.status = parse_message_status(cl.get("status"));
        if (!filter.status)
            throw UsageError("homeroom outbox: unknown --status \"" + cl.get("status") + "\"");
    }
    if (cl.has("channel")) {
        filter.channel = parse_channel(cl.get("channel"));
        if (!filter.channel)
            throw UsageError("homeroom outbox: --channel must be email or sms, not \"" +
                             cl.get("channel") + "\"");
    }
    filter.week = cl.get_date("week");
    const auto limit = static_cast<std::size_t>(cl.get_int("limit", 50, 0, 100000000));

    store::Database db(ctx.db_path, store::Database::Open::existing);
    store::OutboxRepository outbox(db);
    auto messages = outbox.list(filter);
    const std::size_t total = messages.size();
    if (limit > 0 && messages.size() > limit)
        messages.erase(messages.begin(), messages.end() - static_cast<std::ptrdiff_t>(limit));

    std::vector<std::vector<std::string>> rows{
        {"id", "week", "channel", "recipient", "status", "attempts", "last error"}};
    for (const auto& m : messages)
        rows.push_back({std::to_string(m.id), m.key.week.to_string(),
                        std::string(to_code(m.key.channel)), m.recipient,
                        std::string(to_code(m.status)), std::to_string(m.attempts),
                        one_line(m.last_error)});
    if (messages.empty())
        ctx.out << "no messages\n";
    else
        print_table(ctx.out, rows);
    if (messages.size() < total)
        ctx.out << "(" << with_thousands(messages.size()) << " newest of " << with_thousands(total)
                << " shown; --limit 0 shows all)\n";

    ctx.out << "\nby status:";
    std::int64_t sum = 0;
    filter.status.reset();
    for (const auto& c : outbox.count_by_status(filter)) {
        ctx.out << " " << to_code(c.status) << "=" << c.count;
        sum += c.count;
    }
    ctx.out << " (total " << with_thousands(static_cast<std::size_t>(sum)) << ")\n";
    return k_exit_ok;
}

}  // namespace homeroom::app
