#include "sample/school_year.h"

#include <gtest/gtest.h>

namespace homeroom::sample {
namespace {

Date d(int y, int m, int day) {
    return Date::from_ymd(y, m, day);
}

bool is_school_day(const SchoolYear& year, Date date) {
    for (const auto& day : year.days())
        if (day.date == date)
            return true;
    return false;
}

TEST(SchoolYear, RunsFromLateAugustToMidJune) {
    const SchoolYear year = SchoolYear::starting(2025);
    EXPECT_EQ(year.label(), "2025-26");
    EXPECT_EQ(year.first_day(), d(2025, 8, 25));
    EXPECT_EQ(year.last_day(), d(2026, 6, 12));
    EXPECT_GE(year.instructional_days().size(), 175u);
    EXPECT_LE(year.instructional_days().size(), 180u);
    for (const auto& day : year.days()) EXPECT_LT(day.date.weekday(), 5) << day.date.to_string();
}

TEST(SchoolYear, ClosesForHolidaysAndBreaks) {
    const SchoolYear year = SchoolYear::starting(2025);
    for (const Date closed :
         {d(2025, 9, 1), d(2025, 10, 13), d(2025, 11, 11), d(2025, 11, 27), d(2025, 11, 28),
          d(2025, 12, 22), d(2025, 12, 31), d(2026, 1, 2), d(2026, 1, 19), d(2026, 2, 16),
          d(2026, 2, 20), d(2026, 3, 30), d(2026, 4, 3), d(2026, 5, 25)})
        EXPECT_FALSE(is_school_day(year, closed)) << closed.to_string();
    for (const Date open : {d(2025, 12, 19), d(2026, 1, 5), d(2026, 2, 23), d(2026, 4, 6)})
        EXPECT_GE(year.instructional_index(open), 0) << open.to_string();
}

TEST(SchoolYear, ListsProfessionalDevelopmentDaysAsNotInstructional) {
    const SchoolYear year = SchoolYear::starting(2025);
    int staff_only = 0;
    for (const auto& day : year.days()) {
        if (day.instructional)
            continue;
        ++staff_only;
        EXPECT_EQ(year.instructional_index(day.date), -1);
    }
    EXPECT_EQ(staff_only, 5);
    EXPECT_EQ(year.instructional_index(d(2025, 11, 4)), -1);  // Election Day
}

TEST(SchoolYear, HasFourContiguousQuarters) {
    const SchoolYear year = SchoolYear::starting(2025);
    const auto& periods = year.marking_periods();
    ASSERT_EQ(periods.size(), 4u);
    EXPECT_EQ(periods[0].id, "2025-26-Q1");
    EXPECT_EQ(periods[0].name, "Quarter 1");
    EXPECT_EQ(periods.front().start_date, year.first_day());
    EXPECT_EQ(periods.back().end_date, year.last_day());
    for (std::size_t q = 1; q < 4; ++q) {
        EXPECT_LT(periods[q - 1].end_date, periods[q].start_date);
        const auto next =
            year.first_instructional_at_or_after(periods[q - 1].end_date.plus_days(1));
        EXPECT_EQ(year.instructional_days()[next], periods[q].start_date);
        const auto length = year.period_bounds()[q] - year.period_bounds()[q - 1];
        EXPECT_NEAR(static_cast<double>(length), year.instructional_days().size() / 4.0, 1.0);
    }
}

TEST(SchoolYear, PicksTheYearThatHasStartedByTheAsOfDate) {
    EXPECT_EQ(SchoolYear::containing(d(2026, 6, 12)).start_year(), 2025);
    EXPECT_EQ(SchoolYear::containing(d(2025, 8, 25)).start_year(), 2025);
    EXPECT_EQ(SchoolYear::containing(d(2025, 8, 24)).start_year(), 2024);
    EXPECT_EQ(SchoolYear::containing(d(2026, 7, 20)).start_year(), 2025);
    EXPECT_EQ(SchoolYear::starting(2099).label(), "2099-00");
    EXPECT_EQ(SchoolYear::starting(2008).label(), "2008-09");
}

TEST(SchoolYear, SchedulesTestsOnInstructionalDays) {
    for (int y = 2020; y < 2040; ++y) {
        const SchoolYear year = SchoolYear::starting(y);
        EXPECT_GE(year.instructional_days().size(), 172u) << y;
        EXPECT_LE(year.instructional_days().size(), 182u) << y;
        for (const Date t : {year.fall_interim_day(), year.winter_interim_day(),
                             year.state_test_day(), year.program_start_day()})
            EXPECT_GE(year.instructional_index(t), 0) << t.to_string();
        EXPECT_EQ(year.state_test_day().month(), 4) << y;
    }
}

}  // namespace
}  // namespace homeroom::sample
