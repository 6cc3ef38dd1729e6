#include "jobs/job_file.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/date.h"
#include "jobs/time_zone.h"

namespace homeroom::jobs {
namespace {

struct Entry {
    std::string value;
    int line = 0;
    int key_column = 0;
    int value_column = 0;
};

struct Section {
    std::string name;
    int line = 0;
    std::map<std::string, Entry> entries;
};

std::string_view strip(std::string_view s, int& leading) {
    leading = 0;
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) {
        s.remove_prefix(1);
        ++leading;
    }
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// INI by hand rather than Poco's reader because every value must keep its line and column.
std::vector<Section> read_sections(std::string_view text, const std::string& file,
                                   Diagnostics& diagnostics) {
    std::vector<Section> sections;
    int line_number = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        std::string_view raw = text.substr(start, end - start);
        start = end + 1;
        ++line_number;
        if (!raw.empty() && raw.back() == '\r')
            raw.remove_suffix(1);
        int indent = 0;
        const std::string_view line = strip(raw, indent);
        if (line.empty() || line.front() == ';' || line.front() == '#')
            continue;
        if (line.front() == '[') {
            if (line.back() != ']') {
                diagnostics.error(file, line_number, indent + 1, "a section header ends with ]");
                continue;
            }
            std::string name(line.substr(1, line.size() - 2));
            for (const auto& s : sections)
                if (s.name == name)
                    diagnostics.error(file, line_number, indent + 2,
                                      "[" + name + "] appears twice (first on line " +
                                          std::to_string(s.line) + ")");
            sections.push_back({std::move(name), line_number, {}});
            continue;
        }
        const std::size_t equals = line.find('=');
        if (equals == std::string_view::npos) {
            diagnostics.error(file, line_number, indent + 1, "expected KEY = VALUE");
            continue;
        }
        if (sections.empty()) {
            diagnostics.error(file, line_number, indent + 1,
                              "a setting before any section (start with [job])");
            continue;
        }
        int unused = 0;
        const std::string key(strip(line.substr(0, equals), unused));
        int value_indent = 0;
        std::string_view value = strip(line.substr(equals + 1), value_indent);
        // A trailing " ; comment" is a comment; a ';' inside a value (none of ours have one) is
        // not.
        const std::size_t comment = value.find(" ;");
        if (comment != std::string_view::npos) {
            value = value.substr(0, comment);
            while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back())))
                value.remove_suffix(1);
        }
        auto& entries = sections.back().entries;
        if (entries.count(key)) {
            diagnostics.error(file, line_number, indent + 1,
                              key + " is set twice in [" + sections.back().name + "]");
            continue;
        }
        entries[key] = {std::string(value), line_number, indent + 1,
                        indent + static_cast<int>(equals) + 2 + value_indent};
    }
    return sections;
}

void refuse_unknown_keys(const Section& section, const std::set<std::string>& known,
                         const std::string& file, Diagnostics& diagnostics) {
    for (const auto& [key, entry] : section.entries)
        if (!known.count(key)) {
            std::string list;
            for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
            diagnostics.error(
                file, entry.line, entry.key_column,
                "unknown setting \"" + key + "\" in [" + section.name + "] (known: " + list + ")");
        }
}

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
        diagnostics.error(file, section.line, 1,
                          "[" + section.name + "] needs action = import | build | notify | export");
        return;
    }
    const auto& a = action->second;
    std::set<std::string> known = {"action"};
    if (a.value == "import") {
        step.action = StepAction::import_bundle;
        known.insert("from");
        const auto from = section.entries.find("from");
        if (from == section.entries.end() || from->second.value.empty())
            diagnostics.error(file, section.line, 1,
                              "[" + section.name + "] import needs from = DROP-FOLDER");
        else
            step.from = from->second.value;
    } else if (a.value == "build") {
        step.action = StepAction::build;
        known.insert({"pdf", "out"});
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
        known.insert({"channel", "week"});
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
    } else if (a.value == "export") {
        step.action = StepAction::export_extracts;
        known.insert({"partner", "out"});
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
            "action must be import, build, notify or export, not \"" + a.value + "\"");
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
    const auto sections = read_sections(text, file_name, diagnostics);
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
