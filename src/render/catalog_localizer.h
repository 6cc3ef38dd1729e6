// The Localizer pages are built against, backed by the .po catalogs (catalog.h) and ICU
// formatting (locale_format.h). One CatalogLocalizerSet serves a whole site build; it is
// immutable after loading, so rendering threads share it without locks.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "render/catalog.h"
#include "render/locale_format.h"
#include "render/localizer.h"

namespace homeroom::render {

class CatalogLocalizer : public Localizer {
  public:
    // `catalogs` must outlive the localizer.
    CatalogLocalizer(const Catalogs& catalogs, std::string language);

    const std::string& language() const override { return m_language; }
    bool right_to_left() const override { return m_right_to_left; }
    // Also finds a template section written over several lines or with extra spaces, which the
    // extraction script stores with its whitespace collapsed (template_msgid).
    std::string text(std::string_view msgid) const override;
    std::string plural(std::string_view singular, std::string_view plural,
                       long long n) const override;
    std::string number(long long n) const override;
    std::string percent(double ratio, int decimals = 0) const override;
    std::string decimal(double value, int decimals) const override;
    std::string date(Date d, DateStyle style = DateStyle::medium) const override;

    const LocaleFormat& format() const { return *m_format; }

  private:
    const Catalogs* m_catalogs;
    std::string m_language;
    bool m_right_to_left;
    const LocaleFormat* m_format;
};

class CatalogLocalizerSet : public LocalizerSet {
  public:
    explicit CatalogLocalizerSet(Catalogs catalogs);
    // Catalogs::load, then one localizer per language found.
    static std::unique_ptr<CatalogLocalizerSet> load(const std::filesystem::path& folder,
                                                     Diagnostics& diagnostics);
    CatalogLocalizerSet(const CatalogLocalizerSet&) = delete;
    CatalogLocalizerSet& operator=(const CatalogLocalizerSet&) = delete;

    const std::vector<std::string>& languages() const override { return m_languages; }
    const Localizer& get(std::string_view lang) const override;
    std::string native_name(std::string_view lang) const override;

    const Catalogs& catalogs() const { return m_catalogs; }

  private:
    Catalogs m_catalogs;
    std::vector<std::string> m_languages;
    std::vector<std::unique_ptr<CatalogLocalizer>> m_localizers;  // in the order of m_languages
    std::vector<std::string> m_native_names;  // likewise: every page's language menu asks
};

}  // namespace homeroom::render
