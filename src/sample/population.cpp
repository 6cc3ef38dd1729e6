#include "sample/population.h"

#include <algorithm>
#include <cstdio>

#include "sample/ascii_fold.h"
#include "sample/name_pools.h"
#include "sample/random.h"

namespace homeroom::sample {
namespace {

// What the children of a family share.
struct FamilyBasics {
    const HeritageNames* heritage = nullptr;
    const HeritageNames* second_heritage = nullptr;  // the other parent's, in mixed families
    std::string race;
    std::string family_name, mother_name;  // the mother may keep her own surname
    std::string home_language;
    bool economically_disadvantaged = false;
    std::string address, postal_code;
};

const HeritageNames& pick_heritage(Random& rng) {
    static const std::vector<double> weights = [] {
        std::vector<double> w;
        for (const auto& h : heritages()) w.push_back(h.share);
        return w;
    }();
    return heritages()[rng.weighted(weights)];
}

std::string pick_language(Random& rng, const HeritageNames& h) {
    std::vector<double> weights;
    for (const auto& l : h.home_languages) weights.push_back(l.weight);
    return std::string(h.home_languages[rng.weighted(weights)].code);
}

std::string pick(Random& rng, std::span<const std::string_view> pool) {
    return std::string(rng.pick(pool));
}

std::string given_name(Random& rng, const HeritageNames& h, bool female) {
    return pick(rng, female ? h.female : h.male);
}

std::string make_email(Random& rng, std::string_view first, std::string_view last) {
    static constexpr std::string_view k_domains[] = {"example.org", "example.com", "example.net"};
    static constexpr double k_weights[] = {0.5, 0.35, 0.15};
    std::string local = ascii_fold_lower(first);
    const std::string family = ascii_fold_lower(last);
    if (local.empty())
        local = "family";
    if (!family.empty())
        local += "." + family;
    local += std::to_string(rng.between(1, 999));
    return local + "@" + std::string(k_domains[rng.weighted(k_weights)]);
}

// +1 555 01X XXXX: area code 555 is not in service and no exchange starts with 0, so these
// numbers can never reach a real phone. Parents use 00000-89999, students 90000-99999.
std::string make_mobile(std::uint64_t n) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "+155501%05llu", static_cast<unsigned long long>(n));
    return buf;
}

// Note for all code here: every random draw is its own statement (or sequenced by && ?: ,),
// because the order in which a function's arguments or the operands of + are evaluated is
// unspecified, and a different compiler would draw in a different order.
std::string make_street_address(Random& rng) {
    const int number = rng.between(100, 20999);
    std::string address = std::to_string(number) + " " + pick(rng, street_names());
    if (rng.chance(0.22)) {
        address += ", Apt " + std::to_string(rng.between(1, 12));
        if (rng.chance(0.5))
            address += static_cast<char>('A' + rng.between(0, 3));
    }
    return address;
}

void fill_reachability(Random& rng, Contact& c, bool primary, std::uint64_t mobile_number,
                       const std::string& family_language) {
    const bool has_email = rng.chance(primary ? 0.82 : 0.6);
    const bool has_mobile = rng.chance(primary ? 0.92 : 0.8);
    if (has_email)
        c.email = make_email(rng, c.first_name, c.last_name);
    if (has_mobile)
        c.mobile = make_mobile(mobile_number);
    const double r = rng.real();
    if (has_email && has_mobile) {
        c.preferred_channel = r < 0.35 ? "email" : r < 0.7 ? "sms" : r < 0.95 ? "both" : "none";
    } else if (has_email) {
        c.preferred_channel = r < 0.95 ? "email" : "none";
    } else if (has_mobile) {
        c.preferred_channel = r < 0.95 ? "sms" : "none";
    } else {
        c.preferred_channel = "none";
    }
    c.email_consent = has_email && rng.chance(0.92);
    c.sms_consent = has_mobile && rng.chance(0.78);
    c.email_opted_out = c.email_consent && rng.chance(0.02);
    c.sms_opted_out = has_mobile && rng.chance(0.03);
    c.preferred_language =
        family_language != "en" && rng.chance(0.85) ? family_language : std::string("en");
}

class FamilyMaker {
  public:
    FamilyMaker(Random& rng, IdCounters& ids, const FamilyBasics& basics)
        : m_rng(rng), m_ids(ids), m_basics(basics) {}

    void add(Family& family, std::string first, std::string last, std::string relationship,
             bool rights, bool lives_with, bool no_contact = false) {
        FamilyContact fc;
        const std::uint64_t number = m_ids.next_contact++;
        char id[24];
        std::snprintf(id, sizeof id, "C%06llu", static_cast<unsigned long long>(number));
        fc.contact.id = id;
        fc.contact.first_name = std::move(first);
        fc.contact.last_name = std::move(last);
        fill_reachability(m_rng, fc.contact, family.contacts.empty(), number % 90000,
                          m_basics.home_language);
        if (lives_with) {
            fc.contact.address = m_basics.address;
            fc.contact.postal_code = m_basics.postal_code;
        } else {
            fc.contact.address = make_street_address(m_rng);
            fc.contact.postal_code = std::to_string(48201 + m_rng.between(0, 38));
        }
        fc.contact.city = "Detroit";
        fc.contact.state = "MI";
        fc.relationship = std::move(relationship);
        fc.educational_rights = rights;
        fc.lives_with = lives_with;
        fc.no_contact = no_contact;
        family.contacts.push_back(std::move(fc));
    }

    std::string mother_first() { return given_name(m_rng, *m_basics.heritage, true); }
    std::string father_first() { return given_name(m_rng, *m_basics.second_heritage, false); }
    std::string other_first(bool female) { return given_name(m_rng, pick_heritage(m_rng), female); }
    std::string other_last() { return pick(m_rng, pick_heritage(m_rng).family); }
    std::string own_last() { return pick(m_rng, m_basics.heritage->family); }

  private:
    Random& m_rng;
    IdCounters& m_ids;
    const FamilyBasics& m_basics;
};

// Who a family's contacts are: two parents, one, a step-parent, grandparents raising the
// children, a guardian or foster parent; sometimes a grandparent who lives with them (without
// educational rights), an emergency contact, an adult sibling, or a parent under a no-contact
// order.
Family make_family(Random& rng, IdCounters& ids, const FamilyBasics& b) {
    Family f;
    FamilyMaker m(rng, ids, b);
    const double r = rng.real();
    bool single_mother = false, single_father = false, raised_by_grandparent = false;
    if (r < 0.45) {
        std::string mother = m.mother_first();
        m.add(f, std::move(mother), b.mother_name, "mother", true, true);
        std::string father = m.father_first();
        const bool lives_with = rng.chance(0.85);
        m.add(f, std::move(father), b.family_name, "father", true, lives_with);
    } else if (r < 0.78) {
        single_mother = true;
        std::string mother = m.mother_first();
        m.add(f, std::move(mother), b.mother_name, "mother", true, true);
    } else if (r < 0.84) {
        single_father = true;
        std::string father = m.father_first();
        m.add(f, std::move(father), b.family_name, "father", true, true);
    } else if (r < 0.90) {
        std::string mother = m.mother_first();
        m.add(f, std::move(mother), b.mother_name, "mother", true, true);
        const bool female = rng.chance(0.2);
        std::string first = m.other_first(female);
        std::string last = m.other_last();
        m.add(f, std::move(first), std::move(last), "stepparent", false, true);
    } else if (r < 0.95) {
        raised_by_grandparent = true;
        const bool female = rng.chance(0.8);
        std::string first = given_name(rng, *b.heritage, female);
        m.add(f, std::move(first), b.family_name, "grandparent", true, true);
    } else if (r < 0.98) {
        const bool female = rng.chance(0.7);
        std::string first = given_name(rng, *b.heritage, female);
        std::string last = m.own_last();
        m.add(f, std::move(first), std::move(last), "guardian", true, true);
    } else {
        const bool female = rng.chance(0.75);
        std::string first = m.other_first(female);
        std::string last = m.other_last();
        m.add(f, std::move(first), std::move(last), "foster_parent", true, true);
    }
    if (!raised_by_grandparent && rng.chance(0.10)) {
        const bool female = rng.chance(0.7);
        std::string first = given_name(rng, *b.heritage, female);
        m.add(f, std::move(first), b.family_name, "grandparent", false, true);
    }
    if (rng.chance(0.07)) {
        const bool female = rng.chance(0.7);
        std::string first = m.other_first(female);
        std::string last = m.other_last();
        m.add(f, std::move(first), std::move(last), "other", false, false);
    }
    if (rng.chance(0.03)) {
        const bool female = rng.chance(0.5);
        std::string first = given_name(rng, *b.heritage, female);
        const bool lives_with = rng.chance(0.5);
        m.add(f, std::move(first), b.family_name, "sibling", false, lives_with);
    }
    // A court order keeps this parent away, though they may still hold educational rights.
    if ((single_mother || single_father) && rng.chance(0.06)) {
        const bool rights = rng.chance(0.5);
        if (single_mother) {
            std::string first = m.father_first();
            m.add(f, std::move(first), b.family_name, "father", rights, false, true);
        } else {
            std::string first = m.mother_first();
            std::string last = m.own_last();
            m.add(f, std::move(first), std::move(last), "mother", rights, false, true);
        }
    }
    return f;
}

FamilyBasics make_basics(Random& rng) {
    FamilyBasics b;
    b.heritage = &pick_heritage(rng);
    b.second_heritage = b.heritage;
    b.race = std::string(b.heritage->race);
    if (rng.chance(0.05)) {
        b.second_heritage = &pick_heritage(rng);
        if (b.second_heritage != b.heritage)
            b.race = "two_or_more";
    }
    if (rng.chance(0.01))
        b.race = "not_reported";
    b.family_name = pick(rng, b.second_heritage->family);
    const double keeps_own = b.heritage->key == "hispanic" ? 0.5 : 0.25;
    b.mother_name = rng.chance(keeps_own) ? pick(rng, b.heritage->family) : b.family_name;
    b.home_language = pick_language(rng, *b.heritage);
    b.economically_disadvantaged = rng.chance(b.heritage->key == "european" ? 0.45 : 0.68);
    b.address = make_street_address(rng);
    b.postal_code = std::to_string(48201 + rng.between(0, 38));
    return b;
}

double absence_tendency(Random& rng) {
    // A long right tail: most students miss a few days, a fifth to a quarter miss 10% or more.
    const double u = rng.real();
    if (u < 0.60)
        return rng.real(0.005, 0.06);
    if (u < 0.82)
        return rng.real(0.06, 0.10);
    if (u < 0.94)
        return rng.real(0.10, 0.18);
    if (u < 0.988)
        return rng.real(0.18, 0.35);
    return rng.real(0.35, 0.65);
}

StudentTraits make_traits(Random& rng, int grade, bool econ, bool sped, bool male) {
    StudentTraits t;
    t.ability = rng.normal() + (econ ? -0.15 : 0.25) + (sped ? -0.5 : 0.0);
    const double band = grade == 0   ? 1.15
                        : grade <= 5 ? 0.9
                        : grade <= 8 ? 1.0
                        : grade == 9 ? 1.2
                                     : 1.3;
    const double effort = std::clamp(1.0 - 0.12 * t.ability, 0.6, 1.5);
    t.absence_rate =
        std::clamp(absence_tendency(rng) * band * (econ ? 1.1 : 0.8) * (sped ? 1.1 : 1.0) * effort,
                   0.002, 0.75);
    t.absence_streak = rng.real(0.3, 0.55);
    const double u = rng.real();
    t.tardy_rate = (u < 0.65   ? rng.real(0.002, 0.02)
                    : u < 0.93 ? rng.real(0.02, 0.08)
                               : rng.real(0.08, 0.2)) *
                   (grade >= 9 ? 1.3 : 1.0);
    t.partial_rate = rng.real(0.001, 0.012);
    t.excused_share = rng.real(0.25, 0.85);
    const double base = grade <= 2 ? 0.03 : grade <= 5 ? 0.06 : grade <= 8 ? 0.12 : 0.09;
    t.behavior_risk = std::min(0.9, base * (1.0 + 3.0 * std::max(0.0, t.absence_rate - 0.08)) *
                                        (male ? 1.3 : 0.75) * (sped ? 1.2 : 1.0));
    return t;
}

std::string homeroom_code(const SchoolPlan& plan, int grade, int index) {
    if (grade <= 5) {
        const std::string g = grade_code(grade);
        if (index < 26)
            return g + "-" + static_cast<char>('A' + index);
        return g + "-" + std::to_string(index + 1);
    }
    return "Room " + std::to_string(100 * (grade - std::max(plan.low_grade, 6) + 1) + index + 1);
}

}  // namespace

SchoolPopulation generate_population(const SchoolPlan& plan, const SchoolYear& year,
                                     std::uint64_t seed, IdCounters& counters) {
    SchoolPopulation pop;
    const std::uint64_t school = plan.index;
    Random school_rng = Random::stream(seed, {streams::k_school, school});

    // Slots in grade order; families are runs of a shuffled order, so siblings land in any
    // grades (now and then the same one: twins).
    std::vector<int> slot_grade;
    std::vector<int> class_of_slot;
    for (int g = 0; g < k_grade_count; ++g) {
        const int count = plan.students_by_grade[static_cast<std::size_t>(g)];
        const int per_class = g <= 5 ? 24 : 26;
        const int classes = std::max(1, (count + per_class - 1) / per_class);
        for (int k = 0; k < count; ++k) {
            slot_grade.push_back(g);
            class_of_slot.push_back(k % classes);
        }
    }
    const std::size_t n = slot_grade.size();
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = i;
    school_rng.shuffle(order.begin(), order.end());
    std::vector<std::size_t> family_of(n);
    std::vector<std::vector<std::size_t>> members;
    for (std::size_t pos = 0; pos < n;) {
        const double r = school_rng.real();
        const std::size_t size = r < 0.62 ? 1 : r < 0.90 ? 2 : r < 0.98 ? 3 : 4;
        members.emplace_back();
        for (std::size_t k = 0; k < size && pos < n; ++k, ++pos) {
            family_of[order[pos]] = members.size() - 1;
            members.back().push_back(order[pos]);
        }
    }
    for (auto& m : members) std::sort(m.begin(), m.end());

    std::vector<FamilyBasics> basics(members.size());
    pop.families.resize(members.size());
    for (std::size_t f = 0; f < members.size(); ++f) {
        Random rng = Random::stream(seed, {streams::k_family, school, f});
        basics[f] = make_basics(rng);
        pop.families[f] = make_family(rng, counters, basics[f]);
        pop.families[f].children = members[f];
    }

    const Date first_day = year.first_day();
    const auto& days = year.instructional_days();
    const int day_count = static_cast<int>(days.size());
    pop.students.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        Random rng = Random::stream(seed, {streams::k_student, school, i});
        PopulationStudent& ps = pop.students[i];
        const FamilyBasics& fam = basics[family_of[i]];
        const Family& family = pop.families[family_of[i]];
        const int grade = slot_grade[i];
        ps.number = plan.first_student_number + i;
        ps.family = family_of[i];
        ps.grade = grade;
        ps.homeroom_class = class_of_slot[i];

        Student& s = ps.record;
        s.id = std::to_string(ps.number);
        s.school_id = plan.school.id;
        const double g = rng.real();
        s.gender = g < 0.49 ? "F" : g < 0.985 ? "M" : "X";
        const bool female = s.gender == "F" || (s.gender == "X" && rng.chance(0.5));
        const HeritageNames& h = rng.chance(0.5) ? *fam.heritage : *fam.second_heritage;
        const auto& natives = female ? h.native_female : h.native_male;
        if (!natives.empty() && rng.chance(0.12)) {
            const NativeName& name = rng.pick(natives);
            s.first_name = std::string(name.native);
            s.preferred_name = std::string(name.latin);
        } else {
            s.first_name = given_name(rng, h, female);
            if (rng.chance(0.04))
                s.preferred_name = given_name(rng, european_heritage(), female);
        }
        if (rng.chance(0.4)) {
            std::string middle = given_name(rng, h, female);
            if (middle != s.first_name)
                s.middle_name = std::move(middle);
        }
        const double ln = rng.real();
        if (ln < 0.85 || fam.mother_name == fam.family_name)
            s.last_name = fam.family_name;
        else if (ln < 0.93)
            s.last_name = fam.family_name + "-" + fam.mother_name;
        else
            s.last_name = fam.mother_name;

        // Age by 1 September of the school year, plus some who repeated a grade (and, in high
        // school, some who are two years or more behind).
        int behind = rng.chance(0.03) ? 1 : 0;
        if (grade >= 9 && rng.chance(0.025))
            behind += rng.between(1, 2);
        s.birth_date = Date::from_ymd(year.start_year() - 6 - grade - behind, 9, 2)
                           .plus_days(static_cast<std::int32_t>(rng.below(365)));
        s.grade = grade_code(grade);
        s.race_ethnicity = fam.race;
        s.home_language = fam.home_language;
        const double el_rate = s.home_language == "en" ? 0.01
                               : grade <= 5            ? 0.55
                               : grade <= 8            ? 0.35
                                                       : 0.28;
        s.english_learner = rng.chance(el_rate);
        s.special_education = rng.chance(s.gender == "M" ? 0.17 : 0.11);
        s.economically_disadvantaged = fam.economically_disadvantaged;

        int entry_index = 0;
        if (!rng.chance(0.93) && day_count > 20)
            entry_index = rng.between(5, day_count * 4 / 5);
        s.entry_date = entry_index == 0 ? first_day : days[static_cast<std::size_t>(entry_index)];
        const bool leaves = rng.chance(0.04);
        const int exit_index =
            rng.between(entry_index + 10, std::max(entry_index + 10, day_count - 5));
        if (leaves && exit_index < day_count)
            s.exit_date = days[static_cast<std::size_t>(exit_index)];
        s.homeroom = homeroom_code(plan, grade, ps.homeroom_class);
        if (grade >= 9)
            s.cohort_year = year.start_year() + 1 + (12 - grade);

        ps.traits = make_traits(rng, grade, s.economically_disadvantaged, s.special_education,
                                s.gender == "M");
        ps.has_learner_profile = rng.chance(ps.traits.absence_rate >= 0.1 ? 0.3 : 0.15);

        if (grade >= 9) {
            for (std::size_t k = 0; k < family.contacts.size(); ++k) {
                const double c = rng.real();
                ps.consent_to_family_contact.push_back(c < 0.5    ? std::optional<bool>(true)
                                                       : c < 0.75 ? std::optional<bool>(false)
                                                                  : std::nullopt);
            }
            if (rng.chance(0.55)) {
                FamilyContact self;
                self.contact.id = "CS" + s.id;
                self.contact.first_name =
                    s.preferred_name.empty() ? s.first_name : s.preferred_name;
                self.contact.last_name = s.last_name;
                fill_reachability(rng, self.contact, true, 90000 + ps.number % 10000, "en");
                self.contact.preferred_language =
                    rng.chance(0.8) ? std::string("en") : s.home_language;
                const bool moved_out = rng.chance(0.1);
                self.contact.address = moved_out ? make_street_address(rng) : fam.address;
                self.contact.city = "Detroit";
                self.contact.state = "MI";
                self.contact.postal_code = fam.postal_code;
                self.relationship = "self";
                self.educational_rights = true;
                self.lives_with = !moved_out;
                ps.self_contact = std::move(self);
            }
        }
    }
    return pop;
}

}  // namespace homeroom::sample
