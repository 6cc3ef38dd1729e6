// The catalogs in locales/ as shipped: they load cleanly, and every message of
// locales/messages.pot (what the templates and code used at the last extraction) is translated
// in every shipped language.
#include <gtest/gtest.h>

#include <filesystem>

#include "render/catalog.h"
#include "render/translation_check.h"

namespace homeroom::render {
namespace {

const std::filesystem::path k_locales =
    std::filesystem::path(HOMEROOM_TEST_DATA) / ".." / ".." / "locales";

std::string listed(const std::vector<MessageKey>& keys) {
    std::string out;
    for (const MessageKey& k : keys)
        out += "\n  " + (k.context.empty() ? "" : "[" + k.context + "] ") + k.msgid;
    return out;
}

TEST(ShippedCatalogs, LoadWithoutProblems) {
    Diagnostics diagnostics;
    const Catalogs catalogs = Catalogs::load(k_locales, diagnostics);
    EXPECT_EQ(diagnostics.items().size(), 0u) << diagnostics.format(50);
    for (const char* code : {"en", "es", "ar"}) EXPECT_TRUE(catalogs.has(code)) << code;
    EXPECT_EQ(catalogs.catalog("ar").plural_forms().count, 6);
    EXPECT_EQ(catalogs.catalog("es").plural_forms().count, 2);
}

TEST(ShippedCatalogs, TranslateEveryExtractedMessage) {
    Diagnostics diagnostics;
    const Catalogs catalogs = Catalogs::load(k_locales, diagnostics);
    const auto pot = Catalog::load(k_locales / "messages.pot", diagnostics);
    ASSERT_TRUE(pot) << diagnostics.format(50);
    const std::set<MessageKey> used = message_keys(*pot);
    EXPECT_GT(used.size(), 20u);
    for (const LanguageReport& report : check_translations(used, catalogs)) {
        EXPECT_TRUE(report.missing.empty())
            << report.language
            << " lacks (run scripts/extract-messages.py):" << listed(report.missing);
        EXPECT_TRUE(report.untranslated.empty())
            << report.language << " leaves untranslated:" << listed(report.untranslated);
        EXPECT_TRUE(report.fuzzy.empty())
            << report.language << " has fuzzy entries to review:" << listed(report.fuzzy);
    }
}

TEST(ShippedCatalogs, NameTheirLanguages) {
    Diagnostics diagnostics;
    const Catalogs catalogs = Catalogs::load(k_locales, diagnostics);
    EXPECT_EQ(catalogs.native_name("en"), "English");
    EXPECT_EQ(catalogs.native_name("es"), "Español");
    EXPECT_EQ(catalogs.native_name("ar"), "العربية");
}

}  // namespace
}  // namespace homeroom::render
