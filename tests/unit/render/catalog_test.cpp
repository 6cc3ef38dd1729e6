#include "render/catalog.h"

#include <gtest/gtest.h>

#include "core/errors.h"
#include "temp_dir.h"

namespace homeroom::render {
namespace {

using homeroom::testing::TempDir;
using homeroom::testing::write_file;

constexpr std::string_view k_spanish_header = R"po(msgid ""
msgstr ""
"Language: es\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"
)po";

constexpr std::string_view k_arabic_po = R"po(msgid ""
msgstr ""
"Language: ar\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
"n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;\n"

msgid "%d absence"
msgid_plural "%d absences"
msgstr[0] "لا غيابات"
msgstr[1] "غياب واحد"
msgstr[2] "غيابان"
msgstr[3] "%d غيابات"
msgstr[4] "%d غيابًا"
msgstr[5] "%d غياب"
)po";

Catalog parsed(std::string_view text) {
    Diagnostics diagnostics;
    auto catalog = Catalog::parse(text, "test.po", diagnostics);
    EXPECT_TRUE(catalog.has_value()) << diagnostics.format(20);
    EXPECT_EQ(diagnostics.items().size(), 0u) << diagnostics.format(20);
    return catalog ? std::move(*catalog) : Catalog();
}

// The one diagnostic a malformed catalog gives, as the user reads it.
std::string only_problem(std::string_view text) {
    Diagnostics diagnostics;
    auto catalog = Catalog::parse(text, "locales/es.po", diagnostics);
    EXPECT_FALSE(catalog.has_value());
    EXPECT_EQ(diagnostics.items().size(), 1u) << diagnostics.format(20);
    return diagnostics.items().empty() ? "" : diagnostics.items().front().to_string();
}

TEST(Catalog, TranslatesASimpleMessage) {
    const Catalog es = parsed(std::string(k_spanish_header) + R"po(
msgid "Attendance"
msgstr "Asistencia"
)po");
    EXPECT_EQ(es.language(), "es");
    EXPECT_EQ(es.translate("Attendance"), "Asistencia");
    EXPECT_EQ(es.entries().size(), 1u);
    EXPECT_EQ(es.entries().front().line, 7);
}

TEST(Catalog, JoinsMultiLineStrings) {
    const Catalog es = parsed(std::string(k_spanish_header) + R"po(
msgid ""
"A long text "
"over lines"
msgstr ""
"Un texto largo "
  "en varias líneas"
)po");
    EXPECT_EQ(es.translate("A long text over lines"), "Un texto largo en varias líneas");
}

TEST(Catalog, DecodesEscapes) {
    const Catalog es = parsed(std::string(k_spanish_header) + R"po(
msgid "Say \"hi\"\tnow\nplease \\ thanks"
msgstr "Di \"hola\"\tya\npor favor \\ gracias"
)po");
    EXPECT_EQ(es.translate("Say \"hi\"\tnow\nplease \\ thanks"),
              "Di \"hola\"\tya\npor favor \\ gracias");
}

TEST(Catalog, IgnoresCommentsObsoleteEntriesAndBlankLines) {
    const Catalog es = parsed(std::string(k_spanish_header) + R"po(

# translator comment
#. extracted comment
#: templates/student.mustache:12
#, c-format
#| msgid "Old text"
msgid "Attendance"


msgstr "Asistencia"
#~ msgid "Gone"
#~ msgstr "Ido"
#: templates/x.mustache:3
msgid "Report card"
msgstr "Boletín de calificaciones"
)po");
    EXPECT_EQ(es.translate("Attendance"), "Asistencia");
    EXPECT_EQ(es.translate("Report card"), "Boletín de calificaciones");
    EXPECT_EQ(es.entry("Gone"), nullptr);
    EXPECT_EQ(es.entries().size(), 2u);
}

TEST(Catalog, AcceptsCrlfLineEndsAndAByteOrderMark) {
    const Catalog es = parsed(
        "\xEF\xBB\xBFmsgid \"\"\r\nmsgstr \"Language: es\\n\"\r\n\r\nmsgid \"Yes\"\r\nmsgstr "
        "\"Sí\"\r\n");
    EXPECT_EQ(es.language(), "es");
    EXPECT_EQ(es.translate("Yes"), "Sí");
}

TEST(Catalog, FallsBackToTheEnglishTextWhenMissingEmptyOrFuzzy) {
    const Catalog es = parsed(std::string(k_spanish_header) + R"po(
msgid "Empty"
msgstr ""

#, fuzzy
msgid "Guessed"
msgstr "Adivinado"

#, c-format, fuzzy
msgid "%d guess"
msgid_plural "%d guesses"
msgstr[0] "%d adivinanza"
msgstr[1] "%d adivinanzas"

msgid "%d half"
msgid_plural "%d halves"
msgstr[0] "%d mitad"
msgstr[1] ""
)po");
    EXPECT_EQ(es.translate("Missing"), "Missing");
    EXPECT_EQ(es.translate("Empty"), "Empty");
    EXPECT_EQ(es.translate("Guessed"), "Guessed");
    EXPECT_TRUE(es.entry("Guessed")->fuzzy);
    EXPECT_EQ(es.find("Guessed"), nullptr);
    EXPECT_EQ(es.translate_plural("%d guess", "%d guesses", 1), "%d guess");
    EXPECT_EQ(es.translate_plural("%d guess", "%d guesses", 4), "%d guesses");
    EXPECT_EQ(es.translate_plural("%d half", "%d halves", 1), "%d mitad");
    EXPECT_EQ(es.translate_plural("%d half", "%d halves", 2), "%d halves");
}

TEST(Catalog, ChoosesSpanishPluralForms) {
    const Catalog es = parsed(std::string(k_spanish_header) + R"po(
msgid "%d absence"
msgid_plural "%d absences"
msgstr[0] "%d ausencia"
msgstr[1] "%d ausencias"
)po");
    EXPECT_EQ(es.translate_plural("%d absence", "%d absences", 0), "%d ausencias");
    EXPECT_EQ(es.translate_plural("%d absence", "%d absences", 1), "%d ausencia");
    EXPECT_EQ(es.translate_plural("%d absence", "%d absences", 2), "%d ausencias");
    EXPECT_EQ(es.translate_plural("%d absence", "%d absences", -1), "%d ausencia");
}

TEST(Catalog, ChoosesEachOfTheSixArabicPluralForms) {
    const Catalog ar = parsed(k_arabic_po);
    EXPECT_EQ(ar.plural_forms().count, 6);
    const std::pair<std::int64_t, std::string_view> expected[] = {
        {0, "لا غيابات"}, {1, "غياب واحد"}, {2, "غيابان"},    {3, "%d غيابات"}, {10, "%d غيابات"},
        {11, "%d غيابًا"}, {99, "%d غيابًا"}, {100, "%d غياب"}, {101, "%d غياب"}, {102, "%d غياب"}};
    for (const auto& [n, text] : expected)
        EXPECT_EQ(ar.translate_plural("%d absence", "%d absences", n), text) << "n = " << n;
}

TEST(Catalog, KeepsMessagesWithContextApart) {
    const Catalog es = parsed(std::string(k_spanish_header) + R"po(
msgid "May"
msgstr "Puede"

msgctxt "month"
msgid "May"
msgstr "Mayo"

msgctxt "language name"
msgid "English"
msgstr "Español"
)po");
    EXPECT_EQ(es.translate("May"), "Puede");
    EXPECT_EQ(es.translate("May", "month"), "Mayo");
    EXPECT_EQ(es.translate("English", "language name"), "Español");
    EXPECT_EQ(es.translate("English"), "English");
    EXPECT_EQ(es.translate("May", "verb"), "May");
}

TEST(Catalog, UsesEnglishPluralRulesWithoutAHeader) {
    Diagnostics diagnostics;
    auto catalog = Catalog::parse(R"po(msgid "%d day"
msgid_plural "%d days"
msgstr[0] "%d día"
msgstr[1] "%d días"
)po",
                                  "es.po", diagnostics);
    ASSERT_TRUE(catalog);
    EXPECT_EQ(catalog->translate_plural("%d day", "%d days", 3), "%d días");
    ASSERT_EQ(diagnostics.items().size(), 1u);
    EXPECT_EQ(diagnostics.items()[0].to_string(),
              "es.po: warning: no Plural-Forms header; using English plural rules");
}

TEST(Catalog, WarnsWhenAPluralHasTheWrongNumberOfForms) {
    Diagnostics diagnostics;
    auto catalog = Catalog::parse(std::string(k_arabic_po) + R"po(
msgid "%d day"
msgid_plural "%d days"
msgstr[0] "%d يوم"
msgstr[1] "%d أيام"
)po",
                                  "ar.po", diagnostics);
    ASSERT_TRUE(catalog);
    ASSERT_EQ(diagnostics.items().size(), 1u);
    EXPECT_EQ(diagnostics.items()[0].to_string(),
              "ar.po:17:1: warning: \"%d day\" has 2 plural forms but Plural-Forms says "
              "nplurals=6");
    // The missing forms fall back to English.
    EXPECT_EQ(catalog->translate_plural("%d day", "%d days", 1), "%d أيام");
    EXPECT_EQ(catalog->translate_plural("%d day", "%d days", 3), "%d days");
}

TEST(Catalog, ReportsAnUnterminatedString) {
    EXPECT_EQ(only_problem("msgid \"Attendance\nmsgstr \"Asistencia\"\n"),
              "locales/es.po:1:7: error: string has no closing quote");
}

TEST(Catalog, ReportsAnUnknownKeyword) {
    EXPECT_EQ(only_problem("msgid \"A\"\nmsgstring \"B\"\n"),
              "locales/es.po:2:1: error: unknown keyword 'msgstring' (expected msgctxt, msgid, "
              "msgid_plural or msgstr)");
}

TEST(Catalog, ReportsAnUnknownEscapeWithItsColumn) {
    EXPECT_EQ(only_problem("msgid \"A\"\nmsgstr \"Año \\q\"\n"),
              "locales/es.po:2:13: error: unknown escape sequence '\\q' (use \\n, \\t, \\\" or "
              "\\\\)");
}

TEST(Catalog, ReportsTextAfterTheClosingQuote) {
    EXPECT_EQ(only_problem("msgid \"A\" x\nmsgstr \"B\"\n"),
              "locales/es.po:1:11: error: unexpected text after the closing quote");
}

TEST(Catalog, ReportsAMsgstrWithoutMsgid) {
    EXPECT_EQ(only_problem("msgstr \"B\"\n"), "locales/es.po:1:1: error: msgstr must follow msgid");
}

TEST(Catalog, ReportsAnEntryWithoutMsgstr) {
    EXPECT_EQ(only_problem("msgid \"A\"\nmsgstr \"B\"\n\nmsgid \"Lonely\"\n"),
              "locales/es.po:4:1: error: entry \"Lonely\" has no msgstr");
}

TEST(Catalog, ReportsPluralFormsOutOfOrder) {
    EXPECT_EQ(only_problem(R"po(msgid "%d day"
msgid_plural "%d days"
msgstr[0] "%d día"
msgstr[2] "%d días"
)po"),
              "locales/es.po:4:1: error: msgstr[2] out of order; expected msgstr[1]");
}

TEST(Catalog, ReportsAnIndexedMsgstrWithoutPlural) {
    EXPECT_EQ(only_problem("msgid \"A\"\nmsgstr[0] \"B\"\n"),
              "locales/es.po:2:1: error: msgstr[0] needs a msgid_plural");
}

TEST(Catalog, ReportsADuplicateMessage) {
    EXPECT_EQ(only_problem("msgid \"A\"\nmsgstr \"B\"\n\nmsgid \"A\"\nmsgstr \"C\"\n"),
              "locales/es.po:4:1: error: duplicate message \"A\" (first defined at line 1)");
}

TEST(Catalog, ReportsABadPluralFormsExpressionWhereItIsInTheFile) {
    EXPECT_EQ(only_problem(R"po(msgid ""
msgstr ""
"Language: ar\n"
"Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : x;\n"
)po"),
              "locales/es.po:4:57: error: Plural-Forms: unknown name in plural expression (only "
              "'n' is allowed)");
}

TEST(Catalog, ReportsANonUtf8Charset) {
    EXPECT_EQ(only_problem(R"po(msgid ""
msgstr "Content-Type: text/plain; charset=ISO-8859-1\n"
)po"),
              "locales/es.po:2:43: error: catalogs must be UTF-8, not iso-8859-1 (set "
              "charset=UTF-8 and save the file as UTF-8)");
}

TEST(Catalog, ReportsInvalidUtf8) {
    EXPECT_EQ(only_problem("msgid \"A\"\nmsgstr \"A\xF1o\"\n"),
              "locales/es.po:2:10: error: invalid UTF-8 (catalogs must be saved as UTF-8)");
}

TEST(Catalog, ReportsEveryProblemOfAFileAtOnce) {
    Diagnostics diagnostics;
    const auto catalog = Catalog::parse(R"po(msgid "A"
msgstr "B

msgid "C"
msgstr "D"

msgid "E"
msgstr "F" junk

msgid "G"
msgstr "H"
)po",
                                        "es.po", diagnostics);
    EXPECT_FALSE(catalog);
    ASSERT_EQ(diagnostics.items().size(), 2u);
    EXPECT_EQ(diagnostics.items()[0].to_string(), "es.po:2:8: error: string has no closing quote");
    EXPECT_EQ(diagnostics.items()[1].to_string(),
              "es.po:8:12: error: unexpected text after the closing quote");
}

TEST(Catalog, SurvivesGarbageWithoutCrashing) {
    const std::string garbage[] = {"\"",
                                   "msgid",
                                   "msgid \"",
                                   "msgstr[",
                                   "msgstr[x]",
                                   "msgstr[99999999999]",
                                   "\\",
                                   "msgid \"\\",
                                   "msgctxt \"a\"\nmsgctxt \"b\"",
                                   std::string(1, '\0'),
                                   "msgid \"\"\nmsgid_plural \"\"\nmsgstr[0] \"\""};
    for (const std::string& text : garbage) {
        Diagnostics diagnostics;
        EXPECT_FALSE(Catalog::parse(text, "x.po", diagnostics)) << text;
        EXPECT_TRUE(diagnostics.has_errors()) << text;
    }
}

TEST(Catalog, LoadingAMissingFileIsAnIoError) {
    Diagnostics diagnostics;
    EXPECT_THROW(Catalog::load("/nonexistent/es.po", diagnostics), IoError);
}

class CatalogsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        write_file(m_dir / "en.po", R"po(msgid ""
msgstr "Language: en\nPlural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "Chronically absent"
msgstr "Chronically absent (10% or more)"

msgid "Attendance"
msgstr ""
)po");
        write_file(m_dir / "es.po", std::string(k_spanish_header) + R"po(
msgctxt "language name"
msgid "English"
msgstr "Español"

msgid "Attendance"
msgstr "Asistencia"

msgid "%d absence"
msgid_plural "%d absences"
msgstr[0] "%d ausencia"
msgstr[1] ""
)po");
        write_file(m_dir / "ar.po", std::string(k_arabic_po));
        write_file(m_dir / "messages.pot", "msgid \"\"\nmsgstr \"\"\n");
        write_file(m_dir / "README.txt", "not a catalog");
    }

    Catalogs load() {
        Catalogs catalogs = Catalogs::load(m_dir.path(), m_diagnostics);
        EXPECT_FALSE(m_diagnostics.has_errors()) << m_diagnostics.format(20);
        return catalogs;
    }

    TempDir m_dir;
    Diagnostics m_diagnostics;
};

TEST_F(CatalogsTest, LoadsEveryLanguageOfTheFolderEnglishFirst) {
    const Catalogs catalogs = load();
    EXPECT_EQ(catalogs.languages(), (std::vector<std::string>{"en", "ar", "es"}));
    EXPECT_TRUE(catalogs.has("ar"));
    EXPECT_FALSE(catalogs.has("fr"));
    EXPECT_EQ(m_diagnostics.items().size(), 0u) << m_diagnostics.format(20);
}

TEST_F(CatalogsTest, FallsBackToTheEnglishCatalogThenToTheSourceText) {
    const Catalogs catalogs = load();
    EXPECT_EQ(catalogs.translate("es", "Attendance"), "Asistencia");
    EXPECT_EQ(catalogs.translate("es", "Chronically absent"), "Chronically absent (10% or more)");
    EXPECT_EQ(catalogs.translate("ar", "Report card"), "Report card");
    EXPECT_EQ(catalogs.translate("fr", "Attendance"), "Attendance");
    EXPECT_EQ(catalogs.translate("en", "Attendance"), "Attendance");
    EXPECT_EQ(catalogs.translate_plural("es", "%d absence", "%d absences", 1), "%d ausencia");
    EXPECT_EQ(catalogs.translate_plural("es", "%d absence", "%d absences", 2), "%d absences");
    EXPECT_EQ(catalogs.translate_plural("ar", "%d absence", "%d absences", 2), "غيابان");
    EXPECT_EQ(catalogs.translate_plural("fr", "%d absence", "%d absences", 0), "%d absences");
}

TEST_F(CatalogsTest, NamesEachLanguageInItself) {
    const Catalogs catalogs = load();
    const auto names = catalogs.language_names();
    ASSERT_EQ(names.size(), 3u);
    EXPECT_EQ(names[0].code, "en");
    EXPECT_EQ(names[0].native_name, "English");
    EXPECT_FALSE(names[0].right_to_left);
    EXPECT_EQ(names[1].code, "ar");
    EXPECT_EQ(names[1].native_name, "العربية");  // from ICU: ar.po has no name of its own
    EXPECT_TRUE(names[1].right_to_left);
    EXPECT_EQ(names[2].native_name, "Español");  // from es.po
    EXPECT_EQ(catalogs.native_name("fr"), "Français");
    EXPECT_EQ(catalogs.native_name("pt_BR"), "Português (Brasil)");
    EXPECT_EQ(catalogs.native_name("qqq"), "qqq");
}

TEST_F(CatalogsTest, WarnsAboutFileNamesThatAreNotLanguagesAndMismatchedHeaders) {
    write_file(m_dir / "backup copy.po", "msgid \"\"\nmsgstr \"\"\n");
    write_file(m_dir / "fr.po", "msgid \"\"\nmsgstr \"Language: de\\n\"\n");
    const Catalogs catalogs = load();
    EXPECT_TRUE(catalogs.has("fr"));
    EXPECT_EQ(catalogs.catalog("fr").language(), "fr");
    ASSERT_EQ(m_diagnostics.items().size(), 2u);
    EXPECT_EQ(m_diagnostics.items()[0].to_string(),
              (m_dir / "backup copy.po").string() +
                  ": warning: ignored: a catalog's file name must be a language code such as "
                  "es.po or pt_BR.po");
    EXPECT_EQ(m_diagnostics.items()[1].to_string(),
              (m_dir / "fr.po").string() +
                  ": warning: header says Language: de but the file name says fr; using fr");
}

TEST_F(CatalogsTest, LeavesOutACatalogWithErrorsAndReportsThem) {
    write_file(m_dir / "es.po", "msgid \"A\"\nmsgstr B\n");
    const Catalogs catalogs = Catalogs::load(m_dir.path(), m_diagnostics);
    EXPECT_FALSE(catalogs.has("es"));
    EXPECT_EQ(catalogs.translate("es", "Attendance"), "Attendance");
    ASSERT_EQ(m_diagnostics.error_count(), 1u);
    EXPECT_EQ(m_diagnostics.items()[0].to_string(),
              (m_dir / "es.po").string() + ":2:8: error: expected a quoted string after msgstr");
}

TEST_F(CatalogsTest, NormalizesRegionalCodes) {
    write_file(m_dir / "pt_BR.po", R"po(msgid ""
msgstr "Language: pt_BR\n"

msgid "Attendance"
msgstr "Frequência"
)po");
    const Catalogs catalogs = load();
    EXPECT_TRUE(catalogs.has("pt-BR"));
    EXPECT_TRUE(catalogs.has("pt_BR"));
    EXPECT_EQ(catalogs.translate("pt_BR", "Attendance"), "Frequência");
    EXPECT_EQ(catalogs.translate("pt-BR", "Attendance"), "Frequência");
}

TEST(Catalogs, WithoutAFolderIsAnError) {
    Diagnostics diagnostics;
    EXPECT_THROW(Catalogs::load("/nonexistent/locales", diagnostics), NoInputError);
}

TEST(Catalogs, WithoutCatalogsSpeaksEnglish) {
    const Catalogs catalogs;
    EXPECT_EQ(catalogs.languages(), std::vector<std::string>{"en"});
    EXPECT_EQ(catalogs.translate("es", "Attendance"), "Attendance");
    EXPECT_EQ(catalogs.translate_plural("en", "%d day", "%d days", 1), "%d day");
    EXPECT_EQ(catalogs.language_names().front().native_name, "English");
}

TEST(Catalogs, DetectsRightToLeftLanguages) {
    EXPECT_TRUE(Catalogs::is_rtl("ar"));
    EXPECT_TRUE(Catalogs::is_rtl("he"));
    EXPECT_TRUE(Catalogs::is_rtl("fa"));
    EXPECT_TRUE(Catalogs::is_rtl("ur"));
    EXPECT_TRUE(Catalogs::is_rtl("ar_EG"));
    EXPECT_FALSE(Catalogs::is_rtl("en"));
    EXPECT_FALSE(Catalogs::is_rtl("es"));
    EXPECT_FALSE(Catalogs::is_rtl("zh-Hant"));
    EXPECT_FALSE(Catalogs::is_rtl("qqq"));
    EXPECT_FALSE(Catalogs::is_rtl(""));
}

}  // namespace
}  // namespace homeroom::render
