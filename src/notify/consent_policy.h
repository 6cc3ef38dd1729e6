// May a message about this student go to this contact on this channel on this date?
// FERPA's rules as the product states them, each explicit: no rule has a default that sends.
//
// Rules, checked in this order; a refusal names the first one that fails:
//   0. left_school                  the student's enrollment ended before the week's Monday
//                                   (checked by recipient_set.h, which knows the week)
//   1. no_educational_rights        the link does not hold educational rights
//   2. no_contact_restriction       a court order / custody restriction forbids contact
//   3. channel_not_preferred        the contact's preferred_channel does not include this
//                                   channel ("both" includes both, "none" and anything
//                                   unrecognised include nothing)
//   4. no_address                   no usable address for the channel (see recipient_address.h)
//   5. no_channel_consent           email_consent / sms_consent is not given
//   6. opted_out                    email_opted_out / sms_opted_out is set (STOP, unsubscribe)
//   7. eligible_student_no_consent  the student is 18 or older on the send date and the link's
//                                   student_consent is not explicitly true (absent = refused);
//                                   the student's own link (relationship "self") needs none
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "core/channel.h"
#include "core/date.h"
#include "core/eligibility.h"
#include "core/records.h"

namespace homeroom::notify {

enum class RefusalReason {
    left_school,
    no_educational_rights,
    no_contact_restriction,
    channel_not_preferred,
    no_address,
    no_channel_consent,
    opted_out,
    eligible_student_no_consent,
};

// In the order the rules are checked.
inline constexpr std::array<RefusalReason, 8> k_refusal_reasons = {
    RefusalReason::left_school,
    RefusalReason::no_educational_rights,
    RefusalReason::no_contact_restriction,
    RefusalReason::channel_not_preferred,
    RefusalReason::no_address,
    RefusalReason::no_channel_consent,
    RefusalReason::opted_out,
    RefusalReason::eligible_student_no_consent};

std::string_view to_code(RefusalReason reason);  // the enumerator's name, e.g. "opted_out"

struct ConsentDecision {
    bool allowed = false;
    // When allowed: the rules that allowed it, in rule order, to be stored with the message:
    // "educational_rights", "no_restriction", "channel_preference", "address_on_file",
    // "email_consent" | "sms_consent", "not_opted_out", then "student_consent_18_plus" for an
    // eligible student's parent, "eligible_student_self" for an eligible student's own link or
    // "minor_student" for a younger one. Static strings.
    std::vector<std::string_view> allowed_by;
    // When refused: the first rule that failed.
    std::optional<RefusalReason> refusal;
};

// `link` must join `student` and `contact` (std::invalid_argument otherwise: a caller bug).
ConsentDecision decide_consent(const Student& student, const Contact& contact,
                               const StudentContact& link, Channel channel, Date send_date);

}  // namespace homeroom::notify
