#include "sample/district_plan.h"

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <string>

#include "sample/name_pools.h"
#include "sample/random.h"

namespace homeroom::sample {
namespace {

constexpr std::uint64_t k_stream_district = 0x6469737472696374ULL;  // "district"

struct LevelInfo {
    std::string_view level;
    int low, high;
};

constexpr LevelInfo k_elementary{"elementary", 0, 5};
constexpr LevelInfo k_middle{"middle", 6, 8};
constexpr LevelInfo k_high{"high", 9, 12};
constexpr LevelInfo k_k8{"k8", 0, 8};
constexpr LevelInfo k_k12{"k12", 0, 12};

std::vector<LevelInfo> school_levels(int schools) {
    if (schools == 1)
        return {k_k12};
    if (schools == 2)
        return {k_k8, k_high};
    auto share = [&](double fraction, int minimum) {
        return std::max(minimum, static_cast<int>(schools * fraction + 0.5));
    };
    const int high = share(0.2, 1);
    const int middle = share(0.2, 1);
    const int k8 = schools >= 10 ? share(0.05, 0) : 0;
    const int elementary = schools - high - middle - k8;
    std::vector<LevelInfo> levels;
    levels.insert(levels.end(), static_cast<std::size_t>(elementary), k_elementary);
    levels.insert(levels.end(), static_cast<std::size_t>(k8), k_k8);
    levels.insert(levels.end(), static_cast<std::size_t>(middle), k_middle);
    levels.insert(levels.end(), static_cast<std::size_t>(high), k_high);
    return levels;
}

// Splits `total` in proportion to `weights` so that the parts add up exactly (largest
// remainder; ties go to the earlier part).
std::vector<int> apportion(int total, const std::vector<double>& weights) {
    std::vector<int> parts(weights.size(), 0);
    if (weights.empty() || total <= 0)
        return parts;
    const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    std::vector<double> remainders(weights.size());
    int given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const double exact = total * weights[i] / sum;
        parts[i] = static_cast<int>(exact);
        remainders[i] = exact - parts[i];
        given += parts[i];
    }
    std::vector<std::size_t> order(weights.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
    for (std::size_t k = 0; given < total; k = (k + 1) % order.size(), ++given) ++parts[order[k]];
    return parts;
}

std::string school_name(const LevelInfo& level, std::string_view namesake, int variant,
                        std::size_t& next_high_name) {
    const std::string base(namesake);
    if (level.level == "high") {
        if (next_high_name < high_school_names().size())
            return std::string(high_school_names()[next_high_name++]);
        return base + " High School";
    }
    if (level.level == "middle")
        return base + " Middle School";
    if (level.level == "k8")
        return base + (variant % 2 ? " K-8 Academy" : " Elementary-Middle School");
    if (level.level == "k12")
        return base + " Community School";
    switch (variant % 4) {
        case 0:
            return base + " Elementary";
        case 1:
            return base + " Elementary School";
        case 2:
            return base + " Academy";
        default:
            return base + " Elementary-Montessori School";
    }
}

}  // namespace

int SchoolPlan::student_count() const {
    return std::accumulate(students_by_grade.begin(), students_by_grade.end(), 0);
}

std::string grade_code(int grade) {
    return grade == 0 ? "K" : std::to_string(grade);
}

// Every random draw is its own statement: the order in which operands of + or arguments of a
// call are evaluated is unspecified, and another compiler would draw in another order.
std::vector<SchoolPlan> plan_district(int students, int schools, std::uint64_t seed) {
    Random rng = Random::stream(seed, {k_stream_district});
    std::vector<LevelInfo> levels = school_levels(schools);
    rng.shuffle(levels.begin(), levels.end());

    std::vector<std::string_view> namesakes(school_namesakes().begin(), school_namesakes().end());
    rng.shuffle(namesakes.begin(), namesakes.end());

    std::vector<SchoolPlan> plans(levels.size());
    std::vector<double> size_weight(levels.size());
    std::size_t next_high_name = 0;
    for (std::size_t i = 0; i < levels.size(); ++i) {
        SchoolPlan& p = plans[i];
        p.index = i;
        p.low_grade = levels[i].low;
        p.high_grade = levels[i].high;
        size_weight[i] = rng.real(0.6, 1.4);

        char id[32];
        std::snprintf(id, sizeof id, "S%03zu", i + 1);
        p.school.id = id;
        const std::size_t round = i / namesakes.size();
        const bool well_known =
            levels[i].level == "high" && next_high_name < high_school_names().size();
        std::string name = school_name(levels[i], namesakes[i % namesakes.size()],
                                       static_cast<int>(rng.below(4)), next_high_name);
        // Only a district larger than the namesake list needs this.
        if (round > 0 && !well_known)
            name += " Campus " + std::to_string(round + 1);
        p.school.name = std::move(name);
        p.school.level = std::string(levels[i].level);
        const int street_number = rng.between(100, 19999);  // see the note above
        p.school.address =
            std::to_string(street_number) + " " + std::string(rng.pick(street_names()));
        p.school.city = "Detroit";
        p.school.state = "MI";
        p.school.postal_code = std::to_string(48201 + rng.between(0, 38));
        char phone[24];
        // 555-0100 to 555-0199 are reserved for fiction in every North American area code.
        std::snprintf(phone, sizeof phone, "+1 313 555 01%02zu", i % 100);
        p.school.phone = phone;
    }

    // Upper high-school grades shrink a little, as they do in real districts.
    static constexpr std::array<double, k_grade_count> k_grade_weight = {
        1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.12, 1.0, 0.93, 0.88};
    const std::vector<int> by_grade =
        apportion(students, std::vector<double>(k_grade_weight.begin(), k_grade_weight.end()));
    for (int g = 0; g < k_grade_count; ++g) {
        std::vector<std::size_t> serving;
        std::vector<double> weights;
        for (std::size_t i = 0; i < plans.size(); ++i) {
            if (plans[i].low_grade <= g && g <= plans[i].high_grade) {
                serving.push_back(i);
                weights.push_back(size_weight[i]);
            }
        }
        const std::vector<int> split = apportion(by_grade[static_cast<std::size_t>(g)], weights);
        for (std::size_t k = 0; k < serving.size(); ++k)
            plans[serving[k]].students_by_grade[static_cast<std::size_t>(g)] = split[k];
    }
    std::uint64_t next = 100001;
    for (auto& p : plans) {
        p.first_student_number = next;
        next += static_cast<std::uint64_t>(p.student_count());
    }
    return plans;
}

}  // namespace homeroom::sample
