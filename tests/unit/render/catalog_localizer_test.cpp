#include "render/catalog_localizer.h"

#include <gtest/gtest.h>

namespace homeroom::render {
namespace {

Catalog catalog_of(std::string_view text) {
    Diagnostics diagnostics;
    auto catalog = Catalog::parse(text, "test.po", diagnostics);
    EXPECT_TRUE(catalog) << diagnostics.format(10);
    return catalog ? std::move(*catalog) : Catalog();
}

CatalogLocalizerSet sample_set() {
    Catalogs catalogs;
    catalogs.add("es", catalog_of(R"po(msgid ""
msgstr "Language: es\nPlural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "Chronically absent"
msgstr "Con ausentismo crónico"

msgid "%d absence"
msgid_plural "%d absences"
msgstr[0] "%d ausencia"
msgstr[1] "%d ausencias"
)po"));
    catalogs.add("ar", catalog_of(R"po(msgid ""
msgstr "Language: ar\nPlural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;\n"

msgid "%d absence"
msgid_plural "%d absences"
msgstr[0] "لا غيابات"
msgstr[1] "غياب واحد"
msgstr[2] "غيابان"
msgstr[3] "%d غيابات"
msgstr[4] "%d غيابًا"
msgstr[5] "%d غياب"
)po"));
    return CatalogLocalizerSet(std::move(catalogs));
}

TEST(CatalogLocalizer, TranslatesAndFormatsForItsLanguage) {
    const CatalogLocalizerSet set = sample_set();
    EXPECT_EQ(set.languages(), (std::vector<std::string>{"en", "ar", "es"}));
    const Localizer& es = set.get("es");
    EXPECT_EQ(es.language(), "es");
    EXPECT_FALSE(es.right_to_left());
    EXPECT_EQ(es.text("Chronically absent"), "Con ausentismo crónico");
    EXPECT_EQ(es.text("Attendance"), "Attendance");
    EXPECT_EQ(es.plural("%d absence", "%d absences", 12000), "12.000 ausencias");
    EXPECT_EQ(es.number(1234567), "1.234.567");
    EXPECT_EQ(es.percent(0.125, 1), "12,5\u00A0%");
    EXPECT_EQ(es.date(Date::from_ymd(2025, 9, 9), DateStyle::long_form), "9 de septiembre de 2025");
}

TEST(CatalogLocalizer, WritesArabicPluralsWithArabicDigits) {
    const CatalogLocalizerSet set = sample_set();
    const Localizer& ar = set.get("ar");
    EXPECT_TRUE(ar.right_to_left());
    EXPECT_EQ(ar.plural("%d absence", "%d absences", 0), "لا غيابات");
    EXPECT_EQ(ar.plural("%d absence", "%d absences", 1), "غياب واحد");
    EXPECT_EQ(ar.plural("%d absence", "%d absences", 2), "غيابان");
    EXPECT_EQ(ar.plural("%d absence", "%d absences", 3), "٣ غيابات");
    EXPECT_EQ(ar.plural("%d absence", "%d absences", 11), "١١ غيابًا");
    EXPECT_EQ(ar.plural("%d absence", "%d absences", 100), "١٠٠ غياب");
    EXPECT_EQ(ar.plural("%d late arrival", "%d late arrivals", 4), "٤ late arrivals");
}

TEST(CatalogLocalizer, FindsTemplateTextWrittenOverSeveralLines) {
    const CatalogLocalizerSet set = sample_set();
    EXPECT_EQ(set.get("es").text("\n  Chronically\n  absent\n"), "Con ausentismo crónico");
    EXPECT_EQ(set.get("es").text("Not  there"), "Not  there");
}

TEST(CatalogLocalizer, GivesEnglishForALanguageWithoutCatalog) {
    const CatalogLocalizerSet set = sample_set();
    const Localizer& fr = set.get("fr");
    EXPECT_EQ(fr.language(), "en");
    EXPECT_EQ(fr.plural("%d absence", "%d absences", 1), "1 absence");
    EXPECT_EQ(set.native_name("es"), "Español");
    EXPECT_EQ(set.native_name("ar"), "العربية");
}

}  // namespace
}  // namespace homeroom::render
