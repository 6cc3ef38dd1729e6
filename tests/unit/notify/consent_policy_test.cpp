// Each rule of the consent policy on its own, their order, and the 18th birthday around the
// send date.
#include "notify/consent_policy.h"

#include <gtest/gtest.h>

#include "consent_fixtures.h"

namespace homeroom::notify {
namespace {

using testing::contact;
using testing::link;
using testing::student;

const Date k_send = Date::from_ymd(2026, 1, 19);
const Date k_child_birth = Date::from_ymd(2012, 5, 3);

struct Case {
    Student s = student("S1", k_child_birth);
    Contact c = contact("C1", "ana@example.org", "+15551230001");
    StudentContact l = link("S1", "C1");
    ConsentDecision decide(Channel ch = Channel::email, Date on = k_send) const {
        return decide_consent(s, c, l, ch, on);
    }
};

std::optional<RefusalReason> refusal(const ConsentDecision& d) {
    EXPECT_EQ(d.allowed, !d.refusal.has_value());
    EXPECT_EQ(d.allowed, !d.allowed_by.empty());
    return d.refusal;
}

TEST(ConsentPolicy, AllowsAMinorsParentWithEveryConsentAndRecordsWhy) {
    const auto d = Case{}.decide();
    ASSERT_TRUE(d.allowed);
    EXPECT_EQ(d.allowed_by,
              (std::vector<std::string_view>{"educational_rights", "no_restriction",
                                             "channel_preference", "address_on_file",
                                             "email_consent", "not_opted_out", "minor_student"}));
    const auto sms = Case{}.decide(Channel::sms);
    ASSERT_TRUE(sms.allowed);
    EXPECT_EQ(sms.allowed_by[4], "sms_consent");
}

TEST(ConsentPolicy, RefusesContactWithoutEducationalRights) {
    Case k;
    k.l.educational_rights = false;
    EXPECT_EQ(refusal(k.decide()), RefusalReason::no_educational_rights);
    EXPECT_EQ(refusal(k.decide(Channel::sms)), RefusalReason::no_educational_rights);
}

TEST(ConsentPolicy, RefusesContactUnderNoContactRestriction) {
    Case k;
    k.l.no_contact = true;
    EXPECT_EQ(refusal(k.decide()), RefusalReason::no_contact_restriction);
    EXPECT_EQ(refusal(k.decide(Channel::sms)), RefusalReason::no_contact_restriction);
}

TEST(ConsentPolicy, SendsOnlyOnAPreferredChannel) {
    Case k;
    k.c.preferred_channel = "email";
    EXPECT_TRUE(k.decide(Channel::email).allowed);
    EXPECT_EQ(refusal(k.decide(Channel::sms)), RefusalReason::channel_not_preferred);
    k.c.preferred_channel = "sms";
    EXPECT_EQ(refusal(k.decide(Channel::email)), RefusalReason::channel_not_preferred);
    EXPECT_TRUE(k.decide(Channel::sms).allowed);
    k.c.preferred_channel = "both";
    EXPECT_TRUE(k.decide(Channel::email).allowed);
    EXPECT_TRUE(k.decide(Channel::sms).allowed);
}

TEST(ConsentPolicy, PreferenceNoneOrAnythingUnknownSendsNothing) {
    for (const char* preference : {"none", "", "Email", "BOTH", "mail", "all"}) {
        Case k;
        k.c.preferred_channel = preference;
        EXPECT_EQ(refusal(k.decide(Channel::email)), RefusalReason::channel_not_preferred)
            << preference;
        EXPECT_EQ(refusal(k.decide(Channel::sms)), RefusalReason::channel_not_preferred)
            << preference;
    }
}

TEST(ConsentPolicy, RefusesAChannelWithoutAUsableAddress) {
    Case k;
    k.c.email = "";
    EXPECT_EQ(refusal(k.decide(Channel::email)), RefusalReason::no_address);
    EXPECT_TRUE(k.decide(Channel::sms).allowed);
    k.c.email = "not-an-address";
    EXPECT_EQ(refusal(k.decide(Channel::email)), RefusalReason::no_address);
    k.c.email = "eve@example.org\r\nBcc: x@example.com";
    EXPECT_EQ(refusal(k.decide(Channel::email)), RefusalReason::no_address);
    k.c.email = "  ana@example.org ";  // blanks around are not a different address
    EXPECT_TRUE(k.decide(Channel::email).allowed);
    k.c.mobile = "";
    EXPECT_EQ(refusal(k.decide(Channel::sms)), RefusalReason::no_address);
    k.c.mobile = "5551230001";
    EXPECT_EQ(refusal(k.decide(Channel::sms)), RefusalReason::no_address);
}

TEST(ConsentPolicy, RefusesAChannelWithoutConsentForIt) {
    Case k;
    k.c.email_consent = false;
    EXPECT_EQ(refusal(k.decide(Channel::email)), RefusalReason::no_channel_consent);
    EXPECT_TRUE(k.decide(Channel::sms).allowed);
    k.c.email_consent = true;
    k.c.sms_consent = false;
    EXPECT_TRUE(k.decide(Channel::email).allowed);
    EXPECT_EQ(refusal(k.decide(Channel::sms)), RefusalReason::no_channel_consent);
}

TEST(ConsentPolicy, RefusesAChannelTheContactOptedOutOf) {
    Case k;
    k.c.email_opted_out = true;
    EXPECT_EQ(refusal(k.decide(Channel::email)), RefusalReason::opted_out);
    EXPECT_TRUE(k.decide(Channel::sms).allowed);
    k.c.email_opted_out = false;
    k.c.sms_opted_out = true;
    EXPECT_TRUE(k.decide(Channel::email).allowed);
    EXPECT_EQ(refusal(k.decide(Channel::sms)), RefusalReason::opted_out);
}

TEST(ConsentPolicy, AnEligibleStudentMustHaveConsentedExplicitly) {
    Case k;
    k.s.birth_date = Date::from_ymd(2007, 6, 1);  // 18 on the send date
    k.l.student_consent = std::nullopt;           // not recorded
    EXPECT_EQ(refusal(k.decide()), RefusalReason::eligible_student_no_consent);
    k.l.student_consent = false;
    EXPECT_EQ(refusal(k.decide()), RefusalReason::eligible_student_no_consent);
    k.l.student_consent = true;
    const auto d = k.decide();
    ASSERT_TRUE(d.allowed);
    EXPECT_EQ(d.allowed_by.back(), "student_consent_18_plus");
}

TEST(ConsentPolicy, AnEligibleStudentsOwnLinkNeedsNoConsentFromThemselves) {
    Case k;
    k.s.birth_date = Date::from_ymd(2007, 6, 1);  // 18 on the send date
    k.l.relationship = "self";
    k.l.student_consent = std::nullopt;  // nobody asks a student to consent to their own news
    const auto d = k.decide();
    ASSERT_TRUE(d.allowed);
    EXPECT_EQ(d.allowed_by.back(), "eligible_student_self");
    k.l.educational_rights = false;  // the other rules still hold
    EXPECT_EQ(refusal(k.decide()), RefusalReason::no_educational_rights);
}

TEST(ConsentPolicy, AMinorsOwnRecordedRefusalDoesNotApplyBefore18) {
    Case k;
    k.l.student_consent = false;  // recorded early; FERPA rights are still the parents'
    EXPECT_TRUE(k.decide().allowed);
}

TEST(ConsentPolicy, RightsPassToTheStudentOnThe18thBirthdayItself) {
    Case k;
    k.s.birth_date = Date::from_ymd(2008, 1, 19);  // 18 on k_send exactly
    k.l.student_consent = std::nullopt;
    EXPECT_TRUE(k.decide(Channel::email, Date::from_ymd(2026, 1, 18)).allowed);  // the day before
    EXPECT_EQ(refusal(k.decide(Channel::email, k_send)),
              RefusalReason::eligible_student_no_consent);  // the birthday
    EXPECT_EQ(refusal(k.decide(Channel::email, Date::from_ymd(2026, 1, 20))),
              RefusalReason::eligible_student_no_consent);  // the day after
}

TEST(ConsentPolicy, ALeapDayBirthdayCountsFromTheFirstOfMarchInCommonYears) {
    Case k;
    k.s.birth_date = Date::from_ymd(2008, 2, 29);
    EXPECT_TRUE(k.decide(Channel::email, Date::from_ymd(2026, 2, 28)).allowed);
    EXPECT_EQ(refusal(k.decide(Channel::email, Date::from_ymd(2026, 3, 1))),
              RefusalReason::eligible_student_no_consent);
    // 18 is not a multiple of 4, so an 18th birthday never falls on a 29 February; a child
    // born the day before or after is unaffected.
    k.s.birth_date = Date::from_ymd(2008, 2, 28);
    EXPECT_EQ(refusal(k.decide(Channel::email, Date::from_ymd(2026, 2, 28))),
              RefusalReason::eligible_student_no_consent);
    k.s.birth_date = Date::from_ymd(2008, 3, 1);
    EXPECT_TRUE(k.decide(Channel::email, Date::from_ymd(2026, 2, 28)).allowed);
    EXPECT_EQ(refusal(k.decide(Channel::email, Date::from_ymd(2026, 3, 1))),
              RefusalReason::eligible_student_no_consent);
}

TEST(ConsentPolicy, AnAdultStudentsConsentAllowsOnlyWhatTheOtherRulesAllow) {
    Case k;
    k.s.birth_date = Date::from_ymd(2000, 1, 1);
    k.l.student_consent = true;
    k.c.email_opted_out = true;
    EXPECT_EQ(refusal(k.decide()), RefusalReason::opted_out);
}

TEST(ConsentPolicy, TheFirstFailingRuleInTheDocumentedOrderIsTheReason) {
    Case k;
    k.s.birth_date = Date::from_ymd(2000, 1, 1);  // eligible, no consent recorded
    k.c.email_opted_out = true;
    EXPECT_EQ(refusal(k.decide()), RefusalReason::opted_out);
    k.c.email_consent = false;
    EXPECT_EQ(refusal(k.decide()), RefusalReason::no_channel_consent);
    k.c.email = "";
    EXPECT_EQ(refusal(k.decide()), RefusalReason::no_address);
    k.c.preferred_channel = "sms";
    EXPECT_EQ(refusal(k.decide()), RefusalReason::channel_not_preferred);
    k.l.no_contact = true;
    EXPECT_EQ(refusal(k.decide()), RefusalReason::no_contact_restriction);
    k.l.educational_rights = false;
    EXPECT_EQ(refusal(k.decide()), RefusalReason::no_educational_rights);
}

TEST(ConsentPolicy, ALinkThatDoesNotJoinTheRecordsIsACallerBug) {
    Case k;
    k.l.student_id = "S2";
    EXPECT_THROW(k.decide(), std::invalid_argument);
    Case m;
    m.l.contact_id = "C2";
    EXPECT_THROW(m.decide(), std::invalid_argument);
}

TEST(ConsentPolicy, ReasonCodesAreStableAndDistinct) {
    const std::vector<std::string_view> expected = {"left_school",
                                                    "no_educational_rights",
                                                    "no_contact_restriction",
                                                    "channel_not_preferred",
                                                    "no_address",
                                                    "no_channel_consent",
                                                    "opted_out",
                                                    "eligible_student_no_consent"};
    ASSERT_EQ(k_refusal_reasons.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(to_code(k_refusal_reasons[i]), expected[i]);
        EXPECT_EQ(static_cast<std::size_t>(k_refusal_reasons[i]), i);
    }
}

}  // namespace
}  // namespace homeroom::notify
