// A queued digest checked again before it is sent: kept when its mailbox still gets the same
// students, rebuilt when they changed, cancelled when nothing may be sent, each with its reason.
#include "notify/outbox_recheck.h"

#include <gtest/gtest.h>

#include "consent_fixtures.h"

namespace homeroom::notify {
namespace {

using testing::contact;
using testing::link;
using testing::student;

const Date k_send = Date::from_ymd(2026, 6, 14);
const Date k_week = Date::from_ymd(2026, 6, 8);

// Maya (101) and Omar (102) with their mother C01; C02 shares nothing.
struct Family {
    std::vector<Student> students = {student("101", Date::from_ymd(2014, 1, 1)),
                                     student("102", Date::from_ymd(2015, 1, 1))};
    std::vector<Contact> contacts = {contact("C01", "ana@example.org")};
    std::vector<StudentContact> links = {link("101", "C01"), link("102", "C01")};
    RecipientSet now() const {
        return build_recipient_set(students, contacts, links, Channel::email, k_send, k_week);
    }
};

PendingDigest queued(Date week = k_week) {
    return {7, "C01", "ana@example.org", week, {"101", "102"}};
}

TEST(OutboxRecheck, KeepsAMessageWhoseStudentsAreUnchanged) {
    const Family f;
    const auto set = f.now();
    const auto d = OutboxRecheck(set, k_week).decide(queued());
    EXPECT_EQ(d.action, RecheckAction::keep);
    EXPECT_TRUE(d.reason.empty());
}

TEST(OutboxRecheck, RebuildsAMessageAfterANoContactOrderForOneChild) {
    Family f;
    f.links[1].no_contact = true;
    const auto set = f.now();
    const auto d = OutboxRecheck(set, k_week).decide(queued());
    ASSERT_EQ(d.action, RecheckAction::rebuild);
    ASSERT_NE(d.recipient, nullptr);
    EXPECT_EQ(d.recipient->student_ids, (std::vector<std::string>{"101"}));
    EXPECT_EQ(d.reason, "rebuilt before sending: 102 no longer named: no_contact_restriction");
}

TEST(OutboxRecheck, RebuildsAfterRightsRemovedOrTheStudentLeft) {
    Family f;
    f.links[0].educational_rights = false;
    f.students[1].exit_date = Date::from_ymd(2026, 6, 5);
    const auto set = f.now();
    const auto d = OutboxRecheck(set, k_week).decide(queued());
    EXPECT_EQ(d.action, RecheckAction::cancel);
    EXPECT_EQ(d.reason,
              "cancelled before sending: 101 no longer named: no_educational_rights; 102 no "
              "longer named: left_school");
}

TEST(OutboxRecheck, CancelsAMessageWhoseContactWithdrewConsent) {
    Family f;
    f.contacts[0].email_consent = false;
    const auto set = f.now();
    const auto d = OutboxRecheck(set, k_week).decide(queued());
    EXPECT_EQ(d.action, RecheckAction::cancel);
    EXPECT_EQ(d.reason,
              "cancelled before sending: 101 no longer named: no_channel_consent; 102 no longer "
              "named: no_channel_consent");
}

TEST(OutboxRecheck, ALinkGoneFromTheLatestSnapshotIsNoLongerNamed) {
    Family f;
    f.links.pop_back();
    const auto set = f.now();
    const auto d = OutboxRecheck(set, k_week).decide(queued());
    EXPECT_EQ(d.action, RecheckAction::rebuild);
    EXPECT_EQ(d.reason, "rebuilt before sending: 102 no longer named: no longer linked");
}

TEST(OutboxRecheck, RebuildsWhenAChildWasAddedOrTheStudentsWereNotRecorded) {
    Family f;
    f.students.push_back(student("103", Date::from_ymd(2016, 1, 1)));
    f.links.push_back(link("103", "C01"));
    const auto set = f.now();
    const OutboxRecheck recheck(set, k_week);
    EXPECT_EQ(recheck.decide(queued()).reason, "rebuilt before sending: now also 103");
    auto legacy = queued();
    legacy.student_ids.clear();
    EXPECT_EQ(recheck.decide(legacy).action, RecheckAction::rebuild);
    EXPECT_EQ(recheck.decide(legacy).reason,
              "rebuilt before sending: its students were not recorded");
}

TEST(OutboxRecheck, AnotherWeeksMessageIsCancelledNotRebuilt) {
    Family f;
    f.links[1].no_contact = true;
    const auto set = f.now();
    const auto d = OutboxRecheck(set, k_week).decide(queued(Date::from_ymd(2026, 6, 1)));
    EXPECT_EQ(d.action, RecheckAction::cancel);
    EXPECT_EQ(d.reason, "cancelled before sending: 102 no longer named: no_contact_restriction");
}

TEST(OutboxRecheck, LeavingSchoolAfterAnEarlierWeekDoesNotCancelThatWeeksMessage) {
    Family f;
    f.students[1].exit_date = Date::from_ymd(2026, 6, 5);  // after the week of June 1
    const auto set = f.now();
    const auto d = OutboxRecheck(set, k_week).decide(queued(Date::from_ymd(2026, 6, 3)));
    EXPECT_EQ(d.action, RecheckAction::keep);
}

TEST(OutboxRecheck, AMailboxNowAddressedToAnotherContactIsRebuiltForIt) {
    Family f;
    f.contacts.push_back(contact("C00", "Ana@example.org"));  // a lower id shares the address
    f.links.push_back(link("101", "C00"));
    const auto set = f.now();
    auto m = queued();
    m.contact_id = "C09";  // as if queued for a contact no longer in the snapshot
    const auto d = OutboxRecheck(set, k_week).decide(m);
    ASSERT_EQ(d.action, RecheckAction::rebuild);
    EXPECT_EQ(d.recipient->contact_id, "C00");
    EXPECT_EQ(d.reason, "rebuilt before sending: addressed to C00");
}

}  // namespace
}  // namespace homeroom::notify
