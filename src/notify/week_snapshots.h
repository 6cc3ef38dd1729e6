// Which snapshots a week's digests read: the data as of the week (`now`) and, to tell what is new,
// the data as of the week before (`before`).
//
//   now     the newest snapshot dated in the ISO week (Monday to Sunday); without one, the newest
//           dated before the week's end. `--as-of` names it instead.
//   before  the newest snapshot dated before the week's Monday (and before `now`): what parents
//           were told about last week. With daily imports, changes still cover the whole week.
//   stale   `now` is older than the week: nothing in it is news for this week (comparing it
//           with an even older snapshot would repeat last week's news), so only standing facts
//           such as courses below passing are shown, and only with send_nothing_new.
#pragma once

#include <optional>
#include <vector>

#include "core/date.h"
#include "store/snapshot_repository.h"

namespace homeroom::notify {

struct WeekSnapshots {
    store::SnapshotInfo now;
    std::optional<store::SnapshotInfo> before;
    bool stale = false;
};

// `snapshots` in any order. nullopt when no snapshot is dated on or before the week's end (or
// none is dated `as_of`, when given).
std::optional<WeekSnapshots> choose_week_snapshots(
    const std::vector<store::SnapshotInfo>& snapshots, Date week, std::optional<Date> as_of);

}  // namespace homeroom::notify
