#include "sample/school_year.h"

#include <algorithm>
#include <set>

namespace homeroom::sample {
namespace {

// The n-th (1-based) given weekday (0 = Monday) of a month.
Date nth_weekday(int year, int month, int weekday, int n) {
    const Date first = Date::from_ymd(year, month, 1);
    const int offset = (weekday - first.weekday() + 7) % 7;
    return first.plus_days(offset + 7 * (n - 1));
}

Date last_weekday(int year, int month, int weekday) {
    const Date next_month =
        month == 12 ? Date::from_ymd(year + 1, 1, 1) : Date::from_ymd(year, month + 1, 1);
    const Date last = next_month.plus_days(-1);
    return last.plus_days(-((last.weekday() - weekday + 7) % 7));
}

constexpr int k_monday = 0, k_thursday = 3, k_friday = 4;

}  // namespace

SchoolYear SchoolYear::starting(int start_year) {
    const int y = start_year;
    SchoolYear year;
    year.m_start_year = y;
    const int next = (y + 1) % 100;
    year.m_label = std::to_string(y) + (next < 10 ? "-0" : "-") + std::to_string(next);

    // Michigan districts start the week before Labor Day and finish in mid-June.
    const Date labor_day = nth_weekday(y, 9, k_monday, 1);
    const Date first_day = labor_day.plus_days(-7);
    const Date last_day = nth_weekday(y + 1, 6, k_friday, 2);

    std::set<Date> closed;
    auto close_week = [&](Date monday) {
        for (int i = 0; i < 5; ++i) closed.insert(monday.plus_days(i));
    };
    closed.insert(labor_day);
    closed.insert(nth_weekday(y, 10, k_monday, 2));  // Indigenous Peoples' Day
    closed.insert(Date::from_ymd(y, 11, 11));        // Veterans Day (ignored on a weekend)
    const Date thanksgiving = nth_weekday(y, 11, k_thursday, 4);
    closed.insert(thanksgiving);
    closed.insert(thanksgiving.plus_days(1));
    // Winter break: the two weeks around Christmas, starting the Monday of Christmas Eve's week
    // (the next Monday when Christmas Eve falls on a weekend).
    const Date christmas_eve = Date::from_ymd(y, 12, 24);
    Date winter_break = christmas_eve.week_start();
    if (christmas_eve.weekday() > k_friday)
        winter_break = winter_break.plus_days(7);
    close_week(winter_break);
    close_week(winter_break.plus_days(7));
    const Date mlk_day = nth_weekday(y + 1, 1, k_monday, 3);
    closed.insert(mlk_day);
    close_week(nth_weekday(y + 1, 2, k_monday, 3));  // mid-winter break, Presidents' Day week
    // Spring break: the week that starts on the Monday between 29 March and 4 April.
    Date spring_break = Date::from_ymd(y + 1, 3, 29);
    while (spring_break.weekday() != k_monday) spring_break = spring_break.plus_days(1);
    close_week(spring_break);
    closed.insert(last_weekday(y + 1, 5, k_monday));  // Memorial Day

    // Professional-development days: school is open for staff only.
    const std::set<Date> staff_only = {
        first_day.plus_days(32),                       // a Friday in late September
        nth_weekday(y, 11, k_monday, 1).plus_days(1),  // Election Day
        mlk_day.plus_days(4),                          // end-of-semester records day
        spring_break.plus_days(-17),                   // a Friday in mid-March
        nth_weekday(y + 1, 5, k_friday, 1)};

    for (Date d = first_day; d <= last_day; d = d.plus_days(1)) {
        if (d.weekday() > k_friday || closed.count(d))
            continue;
        const bool instructional = !staff_only.count(d);
        year.m_days.push_back({d, instructional});
        if (instructional)
            year.m_instructional.push_back(d);
    }
    year.m_index_by_day.assign(static_cast<std::size_t>(last_day - first_day + 1), -1);
    for (std::size_t i = 0; i < year.m_instructional.size(); ++i)
        year.m_index_by_day[static_cast<std::size_t>(year.m_instructional[i] - first_day)] =
            static_cast<int>(i);

    // Four quarters of (nearly) equal numbers of instructional days.
    const std::size_t n = year.m_instructional.size();
    for (std::size_t q = 0; q <= 4; ++q) year.m_period_bounds.push_back((q * n + 2) / 4);
    year.m_period_bounds.back() = n;
    for (std::size_t q = 0; q < 4; ++q) {
        MarkingPeriod p;
        p.id = year.m_label + "-Q" + std::to_string(q + 1);
        p.name = "Quarter " + std::to_string(q + 1);
        p.start_date = year.m_instructional[year.m_period_bounds[q]];
        p.end_date = year.m_instructional[year.m_period_bounds[q + 1] - 1];
        year.m_periods.push_back(std::move(p));
    }

    auto school_day_from = [&](Date d) {
        const std::size_t i = year.first_instructional_at_or_after(d);
        return i < n ? year.m_instructional[i] : year.m_instructional.back();
    };
    year.m_program_start = school_day_from(first_day.plus_days(14));
    year.m_fall_interim = school_day_from(first_day.plus_days(22));
    year.m_winter_interim = school_day_from(mlk_day.plus_days(8));
    year.m_state_test = school_day_from(spring_break.plus_days(22));
    return year;
}

SchoolYear SchoolYear::containing(Date as_of) {
    int y = as_of.year();
    if (nth_weekday(y, 9, k_monday, 1).plus_days(-7) > as_of)
        --y;
    return starting(y);
}

int SchoolYear::instructional_index(Date d) const {
    if (d < first_day() || d > last_day())
        return -1;
    return m_index_by_day[static_cast<std::size_t>(d - first_day())];
}

std::size_t SchoolYear::first_instructional_at_or_after(Date d) const {
    return static_cast<std::size_t>(
        std::lower_bound(m_instructional.begin(), m_instructional.end(), d) -
        m_instructional.begin());
}

}  // namespace homeroom::sample
