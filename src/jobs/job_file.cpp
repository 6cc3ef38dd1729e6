#include "jobs/job_file.h"

#include <algorithm>
#include <cctype>

#include "core/date.h"
#include "core/ini_sections.h"
#include "jobs/time_zone.h"

namespace homeroom::jobs {
namespace {

using Entry = IniEntry;
using Section = IniSection;

std::optional<bool> parse_bool(const std::string& v) {
    if (v == "true" || v == "yes" || v == "on" || v == "1")
        return true;
    if (v == "false" || v == "no" || v == "off" || v == "0")
        return false;
    return std::nullopt;
}

void add_schedule(const Entry& entry, bool cron, Job& job, const std::string& file,
                  Diagnostics& diagnostics) {
    const auto parsed = cron ? parse_cron(entry.value) : parse_on_calendar(entry.value);
    if (parsed.schedule)
        job.schedules.push_back(*parsed.schedule);
    else
        diagnostics.error(
            file, entry.line, entry.value_column + parsed.error.column - 1,
            std::string(cron ? "schedule" : "on_calendar") + ": " + parsed.error.message);
}

void read_step(const Section& section, int number, Job& job, const std::string& file,
               Diagnostics& diagnostics) {
    JobStep step;
    step.number = number;
    step.line = section.line;
    const auto action = section.entries.find("action");
    if (action == section.entries.end()) {
        diagnostics.error(
            file, section.line, 1,
            "[" + section.name + "] needs action = import | build | notify | deliver | export");
        return;
    }
    const auto& a = action->second;
    std::vector<std::string> known = {"action"};
    if (a.value == "import") {
        step.action = StepAction::import_bundle;
        known.push_back("from");
        const auto from = section.entries.find("from");
        if (from == section.entries.end() || from->second.value.empty())
            diagnostics.error(file, section.line, 1,
                              "[" + section.name + "] import needs from = DROP-FOLDER");
        else
            step.from = from->second.value;
    } else if (a.value == "build") {
        step.action = StepAction::build;
        known.insert(known.end(), {"pdf", "out"});
        if (const auto pdf = section.entries.find("pdf"); pdf != section.entries.end()) {
            const auto value = parse_bool(pdf->second.value);
            if (!value)
                diagnostics.error(file, pdf->second.line, pdf->second.value_column,
                                  "pdf must be true or false, not \"" + pdf->second.value + "\"");
            step.pdf = value;
        }
        if (const auto out = section.entries.find("out"); out != section.entries.end())
            step.out = out->second.value;
    } else if (a.value == "notify") {
        step.action = StepAction::notify;
        known.insert(known.end(), {"channel", "week"});
        if (const auto ch = section.entries.find("channel"); ch != section.entries.end()) {
            const auto channel = parse_channel(ch->second.value);
            if (!channel)
                diagnostics.error(file, ch->second.line, ch->second.value_column,
                                  "channel must be email or sms, not \"" + ch->second.value + "\"");
            step.channel = channel.value_or(Channel::email);
        }
        if (const auto week = section.entries.find("week"); week != section.entries.end()) {
            const auto& w = week->second;
            if (w.value != "current" && w.value != "previous" && !Date::parse(w.value))
                diagnostics.error(
                    file, w.line, w.value_column,
                    "week must be current, previous or YYYY-MM-DD, not \"" + w.value + "\"");
            step.week = w.value;
        }
    } else if (a.value == "deliver") {
        step.action = StepAction::deliver;
        known.push_back("channel");
        step.both_channels = true;
        if (const auto ch = section.entries.find("channel"); ch != section.entries.end()) {
            const auto channel = parse_channel(ch->second.value);
            if (!channel && ch->second.value != "both")
                diagnostics.error(
                    file, ch->second.line, ch->second.value_column,
                    "channel must be email, sms or both, not \"" + ch->second.value + "\"");
            step.both_channels = !channel;
            step.channel = channel.value_or(Channel::email);
        }
    } else if (a.value == "export") {
        step.action = StepAction::export_extracts;
        known.insert(known.end(), {"partner", "out"});
        if (const auto partner = section.entries.find("partner");
            partner != section.entries.end()) {
            if (partner->second.value.empty())
                diagnostics.error(file, partner->second.line, partner->second.value_column,
                                  "partner must be a partner id or name, or all");
            step.partner = partner->second.value;
        }
        if (const auto out = section.entries.find("out"); out != section.entries.end())
            step.out = out->second.value;
    } else {
        diagnostics.error(
            file, a.line, a.value_column,
            "action must be import, build, notify, deliver or export, not \"" + a.value + "\"");
        return;
    }
    refuse_unknown_keys(section, known, file, diagnostics);
    job.steps.push_back(std::move(step));
}

}  // namespace

std::string_view to_code(StepAction action) {
    switch (action) {
        case StepAction::import_bundle:
            return "import";
        case StepAction::build:
            return "build";
        case StepAction::notify:
            return "notify";
        case StepAction::deliver:
            return "deliver";
        case StepAction::export_extracts:
            return "export";
    }
    return "?";
}

bool is_valid_job_name(std::string_view name) {
    return !name.empty() && name.size() <= 100 && std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
    });
}

std::optional<Job> parse_job(std::string_view text, const std::string& file_name,
                             Diagnostics& diagnostics) {
    const std::size_t errors_before = diagnostics.error_count();
    const auto sections = read_ini_sections(text, file_name, diagnostics, " (start with [job])");
    Job job;
    job.file = file_name;
    job.name = std::filesystem::path(file_name).stem().string();
    const Section* header = nullptr;
    std::vector<std::pair<int, const Section*>> steps;
    for (const auto& section : sections) {
        if (section.name == "job") {
            header = &section;
            continue;
        }
        const std::string prefix = "step.";
        if (section.name.rfind(prefix, 0) == 0) {
            const std::string number = section.name.substr(prefix.size());
            if (!number.empty() && number.size() <= 4 &&
                std::all_of(number.begin(), number.end(),
                            [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) &&
                std::stoi(number) > 0) {
                steps.emplace_back(std::stoi(number), &section);
                continue;
            }
        }
        diagnostics.error(file_name, section.line, 2,
                          "unknown section [" + section.name + "] (expected [job] or [step.N])");
    }
    if (!header) {
        diagnostics.error(file_name, 0, 0, "no [job] section");
    } else {
        refuse_unknown_keys(*header,
                            {"name", "description", "schedule", "on_calendar", "time_zone"},
                            file_name, diagnostics);
        const auto& e = header->entries;
        if (const auto name = e.find("name"); name != e.end()) {
            job.name = name->second.value;
            if (!is_valid_job_name(job.name))
                diagnostics.error(file_name, name->second.line, name->second.value_column,
                                  "name may use only letters, digits, - and _ (it names files "
                                  "and systemd units), not \"" +
                                      job.name + "\"");
        }
        if (const auto d = e.find("description"); d != e.end())
            job.description = d->second.value;
        if (const auto tz = e.find("time_zone"); tz != e.end()) {
            job.time_zone = tz->second.value;
            if (!TimeZone::find(job.time_zone))
                diagnostics.error(file_name, tz->second.line, tz->second.value_column,
                                  "unknown time zone \"" + job.time_zone +
                                      "\" (use an IANA name such as America/Detroit)");
        }
        if (const auto s = e.find("schedule"); s != e.end())
            add_schedule(s->second, true, job, file_name, diagnostics);
        if (const auto c = e.find("on_calendar"); c != e.end())
            add_schedule(c->second, false, job, file_name, diagnostics);
    }
    if (!is_valid_job_name(job.name) && (!header || !header->entries.count("name")))
        diagnostics.error(file_name, 0, 0,
                          "the file name makes an invalid job name; set [job] name");
    std::sort(steps.begin(), steps.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 1; i < steps.size(); ++i)
        if (steps[i].first == steps[i - 1].first)
            diagnostics.error(
                file_name, steps[i].second->line, 2,
                "[" + steps[i].second->name + "] repeats step " + std::to_string(steps[i].first));
    for (const auto& [number, section] : steps)
        read_step(*section, number, job, file_name, diagnostics);
    if (steps.empty() && header)
        diagnostics.error(file_name, header->line, 1, "a job needs at least one [step.N]");
    if (diagnostics.error_count() > errors_before)
        return std::nullopt;
    return job;
}

}  // namespace homeroom::jobs
