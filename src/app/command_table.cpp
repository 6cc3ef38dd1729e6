#include "app/command.h"

namespace homeroom::app {

const std::vector<Command>& command_table() {
    static const std::vector<Command> k_commands = {
        {"demo", "generate a sample district and run every stage on it", run_demo},
        {"sample-data", "write a realistic, deterministic sample district bundle", run_sample_data},
        {"import", "validate a district bundle and store it as a dated snapshot", run_import},
        {"snapshots", "list the snapshots in the database", run_snapshots},
        {"build", "build the static site (report cards, progress and class pages)", run_build},
    };
    return k_commands;
}

}  // namespace homeroom::app
