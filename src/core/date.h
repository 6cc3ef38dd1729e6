// A calendar date without time zone: days since 1970-01-01 (proleptic Gregorian).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace homeroom {

class Date {
  public:
    constexpr Date() = default;
    static constexpr Date from_days(std::int32_t days) { return Date(days); }
    // Throws std::invalid_argument for an impossible date (e.g. 2026-02-30).
    static Date from_ymd(int year, int month, int day);
    // Strict ISO 8601 calendar date "YYYY-MM-DD"; nullopt if malformed or not a real date.
    static std::optional<Date> parse(std::string_view text);

    constexpr std::int32_t days() const { return m_days; }
    int year() const;
    int month() const;
    int day() const;
    // 0 = Monday ... 6 = Sunday (ISO order).
    int weekday() const;
    // The Monday of this date's ISO week.
    Date week_start() const { return Date(m_days - weekday()); }
    std::string to_string() const;  // "YYYY-MM-DD"

    constexpr Date plus_days(std::int32_t n) const { return Date(m_days + n); }
    friend constexpr std::int32_t operator-(Date a, Date b) { return a.m_days - b.m_days; }
    friend constexpr auto operator<=>(Date, Date) = default;

    static bool is_valid_ymd(int year, int month, int day);

  private:
    constexpr explicit Date(std::int32_t days) : m_days(days) {}
    std::int32_t m_days = 0;
};

// Whole years of age on `on` for someone born on `birth` (a 29 February birthday counts on 1 March
// in common years).
int age_on(Date birth, Date on);

}  // namespace homeroom
