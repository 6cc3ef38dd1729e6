// A job definition (jobs/NAME.ini): when it runs and the steps it runs, validated with
// FILE:LINE:COLUMN diagnostics like every other user-written input.
//
//   [job]
//   name = nightly-import-build        ; default: the file name without .ini
//   description = ...
//   schedule = 30 2 * * *              ; 5-field cron, and/or
//   on_calendar = Mon *-*-* 07:00:00   ; systemd OnCalendar (subset, see schedule.h)
//   time_zone = America/Detroit        ; default UTC
//   [step.1]
//   action = import | build | notify | deliver | export
//   ...options of the action
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/channel.h"
#include "core/diagnostics.h"
#include "jobs/schedule.h"

namespace homeroom::jobs {

enum class StepAction { import_bundle, build, notify, deliver, export_extracts };

std::string_view to_code(
    StepAction action);  // "import" | "build" | "notify" | "deliver" | "export"

struct JobStep {
    int number = 0;  // N of [step.N]; steps run in increasing N
    int line = 0;    // of the [step.N] header, for messages
    StepAction action = StepAction::build;
    // import: a drop folder; its newest subfolder named YYYY-MM-DD is imported as of that date.
    std::filesystem::path from;
    // build
    std::optional<bool> pdf;  // unset: [pdf] enabled
    std::string out;          // empty: [site] out
    // notify (one channel), deliver (one, or both when `both_channels`)
    Channel channel = Channel::email;
    bool both_channels = false;
    std::string week = "current";  // notify: current | previous | YYYY-MM-DD
    // export: a partner id or name, or "all"; as of the newest snapshot. `out` as for build.
    std::string partner = "all";
};

struct Job {
    std::string name;
    std::string description;
    std::string file;
    std::vector<Schedule> schedules;  // empty: run by hand only
    std::string time_zone = "UTC";
    std::vector<JobStep> steps;
};

// Pure apart from looking the time zone up in ICU's database. nullopt when any error was found.
std::optional<Job> parse_job(std::string_view text, const std::string& file_name,
                             Diagnostics& diagnostics);

// True for names safe as systemd unit and lock file names: [A-Za-z0-9_-]+.
bool is_valid_job_name(std::string_view name);

}  // namespace homeroom::jobs
