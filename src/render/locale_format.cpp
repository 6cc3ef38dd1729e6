#include "render/locale_format.h"

#include <unicode/datefmt.h>
#include <unicode/dtfmtsym.h>
#include <unicode/dtptngen.h>
#include <unicode/numberformatter.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <map>
#include <vector>

#include "core/errors.h"
#include "render/icu_locale.h"
#include "render/placeholders.h"

namespace homeroom::render {

namespace {

using icu::number::LocalizedNumberFormatter;
using icu::number::NumberFormatter;
using icu::number::Precision;
using icu::number::Scale;

constexpr int k_max_decimals = 6;
// Decimals 0..k_cached_decimals have formatters built in advance; more are built per call.
constexpr int k_cached_decimals = 3;
constexpr double k_milliseconds_per_day = 86400000.0;

std::string text_of(const icu::number::FormattedNumber& formatted, UErrorCode& status) {
    const icu::UnicodeString text = formatted.toString(status);
    return U_SUCCESS(status) ? to_utf8(text) : std::string();
}

void check(UErrorCode status, std::string_view what, std::string_view code) {
    // ICU's data is part of the installed library; missing data is a broken installation.
    if (U_FAILURE(status))
        throw IoError("ICU cannot " + std::string(what) + " for language " + std::string(code) +
                      ": " + u_errorName(status));
}

std::unique_ptr<icu::DateFormat> utc(icu::DateFormat* format, std::string_view code) {
    if (format == nullptr)
        throw IoError("ICU cannot build a date format for language " + std::string(code));
    // Date holds calendar days; midnight UTC of that day read back in UTC is the same day
    // wherever the program runs.
    format->adoptTimeZone(icu::TimeZone::getGMT()->clone());
    return std::unique_ptr<icu::DateFormat>(format);
}

LocalizedNumberFormatter with_decimals(const LocalizedNumberFormatter& base, int decimals) {
    return base.precision(Precision::fixedFraction(decimals)).roundingMode(UNUM_ROUND_HALFUP);
}

}  // namespace

struct LocaleFormat::Icu {
    icu::Locale locale;
    LocalizedNumberFormatter numbers;
    LocalizedNumberFormatter percents;  // unit percent, scaled by 100
    std::array<LocalizedNumberFormatter, k_cached_decimals + 1> decimal_by_places;
    std::array<LocalizedNumberFormatter, k_cached_decimals + 1> percent_by_places;
    std::unique_ptr<icu::DateFormat> long_date, medium_date, short_date, month_day;
};

LocaleFormat::LocaleFormat(std::string code) : m_code(std::move(code)), m_icu(new Icu) {
    Icu& icu = *m_icu;
    icu.locale = icu_locale(m_code);
    icu.numbers = NumberFormatter::withLocale(icu.locale).roundingMode(UNUM_ROUND_HALFUP);
    icu.percents = icu.numbers.unit(icu::NoUnit::percent());
    const LocalizedNumberFormatter scaled_percents = icu.percents.scale(Scale::powerOfTen(2));
    for (int places = 0; places <= k_cached_decimals; ++places) {
        icu.decimal_by_places[places] = with_decimals(icu.numbers, places);
        icu.percent_by_places[places] = with_decimals(scaled_percents, places);
    }

    icu.long_date =
        utc(icu::DateFormat::createDateInstance(icu::DateFormat::kLong, icu.locale), m_code);
    icu.medium_date =
        utc(icu::DateFormat::createDateInstance(icu::DateFormat::kMedium, icu.locale), m_code);
    icu.short_date =
        utc(icu::DateFormat::createDateInstance(icu::DateFormat::kShort, icu.locale), m_code);

    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::DateTimePatternGenerator> patterns(
        icu::DateTimePatternGenerator::createInstance(icu.locale, status));
    check(status, "build date patterns", m_code);
    const icu::UnicodeString month_day_pattern =
        patterns->getBestPattern(icu::UnicodeString(u"MMMd"), status);
    check(status, "find a day-month pattern", m_code);
    icu.month_day = utc(new icu::SimpleDateFormat(month_day_pattern, icu.locale, status), m_code);
    check(status, "build a day-month format", m_code);

    icu::DateFormatSymbols symbols(icu.locale, status);
    check(status, "load month and weekday names", m_code);
    int32_t count = 0;
    using Symbols = icu::DateFormatSymbols;
    const auto copy_weekdays = [&](std::array<std::string, 7>& out, Symbols::DtWidthType width) {
        // ICU numbers weekdays 1 = Sunday ... 7 = Saturday; ours start on Monday.
        const icu::UnicodeString* names = symbols.getWeekdays(count, Symbols::STANDALONE, width);
        for (int i = 0; i < 7 && i + 2 <= count; ++i) out[i] = to_utf8(names[i == 6 ? 1 : i + 2]);
    };
    const auto copy_months = [&](std::array<std::string, 12>& out, Symbols::DtWidthType width) {
        const icu::UnicodeString* names = symbols.getMonths(count, Symbols::STANDALONE, width);
        for (int i = 0; i < 12 && i < count; ++i) out[i] = to_utf8(names[i]);
    };
    copy_weekdays(m_weekdays_wide, Symbols::WIDE);
    copy_weekdays(m_weekdays_abbreviated, Symbols::ABBREVIATED);
    copy_months(m_months_wide, Symbols::WIDE);
    copy_months(m_months_abbreviated, Symbols::ABBREVIATED);
}

LocaleFormat::~LocaleFormat() = default;

const LocaleFormat& LocaleFormat::of(std::string_view code) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<LocaleFormat>, std::less<>> cache;
    std::string key(code);
    std::replace(key.begin(), key.end(), '_', '-');
    const std::lock_guard lock(mutex);
    auto it = cache.find(key);
    if (it == cache.end())
        it = cache.emplace(key, std::unique_ptr<LocaleFormat>(new LocaleFormat(key))).first;
    return *it->second;
}

std::string LocaleFormat::integer(std::int64_t n) const {
    UErrorCode status = U_ZERO_ERROR;
    return text_of(m_icu->numbers.formatInt(n, status), status);
}

std::string LocaleFormat::decimal(double value, int decimals) const {
    decimals = std::clamp(decimals, 0, k_max_decimals);
    UErrorCode status = U_ZERO_ERROR;
    if (decimals <= k_cached_decimals)
        return text_of(m_icu->decimal_by_places[decimals].formatDouble(value, status), status);
    return text_of(with_decimals(m_icu->numbers, decimals).formatDouble(value, status), status);
}

std::string LocaleFormat::percent(double ratio, int decimals) const {
    decimals = std::clamp(decimals, 0, k_max_decimals);
    UErrorCode status = U_ZERO_ERROR;
    if (decimals <= k_cached_decimals)
        return text_of(m_icu->percent_by_places[decimals].formatDouble(ratio, status), status);
    const LocalizedNumberFormatter f =
        with_decimals(m_icu->percents.scale(Scale::powerOfTen(2)), decimals);
    return text_of(f.formatDouble(ratio, status), status);
}

std::string LocaleFormat::whole_percent(std::int64_t points) const {
    UErrorCode status = U_ZERO_ERROR;
    return text_of(m_icu->percents.formatInt(points, status), status);
}

std::string LocaleFormat::date(Date date, DateStyle style) const {
    const icu::DateFormat& format = style == DateStyle::long_form ? *m_icu->long_date
                                    : style == DateStyle::medium  ? *m_icu->medium_date
                                                                  : *m_icu->short_date;
    icu::UnicodeString text;
    {
        const std::lock_guard lock(m_date_mutex);
        format.format(date.days() * k_milliseconds_per_day, text);
    }
    return to_utf8(text);
}

std::string LocaleFormat::month_day(Date date) const {
    icu::UnicodeString text;
    {
        const std::lock_guard lock(m_date_mutex);
        m_icu->month_day->format(date.days() * k_milliseconds_per_day, text);
    }
    return to_utf8(text);
}

const std::string& LocaleFormat::weekday_name(int weekday, NameWidth width) const {
    static const std::string none;
    if (weekday < 0 || weekday > 6)
        return none;
    return (width == NameWidth::wide ? m_weekdays_wide : m_weekdays_abbreviated)[weekday];
}

const std::string& LocaleFormat::month_name(int month, NameWidth width) const {
    static const std::string none;
    if (month < 1 || month > 12)
        return none;
    return (width == NameWidth::wide ? m_months_wide : m_months_abbreviated)[month - 1];
}

std::string LocaleFormat::display_value(const metrics::DisplayValue& value,
                                        std::string_view suppressed_marker,
                                        std::string_view no_data_marker) const {
    using Kind = metrics::DisplayValue::Kind;
    switch (value.kind) {
        case Kind::no_data:
            return std::string(no_data_marker);
        case Kind::number:
            return integer(value.number);
        case Kind::percent:
            return whole_percent(value.number);
        case Kind::below:
            return "<" + whole_percent(value.number);
        case Kind::above:
            return ">" + whole_percent(value.number);
        case Kind::suppressed:
            return std::string(suppressed_marker);
    }
    return std::string(no_data_marker);
}

std::string LocaleFormat::count_message(std::string_view pattern, std::int64_t n) const {
    return fill_placeholders(pattern, {integer(n)});
}

std::string format_integer(std::string_view code, std::int64_t n) {
    return LocaleFormat::of(code).integer(n);
}

std::string format_percent(std::string_view code, double ratio, int decimals) {
    return LocaleFormat::of(code).percent(ratio, decimals);
}

std::string format_date(std::string_view code, Date date, DateStyle style) {
    return LocaleFormat::of(code).date(date, style);
}

std::string weekday_name(std::string_view code, int weekday, NameWidth width) {
    return LocaleFormat::of(code).weekday_name(weekday, width);
}

std::string month_name(std::string_view code, int month, NameWidth width) {
    return LocaleFormat::of(code).month_name(month, width);
}

}  // namespace homeroom::render
