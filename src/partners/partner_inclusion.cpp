#include "partners/partner_inclusion.h"

#include <array>
#include <tuple>

namespace homeroom::partners {

std::string_view to_code(AgreementState state) {
    switch (state) {
        case AgreementState::in_force:
            return "in-force";
        case AgreementState::not_started:
            return "not-started";
        case AgreementState::expired:
            return "expired";
    }
    return "expired";
}

AgreementState agreement_state(const Agreement& agreement, Date as_of) {
    if (as_of < agreement.start_date)
        return AgreementState::not_started;
    if (agreement.end_date < as_of)
        return AgreementState::expired;
    return AgreementState::in_force;
}

AgreementChoice choose_agreement(std::span<const Agreement> agreements, std::string_view partner_id,
                                 Date as_of) {
    const Agreement* in_force = nullptr;
    const Agreement* ended = nullptr;
    const Agreement* upcoming = nullptr;
    for (const Agreement& a : agreements) {
        if (a.partner_id != partner_id)
            continue;
        switch (agreement_state(a, as_of)) {
            case AgreementState::in_force:
                if (!in_force ||
                    std::tie(in_force->start_date, in_force->id) < std::tie(a.start_date, a.id))
                    in_force = &a;
                break;
            case AgreementState::expired:
                if (!ended || std::tie(ended->end_date, ended->id) < std::tie(a.end_date, a.id))
                    ended = &a;
                break;
            case AgreementState::not_started:
                if (!upcoming ||
                    std::tie(a.start_date, a.id) < std::tie(upcoming->start_date, upcoming->id))
                    upcoming = &a;
                break;
        }
    }
    if (in_force)
        return {in_force, AgreementState::in_force};
    if (ended)
        return {ended, AgreementState::expired};
    if (upcoming)
        return {upcoming, AgreementState::not_started};
    return {};
}

std::string_view to_code(Inclusion inclusion) {
    static constexpr std::array<std::string_view, k_inclusion_count> k_codes = {
        "included",      "agreement-not-started", "agreement-expired",
        "not-on-roster", "roster-not-started",    "roster-ended",
        "no-consent",    "consent-refused",       "no-student-consent"};
    return k_codes[static_cast<std::size_t>(inclusion)];
}

InclusionDecision decide_inclusion(const Agreement& agreement, const Student& student,
                                   std::span<const PartnerRosterEntry> rosters,
                                   std::span<const StudentContact> links,
                                   std::span<const PartnerConsent> consents, Date as_of) {
    InclusionDecision d;
    switch (agreement_state(agreement, as_of)) {
        case AgreementState::not_started:
            d.inclusion = Inclusion::agreement_not_started;
            return d;
        case AgreementState::expired:
            d.inclusion = Inclusion::agreement_expired;
            return d;
        case AgreementState::in_force:
            break;
    }

    bool on_roster = false, ended = false, upcoming = false;
    for (const auto& r : rosters) {
        if (r.student_id != student.id || r.partner_id != agreement.partner_id)
            continue;
        if (as_of < r.start_date)
            upcoming = true;
        else if (r.end_date && *r.end_date < as_of)
            ended = true;
        else
            on_roster = true;
    }
    if (!on_roster) {
        d.inclusion = ended      ? Inclusion::roster_ended
                      : upcoming ? Inclusion::roster_not_started
                                 : Inclusion::not_on_roster;
        return d;
    }

    const bool eligible_student = age_on(student.birth_date, as_of) >= 18;
    const auto may_consent = [&](const PartnerConsent& c) {
        if (eligible_student)
            return c.contact_id.empty();
        if (c.contact_id.empty())
            return false;
        for (const auto& link : links)
            if (link.student_id == student.id && link.contact_id == c.contact_id)
                return link.educational_rights && !link.no_contact;
        return false;
    };
    const PartnerConsent* deciding = nullptr;
    for (const auto& c : consents) {
        if (c.student_id != student.id || c.partner_id != agreement.partner_id || as_of < c.date ||
            !may_consent(c))
            continue;
        // The latest decides; on the same date a refusal wins (then the smallest contact id, so
        // the answer does not depend on row order).
        if (!deciding || deciding->date < c.date ||
            (deciding->date == c.date &&
             std::tie(c.granted, c.contact_id) < std::tie(deciding->granted, deciding->contact_id)))
            deciding = &c;
    }
    if (!deciding) {
        d.inclusion = eligible_student ? Inclusion::no_student_consent : Inclusion::no_consent;
        return d;
    }
    d.consent_by = deciding->contact_id.empty() ? "student" : deciding->contact_id;
    d.consent_date = deciding->date;
    d.inclusion = deciding->granted ? Inclusion::included : Inclusion::consent_refused;
    return d;
}

}  // namespace homeroom::partners
