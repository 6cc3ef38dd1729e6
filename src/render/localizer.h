// What a view model needs to speak one language: translated text (with plurals) and
// locale-formatted numbers and dates. Pages are built against this interface; the catalogs
// (catalog.h) and ICU formatting (locale_format.h) implement it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace homeroom::render {

enum class DateStyle { short_numeric, medium, long_form };

class Localizer {
  public:
    virtual ~Localizer() = default;
    virtual const std::string& language() const = 0;  // "en", "es", "ar", ...
    virtual bool right_to_left() const = 0;
    // The translation of an English source text, or the text itself when untranslated.
    virtual std::string text(std::string_view msgid) const = 0;
    // The plural form for n, with "%d" replaced by the localized number.
    virtual std::string plural(std::string_view singular, std::string_view plural,
                               long long n) const = 0;
    virtual std::string number(long long n) const = 0;
    virtual std::string percent(double ratio, int decimals = 0) const = 0;
    virtual std::string decimal(double value, int decimals) const = 0;
    virtual std::string date(Date d, DateStyle style = DateStyle::medium) const = 0;
};

// English without catalogs: plain source texts and fixed formats. For tests and as the fallback.
class EnglishLocalizer : public Localizer {
  public:
    const std::string& language() const override { return m_lang; }
    bool right_to_left() const override { return false; }
    std::string text(std::string_view msgid) const override { return std::string(msgid); }
    std::string plural(std::string_view singular, std::string_view plural,
                       long long n) const override;
    std::string number(long long n) const override;
    std::string percent(double ratio, int decimals) const override;
    std::string decimal(double value, int decimals) const override;
    std::string date(Date d, DateStyle style) const override;

  private:
    std::string m_lang = "en";
};

// Replaces every "%d" in `pattern` with `value`.
std::string replace_count(std::string_view pattern, std::string_view value);

}  // namespace homeroom::render

namespace homeroom::render {

// The languages a site is published in, each with its Localizer.
class LocalizerSet {
  public:
    virtual ~LocalizerSet() = default;
    // The shipped languages, English first.
    virtual const std::vector<std::string>& languages() const = 0;
    // The Localizer of `lang`, or English's when `lang` is not shipped.
    virtual const Localizer& get(std::string_view lang) const = 0;
    // "English", "Español", "العربية".
    virtual std::string native_name(std::string_view lang) const = 0;
};

// English only, without catalogs (tests; a site without locales/).
class EnglishOnly : public LocalizerSet {
  public:
    const std::vector<std::string>& languages() const override { return m_languages; }
    const Localizer& get(std::string_view) const override { return m_english; }
    std::string native_name(std::string_view) const override { return "English"; }

  private:
    std::vector<std::string> m_languages{"en"};
    EnglishLocalizer m_english;
};

}  // namespace homeroom::render
