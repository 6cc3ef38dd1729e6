#include "jobs/schedule.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

#include "core/ascii_text.h"
#include "core/date.h"

namespace homeroom::jobs {
namespace {

constexpr int k_minute = 60;
constexpr int k_hour = 3600;
constexpr std::int64_t k_day = 86400;
// No zone moves its clock by more than this at once, and no two changes come this close
// together, so a wall time further than this from another maps to an instant on the same side.
constexpr std::int64_t k_max_shift = 4 * k_hour;
constexpr int k_search_years = 30;

constexpr std::array<std::string_view, 12> k_month_names = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<std::string_view, 7> k_day_names = {"sun", "mon", "tue", "wed",
                                                         "thu", "fri", "sat"};
constexpr std::array<std::string_view, 7> k_full_day_names = {
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};

// One field's grammar: its value range, its names, and how a range is written ("-" in cron,
// ".." in OnCalendar).
struct FieldSpec {
    std::string_view label;
    int min = 0;
    int max = 0;
    bool names_are_days = false;
    bool names_are_months = false;
    std::string_view range_separator = "-";
};

struct FieldResult {
    std::uint64_t mask = 0;
    std::optional<ScheduleError> error;
};

std::optional<int> parse_number_or_name(std::string_view token, const FieldSpec& spec) {
    if (token.empty())
        return std::nullopt;
    if (std::all_of(token.begin(), token.end(),
                    [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
        if (token.size() > 4)
            return std::nullopt;
        int value = 0;
        for (char c : token) value = value * 10 + (c - '0');
        return value;
    }
    const std::string name = ascii_lower(token);
    if (spec.names_are_months)
        for (std::size_t i = 0; i < k_month_names.size(); ++i)
            if (name == k_month_names[i])
                return static_cast<int>(i) + 1;
    if (spec.names_are_days)
        for (std::size_t i = 0; i < k_day_names.size(); ++i)
            if (name == k_day_names[i] || name == k_full_day_names[i])
                return static_cast<int>(i);
    return std::nullopt;
}

ScheduleError error_at(int column, std::string message) {
    return ScheduleError{column, std::move(message)};
}

// A comma-separated list of `*`, `N`, `N-M` (or `N..M`), each optionally `/STEP`.
FieldResult parse_field(std::string_view text, const FieldSpec& spec, int column) {
    FieldResult result;
    std::size_t start = 0;
    // Sunday may be written 7 in cron: accept it and fold it onto 0.
    const int max_written = spec.names_are_days && spec.range_separator == "-" ? 7 : spec.max;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string_view item = text.substr(start, comma - start);
        const int item_column = column + static_cast<int>(start);
        const auto fail = [&](const std::string& why) {
            result.error = error_at(item_column, std::string(spec.label) + ": " + why);
            return result;
        };
        if (item.empty())
            return fail("empty value in the list \"" + std::string(text) + "\"");
        std::string_view range = item;
        int step = 1;
        const std::size_t slash = item.find('/');
        if (slash != std::string_view::npos) {
            range = item.substr(0, slash);
            const auto step_value = parse_number_or_name(item.substr(slash + 1), FieldSpec{});
            if (!step_value || *step_value < 1 || *step_value > spec.max - spec.min + 1)
                return fail("step \"" + std::string(item.substr(slash + 1)) +
                            "\" must be a number from 1 to " +
                            std::to_string(spec.max - spec.min + 1));
            step = *step_value;
        }
        int low = spec.min;
        int high = max_written == 7 ? 6 : spec.max;
        if (range != "*") {
            const std::size_t sep = range.find(spec.range_separator);
            const auto first = parse_number_or_name(range.substr(0, sep), spec);
            if (!first || *first < spec.min || *first > max_written)
                return fail("\"" + std::string(range.substr(0, sep)) + "\" is not a value from " +
                            std::to_string(spec.min) + " to " + std::to_string(spec.max));
            low = *first;
            high = slash != std::string_view::npos ? spec.max : low;  // "N/S" runs to the end
            if (sep != std::string_view::npos) {
                const auto last_text = range.substr(sep + spec.range_separator.size());
                const auto last = parse_number_or_name(last_text, spec);
                if (!last || *last < spec.min || *last > max_written)
                    return fail("\"" + std::string(last_text) + "\" is not a value from " +
                                std::to_string(spec.min) + " to " + std::to_string(spec.max));
                high = *last;
                if (high < low)
                    return fail("the range " + std::string(range) +
                                " runs backwards (write it as two ranges)");
            }
        }
        for (int v = low; v <= high; v += step)
            result.mask |= std::uint64_t{1} << (v == 7 && max_written == 7 ? 0 : v);
        if (comma == text.size())
            break;
        start = comma + 1;
    }
    return result;
}

template <std::size_t N>
std::bitset<N> to_bits(std::uint64_t mask) {
    return std::bitset<N>(mask);
}

struct Token {
    std::string_view text;
    int column = 0;
};

std::vector<Token> split_whitespace(std::string_view text) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        const std::size_t start = i;
        while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        if (i > start)
            tokens.push_back({text.substr(start, i - start), static_cast<int>(start) + 1});
    }
    return tokens;
}

ScheduleParse failure(int column, std::string message) {
    ScheduleParse p;
    p.error = error_at(column, std::move(message));
    return p;
}

std::string trim(std::string_view s) {
    const auto tokens = split_whitespace(s);
    std::string out;
    for (const auto& t : tokens) out += (out.empty() ? "" : " ") + std::string(t.text);
    return out;
}

// A wall-clock time (seconds since 1970-01-01 00:00 on the local calendar) mapped to the
// instants at which it occurs: none in a spring-forward gap (then the end of the gap), two in a
// fall-back overlap.
std::vector<UtcSeconds> resolve_wall_time(std::int64_t wall, const ZoneOffsets& offsets,
                                          bool both_occurrences) {
    const int before = offsets(wall - k_day);
    const int after = offsets(wall + k_day);
    const UtcSeconds as_before = wall - before;
    const UtcSeconds as_after = wall - after;
    if (before == after)
        return {as_before};
    const bool before_valid = offsets(as_before) == before;
    const bool after_valid = offsets(as_after) == after;
    if (before_valid && after_valid) {
        std::vector<UtcSeconds> both = {std::min(as_before, as_after),
                                        std::max(as_before, as_after)};
        if (!both_occurrences)
            both.pop_back();
        return both;
    }
    if (before_valid)
        return {as_before};
    if (after_valid)
        return {as_after};
    // In the gap: the change happened between the two readings; find its exact second.
    UtcSeconds lo = std::min(as_before, as_after);  // still on the old offset
    UtcSeconds hi = std::max(as_before, as_after);  // already on the new one
    while (hi - lo > 1) {
        const UtcSeconds mid = lo + (hi - lo) / 2;
        if (offsets(mid) == before)
            lo = mid;
        else
            hi = mid;
    }
    return {hi};
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

std::string two_digits(int v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", v);
    return buf;
}

template <std::size_t N>
std::string value_list(const std::bitset<N>& bits, int min, bool pad) {
    if (bits.count() == static_cast<std::size_t>(N - min))
        return "*";
    std::string out;
    for (std::size_t v = static_cast<std::size_t>(min); v < N; ++v)
        if (bits[v])
            out += (out.empty() ? "" : ",") +
                   (pad ? two_digits(static_cast<int>(v)) : std::to_string(v));
    return out;
}

}  // namespace

bool Schedule::matches_day(int month, int day_of_month, int weekday) const {
    if (!months[static_cast<std::size_t>(month)])
        return false;
    const bool dom = days_of_month[static_cast<std::size_t>(day_of_month)];
    const bool dow = weekdays[static_cast<std::size_t>(weekday)];
    return day_either ? (dom || dow) : (dom && dow);
}

ScheduleParse parse_cron(std::string_view text) {
    const std::string normalized = ascii_lower(trim(text));
    static const std::array<std::pair<std::string_view, std::string_view>, 7> k_macros = {{
        {"@yearly", "0 0 1 1 *"},
        {"@annually", "0 0 1 1 *"},
        {"@monthly", "0 0 1 * *"},
        {"@weekly", "0 0 * * 0"},
        {"@daily", "0 0 * * *"},
        {"@midnight", "0 0 * * *"},
        {"@hourly", "0 * * * *"},
    }};
    for (const auto& [macro, expansion] : k_macros)
        if (normalized == macro) {
            auto p = parse_cron(expansion);
            p.schedule->text = std::string(macro);
            return p;
        }
    if (!normalized.empty() && normalized[0] == '@')
        return failure(1, "unknown shorthand \"" + normalized +
                              "\" (use @hourly, @daily, @weekly, @monthly or @yearly)");

    const auto fields = split_whitespace(text);
    if (fields.size() != 5)
        return failure(1,
                       "a cron schedule has 5 fields (minute hour day-of-month month "
                       "day-of-week), not " +
                           std::to_string(fields.size()));
    static const std::array<FieldSpec, 5> k_specs = {{
        {"minute", 0, 59, false, false, "-"},
        {"hour", 0, 23, false, false, "-"},
        {"day of month", 1, 31, false, false, "-"},
        {"month", 1, 12, false, true, "-"},
        {"day of week", 0, 6, true, false, "-"},
    }};
    std::array<std::uint64_t, 5> masks{};
    for (std::size_t i = 0; i < 5; ++i) {
        const auto r = parse_field(fields[i].text, k_specs[i], fields[i].column);
        if (r.error) {
            ScheduleParse p;
            p.error = *r.error;
            return p;
        }
        masks[i] = r.mask;
    }
    Schedule s;
    s.minutes = to_bits<60>(masks[0]);
    s.hours = to_bits<24>(masks[1]);
    s.days_of_month = to_bits<32>(masks[2]);
    s.months = to_bits<13>(masks[3]);
    s.weekdays = to_bits<7>(masks[4]);
    // As Vixie cron and cronie decide it: a field "restricts" unless it starts with '*'.
    s.day_either = fields[2].text.front() != '*' && fields[4].text.front() != '*';
    s.text = trim(text);
    s.from_cron = true;
    ScheduleParse p;
    p.schedule = std::move(s);
    return p;
}

ScheduleParse parse_on_calendar(std::string_view text) {
    const std::string normalized = ascii_lower(trim(text));
    static const std::array<std::pair<std::string_view, std::string_view>, 9> k_shorthands = {{
        {"minutely", "*-*-* *:*:00"},
        {"hourly", "*-*-* *:00:00"},
        {"daily", "*-*-* 00:00:00"},
        {"weekly", "Mon *-*-* 00:00:00"},
        {"monthly", "*-*-01 00:00:00"},
        {"yearly", "*-01-01 00:00:00"},
        {"annually", "*-01-01 00:00:00"},
        {"quarterly", "*-01,04,07,10-01 00:00:00"},
        {"semiannually", "*-01,07-01 00:00:00"},
    }};
    for (const auto& [name, expansion] : k_shorthands)
        if (normalized == name) {
            auto p = parse_on_calendar(expansion);
            p.schedule->text = std::string(name);
            return p;
        }

    const auto tokens = split_whitespace(text);
    if (tokens.empty())
        return failure(1, "empty calendar expression");
    std::optional<Token> weekday_token, date_token, time_token;
    for (const auto& t : tokens) {
        if (t.text.find(':') != std::string_view::npos && !time_token)
            time_token = t;
        else if (t.text.find('-') != std::string_view::npos && !date_token && !time_token)
            date_token = t;
        else if (std::isalpha(static_cast<unsigned char>(t.text.front())) && !weekday_token &&
                 !date_token && !time_token)
            weekday_token = t;
        else
            return failure(t.column, "unexpected \"" + std::string(t.text) +
                                         "\" (expected [WEEKDAYS] [YEAR-MONTH-DAY] "
                                         "[HH:MM[:SS]]; time zones go in time_zone)");
    }
    Schedule s;
    s.from_cron = false;
    s.day_either = false;
    s.text = trim(text);
    s.weekdays.set();
    s.months.set();
    s.months.reset(0);
    s.days_of_month.set();
    s.days_of_month.reset(0);
    s.hours.reset();
    s.hours.set(0);
    s.minutes.reset();
    s.minutes.set(0);
    const auto field = [](const Token& t, std::string_view part, std::size_t offset,
                          const FieldSpec& spec,
                          std::uint64_t& mask) -> std::optional<ScheduleError> {
        const auto r = parse_field(part, spec, t.column + static_cast<int>(offset));
        if (r.error)
            return r.error;
        mask = r.mask;
        return std::nullopt;
    };
    if (weekday_token) {
        std::uint64_t mask = 0;
        if (auto e = field(*weekday_token, weekday_token->text, 0,
                           {"weekday", 0, 6, true, false, ".."}, mask)) {
            ScheduleParse p;
            p.error = *e;
            return p;
        }
        s.weekdays = to_bits<7>(mask);
    }
    if (date_token) {
        std::vector<std::pair<std::string_view, std::size_t>> parts;
        std::size_t start = 0;
        const auto d = date_token->text;
        while (true) {
            const std::size_t dash = d.find('-', start);
            parts.emplace_back(
                d.substr(start, dash == std::string_view::npos ? d.npos : dash - start), start);
            if (dash == std::string_view::npos)
                break;
            start = dash + 1;
        }
        if (parts.size() != 2 && parts.size() != 3)
            return failure(date_token->column,
                           "a date is YEAR-MONTH-DAY or MONTH-DAY, not \"" + std::string(d) + "\"");
        if (parts.size() == 3) {
            if (parts[0].first != "*")
                return failure(date_token->column, "year: only * is supported, not \"" +
                                                       std::string(parts[0].first) + "\"");
            parts.erase(parts.begin());
        }
        std::uint64_t month_mask = 0, day_mask = 0;
        if (auto e = field(*date_token, parts[0].first, parts[0].second,
                           {"month", 1, 12, false, false, ".."}, month_mask)) {
            ScheduleParse p;
            p.error = *e;
            return p;
        }
        if (auto e = field(*date_token, parts[1].first, parts[1].second,
                           {"day", 1, 31, false, false, ".."}, day_mask)) {
            ScheduleParse p;
            p.error = *e;
            return p;
        }
        s.months = to_bits<13>(month_mask);
        s.days_of_month = to_bits<32>(day_mask);
    }
    if (time_token) {
        const auto t = time_token->text;
        const std::size_t c1 = t.find(':');
        const std::size_t c2 = t.find(':', c1 + 1);
        const auto hour_part = t.substr(0, c1);
        const auto minute_part =
            t.substr(c1 + 1, c2 == std::string_view::npos ? t.npos : c2 - c1 - 1);
        std::uint64_t hour_mask = 0, minute_mask = 0;
        if (auto e =
                field(*time_token, hour_part, 0, {"hour", 0, 23, false, false, ".."}, hour_mask)) {
            ScheduleParse p;
            p.error = *e;
            return p;
        }
        if (auto e = field(*time_token, minute_part, c1 + 1, {"minute", 0, 59, false, false, ".."},
                           minute_mask)) {
            ScheduleParse p;
            p.error = *e;
            return p;
        }
        if (c2 != std::string_view::npos) {
            const auto seconds = t.substr(c2 + 1);
            if (seconds != "00" && seconds != "0")
                return failure(time_token->column + static_cast<int>(c2) + 1,
                               "seconds must be 00 (jobs run on whole minutes), not \"" +
                                   std::string(seconds) + "\"");
        }
        s.hours = to_bits<24>(hour_mask);
        s.minutes = to_bits<60>(minute_mask);
    }
    ScheduleParse p;
    p.schedule = std::move(s);
    return p;
}

std::optional<UtcSeconds> next_run(const Schedule& schedule, UtcSeconds after,
                                   const ZoneOffsets& offsets) {
    const std::int64_t wall_after = after + offsets(after);
    // Candidates this far back may still map after `after` (the repeated hour of a fall-back).
    const std::int64_t wall_start = wall_after - k_max_shift;
    const bool every_hour = schedule.hours.all();
    std::optional<UtcSeconds> best;
    std::int64_t best_wall = 0;
    const std::int64_t first_day = floor_div(wall_start, k_day);
    for (std::int64_t day = first_day; day < first_day + 366 * k_search_years; ++day) {
        if (best && day * k_day > best_wall + k_max_shift)
            break;
        const Date date = Date::from_days(static_cast<std::int32_t>(day));
        const int cron_weekday = (date.weekday() + 1) % 7;
        if (!schedule.matches_day(date.month(), date.day(), cron_weekday))
            continue;
        for (int h = 0; h < 24; ++h) {
            if (!schedule.hours[static_cast<std::size_t>(h)])
                continue;
            for (int m = 0; m < 60; ++m) {
                if (!schedule.minutes[static_cast<std::size_t>(m)])
                    continue;
                const std::int64_t wall = day * k_day + h * k_hour + m * k_minute;
                if (wall < wall_start)
                    continue;
                if (best && wall > best_wall + k_max_shift)
                    return best;
                for (const UtcSeconds instant : resolve_wall_time(wall, offsets, every_hour))
                    if (instant > after && (!best || instant < *best)) {
                        best = instant;
                        best_wall = wall;
                    }
            }
        }
    }
    return best;
}

std::vector<std::string> to_on_calendar(const Schedule& schedule, const std::string& time_zone) {
    static constexpr std::array<std::string_view, 7> k_systemd_days = {"Sun", "Mon", "Tue", "Wed",
                                                                       "Thu", "Fri", "Sat"};
    const std::string time = " " + value_list(schedule.hours, 0, true) + ":" +
                             value_list(schedule.minutes, 0, true) + ":00 " + time_zone;
    const std::string months = value_list(schedule.months, 1, true);
    std::string weekdays;
    if (!schedule.weekdays.all())
        for (int i = 1; i <= 7; ++i)  // Monday first, as systemd prints them
            if (schedule.weekdays[static_cast<std::size_t>(i % 7)])
                weekdays += (weekdays.empty() ? "" : ",") + std::string(k_systemd_days[i % 7]);
    if (schedule.day_either)
        return {weekdays + " *-" + months + "-*" + time,
                "*-" + months + "-" + value_list(schedule.days_of_month, 1, true) + time};
    return {(weekdays.empty() ? "" : weekdays + " ") + "*-" + months + "-" +
            value_list(schedule.days_of_month, 1, true) + time};
}

std::optional<std::string> to_cron(const Schedule& schedule) {
    if (schedule.from_cron)
        return schedule.text;
    if (!schedule.weekdays.all() && schedule.days_of_month.count() != 31)
        return std::nullopt;  // cron would OR the two day fields
    return value_list(schedule.minutes, 0, false) + " " + value_list(schedule.hours, 0, false) +
           " " + value_list(schedule.days_of_month, 1, false) + " " +
           value_list(schedule.months, 1, false) + " " + value_list(schedule.weekdays, 0, false);
}

std::string format_local(UtcSeconds instant, int offset_seconds) {
    const std::int64_t wall = instant + offset_seconds;
    const std::int64_t day = floor_div(wall, k_day);
    const std::int64_t second_of_day = wall - day * k_day;
    char buf[32];
    std::snprintf(buf, sizeof buf, " %02d:%02d:%02d", static_cast<int>(second_of_day / k_hour),
                  static_cast<int>(second_of_day % k_hour / k_minute),
                  static_cast<int>(second_of_day % k_minute));
    return Date::from_days(static_cast<std::int32_t>(day)).to_string() + buf;
}

std::string format_utc(UtcSeconds instant) {
    std::string s = format_local(instant, 0);
    s[10] = 'T';
    return s + "Z";
}

std::optional<UtcSeconds> parse_utc(std::string_view text) {
    if (text.size() < 16)
        return std::nullopt;
    const auto date = Date::parse(text.substr(0, 10));
    if (!date || (text[10] != 'T' && text[10] != ' '))
        return std::nullopt;
    int h = 0, m = 0, s = 0;
    const std::string rest(text.substr(11));
    char zulu = 0;
    const int n = std::sscanf(rest.c_str(), "%2d:%2d:%2d%c", &h, &m, &s, &zulu);
    if (n < 2 || h > 23 || m > 59 || s > 59)
        return std::nullopt;
    return static_cast<UtcSeconds>(date->days()) * k_day + h * k_hour + m * k_minute + s;
}

}  // namespace homeroom::jobs
