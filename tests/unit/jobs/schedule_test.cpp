// Schedule evaluation: cron and OnCalendar grammar, and next_run across daylight-saving changes.
#include "jobs/schedule.h"

#include <gtest/gtest.h>

#include "jobs/time_zone.h"

namespace homeroom::jobs {
namespace {

Schedule cron(const std::string& text) {
    auto p = parse_cron(text);
    EXPECT_TRUE(p.schedule) << text << ": " << p.error.message;
    return p.schedule ? *p.schedule : Schedule{};
}

Schedule calendar(const std::string& text) {
    auto p = parse_on_calendar(text);
    EXPECT_TRUE(p.schedule) << text << ": " << p.error.message;
    return p.schedule ? *p.schedule : Schedule{};
}

UtcSeconds at(const std::string& utc) {
    const auto t = parse_utc(utc);
    EXPECT_TRUE(t) << utc;
    return t.value_or(0);
}

// The next `count` runs after `after`, as UTC text.
std::vector<std::string> runs(const Schedule& s, const std::string& after, int count,
                              const std::string& zone = "America/Detroit") {
    const auto tz = TimeZone::find(zone);
    EXPECT_TRUE(tz) << zone;
    std::vector<std::string> out;
    UtcSeconds t = at(after);
    for (int i = 0; i < count; ++i) {
        const auto next = next_run(s, t, tz->offsets());
        if (!next)
            break;
        out.push_back(format_utc(*next));
        t = *next;
    }
    return out;
}

using Runs = std::vector<std::string>;

TEST(CronParse, AcceptsListsRangesStepsAndNames) {
    const auto s = cron("0,30 9-17/2 * jan-mar,DEC mon-fri");
    EXPECT_EQ(s.minutes.count(), 2u);
    EXPECT_TRUE(s.hours[9] && s.hours[11] && s.hours[17] && !s.hours[10]);
    EXPECT_TRUE(s.months[1] && s.months[3] && s.months[12] && !s.months[4]);
    EXPECT_TRUE(s.weekdays[1] && s.weekdays[5] && !s.weekdays[0] && !s.weekdays[6]);
    EXPECT_FALSE(s.day_either);
}

TEST(CronParse, SevenIsSundayAndStepFromAValueRunsToTheEnd) {
    EXPECT_TRUE(cron("0 0 * * 7").weekdays[0]);
    const auto s = cron("5/20 * * * *");
    EXPECT_TRUE(s.minutes[5] && s.minutes[25] && s.minutes[45] && s.minutes.count() == 3);
}

TEST(CronParse, MacrosExpand) {
    EXPECT_EQ(cron("@daily").hours.count(), 1u);
    EXPECT_TRUE(cron("@weekly").weekdays[0]);
    EXPECT_EQ(cron("@hourly").hours.count(), 24u);
}

TEST(CronParse, BothDayFieldsRestrictedMeansEither) {
    EXPECT_TRUE(cron("0 0 1 * mon").day_either);
    EXPECT_FALSE(cron("0 0 */2 * mon").day_either);
    EXPECT_FALSE(cron("0 0 1 * *").day_either);
}

TEST(CronParse, ReportsTheColumnOfTheBadValue) {
    auto p = parse_cron("0 25 * * *");
    ASSERT_FALSE(p.schedule);
    EXPECT_EQ(p.error.column, 3);
    EXPECT_NE(p.error.message.find("hour"), std::string::npos) << p.error.message;
    p = parse_cron("0 0 * * 1,funday");
    EXPECT_EQ(p.error.column, 11);
    EXPECT_FALSE(parse_cron("0 0 * *").schedule);
    EXPECT_FALSE(parse_cron("0 0 * * 5-1").schedule);
    EXPECT_FALSE(parse_cron("*/0 * * * *").schedule);
    EXPECT_FALSE(parse_cron("0 0 0 * *").schedule);
    EXPECT_FALSE(parse_cron("@sometimes").schedule);
    EXPECT_FALSE(parse_cron("0 0 1,,2 * *").schedule);
}

TEST(OnCalendarParse, WeekdayDateAndTime) {
    const auto s = calendar("Mon *-*-* 07:00:00");
    EXPECT_TRUE(s.weekdays[1]);
    EXPECT_EQ(s.weekdays.count(), 1u);
    EXPECT_TRUE(s.hours[7] && s.minutes[0]);
    EXPECT_EQ(s.hours.count(), 1u);
    const auto t = calendar("*-*-* 02:30");
    EXPECT_TRUE(t.hours[2] && t.minutes[30]);
    const auto r = calendar("Mon..Fri *-*-* 06,18:00/15");
    EXPECT_EQ(r.weekdays.count(), 5u);
    EXPECT_EQ(r.hours.count(), 2u);
    EXPECT_EQ(r.minutes.count(), 4u);
    EXPECT_TRUE(calendar("02-29 12:00").days_of_month[29]);
}

TEST(OnCalendarParse, Shorthands) {
    const auto q = calendar("quarterly");
    EXPECT_EQ(q.months.count(), 4u);
    EXPECT_TRUE(q.months[1] && q.months[4] && q.months[7] && q.months[10]);
    EXPECT_TRUE(q.days_of_month[1] && q.days_of_month.count() == 1);
    EXPECT_TRUE(calendar("weekly").weekdays[1]);
    EXPECT_EQ(calendar("hourly").hours.count(), 24u);
    EXPECT_EQ(calendar("Daily").hours.count(), 1u);
}

TEST(OnCalendarParse, RefusesWhatItCannotHonour) {
    EXPECT_FALSE(parse_on_calendar("*-*-* 07:00:30").schedule);
    EXPECT_FALSE(parse_on_calendar("2027-*-* 07:00").schedule);
    EXPECT_FALSE(parse_on_calendar("*-*-* 07:00 America/Detroit").schedule);
    EXPECT_FALSE(parse_on_calendar("Funday 07:00").schedule);
    EXPECT_FALSE(parse_on_calendar("").schedule);
}

TEST(TimeZoneLookup, UnknownNameIsRefused) {
    EXPECT_FALSE(TimeZone::find("America/Atlantis"));
    ASSERT_TRUE(TimeZone::find("America/Detroit"));
    EXPECT_EQ(TimeZone::find("America/Detroit")->offset_at(at("2026-01-15T12:00:00Z")), -5 * 3600);
    EXPECT_EQ(format_offset(-4 * 3600), "-04:00");
}

TEST(NextRun, DailyAtLocalTimeFollowsTheOffset) {
    EXPECT_EQ(runs(cron("0 7 * * *"), "2026-03-06T00:00:00Z", 4),
              (Runs{"2026-03-06T12:00:00Z", "2026-03-07T12:00:00Z", "2026-03-08T11:00:00Z",
                    "2026-03-09T11:00:00Z"}));
}

TEST(NextRun, SpringForwardGapRunsOnceAtThreeOClock) {
    for (const char* zone : {"America/Detroit", "America/New_York"}) {
        EXPECT_EQ(runs(cron("30 2 * * *"), "2026-03-07T00:00:00Z", 3, zone),
                  (Runs{"2026-03-07T07:30:00Z", "2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z"}))
            << zone;
        EXPECT_EQ(runs(calendar("*-*-* 02:30"), "2026-03-07T00:00:00Z", 3, zone),
                  (Runs{"2026-03-07T07:30:00Z", "2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z"}))
            << zone;
    }
}

TEST(NextRun, FallBackRepeatedTimeRunsOnce) {
    for (const char* zone : {"America/Detroit", "America/New_York"}) {
        // 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST): only the first runs.
        EXPECT_EQ(runs(cron("30 1 * * *"), "2026-10-31T00:00:00Z", 3, zone),
                  (Runs{"2026-10-31T05:30:00Z", "2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z"}))
            << zone;
        EXPECT_EQ(runs(cron("30 2 * * *"), "2026-10-31T00:00:00Z", 3, zone),
                  (Runs{"2026-10-31T06:30:00Z", "2026-11-01T07:30:00Z", "2026-11-02T07:30:00Z"}))
            << zone;
    }
    // Asked from inside the repeated hour, the job that already ran is not run again.
    EXPECT_EQ(runs(cron("30 1 * * *"), "2026-11-01T06:10:00Z", 1), (Runs{"2026-11-02T06:30:00Z"}));
}

TEST(NextRun, EveryFiveMinutesAcrossSpringForward) {
    // 01:50 EST, 01:55 EST, then 03:00 EDT: the skipped hour does not run, nothing runs twice.
    EXPECT_EQ(runs(cron("*/5 * * * *"), "2026-03-08T06:45:00Z", 5),
              (Runs{"2026-03-08T06:50:00Z", "2026-03-08T06:55:00Z", "2026-03-08T07:00:00Z",
                    "2026-03-08T07:05:00Z", "2026-03-08T07:10:00Z"}));
}

TEST(NextRun, EveryFiveMinutesAcrossFallBackKeepsItsPace) {
    // 01:55 EDT (05:55Z) is followed by 01:00 EST (06:00Z): every five real minutes.
    const auto r = runs(cron("*/5 * * * *"), "2026-11-01T05:45:00Z", 28, "America/New_York");
    ASSERT_EQ(r.size(), 28u);
    UtcSeconds previous = at("2026-11-01T05:45:00Z");
    for (const auto& text : r) {
        EXPECT_EQ(at(text) - previous, 300) << text;
        previous = at(text);
    }
}

TEST(NextRun, HourlyJobInsideTheRepeatedHourRunsBothTimes) {
    EXPECT_EQ(runs(cron("15 * * * *"), "2026-11-01T05:00:00Z", 3),
              (Runs{"2026-11-01T05:15:00Z", "2026-11-01T06:15:00Z", "2026-11-01T07:15:00Z"}));
}

TEST(NextRun, MonthEndsAndLeapDays) {
    EXPECT_EQ(runs(cron("0 12 31 * *"), "2026-01-01T00:00:00Z", 3),
              (Runs{"2026-01-31T17:00:00Z", "2026-03-31T16:00:00Z", "2026-05-31T16:00:00Z"}));
    EXPECT_EQ(runs(cron("0 0 29 2 *"), "2026-01-01T00:00:00Z", 2),
              (Runs{"2028-02-29T05:00:00Z", "2032-02-29T05:00:00Z"}));
    EXPECT_EQ(runs(calendar("*-02-29 00:00"), "2026-01-01T00:00:00Z", 1),
              (Runs{"2028-02-29T05:00:00Z"}));
    // The year's last minute rolls into the next year.
    EXPECT_EQ(runs(cron("59 23 31 12 *"), "2026-06-01T00:00:00Z", 1),
              (Runs{"2027-01-01T04:59:00Z"}));
    const auto tz = TimeZone::find("America/Detroit");
    EXPECT_FALSE(next_run(cron("0 0 30 2 *"), at("2026-01-01T00:00:00Z"), tz->offsets()));
}

TEST(NextRun, DayOfMonthOrDayOfWeek) {
    // The 1st of the month OR any Friday.
    EXPECT_EQ(runs(cron("0 9 1 * fri"), "2026-04-28T00:00:00Z", 3),
              (Runs{"2026-05-01T13:00:00Z", "2026-05-08T13:00:00Z", "2026-05-15T13:00:00Z"}));
    EXPECT_EQ(runs(cron("0 9 2 * fri"), "2026-04-28T00:00:00Z", 3),
              (Runs{"2026-05-01T13:00:00Z", "2026-05-02T13:00:00Z", "2026-05-08T13:00:00Z"}));
    // OnCalendar means both: a Friday that is the 13th.
    EXPECT_EQ(runs(calendar("Fri *-*-13 09:00"), "2026-01-01T00:00:00Z", 2),
              (Runs{"2026-02-13T14:00:00Z", "2026-03-13T13:00:00Z"}));
}

TEST(NextRun, WeeklyDigestMondaySevenLocal) {
    EXPECT_EQ(runs(calendar("Mon *-*-* 07:00:00"), "2026-03-01T00:00:00Z", 3),
              (Runs{"2026-03-02T12:00:00Z", "2026-03-09T11:00:00Z", "2026-03-16T11:00:00Z"}));
}

TEST(NextRun, QuarterlyCrossesTheYear) {
    EXPECT_EQ(runs(calendar("quarterly"), "2026-10-01T04:00:00Z", 2),
              (Runs{"2027-01-01T05:00:00Z", "2027-04-01T04:00:00Z"}));
}

TEST(ScheduleExport, OnCalendarLines) {
    EXPECT_EQ(to_on_calendar(cron("30 2 * * *"), "America/Detroit"),
              (std::vector<std::string>{"*-*-* 02:30:00 America/Detroit"}));
    EXPECT_EQ(to_on_calendar(calendar("Mon *-*-* 07:00"), "America/Detroit"),
              (std::vector<std::string>{"Mon *-*-* 07:00:00 America/Detroit"}));
    EXPECT_EQ(to_on_calendar(cron("0 9 1 * fri,mon"), "UTC"),
              (std::vector<std::string>{"Mon,Fri *-*-* 09:00:00 UTC", "*-*-01 09:00:00 UTC"}));
    EXPECT_EQ(to_on_calendar(calendar("quarterly"), "UTC"),
              (std::vector<std::string>{"*-01,04,07,10-01 00:00:00 UTC"}));
}

TEST(ScheduleExport, CronLines) {
    EXPECT_EQ(to_cron(cron("*/5 * * * *")), "*/5 * * * *");
    EXPECT_EQ(to_cron(calendar("Mon *-*-* 07:00")), "0 7 * * 1");
    EXPECT_EQ(to_cron(calendar("quarterly")), "0 0 1 1,4,7,10 *");
    EXPECT_FALSE(to_cron(calendar("Fri *-*-13 09:00")));
}

TEST(ScheduleText, FormatsLocalAndUtc) {
    EXPECT_EQ(format_local(at("2026-03-08T07:00:00Z"), -4 * 3600), "2026-03-08 03:00:00");
    EXPECT_EQ(format_utc(at("2026-03-08 07:00")), "2026-03-08T07:00:00Z");
    EXPECT_FALSE(parse_utc("2026-03-08"));
}

}  // namespace
}  // namespace homeroom::jobs
