#include "partners/partner_inclusion.h"

#include <gtest/gtest.h>

namespace homeroom::partners {
namespace {

Date d(const char* text) {
    return *Date::parse(text);
}

Agreement agreement() {
    Agreement a;
    a.id = "A1";
    a.partner_id = "P";
    a.purpose = "Homework help";
    a.fields = {"name", "grade"};
    a.start_date = d("2025-08-01");
    a.end_date = d("2026-07-31");
    return a;
}

Student student(const char* id, const char* birth = "2015-01-01") {
    Student s;
    s.id = id;
    s.birth_date = d(birth);
    return s;
}

PartnerRosterEntry roster(const char* student, const char* start, const char* end = nullptr,
                          const char* partner = "P") {
    PartnerRosterEntry r;
    r.partner_id = partner;
    r.student_id = student;
    r.start_date = d(start);
    if (end)
        r.end_date = d(end);
    return r;
}

StudentContact link(const char* student, const char* contact, bool rights = true,
                    bool no_contact = false) {
    StudentContact l;
    l.student_id = student;
    l.contact_id = contact;
    l.relationship = "mother";
    l.educational_rights = rights;
    l.no_contact = no_contact;
    return l;
}

PartnerConsent consent(const char* student, const char* contact, bool granted, const char* date,
                       const char* partner = "P") {
    PartnerConsent c;
    c.student_id = student;
    c.partner_id = partner;
    c.contact_id = contact;
    c.granted = granted;
    c.date = d(date);
    return c;
}

const Date k_as_of = *Date::parse("2026-01-16");

TEST(AgreementState, InForceOnBothEndDates) {
    const auto a = agreement();
    EXPECT_EQ(agreement_state(a, d("2025-07-31")), AgreementState::not_started);
    EXPECT_EQ(agreement_state(a, d("2025-08-01")), AgreementState::in_force);
    EXPECT_EQ(agreement_state(a, d("2026-07-31")), AgreementState::in_force);
    EXPECT_EQ(agreement_state(a, d("2026-08-01")), AgreementState::expired);
    EXPECT_EQ(to_code(AgreementState::not_started), "not-started");
}

TEST(ChooseAgreement, PrefersInForceThenLatestEndedThenNextToStart) {
    auto old_one = agreement();
    old_one.id = "A0";
    old_one.start_date = d("2024-08-01");
    old_one.end_date = d("2025-06-30");
    auto current = agreement();
    auto next = agreement();
    next.id = "A2";
    next.start_date = d("2026-08-01");
    next.end_date = d("2027-07-31");
    auto other = agreement();
    other.id = "B1";
    other.partner_id = "Q";
    const std::vector<Agreement> all = {old_one, current, next, other};

    auto c = choose_agreement(all, "P", k_as_of);
    ASSERT_TRUE(c.in_force());
    EXPECT_EQ(c.agreement->id, "A1");
    c = choose_agreement(all, "P", d("2026-08-01"));
    ASSERT_TRUE(c.in_force());
    EXPECT_EQ(c.agreement->id, "A2");
    const std::vector<Agreement> between = {old_one, next};
    c = choose_agreement(between, "P", k_as_of);  // an ended one explains before a future one
    EXPECT_EQ(c.state, AgreementState::expired);
    EXPECT_EQ(c.agreement->id, "A0");
    const std::vector<Agreement> future = {next};
    c = choose_agreement(future, "P", k_as_of);
    EXPECT_FALSE(c.in_force());
    EXPECT_EQ(c.agreement->id, "A2");
    EXPECT_EQ(c.state, AgreementState::not_started);
    const std::vector<Agreement> past = {old_one};
    c = choose_agreement(past, "P", k_as_of);
    EXPECT_EQ(c.state, AgreementState::expired);
    EXPECT_EQ(c.agreement->id, "A0");
    c = choose_agreement(all, "nobody", k_as_of);
    EXPECT_EQ(c.agreement, nullptr);
    EXPECT_FALSE(c.in_force());
}

TEST(ChooseAgreement, OverlappingAgreementsTakeTheLatestStart) {
    auto a = agreement();
    auto b = agreement();
    b.id = "A-later";
    b.start_date = d("2025-12-01");
    const std::vector<Agreement> all = {b, a};
    EXPECT_EQ(choose_agreement(all, "P", k_as_of).agreement->id, "A-later");
}

struct Case {
    Inclusion expected;
    std::string consent_by;
};

InclusionDecision decide(const Student& s, std::vector<PartnerRosterEntry> rosters,
                         std::vector<StudentContact> links, std::vector<PartnerConsent> consents,
                         Date as_of = k_as_of) {
    return decide_inclusion(agreement(), s, rosters, links, consents, as_of);
}

TEST(DecideInclusion, OnRosterWithParentConsentIsIncluded) {
    const auto r = decide(student("1"), {roster("1", "2025-09-01")}, {link("1", "C1")},
                          {consent("1", "C1", true, "2025-09-01")});
    EXPECT_EQ(r.inclusion, Inclusion::included);
    EXPECT_TRUE(r.included());
    EXPECT_EQ(r.consent_by, "C1");
    EXPECT_EQ(r.consent_date, d("2025-09-01"));
}

TEST(DecideInclusion, RosterDates) {
    const std::vector<StudentContact> links = {link("1", "C1")};
    const std::vector<PartnerConsent> yes = {consent("1", "C1", true, "2025-09-01")};
    EXPECT_EQ(decide(student("1"), {}, links, yes).inclusion, Inclusion::not_on_roster);
    EXPECT_EQ(decide(student("1"), {roster("1", "2025-09-01", nullptr, "Q")}, links, yes).inclusion,
              Inclusion::not_on_roster);
    EXPECT_EQ(decide(student("1"), {roster("2", "2025-09-01")}, links, yes).inclusion,
              Inclusion::not_on_roster);
    EXPECT_EQ(decide(student("1"), {roster("1", "2026-02-01")}, links, yes).inclusion,
              Inclusion::roster_not_started);
    EXPECT_EQ(decide(student("1"), {roster("1", "2025-09-01", "2026-01-15")}, links, yes).inclusion,
              Inclusion::roster_ended);
    // The last day on the roster and the first both count.
    EXPECT_TRUE(
        decide(student("1"), {roster("1", "2025-09-01", "2026-01-16")}, links, yes).included());
    EXPECT_TRUE(decide(student("1"), {roster("1", "2026-01-16")}, links, yes).included());
    // Left and came back.
    EXPECT_TRUE(decide(student("1"),
                       {roster("1", "2025-09-01", "2025-10-01"), roster("1", "2025-11-01")}, links,
                       yes)
                    .included());
}

TEST(DecideInclusion, AgreementOutsideItsDatesIncludesNobody) {
    const auto s = student("1");
    const std::vector<PartnerRosterEntry> r = {roster("1", "2025-01-01")};
    const std::vector<StudentContact> l = {link("1", "C1")};
    const std::vector<PartnerConsent> c = {consent("1", "C1", true, "2025-01-01")};
    EXPECT_EQ(decide_inclusion(agreement(), s, r, l, c, d("2025-07-31")).inclusion,
              Inclusion::agreement_not_started);
    EXPECT_EQ(decide_inclusion(agreement(), s, r, l, c, d("2026-08-01")).inclusion,
              Inclusion::agreement_expired);
}

TEST(DecideInclusion, ConsentRules) {
    const auto s = student("1");
    const std::vector<PartnerRosterEntry> r = {roster("1", "2025-09-01")};
    EXPECT_EQ(decide(s, r, {link("1", "C1")}, {}).inclusion, Inclusion::no_consent);
    EXPECT_EQ(decide(s, r, {link("1", "C1")}, {consent("1", "C1", false, "2025-09-01")}).inclusion,
              Inclusion::consent_refused);
    // Withdrawn later.
    EXPECT_EQ(
        decide(s, r, {link("1", "C1")},
               {consent("1", "C1", true, "2025-09-01"), consent("1", "C1", false, "2025-12-01")})
            .inclusion,
        Inclusion::consent_refused);
    // Refused, then given.
    EXPECT_TRUE(
        decide(s, r, {link("1", "C1")},
               {consent("1", "C1", false, "2025-09-01"), consent("1", "C1", true, "2025-12-01")})
            .included());
    // Consent recorded after the as-of date does not count yet.
    EXPECT_EQ(decide(s, r, {link("1", "C1")}, {consent("1", "C1", true, "2026-01-17")}).inclusion,
              Inclusion::no_consent);
    // Consent for another partner does not count.
    EXPECT_EQ(
        decide(s, r, {link("1", "C1")}, {consent("1", "C1", true, "2025-09-01", "Q")}).inclusion,
        Inclusion::no_consent);
    // Only a contact with educational rights and no restriction may consent.
    EXPECT_EQ(
        decide(s, r, {link("1", "C1", false)}, {consent("1", "C1", true, "2025-09-01")}).inclusion,
        Inclusion::no_consent);
    EXPECT_EQ(decide(s, r, {link("1", "C1", true, true)}, {consent("1", "C1", true, "2025-09-01")})
                  .inclusion,
              Inclusion::no_consent);
    // A contact linked to another student only.
    EXPECT_EQ(decide(s, r, {link("2", "C1")}, {consent("1", "C1", true, "2025-09-01")}).inclusion,
              Inclusion::no_consent);
    // A minor's own consent does not count.
    EXPECT_EQ(decide(s, r, {link("1", "C1")}, {consent("1", "", true, "2025-09-01")}).inclusion,
              Inclusion::no_consent);
}

TEST(DecideInclusion, SameDayRefusalWins) {
    const auto s = student("1");
    const std::vector<PartnerRosterEntry> r = {roster("1", "2025-09-01")};
    const std::vector<StudentContact> l = {link("1", "C1"), link("1", "C2")};
    EXPECT_EQ(
        decide(s, r, l,
               {consent("1", "C1", true, "2025-09-01"), consent("1", "C2", false, "2025-09-01")})
            .inclusion,
        Inclusion::consent_refused);
    EXPECT_EQ(
        decide(s, r, l,
               {consent("1", "C2", false, "2025-09-01"), consent("1", "C1", true, "2025-09-01")})
            .inclusion,
        Inclusion::consent_refused);
    // A later consent by the other parent decides.
    const auto later = decide(
        s, r, l, {consent("1", "C1", false, "2025-09-01"), consent("1", "C2", true, "2025-10-01")});
    EXPECT_TRUE(later.included());
    EXPECT_EQ(later.consent_by, "C2");
}

TEST(DecideInclusion, EighteenOrOlderNeedsTheirOwnConsent) {
    // 18 on 2026-01-10, before the as-of date.
    const auto adult = student("9", "2008-01-10");
    const std::vector<PartnerRosterEntry> r = {roster("9", "2025-09-01")};
    const std::vector<StudentContact> l = {link("9", "C9")};
    EXPECT_EQ(decide(adult, r, l, {consent("9", "C9", true, "2025-09-01")}).inclusion,
              Inclusion::no_student_consent);
    const auto own = decide(adult, r, l, {consent("9", "", true, "2026-01-10")});
    EXPECT_TRUE(own.included());
    EXPECT_EQ(own.consent_by, "student");
    EXPECT_EQ(decide(adult, r, l, {consent("9", "", false, "2026-01-10")}).inclusion,
              Inclusion::consent_refused);
    // The day before the 18th birthday the parent's consent still counts.
    EXPECT_TRUE(
        decide(adult, r, l, {consent("9", "C9", true, "2025-09-01")}, d("2026-01-09")).included());
}

TEST(DecideInclusion, ReasonCodes) {
    EXPECT_EQ(to_code(Inclusion::included), "included");
    EXPECT_EQ(to_code(Inclusion::roster_ended), "roster-ended");
    EXPECT_EQ(to_code(Inclusion::no_student_consent), "no-student-consent");
}

}  // namespace
}  // namespace homeroom::partners
