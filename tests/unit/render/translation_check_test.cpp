#include "render/translation_check.h"

#include <gtest/gtest.h>

namespace homeroom::render {
namespace {

Catalog catalog_of(std::string_view text) {
    Diagnostics diagnostics;
    auto catalog = Catalog::parse(text, "test.po", diagnostics);
    EXPECT_TRUE(catalog) << diagnostics.format(10);
    return catalog ? std::move(*catalog) : Catalog();
}

class TranslationCheckTest : public ::testing::Test {
  protected:
    void SetUp() override {
        m_catalogs.add("en", catalog_of(R"po(msgid ""
msgstr "Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "Attendance"
msgstr ""

#, fuzzy
msgid "Report card"
msgstr "Report card!"
)po"));
        m_catalogs.add("es", catalog_of(R"po(msgid ""
msgstr "Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "Attendance"
msgstr "Asistencia"

msgid "Behavior"
msgstr ""

#, fuzzy
msgid "Report card"
msgstr "Boletín"

msgid "%d absence"
msgid_plural "%d absences"
msgstr[0] "%d ausencia"
msgstr[1] ""

msgid "Old text"
msgstr "Texto viejo"

msgctxt "month"
msgid "May"
msgstr "mayo"
)po"));
        m_catalogs.add("ar", catalog_of(R"po(msgid ""
msgstr "Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;\n"

msgid "Attendance"
msgstr "الحضور"

msgid "Behavior"
msgstr "السلوك"

msgid "Report card"
msgstr "بطاقة التقرير"

msgid "%d absence"
msgid_plural "%d absences"
msgstr[0] "لا غيابات"
msgstr[1] "غياب واحد"
msgstr[2] "غيابان"
msgstr[3] "%d غيابات"
msgstr[4] "%d غيابًا"
msgstr[5] "%d غياب"

msgctxt "month"
msgid "May"
msgstr "مايو"
)po"));
    }

    const std::set<MessageKey> m_used = {{"", "Attendance"}, {"", "Behavior"}, {"", "Report card"},
                                         {"", "%d absence"}, {"month", "May"}, {"", "Suppressed"}};
    Catalogs m_catalogs;
};

TEST_F(TranslationCheckTest, ListsWhatEachLanguageLacks) {
    const auto reports = check_translations(m_used, m_catalogs);
    ASSERT_EQ(reports.size(), 3u);

    const LanguageReport& es = reports[2];
    EXPECT_EQ(es.language, "es");
    EXPECT_EQ(es.missing, (std::vector<MessageKey>{{"", "Suppressed"}}));
    EXPECT_EQ(es.untranslated, (std::vector<MessageKey>{{"", "%d absence"}, {"", "Behavior"}}));
    EXPECT_EQ(es.fuzzy, (std::vector<MessageKey>{{"", "Report card"}}));
    EXPECT_EQ(es.unused, (std::vector<MessageKey>{{"", "Old text"}}));
    EXPECT_FALSE(es.complete());

    const LanguageReport& ar = reports[1];
    EXPECT_EQ(ar.language, "ar");
    EXPECT_EQ(ar.missing, (std::vector<MessageKey>{{"", "Suppressed"}}));
    EXPECT_TRUE(ar.untranslated.empty());
    EXPECT_TRUE(ar.fuzzy.empty());
    EXPECT_TRUE(ar.unused.empty());
}

TEST_F(TranslationCheckTest, NeverCallsEnglishUntranslated) {
    const auto reports = check_translations(m_used, m_catalogs);
    const LanguageReport& en = reports[0];
    EXPECT_EQ(en.language, "en");
    EXPECT_TRUE(en.untranslated.empty());
    EXPECT_EQ(en.fuzzy, (std::vector<MessageKey>{{"", "Report card"}}));
    EXPECT_EQ(en.missing.size(), 4u);
}

TEST_F(TranslationCheckTest, CountsAPluralWithTooFewFormsAsUntranslated) {
    m_catalogs.add("ar", catalog_of(R"po(msgid ""
msgstr "Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;\n"

msgid "%d absence"
msgid_plural "%d absences"
msgstr[0] "لا غيابات"
msgstr[1] "غياب واحد"
)po"));
    const auto reports = check_translations({{"", "%d absence"}}, m_catalogs);
    EXPECT_EQ(reports[1].untranslated, (std::vector<MessageKey>{{"", "%d absence"}}));
}

TEST_F(TranslationCheckTest, IsCompleteWhenEverythingUsedIsTranslated) {
    const auto reports = check_translations({{"", "Attendance"}, {"month", "May"}}, m_catalogs);
    EXPECT_TRUE(reports[1].complete());
    EXPECT_TRUE(reports[2].complete());
}

TEST(TranslationCheck, TakesTheUsedMessagesFromTheTemplateCatalog) {
    const Catalog pot = catalog_of(R"po(msgid ""
msgstr ""

msgid "Attendance"
msgstr ""

msgctxt "language name"
msgid "English"
msgstr ""
)po");
    EXPECT_EQ(message_keys(pot),
              (std::set<MessageKey>{{"", "Attendance"}, {"language name", "English"}}));
}

TEST(TemplateMessages, FindsEachSectionWithItsLine) {
    Diagnostics diagnostics;
    const auto found = find_template_messages(R"(<h1>{{#_}}Attendance{{/_}}</h1>
<p>{{#_}}Chronically
    absent{{/_}} · {{#_}}  Report card {{/_}}</p>
{{#flag}}{{name}}{{/flag}}
)",
                                              "student.mustache", diagnostics);
    EXPECT_FALSE(diagnostics.has_errors());
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(found[0].msgid, "Attendance");
    EXPECT_EQ(found[0].line, 1);
    EXPECT_EQ(found[1].msgid, "Chronically absent");
    EXPECT_EQ(found[1].line, 2);
    EXPECT_EQ(found[2].msgid, "Report card");
    EXPECT_EQ(found[2].line, 3);
}

TEST(TemplateMessages, ReportsBrokenSections) {
    Diagnostics diagnostics;
    find_template_messages("a\n  {{#_}}open", "a.mustache", diagnostics);
    find_template_messages("{{#_}}a {{#_}}b{{/_}}", "b.mustache", diagnostics);
    find_template_messages("x{{/_}}", "c.mustache", diagnostics);
    find_template_messages("é {{#_}} {{/_}}", "d.mustache", diagnostics);
    ASSERT_EQ(diagnostics.items().size(), 4u);
    EXPECT_EQ(diagnostics.items()[0].to_string(),
              "a.mustache:2:3: error: {{#_}} is never closed with {{/_}}");
    EXPECT_EQ(diagnostics.items()[1].to_string(),
              "b.mustache:1:9: error: {{#_}} inside another {{#_}} section");
    EXPECT_EQ(diagnostics.items()[2].to_string(),
              "c.mustache:1:2: error: {{/_}} without a matching {{#_}}");
    EXPECT_EQ(diagnostics.items()[3].to_string(),
              "d.mustache:1:3: error: empty {{#_}}{{/_}} section");
}

TEST(TemplateMessages, CollapsesWhitespaceLikeTheExtractionScript) {
    EXPECT_EQ(template_msgid("  Days\n\t absent  "), "Days absent");
    EXPECT_EQ(template_msgid("One"), "One");
    EXPECT_EQ(template_msgid(" \n "), "");
}

}  // namespace
}  // namespace homeroom::render
