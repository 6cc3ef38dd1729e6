// Who a partner may receive data about on a date (docs/partners.md, "Who is included"). Pure.
//
// A student is included in a partner's extract on date D when all of these hold:
//   1. the agreement is in force on D (start_date <= D <= end_date);
//   2. the student is on the partner's roster on D (an entry with start_date <= D and no
//      end_date or D <= end_date);
//   3. consent to share with that partner is in force on D. Only consent recorded on or before D
//      counts, and only from whoever holds the rights on D:
//        - a student under 18 on D: a contact linked to the student with educational_rights and
//          without a no_contact restriction (the student's own record does not count);
//        - a student 18 or older on D (an "eligible student", FERPA): the student's own record
//          (empty contact_id) only; a parent's earlier consent no longer counts.
//      Of those records the latest decides (granted = Y includes, N is a refusal or a
//      withdrawal); on the same date a refusal wins.
// Every exclusion has a reason code, so a run can say how many were left out and why.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/records.h"

namespace homeroom::partners {

enum class AgreementState { in_force, not_started, expired };
std::string_view to_code(AgreementState state);  // "in-force", "not-started", "expired"
AgreementState agreement_state(const Agreement& agreement, Date as_of);

// The agreement that governs a partner's extracts on a date: of the partner's agreements in force,
// the one that started last (then the greatest id). Without one in force, `agreement` is the one
// that explains why (the latest to have ended, else the next to start) or null when the partner
// has no agreement at all.
struct AgreementChoice {
    const Agreement* agreement = nullptr;
    AgreementState state = AgreementState::expired;
    bool in_force() const { return agreement != nullptr && state == AgreementState::in_force; }
};
AgreementChoice choose_agreement(std::span<const Agreement> agreements, std::string_view partner_id,
                                 Date as_of);

enum class Inclusion {
    included,
    agreement_not_started,
    agreement_expired,
    not_on_roster,
    roster_not_started,
    roster_ended,
    no_consent,          // under 18: no consent from a contact with educational rights
    consent_refused,     // the consent in force is a refusal or a withdrawal
    no_student_consent,  // 18 or older: no consent of the student's own
};
inline constexpr int k_inclusion_count = 9;
// "included", "agreement-not-started", ..., "no-student-consent"
std::string_view to_code(Inclusion inclusion);

struct InclusionDecision {
    Inclusion inclusion = Inclusion::not_on_roster;
    // When a consent decided: who gave or refused it ("student" or the contact id) and when.
    std::string consent_by;
    std::optional<Date> consent_date;
    bool included() const { return inclusion == Inclusion::included; }
};

// `rosters`, `links` and `consents` may hold rows of other students and partners: only the
// student's (and the agreement's partner's) are looked at.
InclusionDecision decide_inclusion(const Agreement& agreement, const Student& student,
                                   std::span<const PartnerRosterEntry> rosters,
                                   std::span<const StudentContact> links,
                                   std::span<const PartnerConsent> consents, Date as_of);

}  // namespace homeroom::partners
