#include "notify/quiet_hours.h"

#include <cstdio>

namespace homeroom::notify {
namespace {

constexpr int k_day = 24 * 60;

int local_minute(std::int64_t utc, int offset) {
    const std::int64_t local = utc + offset;
    const std::int64_t in_day = ((local % 86400) + 86400) % 86400;
    return static_cast<int>(in_day / 60);
}

}  // namespace

bool QuietHours::is_quiet(int m) const {
    const int start = start_minute % k_day, end = end_minute % k_day;
    if (start == end)
        return false;
    if (start < end)
        return m >= start && m < end;
    return m >= start || m < end;  // across midnight
}

std::optional<int> parse_minute_of_day(std::string_view t) {
    if (t.size() != 5 || t[2] != ':')
        return std::nullopt;
    for (int i : {0, 1, 3, 4})
        if (t[static_cast<std::size_t>(i)] < '0' || t[static_cast<std::size_t>(i)] > '9')
            return std::nullopt;
    const int h = (t[0] - '0') * 10 + (t[1] - '0');
    const int m = (t[3] - '0') * 10 + (t[4] - '0');
    if (m > 59 || h > 24 || (h == 24 && m != 0))
        return std::nullopt;
    return h * 60 + m;
}

std::string format_minute_of_day(int minute) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", (minute / 60) % 100, minute % 60);
    return buf;
}

std::optional<std::chrono::sys_seconds> quiet_until(const QuietHours& quiet,
                                                    std::chrono::sys_seconds now,
                                                    const UtcOffsetAt& offset_at) {
    const std::int64_t t = now.time_since_epoch().count();
    const int here = local_minute(t, offset_at(t));
    if (!quiet.is_quiet(here))
        return std::nullopt;
    // Minutes from now to the end, in local wall time; then corrected if the offset changes on
    // the way (a DST switch during the night).
    const int end = quiet.end_minute % k_day;
    const int minutes = ((end - here) % k_day + k_day) % k_day;
    const std::int64_t seconds_into_minute = ((t + offset_at(t)) % 60 + 60) % 60;
    std::int64_t candidate = t + std::int64_t{minutes} * 60 - seconds_into_minute;
    candidate += offset_at(t) - offset_at(candidate);
    // Never earlier than a moment that is no longer quiet.
    while (quiet.is_quiet(local_minute(candidate, offset_at(candidate)))) candidate += 60;
    return std::chrono::sys_seconds(std::chrono::seconds(candidate));
}

}  // namespace homeroom::notify
