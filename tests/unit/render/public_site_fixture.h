// A small synthetic district for the public pages' tests: four schools of a few hundred, a few
// dozen and a handful of students, aggregated through metrics::add_student like a real build.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "metrics/group_aggregates.h"
#include "render/localizer.h"
#include "render/public_pages.h"

namespace homeroom::render::testing {

inline constexpr const char* k_hostile_name =
    "<script>alert(1)</script> \"Quoted\" & 'Apostrophe' \u202E Academy";

// A deterministic sequence (no std:: distributions: the same numbers everywhere).
class Sequence {
  public:
    explicit Sequence(std::uint64_t seed) : m_state(seed) {}
    std::uint32_t next() {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(m_state >> 33);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint32_t>(n)); }

  private:
    std::uint64_t m_state;
};

struct SchoolPlan {
    std::string id, name, level;
    int students;
    int nonbinary;  // how many of them have gender X: a tiny group
    int chronic_percent;
};

inline metrics::GroupAggregates aggregate_school(const SchoolPlan& plan, Date as_of,
                                                 std::uint64_t seed) {
    static const char* const k_races[] = {"hispanic", "black", "white", "asian", "two_or_more"};
    Sequence rng(seed);
    metrics::GroupAggregates out;
    for (int n = 0; n < plan.students; ++n) {
        Student s;
        s.id = "STUDENT-" + plan.id + "-" + std::to_string(n);
        s.school_id = plan.id;
        s.first_name = "Firstname" + std::to_string(n);
        s.last_name = "Lastname";
        s.gender = n < plan.nonbinary ? "X" : (n % 2 == 0 ? "F" : "M");
        s.race_ethnicity = k_races[rng.below(5)];
        s.english_learner = rng.below(5) == 0;
        s.special_education = rng.below(7) == 0;
        s.economically_disadvantaged = rng.below(2) == 0;
        s.entry_date = as_of.plus_days(-60);

        metrics::StudentIndicators ind;
        ind.student_id = s.id;
        ind.as_of = as_of;
        ind.attendance.counts.enrolled_days = 40;
        const bool chronic = rng.below(100) < plan.chronic_percent;
        ind.attendance.counts.unexcused_absences = chronic ? 5 + rng.below(6) : rng.below(3);
        ind.meets_attendance_minimum = true;
        ind.chronically_absent = chronic;
        AssessmentResult ela, math;
        ela.student_id = math.student_id = s.id;
        ela.subject = "ela";
        math.subject = "math";
        ela.proficient = rng.below(100) < 55;
        math.proficient = rng.below(100) < 45;
        ind.latest_assessments = {ela, math};
        if (rng.below(20) == 0)
            ind.discipline.out_of_school_suspensions = 1;
        ind.flags.attendance = ind.attendance.counts.unexcused_absences >= 5;
        ind.flags.behavior = ind.discipline.suspensions() > 0;
        ind.flags.course_performance = rng.below(6) == 0;
        metrics::add_student(out, s, ind);
    }
    return out;
}

inline std::vector<SchoolPlan> school_plans() {
    // Tiny's hidden figures need a complement in every column of the district: the next smallest
    // school, Roosevelt, gives it, so that Lincoln's and the hostile school's figures show.
    return {{"SCH-1", "Lincoln Elementary", "elementary", 320, 3, 18},
            {"SCH-2", k_hostile_name, "high", 260, 0, 30},
            {"SCH-3", "Tiny Community School", "k8", 6, 0, 50},
            {"SCH-4", "Roosevelt Middle School", "middle", 45, 0, 25}};
}

// The district as of `as_of`, with `snapshots` weekly snapshots (the last one is `as_of`).
inline PublicSiteData sample_site(int snapshots = 2) {
    const Date as_of = *Date::parse("2025-10-03");
    PublicSiteData data;
    data.as_of = as_of;
    data.district_name = "Sample & \"District\" <Schools>";
    const auto plans = school_plans();
    for (int k = snapshots - 1; k >= 0; --k) {
        const Date when = as_of.plus_days(-7 * k);
        TrendPoint point;
        point.as_of = when;
        for (std::size_t i = 0; i < plans.size(); ++i) {
            auto agg = aggregate_school(plans[i], when, 1000 * i + static_cast<std::uint64_t>(k));
            point.schools.push_back(agg);
            point.district += agg;
        }
        data.trend.push_back(point);
    }
    for (std::size_t i = 0; i < plans.size(); ++i) {
        School school;
        school.id = plans[i].id;
        school.name = plans[i].name;
        school.level = plans[i].level;
        school.city = "Springfield";
        school.state = "MI";
        data.schools.push_back({school, data.trend.back().schools[i]});
    }
    return data;
}

// English under another language code, so that a test sees one folder per language and a
// right-to-left page without depending on catalogs.
class TaggedEnglish : public EnglishLocalizer {
  public:
    TaggedEnglish(std::string lang, bool rtl) : m_tag(std::move(lang)), m_rtl(rtl) {}
    const std::string& language() const override { return m_tag; }
    bool right_to_left() const override { return m_rtl; }

  private:
    std::string m_tag;
    bool m_rtl;
};

class TwoLanguages : public LocalizerSet {
  public:
    const std::vector<std::string>& languages() const override { return m_languages; }
    const Localizer& get(std::string_view lang) const override {
        return lang == "ar" ? static_cast<const Localizer&>(m_arabic) : m_english;
    }
    std::string native_name(std::string_view lang) const override {
        return lang == "ar" ? "العربية" : "English";
    }

  private:
    std::vector<std::string> m_languages{"en", "ar"};
    EnglishLocalizer m_english;
    TaggedEnglish m_arabic{"ar", true};
};

}  // namespace homeroom::render::testing
