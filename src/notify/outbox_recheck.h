// Before a queued digest is handed to a channel, its students are checked again against the
// latest snapshot and opt-outs (the recipient set of the run): a no-contact order, rights
// removed, consent withdrawn or a student who left may have arrived after it was queued.
//
//   - A pending digest of the week being run whose mailbox now gets a different set of students
//     (or is addressed to another contact) is rebuilt in place with the current set; one whose
//     mailbox gets nothing now is cancelled.
//   - A pending digest of another week cannot be rebuilt (its week's news is not at hand): it is
//     cancelled when it names a student its mailbox may no longer hear about. A student who has
//     merely left school since that week does not cancel it (left_school is about the week the
//     message reports on).
// Every rebuild and cancellation carries its reason, e.g.
// "105 no longer named: no_contact_restriction". Pure.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/channel.h"
#include "core/date.h"
#include "notify/recipient_set.h"

namespace homeroom::notify {

struct PendingDigest {
    std::int64_t id = 0;
    std::string contact_id;  // the addressed contact of its key
    std::string recipient;   // the address it goes to
    Date week;
    std::vector<std::string> student_ids;  // sorted; empty: not recorded (queued by an older
                                           // version), so rebuilt when of this week
};

enum class RecheckAction { keep, rebuild, cancel };

struct RecheckDecision {
    RecheckAction action = RecheckAction::keep;
    const Recipient* recipient = nullptr;  // rebuild: what to build it for
    std::string reason;                    // rebuild and cancel
};

class OutboxRecheck {
  public:
    // `now`: the run's recipient set (latest consent); `week`: any day of the week being run.
    OutboxRecheck(const RecipientSet& now, Date week);

    RecheckDecision decide(const PendingDigest& message) const;

  private:
    const Recipient* current_for(const PendingDigest& message) const;
    std::string why_not_named(const std::string& student_id, const Recipient* current,
                              const PendingDigest& message) const;

    const RecipientSet& m_now;
    Date m_week_start;
    std::map<std::string, const Recipient*, std::less<>> m_by_contact, m_by_mailbox;
    // (student, contact) → the reason the link was refused
    std::map<std::pair<std::string, std::string>, RefusalReason> m_refused;
};

}  // namespace homeroom::notify
