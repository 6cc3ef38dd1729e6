#include "app/command.h"

namespace homeroom::app {

const std::vector<Command>& command_table() {
    static const std::vector<Command> k_commands = {
        {"demo", "generate a sample district and run every stage on it", run_demo},
        {"sample-data", "write a realistic, deterministic sample district bundle", run_sample_data},
        {"import", "validate a district bundle and store it as a dated snapshot", run_import},
        {"snapshots", "list the snapshots in the database", run_snapshots},
        {"build", "build the static site (report cards, progress and class pages)", run_build},
        {"export", "write a community partner's data extract (XLSX and CSV) and log it",
         run_export},
        {"disclosures", "list what was shared with partners about a student (disclosure log)",
         run_disclosures},
        {"check", "validate templates and translation catalogs", run_check},
        {"notify", "queue and send the weekly parent digests of a week", run_notify},
        {"deliver", "send what is due in the outbox: retries, texts after quiet hours",
         run_deliver},
        {"outbox", "list queued and sent messages and their delivery status", run_outbox},
        {"serve", "answer unsubscribe links (a small web endpoint)", run_serve},
        {"jobs", "list, run, install and review scheduled jobs (jobs/*.ini)", run_jobs},
        {"schedule", "run the jobs on their schedules in the foreground (no systemd/cron)",
         run_schedule},
    };
    return k_commands;
}

}  // namespace homeroom::app
