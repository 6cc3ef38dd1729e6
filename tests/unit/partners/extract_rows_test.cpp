#include "partners/extract_rows.h"

#include <gtest/gtest.h>

#include "core/formula_guard.h"
#include "core/vocabulary.h"
#include "partners/shareable_fields.h"

namespace homeroom::partners {
namespace {

Date d(const char* text) {
    return *Date::parse(text);
}

struct Fixture {
    metrics::StudentRecords records;
    metrics::StudentIndicators ind;
    std::map<std::string, std::string, std::less<>> titles{{"SEC1", "Math 3"}};
    LearnerProfile profile;

    Fixture() {
        Student& s = records.student;
        s.id = "1001";
        s.first_name = "José";
        s.last_name = "García";
        s.grade = "3";
        s.gender = "M";
        s.race_ethnicity = "hispanic";
        s.english_learner = true;
        s.economically_disadvantaged = true;
        s.home_language = "es";
        ind.as_of = d("2026-01-16");
        ind.attendance.counts.enrolled_days = 80;
        ind.attendance.counts.excused_absences = 3;
        ind.attendance.counts.unexcused_absences = 2;
        ind.meets_attendance_minimum = true;
        ind.chronically_absent = false;
        metrics::WeekAttendance w1{d("2026-01-05"), {}};
        w1.counts.enrolled_days = 5;
        w1.counts.unexcused_absences = 1;
        metrics::WeekAttendance holiday{d("2025-12-29"), {}};
        metrics::WeekAttendance w2{d("2026-01-12"), {}};
        w2.counts.enrolled_days = 5;
        ind.weeks = {holiday, w1, w2};
        metrics::SectionMarks sm;
        sm.section_id = "SEC1";
        sm.subject = "math";
        Mark m;
        m.letter = "B+";
        sm.marks.push_back(metrics::SectionMark{m, "math", {}});
        ind.courses.sections.push_back(sm);
        AssessmentResult a;
        a.test = "STATE";
        a.subject = "math";
        a.performance_level = 3;
        a.proficient = true;
        ind.latest_assessments.push_back(a);
        ind.flags.attendance = true;
        ind.flags.behavior = true;
        Incident i;
        i.date = d("2025-10-03");
        i.type = "fighting";
        i.description = "pushed another student (named here)";
        Incident future = i;
        future.date = d("2026-02-01");
        records.incidents = {i, future};
        profile.strengths = "=HYPERLINK(\"http://x\")";
        profile.goals = "Read more";
    }
    StudentFacts facts() const {
        return StudentFacts{records, ind, "Lincoln Elementary", titles, &profile};
    }
};

TEST(ShareableFields, LabelsCoverTheVocabularyInOrder) {
    for (const auto f : vocabulary::k_shareable_fields) {
        EXPECT_TRUE(is_shareable_field(f));
        EXPECT_FALSE(field_label(f).empty()) << f;
    }
    EXPECT_FALSE(is_shareable_field("student_id"));
    const std::vector<std::string> given = {"marks", "name", "bogus", "name", "grade"};
    EXPECT_EQ(ordered_fields(given), (std::vector<std::string>{"name", "grade", "marks"}));
}

TEST(FieldValue, EveryField) {
    const Fixture f;
    const auto x = f.facts();
    EXPECT_EQ(field_value("name", x), "José García");
    EXPECT_EQ(field_value("grade", x), "3");
    EXPECT_EQ(field_value("school", x), "Lincoln Elementary");
    EXPECT_EQ(field_value("attendance_rate", x), "93.8");
    EXPECT_EQ(field_value("absences_by_week", x), "2026-01-05: 1; 2026-01-12: 0");
    EXPECT_EQ(field_value("chronic_absence", x), "N");
    EXPECT_EQ(field_value("marks", x), "Math 3: B+");
    EXPECT_EQ(field_value("assessment_levels", x), "STATE math: level 3 (proficient)");
    EXPECT_EQ(field_value("early_warning_flags", x), "attendance; behavior");
    EXPECT_EQ(field_value("incidents", x), "2025-10-03 fighting");
    EXPECT_EQ(field_value("demographics", x),
              "gender M; race_ethnicity hispanic; english_learner Y; special_education N; "
              "economically_disadvantaged Y; home_language es");
    EXPECT_EQ(field_value("learner_profile", x),
              "strengths: =HYPERLINK(\"http://x\"); goals: Read more");
    EXPECT_THROW(field_value("student_id", x), std::invalid_argument);
}

TEST(FieldValue, MissingData) {
    Fixture f;
    f.ind = metrics::StudentIndicators{};
    f.records.incidents.clear();
    const StudentFacts x{f.records, f.ind, "S", f.titles, nullptr};
    EXPECT_EQ(field_value("attendance_rate", x), "");
    EXPECT_EQ(field_value("chronic_absence", x), "");
    EXPECT_EQ(field_value("early_warning_flags", x), "none");
    EXPECT_EQ(field_value("incidents", x), "");
    EXPECT_EQ(field_value("learner_profile", x), "");
}

TEST(ExtractRow, OnlyTheFieldsAskedForNeutralised) {
    Fixture f;
    f.records.student.first_name = "=cmd|' /C calc'!A0";
    const std::vector<std::string> fields = {"name", "grade"};
    const auto row = extract_row(fields, f.facts());
    EXPECT_EQ(row.student_id, "1001");
    ASSERT_EQ(row.values.size(), 2u);
    EXPECT_EQ(row.values[0], "'=cmd|' /C calc'!A0 García");
    EXPECT_EQ(row.values[1], "3");
}

TEST(FormulaGuard, Rule) {
    for (const char* bad :
         {"=1+1", "+SUM(A1)", "-2+3", "@SUM(A1)", "\tx", "\rx", "\x01x", "-", "+", "=", "\x7f"}) {
        EXPECT_TRUE(starts_like_formula(bad)) << bad;
        EXPECT_EQ(neutralize_formula(bad), std::string("'") + bad);
    }
    for (const char* fine : {"", "Ana", "3", "-3.5", "+2", "93.8", "'=1", " =1", "2026-01-05: 1"}) {
        EXPECT_FALSE(starts_like_formula(fine)) << fine;
        EXPECT_EQ(neutralize_formula(fine), fine);
    }
    // Idempotent.
    EXPECT_EQ(neutralize_formula(neutralize_formula("=1")), "'=1");
}

}  // namespace
}  // namespace homeroom::partners
