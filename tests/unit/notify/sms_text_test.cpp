// The weekly text: wording, one part per child each ending with its link, and the segment
// budget kept by shortening the news, never a link.
#include "notify/sms_text.h"

#include <gtest/gtest.h>

#include <algorithm>

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

// Three children with Arabic names (UCS-2): names and three short links alone need more than the
// 134 units of two parts; one family link for all of them fits.
std::vector<ChildWeek> arabic_children(int count) {
    const char* names[] = {"\xD9\x85\xD8\xB1\xD9\x8A\xD9\x85",   // مريم
                           "\xD8\xB9\xD9\x85\xD8\xB1",           // عمر
                           "\xD9\x84\xD9\x8A\xD9\x84\xD9\x89"};  // ليلى
    std::vector<ChildWeek> kids;
    for (int i = 0; i < count; ++i) {
        ChildWeek c = child("s" + std::to_string(i + 1), names[i], 2, 2);
        c.page_url_prefix = "https://homeroom.example.org/private/students/" +
                            std::string(26, static_cast<char>('a' + i)) + "/";
        c.page_languages = {"en", "ar"};
        kids.push_back(std::move(c));
    }
    return kids;
}

TEST(SmsText, AThreeChildUcs2FamilyFitsWithOneFamilyLink) {
    render::EnglishOnly l;
    const auto kids = arabic_children(3);
    const std::vector<const ChildWeek*> ptrs = {&kids[0], &kids[1], &kids[2]};
    const SmsShortLinks links{"https://homeroom.example.org", "site-secret"};
    SmsTextRequest request{"en", ptrs, 2};
    request.short_links = &links;
    // Without a contact (no family link), names and three links alone are over budget.
    const auto per_child = build_sms_text(request, {}, l);
    ASSERT_TRUE(per_child);
    EXPECT_TRUE(per_child->over_budget);
    EXPECT_FALSE(per_child->family_link);
    EXPECT_EQ(per_child->links.size(), 3u);

    request.contact_id = "c-17";
    request.week = "2026-06-08";
    const auto t = build_sms_text(request, {}, l);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->measure.coding, SmsCoding::ucs2);
    EXPECT_LE(t->measure.segments, 2) << t->text;
    EXPECT_FALSE(t->over_budget) << t->text;
    EXPECT_TRUE(t->family_link);
    EXPECT_TRUE(t->shortened);
    const std::string code = site::family_link_code("site-secret", "c-17", "2026-06-08");
    EXPECT_TRUE(ends_with(t->text, " https://homeroom.example.org/s/" + code)) << t->text;
    // One link only, named once; every child is named.
    EXPECT_EQ(t->text.find("https://"), t->text.rfind("https://")) << t->text;
    for (const auto& k : kids) EXPECT_NE(t->text.find(k.first_name), std::string::npos);
    ASSERT_EQ(t->links.size(), 1u);
    EXPECT_EQ(t->links[0].code, code);
    const auto choices = store::decode_short_link_choices(t->links[0].target);
    ASSERT_TRUE(choices);
    ASSERT_EQ(choices->size(), 3u);
    // In the text's order (ordered_children), each child's page in the contact's language.
    for (std::size_t i = 0; i < 3; ++i) {
        const auto& choice = (*choices)[i];
        const auto kid = std::find_if(kids.begin(), kids.end(), [&](const ChildWeek& k) {
            return k.first_name == choice.label;
        });
        ASSERT_NE(kid, kids.end()) << choice.label;
        EXPECT_EQ("https://homeroom.example.org/" + choice.target,
                  kid->page_url_prefix + "en.html");
        if (i > 0) {
            EXPECT_LT(t->text.find((*choices)[i - 1].label), t->text.find(choice.label));
        }
    }
    // Some news is still there: the family link leaves room for it.
    EXPECT_NE(t->text.find("absences"), std::string::npos) << t->text;
}

TEST(SmsText, ATwoChildTextThatFitsKeepsOneLinkPerChild) {
    render::EnglishOnly l;
    const auto kids = arabic_children(2);
    const std::vector<const ChildWeek*> ptrs = {&kids[0], &kids[1]};
    const SmsShortLinks links{"https://homeroom.example.org", "site-secret"};
    SmsTextRequest request{"en", ptrs, 2};
    request.short_links = &links;
    request.contact_id = "c-17";
    request.week = "2026-06-08";
    const auto t = build_sms_text(request, {}, l);
    ASSERT_TRUE(t);
    EXPECT_FALSE(t->over_budget);
    EXPECT_FALSE(t->family_link);
    ASSERT_EQ(t->links.size(), 2u);
    for (const auto& link : t->links) {
        EXPECT_NE(t->text.find("https://homeroom.example.org/s/" + link.code), std::string::npos);
        EXPECT_FALSE(store::decode_short_link_choices(link.target));
    }
    EXPECT_TRUE(ends_with(t->text, "/s/" + t->links[1].code));
}

TEST(SmsText, TheFamilyLinkOnlyWhenNamesAndLinksAloneAreOneUnitOver) {
    render::EnglishOnly set;
    const render::Localizer& l = set.get("en");
    const std::string family = "https://homeroom.example.org/s/familyaaaa";
    // "Л: <41-char link> М: <link> Н: <link>" is 3 * (1 + 2 + 41) + 2 = 134 UCS-2 units: two
    // parts exactly.
    auto parts_named = [](std::vector<std::string> names) {
        std::vector<SmsChildPart> parts;
        const char* codes[] = {"aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc"};
        for (std::size_t i = 0; i < names.size(); ++i)
            parts.push_back(
                {names[i], {}, std::string("https://homeroom.example.org/s/") + codes[i]});
        return parts;
    };
    const auto fits = fit_sms_text(parts_named({"\xD0\x9B", "\xD0\x9C", "\xD0\x9D"}), 2, l, family);
    EXPECT_EQ(fits.measure.units, 134u) << fits.text;
    EXPECT_EQ(fits.measure.segments, 2);
    EXPECT_FALSE(fits.family_link);
    EXPECT_FALSE(fits.over_budget);
    EXPECT_TRUE(ends_with(fits.text, "/s/cccccccccc"));
    // One more unit: the family link.
    const auto over =
        fit_sms_text(parts_named({"\xD0\x9B", "\xD0\x9C\xD0\x9C", "\xD0\x9D"}), 2, l, family);
    EXPECT_TRUE(over.family_link);
    EXPECT_FALSE(over.over_budget);
    EXPECT_EQ(over.text,
              "\xD0\x9B: nothing new this week. \xD0\x9C\xD0\x9C: nothing new this week. "
              "\xD0\x9D: nothing new this week. Details: " +
                  family);
    EXPECT_EQ(over.measure.segments, 2);
    // Without a family URL the same parts are over budget, sent whole.
    const auto whole =
        fit_sms_text(parts_named({"\xD0\x9B", "\xD0\x9C\xD0\x9C", "\xD0\x9D"}), 2, l);
    EXPECT_TRUE(whole.over_budget);
    EXPECT_FALSE(whole.family_link);
    // A single child never gets a family link.
    auto one = parts_named({std::string(200, 'x')});
    const auto single = fit_sms_text(std::move(one), 1, l, family);
    EXPECT_TRUE(single.over_budget);
    EXPECT_FALSE(single.family_link);
}

// Audit E.20: Arabic news for three children was cut a character at a time until the text was
// GSM-7 (Latin names and links only) and fit; the family form keeps Arabic news in 2 segments.
TEST(SmsText, TheFamilyLinkWinsWhenOneLinkPerChildWouldLoseAllTheNews) {
    render::EnglishOnly set;
    const render::Localizer& l = set.get("en");
    const std::string family = "https://homeroom.example.org/s/familyaaaa";
    const std::string absences = "\xD8\xBA\xD9\x8A\xD8\xA7\xD8\xA8\xD8\xA7\xD9\x86";  // غيابان
    std::vector<SmsChildPart> parts;
    const char* names[] = {"Mahdi", "Noor", "Sara"};
    const char* codes[] = {"aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc"};
    for (int i = 0; i < 3; ++i)
        parts.push_back(
            {names[i], {absences}, std::string("https://homeroom.example.org/s/") + codes[i]});
    // With one link per child only, everything Arabic goes: GSM-7, names and links.
    const auto alone = fit_sms_text(parts, 2, l);
    EXPECT_FALSE(alone.over_budget);
    EXPECT_EQ(alone.measure.coding, SmsCoding::gsm7) << alone.text;
    EXPECT_EQ(alone.text.find(absences), std::string::npos) << alone.text;

    const auto t = fit_sms_text(parts, 2, l, family);
    EXPECT_TRUE(t.family_link) << t.text;
    EXPECT_FALSE(t.over_budget);
    EXPECT_EQ(t.measure.coding, SmsCoding::ucs2);
    EXPECT_LE(t.measure.segments, 2);
    EXPECT_EQ(t.text, "Mahdi: " + absences + ". Noor: " + absences + ". Sara: " + absences +
                          ". Details: " + family);
}

}  // namespace
}  // namespace homeroom::notify
