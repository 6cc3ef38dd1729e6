// What every subcommand gets, and the table entry that describes it.
#pragma once

#include <Poco/Util/AbstractConfiguration.h>

#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace homeroom::app {

struct CommandContext {
    const Poco::Util::AbstractConfiguration& config;
    std::filesystem::path db_path;  // --db, else [store] db, else output/homeroom.db
    std::ostream& out;              // results and summaries
    std::ostream& err;              // diagnostics and progress
    bool terminal;                  // stderr is a terminal: draw progress in place
    // --config as given (empty without one): `jobs install` writes it into the units and crontab
    // lines, so that a scheduled run reads the same settings.
    std::filesystem::path config_file;
};

using CommandFn = int (*)(CommandContext&, const std::vector<std::string>& args);

struct Command {
    std::string_view name;
    std::string_view summary;
    CommandFn run;
};

const std::vector<Command>& command_table();

// Subcommands (one file each).
int run_import(CommandContext&, const std::vector<std::string>&);
int run_sample_data(CommandContext&, const std::vector<std::string>&);
int run_demo(CommandContext&, const std::vector<std::string>&);
int run_snapshots(CommandContext&, const std::vector<std::string>&);
int run_build(CommandContext&, const std::vector<std::string>&);
int run_check(CommandContext&, const std::vector<std::string>&);
int run_notify(CommandContext&, const std::vector<std::string>&);
int run_deliver(CommandContext&, const std::vector<std::string>&);
int run_outbox(CommandContext&, const std::vector<std::string>&);
int run_serve(CommandContext&, const std::vector<std::string>&);
int run_jobs(CommandContext&, const std::vector<std::string>&);
int run_schedule(CommandContext&, const std::vector<std::string>&);
int run_export(CommandContext&, const std::vector<std::string>&);
int run_disclosures(CommandContext&, const std::vector<std::string>&);

}  // namespace homeroom::app
