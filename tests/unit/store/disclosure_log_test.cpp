#include "store/disclosure_log.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "core/errors.h"
#include "temp_dir.h"

namespace homeroom::store {
namespace {

const TimePoint k_now{std::chrono::sys_days{std::chrono::January / 16 / 2026}};

NewDisclosure disclosure(const char* partner, std::vector<std::string> students) {
    NewDisclosure d;
    d.partner_id = partner;
    d.partner_name = std::string(partner) + " Club";
    d.agreement_id = "A1";
    d.purpose = "Homework help";
    d.fields = {"name", "grade"};
    d.as_of = *Date::parse("2026-01-16");
    d.files = {"out/P/2026-01-16/extract.xlsx", "out/P/2026-01-16/extract.csv"};
    for (auto& s : students)
        d.students.push_back(DisclosedStudent{s, "C-" + s, *Date::parse("2025-09-01")});
    return d;
}

TEST(DisclosureLog, RecordsAndListsNewestFirst) {
    testing::TempDir dir;
    Database db(dir / "h.db");
    DisclosureLog log(db);
    int published = 0;
    const auto first = log.record(disclosure("P", {"1001", "1002"}), k_now, [&] { ++published; });
    const auto second =
        log.record(disclosure("Q", {"1001"}), k_now + std::chrono::hours(1), [&] { ++published; });
    EXPECT_EQ(published, 2);
    EXPECT_LT(first, second);

    const auto about = log.for_student("1001");
    ASSERT_EQ(about.size(), 2u);
    EXPECT_EQ(about[0].id, second);
    EXPECT_EQ(about[0].partner_id, "Q");
    EXPECT_EQ(about[0].recorded_at, "2026-01-16T01:00:00Z");
    EXPECT_EQ(about[1].partner_id, "P");
    EXPECT_EQ(about[1].fields, (std::vector<std::string>{"name", "grade"}));
    EXPECT_EQ(about[1].files.size(), 2u);
    EXPECT_EQ(about[1].consent_by, "C-1001");
    EXPECT_EQ(about[1].consent_date, Date::parse("2025-09-01"));
    EXPECT_EQ(about[1].student_count, 2);
    EXPECT_EQ(about[1].as_of.to_string(), "2026-01-16");

    EXPECT_EQ(log.for_student("1002").size(), 1u);
    EXPECT_TRUE(log.for_student("9999").empty());
    EXPECT_EQ(log.for_partner("P").size(), 1u);
    EXPECT_EQ(log.for_partner("p club").size(), 1u);  // by the name recorded
    EXPECT_TRUE(log.for_partner("p").empty());
    EXPECT_EQ(log.students_of(first), (std::vector<std::string>{"1001", "1002"}));
}

TEST(DisclosureLog, NothingIsLoggedWhenPublishingFails) {
    testing::TempDir dir;
    Database db(dir / "h.db");
    DisclosureLog log(db);
    EXPECT_THROW(log.record(disclosure("P", {"1001"}), k_now,
                            [] { throw IoError("cannot write extract.csv: disk full"); }),
                 IoError);
    EXPECT_TRUE(log.for_student("1001").empty());
    EXPECT_TRUE(log.for_partner("P").empty());
    // The next one works and the log is usable.
    log.record(disclosure("P", {"1001"}), k_now, [] {});
    EXPECT_EQ(log.for_student("1001").size(), 1u);
}

TEST(DisclosureLog, AnExtractWithNoStudentIsStillLogged) {
    testing::TempDir dir;
    Database db(dir / "h.db");
    DisclosureLog log(db);
    const auto id = log.record(disclosure("P", {}), k_now, [] {});
    const auto entries = log.for_partner("P");
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].id, id);
    EXPECT_EQ(entries[0].student_count, 0);
}

TEST(DisclosureLog, SurvivesReopening) {
    testing::TempDir dir;
    {
        Database db(dir / "h.db");
        DisclosureLog(db).record(disclosure("P", {"7"}), k_now, [] {});
    }
    Database db(dir / "h.db");
    EXPECT_EQ(DisclosureLog(db).for_student("7").size(), 1u);
}

}  // namespace
}  // namespace homeroom::store
