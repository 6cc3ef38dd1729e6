// The weekly digest's content: what each child's section says, the nothing-new rule, the
// language (subject, plurals, right to left), links and escaping. Rendered with the shipped
// templates and catalogs.
#include "notify/digest.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "core/diagnostics.h"
#include "render/catalog_localizer.h"
#include "render/untrusted_text.h"

namespace homeroom::notify {
namespace {

const std::filesystem::path k_root = std::filesystem::path(HOMEROOM_TEST_DATA) / ".." / "..";
const Date k_week = Date::from_ymd(2026, 6, 10);  // a Wednesday: the week of Monday June 8

const render::TemplateSet& templates() {
    static const render::TemplateSet set(k_root / "templates");
    return set;
}

const render::LocalizerSet& catalogs() {
    static const auto set = [] {
        Diagnostics diagnostics;
        return render::CatalogLocalizerSet::load(k_root / "locales", diagnostics);
    }();
    return *set;
}

const render::LocalizerSet& english_only() {
    static const render::EnglishOnly set;
    return set;
}

ChildWeek child(std::string id, std::string first, std::string last = "Pérez") {
    ChildWeek c;
    c.student_id = std::move(id);
    c.first_name = std::move(first);
    c.last_name = std::move(last);
    c.page_url_prefix = "https://homeroom.example.org/private/students/tok" + c.student_id + "/";
    c.page_languages = {"en", "es"};
    return c;
}

ChildWeek with_absence(ChildWeek c) {
    c.attendance.push_back({Date::from_ymd(2026, 6, 9), AttendanceStatus::unexcused, 0});
    return c;
}

DigestRequest request(std::vector<const ChildWeek*> children, std::string language = "en") {
    DigestRequest r;
    r.week = k_week;
    r.recipient_name = "Ana Pérez";
    r.language = std::move(language);
    r.children = std::move(children);
    r.district_name = "Riverside Public Schools";
    r.unsubscribe_url = "https://homeroom.example.org/unsubscribe?t=1.abc.def";
    return r;
}

Digest build(const DigestRequest& r, const render::LocalizerSet& set = english_only(),
             DigestSettings settings = {}) {
    auto d = build_digest(r, settings, set, templates());
    if (!d)
        throw std::runtime_error("no digest");
    return *d;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

TEST(Digest, SubjectNamesEveryChildByFirstNameInTheWeekOfItsMonday) {
    const auto maya = with_absence(child("101", "Maya"));
    const auto omar = child("102", "Omar");
    const auto lina = child("103", "Lina", "Haddad");
    const render::EnglishLocalizer en;
    // Shown by first name, whatever the order of the request.
    EXPECT_EQ(digest_subject(request({&omar, &maya}), en),
              "Weekly update: Maya and Omar — week of June 8, 2026");
    EXPECT_EQ(digest_subject(request({&omar}), en), "Weekly update: Omar — week of June 8, 2026");
    EXPECT_EQ(digest_subject(request({&omar, &maya, &lina}), en),
              "Weekly update: Lina, Maya and Omar — week of June 8, 2026");
    EXPECT_EQ(build(request({&omar, &maya})).subject,
              "Weekly update: Maya and Omar — week of June 8, 2026");
}

TEST(Digest, ANameThatLooksLikeAPlaceholderStaysText) {
    const render::EnglishLocalizer en;
    EXPECT_EQ(join_names({"{{list}}", "{{name}}", "Omar"}, en), "{{list}}, {{name}} and Omar");
    const auto odd = with_absence(child("101", "{{names}}"));
    EXPECT_EQ(digest_subject(request({&odd}), en),
              "Weekly update: {{names}} — week of June 8, 2026");
}

TEST(Digest, AWeekWithNothingNewGivesNoMessageUnlessConfigured) {
    auto quiet = child("101", "Maya");
    // A course already below passing is shown, but is not news by itself.
    quiet.failing_marks.push_back({"Mathematics 3", "Quarter 4", "F", 40.0, true, false});
    EXPECT_FALSE(quiet.has_news());
    EXPECT_FALSE(build_digest(request({&quiet}), {}, english_only(), templates()));

    const auto d = build(request({&quiet}), english_only(), {.send_nothing_new = true});
    EXPECT_FALSE(d.has_news);
    EXPECT_TRUE(has(d.text_body, "Nothing new this week.")) << d.text_body;
    EXPECT_TRUE(has(d.text_body, "Courses below passing\n  - Mathematics 3: F (40%) (Quarter 4)"))
        << d.text_body;
}

TEST(Digest, OneChildWithNewsSendsTheMessageForAllChildren) {
    const auto maya = with_absence(child("101", "Maya"));
    const auto omar = child("102", "Omar");
    const auto d = build(request({&maya, &omar}));
    EXPECT_TRUE(d.has_news);
    EXPECT_TRUE(has(d.text_body, "== Maya Pérez ==\n\nAttendance this week: 1 absence\n"))
        << d.text_body;
    EXPECT_TRUE(has(d.text_body, "== Omar Pérez ==\nNothing new this week.\n")) << d.text_body;
    EXPECT_LT(d.text_body.find("Maya Pérez"), d.text_body.find("Omar Pérez"));
}

TEST(Digest, AttendanceListsEachDayWithItsDateAndCountsWithPlurals) {
    auto maya = child("101", "Maya");
    maya.attendance = {{Date::from_ymd(2026, 6, 8), AttendanceStatus::excused, 0},
                       {Date::from_ymd(2026, 6, 9), AttendanceStatus::unexcused, 0},
                       {Date::from_ymd(2026, 6, 11), AttendanceStatus::tardy, 10}};
    const auto d = build(request({&maya}));
    EXPECT_TRUE(has(d.text_body,
                    "Attendance this week: 2 absences, 1 late arrival\n"
                    "  - Monday, June 8, 2026: Absent (excused)\n"
                    "  - Tuesday, June 9, 2026: Absent (unexcused)\n"
                    "  - Thursday, June 11, 2026: Late\n"))
        << d.text_body;
    EXPECT_TRUE(has(d.html_body, "<li>Thursday, June 11, 2026: Late</li>")) << d.html_body;

    auto late_only = child("102", "Omar");
    late_only.attendance = {{Date::from_ymd(2026, 6, 9), AttendanceStatus::tardy, 5},
                            {Date::from_ymd(2026, 6, 10), AttendanceStatus::partial, 60}};
    EXPECT_TRUE(
        has(build(request({&late_only})).text_body, "Attendance this week: 2 late arrivals\n"));
}

TEST(Digest, MarksSayWhichAreNewChangedAndBelowPassing) {
    auto omar = child("102", "Omar");
    omar.new_marks = {{"Mathematics 5", "Quarter 4", "F", 52.0, true, false},
                      {"Reading and Writing 5", "Quarter 3", "B", std::nullopt, false, true},
                      {"Science 5", "Quarter 4", "", 87.5, false, false}};
    const auto d = build(request({&omar}));
    EXPECT_TRUE(has(d.text_body,
                    "New marks\n"
                    "  - Mathematics 5: F (52%) (Quarter 4) · below passing\n"
                    "  - Reading and Writing 5: B (Quarter 3) · changed\n"
                    "  - Science 5: 87.5% (Quarter 4)\n"))
        << d.text_body;
    EXPECT_TRUE(has(d.html_body, "<strong>F (52%)</strong>")) << d.html_body;
}

TEST(Digest, IncidentsAndEarlyWarningChanges) {
    auto lina = child("103", "Lina", "Haddad");
    lina.new_incidents = {{Date::from_ymd(2026, 6, 10), "disruption"}};
    lina.flag_changes = {
        {metrics::WarningFlag::course_performance, metrics::FlagChangeKind::raised},
        {metrics::WarningFlag::attendance, metrics::FlagChangeKind::cleared}};
    const auto d = build(request({&lina}));
    EXPECT_TRUE(has(d.text_body, "Behavior incidents\n  - Wednesday, June 10, 2026: Disruption\n"))
        << d.text_body;
    EXPECT_TRUE(has(d.text_body,
                    "Early-warning indicators\n"
                    "  - New early-warning indicator: Course performance\n"
                    "  - Back on track: Attendance\n"))
        << d.text_body;
}

TEST(Digest, EveryChildLinksToItsPrivatePageAndTheFooterToUnsubscribe) {
    const auto maya = with_absence(child("101", "Maya"));
    const auto d = build(request({&maya}));
    EXPECT_TRUE(has(d.text_body,
                    "See Maya's full progress report:\n"
                    "https://homeroom.example.org/private/students/tok101/en.html\n"))
        << d.text_body;
    EXPECT_TRUE(has(d.html_body,
                    "<a href=\"https://homeroom.example.org/private/students/tok101/en.html\""));
    EXPECT_TRUE(has(d.text_body,
                    "Unsubscribe from these emails: "
                    "https://homeroom.example.org/unsubscribe?t=1.abc.def\n"));
    EXPECT_TRUE(has(d.html_body, "href=\"https://homeroom.example.org/unsubscribe?t=1.abc.def\""));
}

TEST(Digest, AnAdultStudentsOwnDigestDoesNotCallThemAParent) {
    const auto maya = with_absence(child("101", "Maya"));
    auto r = request({&maya});
    const std::string parent = "because you are a parent or guardian";
    const std::string own = "because these are your own school records";
    EXPECT_TRUE(has(build(r).text_body, parent));
    r.addressed_to_student = true;
    const auto d = build(r);
    EXPECT_FALSE(has(d.text_body, parent)) << d.text_body;
    EXPECT_FALSE(has(d.html_body, parent));
    EXPECT_TRUE(has(d.text_body, own)) << d.text_body;
    EXPECT_TRUE(has(d.html_body, own));
    r.language = "es";
    EXPECT_TRUE(has(build(r, catalogs()).text_body, "son sus propios registros escolares"));
}

TEST(Digest, ThePageLinkIsInTheRecipientsLanguageWhenTheSiteHasIt) {
    const auto maya = with_absence(child("101", "Maya"));  // pages in en and es
    EXPECT_EQ(child_page_url(maya, "es"), maya.page_url_prefix + "es.html");
    EXPECT_EQ(child_page_url(maya, "ar"), maya.page_url_prefix + "en.html");
    EXPECT_TRUE(has(build(request({&maya}, "es"), catalogs()).html_body, "tok101/es.html"));
    EXPECT_TRUE(has(build(request({&maya}, "ar"), catalogs()).html_body, "tok101/en.html"));
}

TEST(Digest, SpanishDigestIsSpanishThroughout) {
    auto maya = with_absence(child("101", "Maya"));
    maya.attendance.push_back({Date::from_ymd(2026, 6, 10), AttendanceStatus::excused, 0});
    const auto omar = child("102", "Omar");
    const auto d = build(request({&maya, &omar}, "es"), catalogs());
    EXPECT_EQ(d.language, "es");
    EXPECT_FALSE(d.right_to_left);
    EXPECT_EQ(d.subject, "Resumen semanal: Maya y Omar — semana del 8 de junio de 2026");
    EXPECT_TRUE(has(d.text_body, "2 ausencias")) << d.text_body;
    EXPECT_TRUE(has(d.text_body, "martes, 9 de junio de 2026")) << d.text_body;
    EXPECT_TRUE(has(d.html_body, "<html lang=\"es\" dir=\"ltr\">"));
    EXPECT_FALSE(has(d.text_body, "Nothing new")) << d.text_body;
}

TEST(Digest, ArabicDigestIsRightToLeftWithArabicPluralsAndDigits) {
    auto lina = child("103", "Lina", "Haddad");
    lina.attendance = {{Date::from_ymd(2026, 6, 8), AttendanceStatus::excused, 0},
                       {Date::from_ymd(2026, 6, 9), AttendanceStatus::excused, 0}};
    const auto d = build(request({&lina}, "ar"), catalogs());
    EXPECT_EQ(d.language, "ar");
    EXPECT_TRUE(d.right_to_left);
    EXPECT_TRUE(has(d.html_body, "<html lang=\"ar\" dir=\"rtl\">"));
    EXPECT_TRUE(has(d.html_body, "text-align:right"));
    EXPECT_TRUE(has(d.text_body, "غيابان")) << d.text_body;  // the dual: "two absences"
    EXPECT_TRUE(has(d.subject, "٨ يونيو ٢٠٢٦")) << d.subject;
    EXPECT_TRUE(has(d.subject, "Lina")) << d.subject;
}

TEST(Digest, ALanguageTheSiteDoesNotShipGetsEnglish) {
    const auto daniel = with_absence(child("201", "Daniel", "Kim"));
    const auto d = build(request({&daniel}, "ko"), catalogs());
    EXPECT_EQ(d.language, "en");
    EXPECT_EQ(d.subject, "Weekly update: Daniel — week of June 8, 2026");
    EXPECT_TRUE(has(d.html_body, "tok201/en.html"));
}

TEST(Digest, NamesAreEscapedInHtmlAndPlainInText) {
    auto odd = with_absence(child("101", "<b>Zoë</b>", "O'Brien & \"Co\""));
    odd.new_marks = {{"Art & <Design>", "Q4", "A", std::nullopt, false, false}};
    auto r = request({&odd});
    r.recipient_name = "Ana <script>alert(1)</script>";
    const auto d = build(r);
    EXPECT_FALSE(has(d.html_body, "<b>Zoë")) << d.html_body;
    EXPECT_FALSE(has(d.html_body, "<script>")) << d.html_body;
    EXPECT_TRUE(has(d.html_body, "&lt;b&gt;Zoë&lt;/b&gt; O&#39;Brien &amp; &quot;Co&quot;"));
    EXPECT_TRUE(has(d.html_body, "Art &amp; &lt;Design&gt;"));
    EXPECT_TRUE(has(d.text_body, "== <b>Zoë</b> O'Brien & \"Co\" ==")) << d.text_body;
    EXPECT_TRUE(has(d.text_body, "Hello Ana <script>alert(1)</script>,")) << d.text_body;
    EXPECT_TRUE(has(d.text_body, "  - Art & <Design>: A (Q4)\n")) << d.text_body;
    EXPECT_FALSE(has(d.text_body, "&amp;"));
}

TEST(Digest, UnescapeUndoesExactlyTheTemplateEscaping) {
    EXPECT_EQ(unescape_html("&lt;a&gt; &amp;amp; &quot;x&quot; &#39;y&#39; &nbsp; & ;"),
              "<a> &amp; \"x\" 'y' &nbsp; & ;");
    EXPECT_EQ(unescape_html(render::escape_html("R&D <\"'>")), "R&D <\"'>");
}

TEST(Digest, TheSameRequestGivesTheSameBytes) {
    const auto maya = with_absence(child("101", "Maya"));
    const auto a = build(request({&maya}, "ar"), catalogs());
    const auto b = build(request({&maya}, "ar"), catalogs());
    EXPECT_EQ(a.html_body, b.html_body);
    EXPECT_EQ(a.text_body, b.text_body);
}

}  // namespace
}  // namespace homeroom::notify
