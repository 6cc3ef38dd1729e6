// Quiet hours: the part of the day, in the district's time zone, when no text message goes out
// ([sms] quiet_start, quiet_end; by default 21:00 to 08:00, so texts go out from 08:00 to
// 21:00). A message due in quiet hours waits in the outbox until they end. Pure: the time zone
// comes in as a function giving its UTC offset at an instant (the app wraps ICU's database,
// jobs/time_zone.h), so DST changes are the caller's zone's business.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace homeroom::notify {

// Seconds east of UTC at a UTC instant (seconds since the epoch).
using UtcOffsetAt = std::function<int(std::int64_t)>;

struct QuietHours {
    int start_minute = 21 * 60;  // minutes after local midnight when quiet begins
    int end_minute = 8 * 60;     // ... and ends; equal to start: no quiet hours at all

    bool none() const { return start_minute == end_minute; }
    // Whether a local time of day (minutes after midnight) is quiet; start inclusive, end not.
    bool is_quiet(int local_minute) const;
};

// "HH:MM", 00:00 to 24:00; nullopt otherwise.
std::optional<int> parse_minute_of_day(std::string_view text);
// "HH:MM".
std::string format_minute_of_day(int minute);

// nullopt when `now` is not in quiet hours; else the first instant after it that is not.
std::optional<std::chrono::sys_seconds> quiet_until(const QuietHours& quiet,
                                                    std::chrono::sys_seconds now,
                                                    const UtcOffsetAt& offset_at);

}  // namespace homeroom::notify
