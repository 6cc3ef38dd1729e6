// Who receives a message on a channel, about which students, and why — for a whole snapshot,
// with every refused (contact, student) link counted by reason for the run report.
//
// One message per mailbox per week. Contacts who share an address (two guardians with one
// family email, a phone shared by a household) are one recipient: they would otherwise receive
// the same news twice, and a digest covers all of a mailbox's children anyway. Sharing a
// mailbox also shares its restrictions, because whoever can read the mailbox reads the message:
//   - if anyone using the address is under a no-contact restriction for a student, that
//     student is left out of the mailbox's message (counted as no_contact_restriction);
//   - if anyone using the address opted out of the channel, the mailbox receives nothing
//     (counted as opted_out): an unsubscribe from a mailbox stops mail to that mailbox.
//
// A student whose enrollment ended before the week's Monday is in nobody's digest for that week
// (counted as left_school, before any other rule).
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/channel.h"
#include "core/date.h"
#include "core/records.h"
#include "notify/consent_policy.h"

namespace homeroom::notify {

struct ConsentGrant {
    std::string student_id, contact_id;
    std::vector<std::string_view> allowed_by;  // ConsentDecision::allowed_by
    bool self = false;                         // the student's own link: they are the addressee
};

// A link that was refused, and why: what tells a queued message which of its students it may no
// longer name (outbox_recheck.h).
struct RefusedLink {
    std::string student_id, contact_id;
    RefusalReason reason = RefusalReason::no_educational_rights;
};

struct Recipient {
    std::string address;     // as the addressed contact gave it, trimmed
    std::string contact_id;  // addressed contact (greeting, language, unsubscribe): the lowest id
    std::vector<std::string> contact_ids;  // every allowed contact sharing the address, sorted
    std::vector<std::string> student_ids;  // consented students, sorted, each once
    std::vector<ConsentGrant> grants;      // why each (student, contact) is allowed, sorted
    // Every grant is the student's own link: the digest speaks to the student, not a parent.
    bool addressed_to_student() const;
};

struct RecipientSet {
    Channel channel = Channel::email;
    Date send_date;
    std::vector<Recipient> recipients;                     // sorted by mailbox (see mailbox_key)
    std::array<int, k_refusal_reasons.size()> refusals{};  // indexed by RefusalReason
    int links_considered = 0;  // links whose student and contact are both known
    int links_allowed = 0;     // = links_considered - every refusal
    int unknown_links = 0;     // links naming a student or contact missing from the snapshot
    std::vector<RefusedLink> refused_links;  // in link order

    int refused(RefusalReason reason) const { return refusals[static_cast<std::size_t>(reason)]; }
    int refused_total() const;
};

// `week_start`: the Monday of the week the messages report on (the left_school rule);
// `send_date`: the day the consent rules are checked on (18 or older?).
RecipientSet build_recipient_set(const std::vector<Student>& students,
                                 const std::vector<Contact>& contacts,
                                 const std::vector<StudentContact>& links, Channel channel,
                                 Date send_date, Date week_start);

// The grants as one line to store with the message:
// "S1 via C1: educational_rights,no_restriction,...; S2 via C2: ...".
std::string format_allowed_by(const Recipient& recipient);

}  // namespace homeroom::notify
