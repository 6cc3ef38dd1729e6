// Numbers, percents and dates written the way each language writes them, through ICU (CLDR
// data): "1,234" / "1.234" / "١٬٢٣٤", "12.5%" / "12,5 %" / "١٢٫٥٪؜", "September 9, 2025"
// / "9 de septiembre de 2025" / "٩ سبتمبر ٢٠٢٥". docs/translations.md lists what ICU prints.
//
// Output never depends on the machine: every call names its language (never ICU's default
// locale), dates are calendar dates formatted in UTC on the Gregorian calendar, and a language
// ICU has no data for is formatted as English.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "core/date.h"
#include "metrics/rate_format.h"
#include "render/localizer.h"  // DateStyle

namespace homeroom::render {

// "Monday" / "Mon", "September" / "Sep".
enum class NameWidth { wide, abbreviated };

// Every formatter of one language. ICU formatters are slow to build, so each language's are
// built once and shared: get them with LocaleFormat::of(), keep the reference for a page, and
// call it from any thread.
class LocaleFormat {
  public:
    // Built on first use, then kept for the life of the process. Thread-safe.
    static const LocaleFormat& of(std::string_view code);

    ~LocaleFormat();
    LocaleFormat(const LocaleFormat&) = delete;
    LocaleFormat& operator=(const LocaleFormat&) = delete;

    const std::string& code() const { return m_code; }

    std::string integer(std::int64_t n) const;
    // Fixed number of decimals (0 to 6), rounded half up: 3.25 -> "3.25" / "3,25" / "٣٫٢٥".
    std::string decimal(double value, int decimals) const;
    // `ratio` is a fraction: 0.125 with 1 decimal -> "12.5%"; decimals 0 to 6, rounded half up.
    std::string percent(double ratio, int decimals) const;
    // A percent already in points: 87 -> "87%" / "87 %" / "٨٧٪؜".
    std::string whole_percent(std::int64_t points) const;

    // ICU's (CLDR's) date lengths: long_form "September 9, 2025", medium "Sep 9, 2025",
    // short_numeric "9/9/25".
    std::string date(Date date, DateStyle style) const;
    // Day and abbreviated month, for chart axes and week headings: "Sep 8" / "8 sept" / "٨ سبتمبر".
    std::string month_day(Date date) const;
    // weekday 0 = Monday ... 6 = Sunday (Date::weekday()); month 1 to 12. Standalone forms, as
    // in headings. Out-of-range values give an empty string.
    const std::string& weekday_name(int weekday, NameWidth width = NameWidth::wide) const;
    const std::string& month_name(int month, NameWidth width = NameWidth::wide) const;

    // A published figure (metrics::DisplayValue) in this language: "412", "87%", "<5%", ">95%",
    // or the given (already translated) markers.
    std::string display_value(const metrics::DisplayValue& value,
                              std::string_view suppressed_marker,
                              std::string_view no_data_marker) const;
    // A translated count message ("%d absences") with the count in this language's digits.
    std::string count_message(std::string_view pattern, std::int64_t n) const;

  private:
    struct Icu;  // the ICU objects, kept out of this header
    explicit LocaleFormat(std::string code);

    std::string m_code;
    std::unique_ptr<Icu> m_icu;
    std::array<std::string, 7> m_weekdays_wide, m_weekdays_abbreviated;
    std::array<std::string, 12> m_months_wide, m_months_abbreviated;
    // ICU's date formats are not documented as safe to share between threads; dates are few per
    // page, so they take turns.
    mutable std::mutex m_date_mutex;
};

// Shorthands for one-off calls; loops should keep LocaleFormat::of(code) instead.
std::string format_integer(std::string_view code, std::int64_t n);
std::string format_percent(std::string_view code, double ratio, int decimals);
std::string format_date(std::string_view code, Date date, DateStyle style);
std::string weekday_name(std::string_view code, int weekday, NameWidth width = NameWidth::wide);
std::string month_name(std::string_view code, int month, NameWidth width = NameWidth::wide);

}  // namespace homeroom::render
