#include "notify/consent_policy.h"

#include <stdexcept>

#include "notify/recipient_address.h"

namespace homeroom::notify {
namespace {

ConsentDecision refuse(RefusalReason reason) {
    ConsentDecision d;
    d.refusal = reason;
    return d;
}

bool prefers(const Contact& contact, Channel channel) {
    const std::string& p = contact.preferred_channel;
    if (p == "both")
        return true;
    return p == to_code(channel);  // "none" and unknown values match no channel
}

}  // namespace

std::string_view to_code(RefusalReason reason) {
    switch (reason) {
        case RefusalReason::left_school:
            return "left_school";
        case RefusalReason::no_educational_rights:
            return "no_educational_rights";
        case RefusalReason::no_contact_restriction:
            return "no_contact_restriction";
        case RefusalReason::channel_not_preferred:
            return "channel_not_preferred";
        case RefusalReason::no_address:
            return "no_address";
        case RefusalReason::no_channel_consent:
            return "no_channel_consent";
        case RefusalReason::opted_out:
            return "opted_out";
        case RefusalReason::eligible_student_no_consent:
            return "eligible_student_no_consent";
    }
    return "refused";  // unreachable: every enumerator is handled above
}

ConsentDecision decide_consent(const Student& student, const Contact& contact,
                               const StudentContact& link, Channel channel, Date send_date) {
    if (link.student_id != student.id || link.contact_id != contact.id)
        throw std::invalid_argument("decide_consent: the link " + link.student_id + "/" +
                                    link.contact_id + " does not join student " + student.id +
                                    " and contact " + contact.id);
    const bool email = channel == Channel::email;

    if (!link.educational_rights)
        return refuse(RefusalReason::no_educational_rights);
    if (link.no_contact)
        return refuse(RefusalReason::no_contact_restriction);
    if (!prefers(contact, channel))
        return refuse(RefusalReason::channel_not_preferred);
    if (!is_usable_address(channel, email ? contact.email : contact.mobile))
        return refuse(RefusalReason::no_address);
    if (!(email ? contact.email_consent : contact.sms_consent))
        return refuse(RefusalReason::no_channel_consent);
    if (email ? contact.email_opted_out : contact.sms_opted_out)
        return refuse(RefusalReason::opted_out);
    if (needs_student_consent(student, link, send_date))
        return refuse(RefusalReason::eligible_student_no_consent);
    const bool eligible = age_on(student.birth_date, send_date) >= k_age_of_eligibility;

    ConsentDecision d;
    d.allowed = true;
    d.allowed_by = {"educational_rights",
                    "no_restriction",
                    "channel_preference",
                    "address_on_file",
                    email ? "email_consent" : "sms_consent",
                    "not_opted_out",
                    !eligible            ? "minor_student"
                    : is_self_link(link) ? "eligible_student_self"
                                         : "student_consent_18_plus"};
    return d;
}

}  // namespace homeroom::notify
