// The weekly text: wording, one part per child each ending with its link, and the segment
// budget kept by shortening the news, never a link.
#include "notify/sms_text.h"

#include <gtest/gtest.h>

#include "site/private_token.h"

namespace homeroom::notify {
namespace {

const Date k_week = Date::from_ymd(2026, 6, 8);

ChildWeek child(std::string id, std::string name, int absences, int marks) {
    ChildWeek c;
    c.student_id = std::move(id);
    c.first_name = std::move(name);
    for (int i = 0; i < absences; ++i)
        c.attendance.push_back({k_week.plus_days(i), AttendanceStatus::unexcused, 0});
    for (int i = 0; i < marks; ++i)
        c.new_marks.push_back({"Course number " + std::to_string(i + 1) + " with a long title",
                               "Quarter 4", "C", std::nullopt, false, false});
    c.page_url_prefix = "https://homeroom.example.org/private/students/" + c.student_id + "/";
    c.page_languages = {"en", "es"};
    return c;
}

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

TEST(SmsText, OneChildReadsLikeTheIssueAndEndsWithTheLink) {
    render::EnglishOnly l;
    const ChildWeek maya = child("s1", "Maya", 2, 1);
    const auto t = build_sms_text({"en", {&maya}, 2}, {}, l);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->text,
              "Maya: 2 absences; new mark C in Course number 1 with a long title. Details: "
              "https://homeroom.example.org/private/students/s1/en.html");
    EXPECT_EQ(t->measure.coding, SmsCoding::gsm7);
    EXPECT_EQ(t->measure.segments, 1);
    EXPECT_TRUE(t->has_news);
    EXPECT_FALSE(t->shortened);
}

TEST(SmsText, NothingNewIsNotSentUnlessAskedFor) {
    render::EnglishOnly l;
    const ChildWeek quiet = child("s1", "Maya", 0, 0);
    EXPECT_FALSE(build_sms_text({"en", {&quiet}, 2}, {}, l));
    DigestSettings send;
    send.send_nothing_new = true;
    const auto t = build_sms_text({"en", {&quiet}, 2}, send, l);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->text.rfind("Maya: nothing new this week. Details: ", 0), 0u) << t->text;
}

TEST(SmsText, SeveralChildrenInOrderEachWithItsLink) {
    render::EnglishOnly l;
    const ChildWeek omar = child("s2", "Omar", 1, 0), maya = child("s1", "Maya", 0, 1);
    const auto t = build_sms_text({"en", {&omar, &maya}, 3}, {}, l);
    ASSERT_TRUE(t);
    const auto maya_at = t->text.find("Maya: "), omar_at = t->text.find(" Omar: 1 absence.");
    ASSERT_NE(maya_at, std::string::npos);
    ASSERT_NE(omar_at, std::string::npos) << t->text;
    EXPECT_LT(maya_at, omar_at);
    EXPECT_NE(t->text.find("s1/en.html Omar"), std::string::npos) << t->text;
    EXPECT_TRUE(ends_with(t->text, "s2/en.html"));
}

TEST(SmsText, TheBudgetShortensTheNewsNeverTheLinks) {
    render::EnglishOnly l;
    const ChildWeek maya = child("s1", "Maya", 3, 6), omar = child("s2", "Omar", 1, 4);
    for (int budget = 1; budget <= 3; ++budget) {
        SCOPED_TRACE(budget);
        const auto t = build_sms_text({"en", {&maya, &omar}, budget}, {}, l);
        ASSERT_TRUE(t);
        EXPECT_LE(t->measure.segments, budget) << t->text;
        EXPECT_TRUE(t->shortened);
        EXPECT_FALSE(t->over_budget);
        EXPECT_NE(t->text.find("Maya: "), std::string::npos);
        EXPECT_NE(t->text.find("https://homeroom.example.org/private/students/s1/en.html Omar: "),
                  std::string::npos)
            << t->text;
        EXPECT_TRUE(ends_with(t->text, "https://homeroom.example.org/private/students/s2/en.html"));
        EXPECT_NE(t->text.find("..."), std::string::npos) << "shortening is shown";
    }
    // With room enough nothing is cut.
    const auto all = build_sms_text({"en", {&maya, &omar}, 10}, {}, l);
    EXPECT_FALSE(all->shortened);
    EXPECT_NE(all->text.find("Course number 6"), std::string::npos);
}

TEST(SmsText, AChildWithoutNewsGivesWayFirst) {
    render::EnglishOnly l;
    DigestSettings send;
    send.send_nothing_new = true;
    const ChildWeek maya = child("s1", "Maya", 2, 4), omar = child("s2", "Omar", 0, 0);
    const auto t = build_sms_text({"en", {&maya, &omar}, 2}, send, l);
    ASSERT_TRUE(t);
    EXPECT_LE(t->measure.segments, 2);
    EXPECT_EQ(t->text.find("nothing new"), std::string::npos) << t->text;
    EXPECT_TRUE(
        ends_with(t->text, " Omar: https://homeroom.example.org/private/students/s2/en.html"))
        << t->text;
    EXPECT_NE(t->text.find("Maya: 2 absences; new mark C"), std::string::npos) << t->text;
}

TEST(SmsText, LinksAloneOverTheBudgetAreStillSentWhole) {
    render::EnglishOnly l;
    std::vector<ChildWeek> kids;
    for (int i = 0; i < 4; ++i) kids.push_back(child("student-" + std::to_string(i), "Kid", 1, 1));
    std::vector<const ChildWeek*> ptrs;
    for (const auto& k : kids) ptrs.push_back(&k);
    const auto t = build_sms_text({"en", ptrs, 1}, {}, l);
    ASSERT_TRUE(t);
    EXPECT_TRUE(t->over_budget);
    EXPECT_EQ(t->text.rfind("Kid: https://", 0), 0u) << t->text;  // name and link only
    for (const auto& k : kids)
        EXPECT_NE(t->text.find(k.page_url_prefix + "en.html"), std::string::npos);
}

TEST(SmsText, FittingCountsInTheEncodingThatWillBeUsed) {
    render::EnglishOnly l;
    // A course title with a curly apostrophe: downgraded, so the text stays GSM-7.
    ChildWeek c = child("s1", "Zoë", 1, 0);
    c.new_marks.push_back(
        {"Children\xE2\x80\x99s Literature", "Q4", "A", std::nullopt, false, false});
    auto t = build_sms_text({"en", {&c}, 2}, {}, l);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->measure.coding, SmsCoding::ucs2);  // ë is not GSM-7: UCS-2 keeps the quote
    EXPECT_NE(t->text.find("Children\xE2\x80\x99s"), std::string::npos);
    c.first_name = "Zoe";
    t = build_sms_text({"en", {&c}, 2}, {}, l);
    EXPECT_EQ(t->measure.coding, SmsCoding::gsm7);
    EXPECT_NE(t->text.find("Children's Literature"), std::string::npos);
}

TEST(SmsText, ShortLinksReplaceThePageUrlAndAreListed) {
    render::EnglishOnly l;
    const ChildWeek maya = child("s1", "Maya", 2, 1);
    const SmsShortLinks links{"https://homeroom.example.org", "site-secret"};
    SmsTextRequest request{"en", {&maya}, 2};
    request.short_links = &links;
    const auto t = build_sms_text(request, {}, l);
    ASSERT_TRUE(t);
    const std::string code = site::short_link_code("site-secret", "private/students/s1/en.html");
    EXPECT_EQ(t->text,
              "Maya: 2 absences; new mark C in Course number 1 with a long title. Details: "
              "https://homeroom.example.org/s/" +
                  code);
    ASSERT_EQ(t->links.size(), 1u);
    EXPECT_EQ(t->links[0].code, code);
    EXPECT_EQ(t->links[0].target, "private/students/s1/en.html");
    // Without short links: the full URL, and nothing to record.
    const auto full = build_sms_text({"en", {&maya}, 2}, {}, l);
    EXPECT_TRUE(ends_with(full->text, "https://homeroom.example.org/private/students/s1/en.html"));
    EXPECT_TRUE(full->links.empty());
}

TEST(SmsText, ShortLinksKeepMultiChildUcs2TextsInTheBudget) {
    render::EnglishOnly l;
    // Real page URLs are about 85 characters: two of them alone overflow a 2-part UCS-2 text.
    std::vector<ChildWeek> kids;
    for (const char* id : {"s1", "s2"}) {
        ChildWeek c = child(id, "\xD0\x9B\xD0\xB8\xD0\xBD\xD0\xB0", 2, 2);  // Лина: UCS-2
        c.page_url_prefix =
            "https://homeroom.example.org/private/students/" + std::string(26, id[1]) + "/";
        kids.push_back(std::move(c));
    }
    const std::vector<const ChildWeek*> ptrs = {&kids[0], &kids[1]};
    const auto full = build_sms_text({"en", ptrs, 2}, {}, l);
    ASSERT_TRUE(full);
    EXPECT_EQ(full->measure.coding, SmsCoding::ucs2);
    EXPECT_TRUE(full->over_budget);
    const SmsShortLinks links{"https://homeroom.example.org", "site-secret"};
    SmsTextRequest request{"en", ptrs, 2};
    request.short_links = &links;
    const auto t = build_sms_text(request, {}, l);
    ASSERT_TRUE(t);
    EXPECT_FALSE(t->over_budget) << t->text;
    EXPECT_LE(t->measure.segments, 2);
    ASSERT_EQ(t->links.size(), 2u);
    for (const auto& link : t->links)
        EXPECT_NE(t->text.find("https://homeroom.example.org/s/" + link.code), std::string::npos);
    EXPECT_NE(t->links[0].code, t->links[1].code);
}

}  // namespace
}  // namespace homeroom::notify
