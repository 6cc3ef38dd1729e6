#include "notify/outbox_recheck.h"

#include <algorithm>

#include "notify/recipient_address.h"

namespace homeroom::notify {

OutboxRecheck::OutboxRecheck(const RecipientSet& now, Date week)
    : m_now(now), m_week_start(week.week_start()) {
    for (const auto& r : now.recipients) {
        m_by_contact.emplace(r.contact_id, &r);
        m_by_mailbox.emplace(mailbox_key(now.channel, r.address), &r);
    }
    for (const auto& l : now.refused_links)
        m_refused.emplace(std::pair(l.student_id, l.contact_id), l.reason);
}

// The mailbox's message now: the one addressed to the same contact, else the one for the same
// address (a contact with a lower id may now share it and be the one addressed).
const Recipient* OutboxRecheck::current_for(const PendingDigest& m) const {
    if (const auto it = m_by_contact.find(m.contact_id); it != m_by_contact.end())
        return it->second;
    if (const auto it = m_by_mailbox.find(mailbox_key(m_now.channel, m.recipient));
        it != m_by_mailbox.end())
        return it->second;
    return nullptr;
}

std::string OutboxRecheck::why_not_named(const std::string& student_id, const Recipient* current,
                                         const PendingDigest& m) const {
    std::vector<std::string_view> contacts = {m.contact_id};
    if (current)
        contacts.insert(contacts.end(), current->contact_ids.begin(), current->contact_ids.end());
    for (const auto contact : contacts)
        if (const auto it = m_refused.find(std::pair(student_id, std::string(contact)));
            it != m_refused.end())
            return std::string(to_code(it->second));
    return "no longer linked";  // the link or the student is gone from the latest snapshot
}

RecheckDecision OutboxRecheck::decide(const PendingDigest& m) const {
    const Recipient* current = current_for(m);
    const bool this_week = m.week.week_start() == m_week_start;
    auto named_now = [&](const std::string& id) {
        return current &&
               std::binary_search(current->student_ids.begin(), current->student_ids.end(), id);
    };
    std::string removed;
    for (const auto& id : m.student_ids) {
        if (named_now(id))
            continue;
        const std::string why = why_not_named(id, current, m);
        if (!this_week && why == to_code(RefusalReason::left_school))
            continue;
        removed += (removed.empty() ? "" : "; ") + id + " no longer named: " + why;
    }

    RecheckDecision d;
    if (!this_week) {
        if (!removed.empty()) {
            d.action = RecheckAction::cancel;
            d.reason = "cancelled before sending: " + removed;
        }
        return d;
    }
    if (!current) {
        d.action = RecheckAction::cancel;
        d.reason = "cancelled before sending: " +
                   (removed.empty() ? std::string("no longer allowed") : removed);
        return d;
    }
    std::string added;
    for (const auto& id : current->student_ids)
        if (!std::binary_search(m.student_ids.begin(), m.student_ids.end(), id))
            added += (added.empty() ? "" : ", ") + id;
    const bool readdressed =
        current->contact_id != m.contact_id ||
        mailbox_key(m_now.channel, current->address) != mailbox_key(m_now.channel, m.recipient);
    if (m.student_ids.empty()) {
        d.reason = "rebuilt before sending: its students were not recorded";
    } else if (!removed.empty() || !added.empty() || readdressed) {
        d.reason = "rebuilt before sending: " + removed;
        if (!added.empty())
            d.reason += (removed.empty() ? "" : "; ") + std::string("now also ") + added;
        if (readdressed)
            d.reason += (removed.empty() && added.empty() ? "" : "; ") +
                        std::string("addressed to ") + current->contact_id;
    } else {
        return d;  // the same students for the same mailbox: keep the bytes queued
    }
    d.action = RecheckAction::rebuild;
    d.recipient = current;
    return d;
}

}  // namespace homeroom::notify
