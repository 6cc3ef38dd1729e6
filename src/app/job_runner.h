// `homeroom jobs run`: a job's steps in order, each through the same function its own command
// uses (import_with_report, build_with_report, notify_with_report), under the job's lock and
// recorded in the ledger; a run left crashed is resumed, skipping the steps it finished.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/command.h"
#include "jobs/job_file.h"

namespace homeroom::app {

struct StepOutcome {
    int step = 0;
    std::string action;
    std::string status;  // succeeded | failed | skipped
    int exit_code = 0;
    double seconds = 0;
    std::string report;  // what the step printed
};

struct JobRunSummary {
    std::string job;
    std::int64_t run_id = 0;
    std::optional<std::int64_t> resumes;
    std::string status;  // succeeded | failed
    std::string started_at, finished_at;
    int exit_code = 0;
    std::string message;
    std::vector<StepOutcome> steps;
};

// Returns the summary; a failing step's exception is rethrown after it has been recorded (and,
// with `on_failure` set, after the summary has been handed to it) so the CLI maps it to the
// step's exit code.
JobRunSummary run_job(CommandContext& ctx, const jobs::Job& job,
                      const std::function<void(const JobRunSummary&)>& on_failure = {});

std::string to_json(const JobRunSummary& summary);

// The current time as the ledger writes it: "YYYY-MM-DDTHH:MM:SSZ".
std::string ledger_now();

}  // namespace homeroom::app
