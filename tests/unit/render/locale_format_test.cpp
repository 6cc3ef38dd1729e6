#include "render/locale_format.h"

#include <gtest/gtest.h>
#include <unicode/locid.h>

#include <thread>
#include <vector>

namespace homeroom::render {
namespace {

// Invisible marks ICU puts in Arabic output so that numbers and dates keep their order inside
// right-to-left text.
#define ALM "\u061C"  // ARABIC LETTER MARK, after the percent sign
#define RLM "\u200F"  // RIGHT-TO-LEFT MARK, after each number of a numeric date
#define NBSP "\u00A0"

const Date k_date = Date::from_ymd(2025, 9, 9);  // a Tuesday

TEST(LocaleFormat, WritesIntegersWithEachLanguagesDigitsAndGrouping) {
    EXPECT_EQ(format_integer("en", 1234567), "1,234,567");
    EXPECT_EQ(format_integer("es", 1234567), "1.234.567");
    EXPECT_EQ(format_integer("ar", 1234567), "١٬٢٣٤٬٥٦٧");
    EXPECT_EQ(format_integer("en", -42), "-42");
    EXPECT_EQ(format_integer("es", 7), "7");
    EXPECT_EQ(format_integer("ar", 0), "٠");
    EXPECT_EQ(format_integer("ar", 10), "١٠");
    EXPECT_EQ(format_integer("ar", 1234), "١٬٢٣٤");
    // CLDR: Spanish groups thousands only from five digits on.
    EXPECT_EQ(format_integer("es", 1234), "1234");
    EXPECT_EQ(format_integer("es", 12345), "12.345");
}

TEST(LocaleFormat, WritesPercents) {
    EXPECT_EQ(format_percent("en", 0.125, 1), "12.5%");
    EXPECT_EQ(format_percent("es", 0.125, 1), "12,5" NBSP "%");
    EXPECT_EQ(format_percent("ar", 0.125, 1), "١٢٫٥٪" ALM);
    EXPECT_EQ(format_percent("en", 0.87, 0), "87%");
    EXPECT_EQ(format_percent("en", 0.12, 1), "12.0%");
    EXPECT_EQ(format_percent("en", 1.0, 0), "100%");
    EXPECT_EQ(format_percent("en", 0.0, 0), "0%");
    // Half up, like the metrics' whole percents (half-even would give 12%).
    EXPECT_EQ(format_percent("en", 0.125, 0), "13%");
    EXPECT_EQ(format_percent("en", 0.1234, 9), "12.340000%");  // at most 6 decimals
    EXPECT_EQ(format_percent("en", 0.5, -3), "50%");
}

TEST(LocaleFormat, WritesWholePercentsAndDecimals) {
    const LocaleFormat& en = LocaleFormat::of("en");
    const LocaleFormat& es = LocaleFormat::of("es");
    const LocaleFormat& ar = LocaleFormat::of("ar");
    EXPECT_EQ(en.whole_percent(87), "87%");
    EXPECT_EQ(es.whole_percent(87), "87" NBSP "%");
    EXPECT_EQ(ar.whole_percent(87), "٨٧٪" ALM);
    EXPECT_EQ(en.decimal(3.255, 2), "3.26");
    EXPECT_EQ(es.decimal(3.25, 2), "3,25");
    EXPECT_EQ(ar.decimal(3.25, 2), "٣٫٢٥");
    EXPECT_EQ(en.decimal(2.0, 1), "2.0");
    EXPECT_EQ(en.decimal(1234.5, 5), "1,234.50000");
}

TEST(LocaleFormat, WritesDatesInThreeLengths) {
    EXPECT_EQ(format_date("en", k_date, DateStyle::long_form), "September 9, 2025");
    EXPECT_EQ(format_date("en", k_date, DateStyle::medium), "Sep 9, 2025");
    EXPECT_EQ(format_date("en", k_date, DateStyle::short_numeric), "9/9/25");
    EXPECT_EQ(format_date("es", k_date, DateStyle::long_form), "9 de septiembre de 2025");
    EXPECT_EQ(format_date("es", k_date, DateStyle::medium), "9 sept 2025");
    EXPECT_EQ(format_date("es", k_date, DateStyle::short_numeric), "9/9/25");
    EXPECT_EQ(format_date("ar", k_date, DateStyle::long_form), "٩ سبتمبر ٢٠٢٥");
    EXPECT_EQ(format_date("ar", k_date, DateStyle::medium), "٠٩" RLM "/٠٩" RLM "/٢٠٢٥");
    EXPECT_EQ(format_date("ar", k_date, DateStyle::short_numeric), "٩" RLM "/٩" RLM "/٢٠٢٥");
}

TEST(LocaleFormat, KeepsTheCalendarDayAtTheEdgesOfTheYear) {
    EXPECT_EQ(format_date("en", Date::from_ymd(2026, 1, 1), DateStyle::long_form),
              "January 1, 2026");
    EXPECT_EQ(format_date("en", Date::from_ymd(2025, 12, 31), DateStyle::long_form),
              "December 31, 2025");
    EXPECT_EQ(format_date("en", Date::from_ymd(2024, 2, 29), DateStyle::medium), "Feb 29, 2024");
    EXPECT_EQ(format_date("en", Date::from_ymd(1969, 12, 31), DateStyle::medium), "Dec 31, 1969");
}

TEST(LocaleFormat, UsesTheGregorianCalendarEverywhere) {
    // Persian's default calendar is the Solar Hijri one: school dates must not turn into it.
    EXPECT_EQ(format_date("fa", k_date, DateStyle::long_form).find("۱۴۰۴"), std::string::npos);
    EXPECT_NE(format_date("fa", k_date, DateStyle::long_form).find("۲۰۲۵"), std::string::npos);
}

TEST(LocaleFormat, WritesDayAndMonthForChartAxes) {
    EXPECT_EQ(LocaleFormat::of("en").month_day(k_date), "Sep 9");
    EXPECT_EQ(LocaleFormat::of("es").month_day(k_date), "9 sept");
    EXPECT_EQ(LocaleFormat::of("ar").month_day(k_date), "٩ سبتمبر");
}

TEST(LocaleFormat, NamesWeekdaysFromMondayAndMonthsFromJanuary) {
    EXPECT_EQ(weekday_name("en", 0), "Monday");
    EXPECT_EQ(weekday_name("en", 6), "Sunday");
    EXPECT_EQ(weekday_name("en", k_date.weekday(), NameWidth::abbreviated), "Tue");
    EXPECT_EQ(weekday_name("es", 0), "lunes");
    EXPECT_EQ(weekday_name("es", 2, NameWidth::abbreviated), "mié");
    EXPECT_EQ(weekday_name("ar", 0), "الاثنين");
    EXPECT_EQ(weekday_name("ar", 4), "الجمعة");
    EXPECT_EQ(weekday_name("ar", 6), "الأحد");
    EXPECT_EQ(month_name("en", 1), "January");
    EXPECT_EQ(month_name("en", 9, NameWidth::abbreviated), "Sep");
    EXPECT_EQ(month_name("es", 9), "septiembre");
    EXPECT_EQ(month_name("ar", 9), "سبتمبر");
    EXPECT_EQ(month_name("ar", 12), "ديسمبر");
    EXPECT_EQ(month_name("en", 0), "");
    EXPECT_EQ(month_name("en", 13), "");
    EXPECT_EQ(weekday_name("en", 7), "");
}

TEST(LocaleFormat, WritesPublishedFigures) {
    using Kind = metrics::DisplayValue::Kind;
    const LocaleFormat& ar = LocaleFormat::of("ar");
    const LocaleFormat& es = LocaleFormat::of("es");
    EXPECT_EQ(ar.display_value({Kind::number, 412}, "*", "-"), "٤١٢");
    EXPECT_EQ(ar.display_value({Kind::below, 5}, "*", "-"), "<٥٪" ALM);
    EXPECT_EQ(es.display_value({Kind::above, 95}, "*", "-"), ">95" NBSP "%");
    EXPECT_EQ(es.display_value({Kind::percent, 8}, "*", "-"), "8" NBSP "%");
    EXPECT_EQ(es.display_value({Kind::suppressed, 0}, "oculto", "-"), "oculto");
    EXPECT_EQ(es.display_value({Kind::no_data, 0}, "*", "sin datos"), "sin datos");
}

TEST(LocaleFormat, FillsCountsInTheLanguagesDigits) {
    EXPECT_EQ(LocaleFormat::of("ar").count_message("%d غيابات", 3), "٣ غيابات");
    EXPECT_EQ(LocaleFormat::of("es").count_message("%d ausencias", 12000), "12.000 ausencias");
    EXPECT_EQ(LocaleFormat::of("en").count_message("no count", 3), "no count");
}

TEST(LocaleFormat, DoesNotDependOnTheMachinesLocale) {
    // ICU falls back to its default locale (taken from LANG) for languages it lacks; Homeroom
    // must not.
    const std::string before = format_integer("qqq", 1234567);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale saved = icu::Locale::getDefault();
    icu::Locale::setDefault(icu::Locale("fr"), status);
    EXPECT_EQ(format_integer("xx", 1234567), "1,234,567");
    EXPECT_EQ(format_date("zz", k_date, DateStyle::long_form), "September 9, 2025");
    EXPECT_EQ(format_percent("es", 0.5, 0), "50" NBSP "%");
    icu::Locale::setDefault(saved, status);
    EXPECT_EQ(before, "1,234,567");
}

TEST(LocaleFormat, AcceptsRegionalCodesEitherWay) {
    EXPECT_EQ(&LocaleFormat::of("pt_BR"), &LocaleFormat::of("pt-BR"));
    EXPECT_EQ(format_date("pt_BR", k_date, DateStyle::long_form), "9 de setembro de 2025");
}

TEST(LocaleFormat, BuildsEachLanguageOnceAndSharesItAcrossThreads) {
    const std::vector<std::string> codes = {"en", "es", "ar", "fr", "de", "he"};
    std::vector<std::vector<std::string>> results(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < results.size(); ++t)
        threads.emplace_back([&, t] {
            for (int round = 0; round < 50; ++round)
                for (const std::string& code : codes) {
                    const LocaleFormat& f = LocaleFormat::of(code);
                    std::string line = f.integer(1000 + round) + "|" + f.percent(0.5, 1) + "|" +
                                       f.date(k_date.plus_days(round), DateStyle::long_form) + "|" +
                                       f.month_day(k_date);
                    if (round == 49)
                        results[t].push_back(std::move(line));
                }
        });
    for (auto& thread : threads) thread.join();
    for (std::size_t t = 1; t < results.size(); ++t) EXPECT_EQ(results[t], results[0]);
    EXPECT_EQ(&LocaleFormat::of("ar"), &LocaleFormat::of("ar"));
}

}  // namespace
}  // namespace homeroom::render
