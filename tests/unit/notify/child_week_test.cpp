// What one child's section of a weekly digest is made of, from the metrics.
#include "notify/child_week.h"

#include <gtest/gtest.h>

#include "metrics/student_indicators.h"

namespace homeroom::notify {
namespace {

const Date k_week = Date::from_ymd(2026, 6, 8);

struct Fixture {
    metrics::SchoolCalendar calendar = metrics::SchoolCalendar::every_weekday(
        Date::from_ymd(2026, 6, 1), Date::from_ymd(2026, 6, 12));
    std::map<std::string, render::SectionInfo, std::less<>> sections = {
        {"M3", {"Mathematics 3", "Ms. Lopez"}}};
    MarkingPeriod q4{"Q4", "Quarter 4", Date::from_ymd(2026, 4, 6), Date::from_ymd(2026, 6, 19)};
    metrics::StudentRecords records;

    Fixture() {
        records.student.id = "101";
        records.student.first_name = "Maya";
        records.student.preferred_name = "May";
        records.student.last_name = "Pérez";
        records.student.entry_date = Date::from_ymd(2025, 8, 25);
        records.student.birth_date = Date::from_ymd(2017, 2, 10);
    }
    metrics::StudentIndicators indicators(Date as_of) const {
        return metrics::compute_student_indicators(records, calendar, as_of, {});
    }
};

TEST(ChildWeek, AttendanceIsThisWeeksDaysOnly) {
    Fixture f;
    f.records.attendance = {{"101", Date::from_ymd(2026, 6, 2), AttendanceStatus::excused, 0},
                            {"101", Date::from_ymd(2026, 6, 9), AttendanceStatus::unexcused, 0},
                            {"101", Date::from_ymd(2026, 6, 11), AttendanceStatus::tardy, 10},
                            {"101", Date::from_ymd(2026, 6, 12), AttendanceStatus::present, 0}};
    const auto ind = f.indicators(Date::from_ymd(2026, 6, 12));
    const auto c = summarize_child_week({f.records, ind, nullptr, f.sections, k_week});
    EXPECT_EQ(c.student_id, "101");
    EXPECT_EQ(c.first_name, "May");  // the preferred name
    ASSERT_EQ(c.attendance.size(), 2u);
    EXPECT_EQ(c.attendance[0].date, Date::from_ymd(2026, 6, 9));
    EXPECT_EQ(c.attendance[1].status, AttendanceStatus::tardy);
    EXPECT_TRUE(c.has_news());
}

TEST(ChildWeek, WithoutAnEarlierSnapshotOnlyTheWeeksIncidentsAreNew) {
    Fixture f;
    f.records.incidents = {{"I1", "101", "S1", Date::from_ymd(2026, 6, 3), "defiance", ""},
                           {"I2", "101", "S1", Date::from_ymd(2026, 6, 10), "disruption", ""}};
    const auto ind = f.indicators(Date::from_ymd(2026, 6, 12));
    const auto c = summarize_child_week({f.records, ind, nullptr, f.sections, k_week});
    ASSERT_EQ(c.new_incidents.size(), 1u);
    EXPECT_EQ(c.new_incidents[0].type, "disruption");
    EXPECT_TRUE(c.new_marks.empty());
    EXPECT_TRUE(c.flag_changes.empty());
}

TEST(ChildWeek, ChangesGiveNewMarksIncidentsAndFlags) {
    Fixture f;
    Mark failing{"101", "M3", "Q4", "F", 52.0, ""};
    f.records.marks = {{failing, "math", f.q4}};
    const auto ind = f.indicators(Date::from_ymd(2026, 6, 12));
    metrics::StudentChanges changes;
    changes.marks = {{{failing, "math", f.q4}, std::nullopt, true}};
    changes.incidents = {{"I9", "101", "S1", Date::from_ymd(2026, 5, 20), "bullying", ""}};
    changes.flags = {{metrics::WarningFlag::course_performance, metrics::FlagChangeKind::raised}};
    const auto c = summarize_child_week({f.records, ind, &changes, f.sections, k_week});
    ASSERT_EQ(c.new_marks.size(), 1u);
    EXPECT_EQ(c.new_marks[0].course, "Mathematics 3");
    EXPECT_EQ(c.new_marks[0].period, "Quarter 4");
    EXPECT_TRUE(c.new_marks[0].failing);
    EXPECT_FALSE(c.new_marks[0].changed);
    // An incident entered late, dated before the week, is still news.
    ASSERT_EQ(c.new_incidents.size(), 1u);
    EXPECT_EQ(c.new_incidents[0].date, Date::from_ymd(2026, 5, 20));
    EXPECT_EQ(c.flag_changes, changes.flags);
    // The failing course is also a standing fact.
    ASSERT_EQ(c.failing_marks.size(), 1u);
    EXPECT_EQ(c.failing_marks[0].letter, "F");
}

TEST(ChildWeek, FailingCoursesAloneAreNotNews) {
    Fixture f;
    f.records.marks = {{Mark{"101", "M3", "Q4", "F", std::nullopt, ""}, "math", f.q4}};
    const auto ind = f.indicators(Date::from_ymd(2026, 6, 12));
    const metrics::StudentChanges none;
    const auto c = summarize_child_week({f.records, ind, &none, f.sections, k_week});
    EXPECT_EQ(c.failing_marks.size(), 1u);
    EXPECT_FALSE(c.has_news());
}

}  // namespace
}  // namespace homeroom::notify
