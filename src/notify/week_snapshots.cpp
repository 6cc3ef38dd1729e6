#include "notify/week_snapshots.h"

namespace homeroom::notify {

std::optional<WeekSnapshots> choose_week_snapshots(
    const std::vector<store::SnapshotInfo>& snapshots, Date week, std::optional<Date> as_of) {
    const Date monday = week.week_start();
    const Date sunday = monday.plus_days(6);
    const store::SnapshotInfo* now = nullptr;
    for (const auto& s : snapshots) {
        const bool fits = as_of ? s.as_of == *as_of : s.as_of <= sunday;
        if (fits && (!now || now->as_of < s.as_of))
            now = &s;
    }
    if (!now)
        return std::nullopt;
    WeekSnapshots out;
    out.now = *now;
    out.stale = now->as_of < monday;
    for (const auto& s : snapshots)
        if (s.as_of < monday && s.as_of < now->as_of &&
            (!out.before || out.before->as_of < s.as_of))
            out.before = s;
    return out;
}

}  // namespace homeroom::notify
