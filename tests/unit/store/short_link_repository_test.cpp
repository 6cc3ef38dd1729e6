#include "store/short_link_repository.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/errors.h"
#include "temp_dir.h"

namespace homeroom::store {
namespace {

const TimePoint k_now{std::chrono::sys_days{std::chrono::June / 12 / 2026}};

TEST(ShortLinkRepository, RemembersACodeAndFindsItsTarget) {
    testing::TempDir dir;
    Database db(dir / "h.db");
    ShortLinkRepository links(db);
    EXPECT_FALSE(links.find("abcdefgh23"));
    EXPECT_TRUE(links.remember("abcdefgh23", "private/students/t1/en.html", k_now));
    EXPECT_EQ(links.find("abcdefgh23"), "private/students/t1/en.html");
    // The same link again: accepted, nothing changes.
    EXPECT_TRUE(links.remember("abcdefgh23", "private/students/t1/en.html", k_now));
    EXPECT_EQ(links.find("abcdefgh23"), "private/students/t1/en.html");
}

TEST(ShortLinkRepository, ACollisionIsRefusedAndKeepsTheFirstTarget) {
    testing::TempDir dir;
    Database db(dir / "h.db");
    ShortLinkRepository links(db);
    ASSERT_TRUE(links.remember("abcdefgh23", "private/students/t1/en.html", k_now));
    EXPECT_FALSE(links.remember("abcdefgh23", "private/students/t2/en.html", k_now));
    EXPECT_EQ(links.find("abcdefgh23"), "private/students/t1/en.html");
}

TEST(ShortLinkRepository, CollisionsAreFoundInTheTableAndWithinABatch) {
    testing::TempDir dir;
    Database db(dir / "h.db");
    ShortLinkRepository links(db);
    ASSERT_TRUE(links.remember("aaaaaaaaaa", "private/students/t1/en.html", k_now));
    const auto found = links.collisions({{"aaaaaaaaaa", "private/students/t1/en.html"},
                                         {"aaaaaaaaaa", "private/students/t1/en.html"},
                                         {"bbbbbbbbbb", "private/students/t2/en.html"},
                                         {"cccccccccc", "private/students/t3/en.html"},
                                         {"cccccccccc", "private/students/t4/en.html"},
                                         {"aaaaaaaaab", "private/students/t5/en.html"}});
    EXPECT_EQ(found, (std::set<std::string, std::less<>>{"cccccccccc"}));
    EXPECT_EQ(links.collisions({{"aaaaaaaaaa", "private/students/t9/en.html"}}),
              (std::set<std::string, std::less<>>{"aaaaaaaaaa"}));
}

TEST(ShortLinkRepository, OutboxQueuesMessagesAndTheirLinksTogether) {
    testing::TempDir dir;
    Database db(dir / "h.db");
    OutboxRepository outbox(db);
    NewOutboxMessage m;
    m.key = {"C1", *Date::parse("2026-06-08"), "weekly-digest", Channel::sms};
    m.recipient = "+15550100001";
    m.subject = "text gsm-7, 1 segment";
    m.body = "Maya: 1 absence. Details: https://x.example/s/aaaaaaaaaa";
    m.allowed_by = "test";
    EXPECT_EQ(outbox.queue_all({m}, k_now, {{"aaaaaaaaaa", "private/students/t1/en.html"}}), 1u);
    EXPECT_EQ(ShortLinkRepository(db).find("aaaaaaaaaa"), "private/students/t1/en.html");
    // A link that collides: nothing of the batch is queued.
    NewOutboxMessage other = m;
    other.key.contact_id = "C2";
    other.recipient = "+15550100002";
    EXPECT_THROW(outbox.queue_all({other}, k_now,
                                  {{"bbbbbbbbbb", "private/students/t2/en.html"},
                                   {"aaaaaaaaaa", "private/students/t3/en.html"}}),
                 IoError);
    EXPECT_FALSE(outbox.find(other.key));
    EXPECT_FALSE(ShortLinkRepository(db).find("bbbbbbbbbb"));
}

TEST(ShortLinkRepository, TellsWellFormedCodes) {
    EXPECT_TRUE(is_short_link_code("abcdefgh27"));
    EXPECT_FALSE(is_short_link_code("abcdefgh2"));
    EXPECT_FALSE(is_short_link_code("abcdefgh271"));
    EXPECT_FALSE(is_short_link_code("ABCDEFGH27"));
    EXPECT_FALSE(is_short_link_code("abcdefgh18"));
    EXPECT_FALSE(is_short_link_code("abcdefgh/."));
    EXPECT_FALSE(is_short_link_code(""));
}

TEST(ShortLinkRepository, FamilyLinkChoicesRoundTripThroughTheTargetColumn) {
    const std::vector<ShortLinkChoice> choices = {
        {"Maya", "private/students/t1/ar.html"},
        {"Tab\there\nnew line 100% \r<b>", "private/students/t2/ar.html"},
        {"\xD8\xB9\xD9\x85\xD8\xB1", "private/students/t3/ar.html"}};
    const std::string target = encode_short_link_choices(choices);
    EXPECT_EQ(target.rfind("choose:", 0), 0u);
    EXPECT_EQ(std::count(target.begin(), target.end(), '\n'), 2);
    EXPECT_EQ(std::count(target.begin(), target.end(), '\t'), 3);
    EXPECT_EQ(decode_short_link_choices(target), choices);
    // A plain page and malformed lists are not choices.
    EXPECT_FALSE(decode_short_link_choices("private/students/t1/ar.html"));
    EXPECT_FALSE(decode_short_link_choices("choose:"));
    EXPECT_FALSE(decode_short_link_choices("choose:Maya"));
    EXPECT_FALSE(decode_short_link_choices("choose:Maya\t"));
    EXPECT_FALSE(decode_short_link_choices("choose:Ma%4\tpage"));
    EXPECT_FALSE(decode_short_link_choices("choose:Ma%zz\tpage"));

    testing::TempDir dir;
    Database db(dir / "h.db");
    ShortLinkRepository links(db);
    EXPECT_TRUE(links.remember("familyaaaa", target, k_now));
    EXPECT_EQ(links.find("familyaaaa"), target);
    EXPECT_TRUE(links.remember("familyaaaa", target, k_now));  // the same week again
    // Other children under the same code: a collision, never overwritten.
    const std::string other = encode_short_link_choices({choices[0], choices[2]});
    EXPECT_FALSE(links.remember("familyaaaa", other, k_now));
    EXPECT_EQ(links.collisions({{"familyaaaa", other}}).count("familyaaaa"), 1u);
    EXPECT_EQ(links.find("familyaaaa"), target);
}

}  // namespace
}  // namespace homeroom::store
