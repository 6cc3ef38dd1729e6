// When a job runs: a 5-field cron expression or a systemd OnCalendar expression, both reduced to
// the same sets of allowed minutes, hours, days and months, and evaluated in a named time zone.
// Pure: the time zone comes in as a ZoneOffsets (time_zone.h wraps ICU's database).
#pragma once

#include <bitset>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace homeroom::jobs {

// Seconds since 1970-01-01T00:00:00Z.
using UtcSeconds = std::int64_t;

// The zone's offset from UTC (seconds, e.g. -18000 for EST) in effect at a UTC instant.
using ZoneOffsets = std::function<int(UtcSeconds)>;

struct Schedule {
    std::bitset<60> minutes;
    std::bitset<24> hours;
    std::bitset<32> days_of_month;  // 1..31
    std::bitset<13> months;         // 1..12
    std::bitset<7> weekdays;        // 0 = Sunday, as cron counts
    // Cron's rule: when both day fields are restricted (neither starts with '*') a day matches
    // if EITHER matches. Otherwise, and always in OnCalendar, both must match.
    bool day_either = false;
    std::string text;  // as written, for messages and for printing crontab lines back
    bool from_cron = true;

    bool matches_day(int month, int day_of_month, int weekday) const;
};

struct ScheduleError {
    int column = 0;  // 1-based position in the expression
    std::string message;
};

struct ScheduleParse {
    std::optional<Schedule> schedule;
    ScheduleError error;
};

// "30 2 * * 1-5", "*/5 * * * *", "0 7 * * mon", "@daily" ...
ScheduleParse parse_cron(std::string_view text);
// "Mon *-*-* 07:00:00", "*-*-* 02:30", "daily", "weekly", "quarterly" ... (seconds must be 0;
// years must be *; no time zone suffix: the job's time_zone is used).
ScheduleParse parse_on_calendar(std::string_view text);

// The first run strictly after `after`. Local wall times are mapped to instants this way:
// a time skipped by a spring-forward change runs at the first instant after the gap (02:30 on
// the change day runs at 03:00, once); a time repeated by a fall-back change runs at its first
// occurrence only, unless the hour field is "every hour", where both occurrences run (an
// every-5-minutes job keeps its pace through the repeated hour). nullopt when nothing matches
// within 30 years (e.g. "0 0 30 2 *").
std::optional<UtcSeconds> next_run(const Schedule& schedule, UtcSeconds after,
                                   const ZoneOffsets& offsets);

// The schedule as systemd OnCalendar= values (two when cron's either-day rule needs them),
// each ending with the time zone; and as a crontab time field (nullopt when cron cannot say it).
std::vector<std::string> to_on_calendar(const Schedule& schedule, const std::string& time_zone);
std::optional<std::string> to_cron(const Schedule& schedule);

// "2026-03-08 03:00:00" from a UTC instant and an offset; and "2026-03-08T08:00:00Z".
std::string format_local(UtcSeconds instant, int offset_seconds);
std::string format_utc(UtcSeconds instant);
// "2026-03-08T07:00:00Z" or "2026-03-08 07:00" (taken as UTC) → instant.
std::optional<UtcSeconds> parse_utc(std::string_view text);

}  // namespace homeroom::jobs
