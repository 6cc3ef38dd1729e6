// A small district with every consent situation, and the exact set of mailboxes that may
// receive this week's email, with refusals counted by reason.
#include "notify/recipient_set.h"

#include <gtest/gtest.h>

#include "consent_fixtures.h"

namespace homeroom::notify {
namespace {

using testing::contact;
using testing::link;
using testing::student;

const Date k_send = Date::from_ymd(2026, 1, 19);
const Date k_week = Date::from_ymd(2026, 1, 12);  // the Monday of the week reported on

struct District {
    std::vector<Student> students;
    std::vector<Contact> contacts;
    std::vector<StudentContact> links;

    Contact& add_contact(const std::string& id, const std::string& email) {
        contacts.push_back(contact(id, email, "+1555123" + std::to_string(1000 + contacts.size())));
        return contacts.back();
    }
    StudentContact& add_link(const std::string& s, const std::string& c) {
        links.push_back(link(s, c));
        return links.back();
    }
};

District fixture() {
    District d;
    d.students = {
        student("S01", Date::from_ymd(2015, 3, 2)),  // siblings S01, S02: two guardians
        student("S02", Date::from_ymd(2012, 9, 9)),
        student("S03", Date::from_ymd(2007, 1, 5)),   // 19: consents for C03 only
        student("S04", Date::from_ymd(2010, 4, 4)),   // a restricted contact shares a mailbox
        student("S05", Date::from_ymd(2013, 7, 7)),   // one contact without rights
        student("S06", Date::from_ymd(2008, 1, 19)),  // turns 18 on the send date
        student("S07", Date::from_ymd(2014, 2, 2)),   // two contacts, one family mailbox
        student("S08", Date::from_ymd(2016, 6, 6)),
        student("S09", Date::from_ymd(2011, 1, 1)),  // parent opted out
        student("S10", Date::from_ymd(2011, 2, 2)),  // one of a shared mailbox opted out
        student("S11", Date::from_ymd(2011, 3, 3)),  // no consent, no address
    };
    d.add_contact("C01", "ana@example.org");
    d.add_contact("C02", "luis@example.org");
    d.add_contact("C03", "maria@example.org");
    d.add_contact("C04", "jose@example.org");
    d.add_contact("C05", "family@example.org");
    d.add_contact("C06", " Family@Example.org");
    d.add_contact("C07", "norights@example.org");
    d.add_contact("C08", "textonly@example.org").preferred_channel = "sms";
    d.add_contact("C09", "home@example.org");
    d.add_contact("C10", "HOME@example.org");
    d.add_contact("C11", "opt@example.org").email_opted_out = true;
    d.add_contact("C12", "shared-opt@example.org").email_opted_out = true;
    d.add_contact("C13", "shared-opt@example.org");
    d.add_contact("C14", "noconsent@example.org").email_consent = false;
    d.add_contact("C15", "");
    d.add_contact("C16", "parent6@example.org");

    d.add_link("S01", "C01");
    d.add_link("S02", "C01");
    d.add_link("S01", "C02");
    d.add_link("S02", "C02");
    d.add_link("S03", "C03").student_consent = true;
    d.add_link("S03", "C04");  // consent not recorded
    d.add_link("S04", "C05");
    d.add_link("S04", "C06").no_contact = true;
    d.add_link("S05", "C07").educational_rights = false;
    d.add_link("S05", "C08");
    d.add_link("S06", "C16");
    d.add_link("S07", "C09");
    d.add_link("S07", "C10");
    d.add_link("S08", "C10");
    d.add_link("S09", "C11");
    d.add_link("S10", "C12");
    d.add_link("S10", "C13");
    d.add_link("S11", "C14");
    d.add_link("S11", "C15");
    d.add_link("S99", "C01");  // a student missing from the snapshot
    return d;
}

struct Expected {
    std::string address, contact_id;
    std::vector<std::string> contact_ids, student_ids;
};

TEST(RecipientSet, GivesTheExactMailboxesAndStudentsForEmail) {
    const auto d = fixture();
    const auto set =
        build_recipient_set(d.students, d.contacts, d.links, Channel::email, k_send, k_week);
    const std::vector<Expected> expected = {
        {"ana@example.org", "C01", {"C01"}, {"S01", "S02"}},
        {"home@example.org", "C09", {"C09", "C10"}, {"S07", "S08"}},
        {"luis@example.org", "C02", {"C02"}, {"S01", "S02"}},
        {"maria@example.org", "C03", {"C03"}, {"S03"}},
    };
    ASSERT_EQ(set.recipients.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto& r = set.recipients[i];
        EXPECT_EQ(r.address, expected[i].address) << i;
        EXPECT_EQ(r.contact_id, expected[i].contact_id) << i;
        EXPECT_EQ(r.contact_ids, expected[i].contact_ids) << i;
        EXPECT_EQ(r.student_ids, expected[i].student_ids) << i;
    }
}

TEST(RecipientSet, CountsEveryRefusedLinkByItsReason) {
    const auto d = fixture();
    const auto set =
        build_recipient_set(d.students, d.contacts, d.links, Channel::email, k_send, k_week);
    EXPECT_EQ(set.refused(RefusalReason::no_educational_rights), 1);   // C07-S05
    EXPECT_EQ(set.refused(RefusalReason::no_contact_restriction), 2);  // C06-S04, C05-S04 shared
    EXPECT_EQ(set.refused(RefusalReason::channel_not_preferred), 1);   // C08-S05
    EXPECT_EQ(set.refused(RefusalReason::no_address), 1);              // C15-S11
    EXPECT_EQ(set.refused(RefusalReason::no_channel_consent), 1);      // C14-S11
    EXPECT_EQ(set.refused(RefusalReason::opted_out), 3);               // C11, C12, C13 shared
    EXPECT_EQ(set.refused(RefusalReason::eligible_student_no_consent), 2);  // C04-S03, C16-S06
    EXPECT_EQ(set.links_allowed, 8);
    EXPECT_EQ(set.links_considered, 19);
    EXPECT_EQ(set.links_considered, set.links_allowed + set.refused_total());
    EXPECT_EQ(set.unknown_links, 1);
}

TEST(RecipientSet, AGrantRecordsWhichContactAllowedWhichStudentAndWhy) {
    const auto d = fixture();
    const auto set =
        build_recipient_set(d.students, d.contacts, d.links, Channel::email, k_send, k_week);
    const auto& home = set.recipients[1];
    ASSERT_EQ(home.grants.size(), 3u);
    EXPECT_EQ(home.grants[0].student_id, "S07");
    EXPECT_EQ(home.grants[0].contact_id, "C09");
    EXPECT_EQ(home.grants[1].contact_id, "C10");
    EXPECT_EQ(home.grants[2].student_id, "S08");
    EXPECT_EQ(format_allowed_by(set.recipients[3]),
              "S03 via C03: educational_rights,no_restriction,channel_preference,"
              "address_on_file,email_consent,not_opted_out,student_consent_18_plus");
    EXPECT_EQ(format_allowed_by(home).substr(0, 30), "S07 via C09: educational_right");
}

TEST(RecipientSet, SmsUsesMobilesSoAFamilyEmailDoesNotMergeTexts) {
    const auto d = fixture();
    const auto set =
        build_recipient_set(d.students, d.contacts, d.links, Channel::sms, k_send, k_week);
    std::vector<std::string> contacts;
    for (const auto& r : set.recipients) contacts.push_back(r.contact_id);
    // C08 prefers SMS; C09 and C10 have their own phones; opted out of email is not of SMS.
    // C05's phone is not the restricted C06's, so S04's news reaches C05 by text.
    EXPECT_EQ(contacts, (std::vector<std::string>{"C01", "C02", "C03", "C05", "C08", "C09", "C10",
                                                  "C11", "C12", "C13", "C14", "C15"}));
    EXPECT_EQ(set.refused(RefusalReason::opted_out), 0);
}

TEST(RecipientSet, ContactsSharingAPhoneGetOneText) {
    District d;
    d.students = {student("S1", Date::from_ymd(2014, 1, 1)),
                  student("S2", Date::from_ymd(2015, 1, 1))};
    d.contacts = {contact("C1", "a@example.org", "+15550000001"),
                  contact("C2", "b@example.org", " +15550000001 ")};
    d.links = {link("S1", "C1"), link("S2", "C2")};
    const auto set =
        build_recipient_set(d.students, d.contacts, d.links, Channel::sms, k_send, k_week);
    ASSERT_EQ(set.recipients.size(), 1u);
    EXPECT_EQ(set.recipients[0].address, "+15550000001");
    EXPECT_EQ(set.recipients[0].student_ids, (std::vector<std::string>{"S1", "S2"}));
}

TEST(RecipientSet, AStudentWhoLeftBeforeTheWeekIsInNobodysDigest) {
    District d;
    d.students = {student("S1", Date::from_ymd(2014, 1, 1)),
                  student("S2", Date::from_ymd(2015, 1, 1)),
                  student("S3", Date::from_ymd(2015, 1, 1))};
    d.students[0].exit_date = Date::from_ymd(2026, 1, 9);   // the Friday before the week
    d.students[1].exit_date = Date::from_ymd(2026, 1, 14);  // mid-week: this is their last week
    d.contacts = {contact("C1", "a@example.org")};
    d.links = {link("S1", "C1"), link("S2", "C1"), link("S3", "C1")};
    const auto set =
        build_recipient_set(d.students, d.contacts, d.links, Channel::email, k_send, k_week);
    ASSERT_EQ(set.recipients.size(), 1u);
    EXPECT_EQ(set.recipients[0].student_ids, (std::vector<std::string>{"S2", "S3"}));
    EXPECT_EQ(set.refused(RefusalReason::left_school), 1);
    ASSERT_EQ(set.refused_links.size(), 1u);
    EXPECT_EQ(set.refused_links[0].student_id, "S1");
    EXPECT_EQ(set.refused_links[0].reason, RefusalReason::left_school);
}

TEST(RecipientSet, AnAdultStudentsOwnLinkNeedsNoConsentFromThemselves) {
    District d;
    d.students = {student("S1", Date::from_ymd(2007, 3, 1))};  // 18 on the send date
    d.contacts = {contact("C1", "me@example.org"), contact("C2", "mom@example.org")};
    d.links = {link("S1", "C1"), link("S1", "C2")};
    d.links[0].relationship = "self";
    const auto set =
        build_recipient_set(d.students, d.contacts, d.links, Channel::email, k_send, k_week);
    ASSERT_EQ(set.recipients.size(), 1u);  // the parent still needs the student's consent
    EXPECT_EQ(set.recipients[0].contact_id, "C1");
    EXPECT_TRUE(set.recipients[0].addressed_to_student());
    EXPECT_EQ(set.refused(RefusalReason::eligible_student_no_consent), 1);
    EXPECT_NE(format_allowed_by(set.recipients[0]).find("eligible_student_self"),
              std::string::npos);
}

TEST(RecipientSet, AParentsMailboxIsNotAddressedToTheStudent) {
    const auto d = fixture();
    const auto set =
        build_recipient_set(d.students, d.contacts, d.links, Channel::email, k_send, k_week);
    for (const auto& r : set.recipients) EXPECT_FALSE(r.addressed_to_student()) << r.address;
}

TEST(RecipientSet, AnEmptySnapshotHasNoRecipients) {
    const auto set = build_recipient_set({}, {}, {}, Channel::email, k_send, k_week);
    EXPECT_TRUE(set.recipients.empty());
    EXPECT_EQ(set.refused_total(), 0);
}

}  // namespace
}  // namespace homeroom::notify
