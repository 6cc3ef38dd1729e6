// The people of one school: students grouped into families, each family with its parents,
// guardians and other contacts, and the traits that later drive each student's year
// (attendance, grades, behavior). Nothing here depends on the as-of date, so a later snapshot
// of the same seed extends an earlier one instead of contradicting it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/records.h"
#include "sample/district_plan.h"
#include "sample/school_year.h"

namespace homeroom::sample {

// Numbers handed out across schools, in school order.
struct IdCounters {
    std::uint64_t next_contact = 1;
    std::uint64_t next_staff = 1;
};

struct FamilyContact {
    Contact contact;
    std::string relationship;  // as in student_contacts.csv
    bool educational_rights = false;
    bool lives_with = false;
    bool no_contact = false;
};

struct Family {
    std::vector<FamilyContact> contacts;  // the first one holds rights and may be contacted
    std::vector<std::size_t> children;    // indices into SchoolPopulation::students
};

struct StudentTraits {
    double ability = 0;         // about standard normal
    double absence_rate = 0;    // share of days the student tends to miss
    double absence_streak = 0;  // chance that an absence continues the next day
    double tardy_rate = 0, partial_rate = 0;
    double excused_share = 0;  // of absences
    double behavior_risk = 0;  // chance of any discipline incident in the year
};

struct PopulationStudent {
    Student record;  // exit_date is the planned exit, which may lie after the as-of date
    std::uint64_t number = 0;
    std::size_t family = 0;
    int grade = 0;  // 0 = K
    int homeroom_class = 0;
    StudentTraits traits;
    // For an eligible (18+) student: consent to sharing with each family contact
    // (nullopt: not recorded). Drawn for everyone, used only for students 18+ on the as-of date.
    std::vector<std::optional<bool>> consent_to_family_contact;
    // The student's own contact row, used only when the student is 18+ on the as-of date.
    std::optional<FamilyContact> self_contact;
    bool has_learner_profile = false;
};

struct SchoolPopulation {
    std::vector<Family> families;
    std::vector<PopulationStudent> students;  // in student-number order (by grade)
};

SchoolPopulation generate_population(const SchoolPlan& plan, const SchoolYear& year,
                                     std::uint64_t seed, IdCounters& counters);

// Stream tags for Random::stream: each purpose draws from its own stream.
namespace streams {
inline constexpr std::uint64_t k_school = 1, k_family = 2, k_student = 3, k_schedule = 4,
                               k_student_year = 5, k_partner = 6, k_staff = 7, k_profile = 8;
}

}  // namespace homeroom::sample
