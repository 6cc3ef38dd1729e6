#include "metrics/publication.h"

#include <gtest/gtest.h>

#include "fixtures.h"

namespace homeroom::metrics {
namespace {

using enum SuppressionReason;
using Kind = DisplayValue::Kind;

constexpr std::size_t k_female = 1, k_male = 2, k_x = 3, k_black = 6, k_hispanic = 7,
                      k_english_learner = 12, k_not_english_learner = 13, k_sped = 14,
                      k_not_sped = 15;

struct Kid {
    const char* gender;
    const char* race;
    bool english_learner;
    bool special_education;
    bool counted;  // in the numerator
};

// A share-of-students cell per subgroup, built from individual students so that every relation
// holds.
SubgroupCells share_cells(const std::vector<Kid>& kids) {
    SubgroupCells cells{};
    for (const Kid& kid : kids) {
        Student s = testing::student("2025-09-01");
        s.gender = std::string(kid.gender);
        s.race_ethnicity = std::string(kid.race);
        s.english_learner = kid.english_learner;
        s.special_education = kid.special_education;
        for (std::size_t g : subgroups_of(s)) {
            ++cells[g].students;
            ++cells[g].denominator;
            cells[g].numerator += kid.counted ? 1 : 0;
        }
    }
    return cells;
}

// 200 students: 100 girls and 100 boys (no X, so the girls are the gender complement), 100 Black
// and 100 Hispanic (the Black students are the race complement of the empty groups), 30 in
// special education; 40 English learners of whom none is counted, and 40 of the 160 others (25%),
// spread evenly over gender and race: 20% of every group but the split by English learners.
std::vector<Kid> school_kids() {
    std::vector<Kid> kids;
    for (int i = 0; i < 200; ++i) {
        const bool learner = i < 40;
        kids.push_back({i % 2 == 0 ? "F" : "M", (i / 2) % 2 == 0 ? "black" : "hispanic", learner,
                        i % 20 < 3, !learner && (i / 4) % 4 == 0});
    }
    return kids;
}

const SuppressionSettings k_defaults;

TEST(Publication, ShowsCountsOfLargeGroupsAndHidesSmallOnes) {
    SubgroupCells school{};
    school[0] = {120, 120, 120};
    school[k_female] = {60, 60, 60};
    school[k_male] = {55, 55, 55};
    school[k_x] = {5, 5, 5};
    school[k_black] = {120, 120, 120};
    school[k_not_english_learner] = {120, 120, 120};
    school[k_not_sped] = {120, 120, 120};
    school[17] = {120, 120, 120};
    const std::vector<SubgroupCells> schools = {school};
    const PublishedTable table = publish_measure(schools, ValueFormat::count, k_defaults);
    const PublishedRow& row = table.schools[0];
    EXPECT_EQ(row[0].value, count_value(120));
    EXPECT_FALSE(row[0].suppressed());
    EXPECT_EQ(row[k_x].reason, small_group);
    EXPECT_EQ(row[k_x].value.kind, Kind::suppressed);
    EXPECT_EQ(row[k_x].students.kind, Kind::suppressed);
    EXPECT_EQ(row[k_male].reason, complementary);  // the smaller of the two others
    EXPECT_EQ(row[k_female].value, count_value(60));
    EXPECT_EQ(value_text(row[k_x], k_defaults), "*");
    EXPECT_EQ(table.district[0].value, count_value(120));
}

TEST(Publication, HidesBothSizeAndRateOfASmallGroup) {
    std::vector<Kid> kids = school_kids();
    kids[0].gender = "X";  // one student
    const std::vector<SubgroupCells> schools = {share_cells(kids)};
    const PublishedTable table = publish_measure(schools, ValueFormat::student_share, k_defaults);
    const PublishedCell& x = table.schools[0][k_x];
    EXPECT_EQ(x.reason, small_group);
    EXPECT_EQ(x.students.kind, Kind::suppressed);
    EXPECT_EQ(x.value.kind, Kind::suppressed);
}

TEST(Publication, ShowsRatesOfLargeGroupsRoundedToWholePercent) {
    const std::vector<SubgroupCells> schools = {share_cells(school_kids())};
    const PublishedTable table = publish_measure(schools, ValueFormat::student_share, k_defaults);
    const PublishedRow& row = table.schools[0];
    EXPECT_EQ(row[0].value, (DisplayValue{Kind::percent, 20}));  // 40 of 200
    EXPECT_EQ(row[0].students, count_value(200));
    EXPECT_EQ(value_text(row[k_male], k_defaults), "20%");
    EXPECT_EQ(value_text(row[k_hispanic], k_defaults), "20%");
    EXPECT_EQ(row[k_female].reason, complementary);  // for the empty X group
    EXPECT_EQ(row[k_black].reason, complementary);   // for the empty race groups
    EXPECT_EQ(row[k_sped].students, count_value(30));
}

TEST(Publication, HidesTheOtherSidesRateWhenOneSideOfASplitIsCoded) {
    // English learners: 0 of 40 is "<5%". With the total's 20% of 200 and the others' 25% of
    // 160, anyone could work out the 0: the others' rate is hidden, their number is not.
    const std::vector<SubgroupCells> schools = {share_cells(school_kids())};
    const PublishedTable table = publish_measure(schools, ValueFormat::student_share, k_defaults);
    const PublishedRow& row = table.schools[0];
    EXPECT_EQ(value_text(row[k_english_learner], k_defaults), "<5%");
    EXPECT_EQ(row[k_english_learner].reason, none);
    EXPECT_EQ(row[k_not_english_learner].reason, complementary_rate);
    EXPECT_EQ(row[k_not_english_learner].value.kind, Kind::suppressed);
    EXPECT_EQ(row[k_not_english_learner].students, count_value(160));
    EXPECT_EQ(row[0].reason, none);
    EXPECT_EQ(row[k_male].reason, none);
}

TEST(Publication, LeavesCodedRatesAloneWhenAskedTo) {
    SuppressionSettings settings;
    settings.protect_coded_rates = false;
    const std::vector<SubgroupCells> schools = {share_cells(school_kids())};
    const PublishedTable table = publish_measure(schools, ValueFormat::student_share, settings);
    EXPECT_EQ(table.schools[0][k_not_english_learner].reason, none);
    EXPECT_EQ(value_text(table.schools[0][k_not_english_learner], settings), "25%");
}

TEST(Publication, DoesNotCodeTheAttendanceRateByDefault) {
    SubgroupCells school{};
    for (std::size_t g :
         {std::size_t{0}, k_female, k_black, k_not_english_learner, k_not_sped, std::size_t{17}})
        school[g] = {50, 4800, 5000};  // 96% of days
    const std::vector<SubgroupCells> schools = {school};
    const PublishedTable plain = publish_measure(schools, ValueFormat::day_share, k_defaults);
    EXPECT_EQ(value_text(plain.schools[0][0], k_defaults), "96%");
    SuppressionSettings settings;
    settings.code_day_shares = true;
    const PublishedTable coded = publish_measure(schools, ValueFormat::day_share, settings);
    EXPECT_EQ(value_text(coded.schools[0][0], settings), ">95%");
}

TEST(Publication, TheDistrictIsTheSumOfItsSchools) {
    std::vector<Kid> other = school_kids();
    for (Kid& kid : other) kid.counted = !kid.counted;
    const std::vector<SubgroupCells> schools = {share_cells(school_kids()), share_cells(other)};
    const PublishedTable table = publish_measure(schools, ValueFormat::student_share, k_defaults);
    ASSERT_EQ(table.schools.size(), 2u);
    EXPECT_EQ(table.district[0].students, count_value(400));
    EXPECT_EQ(table.district[0].value, (DisplayValue{Kind::percent, 50}));
}

TEST(Publication, ASingleSchoolDistrictShowsTheSamePatternForSchoolAndDistrict) {
    std::vector<Kid> kids = school_kids();
    kids[0].gender = "X";
    const std::vector<SubgroupCells> schools = {share_cells(kids)};
    const PublishedTable table = publish_measure(schools, ValueFormat::student_share, k_defaults);
    for (std::size_t g = 0; g < k_subgroup_count; ++g) {
        EXPECT_EQ(table.schools[0][g].reason, table.district[g].reason) << g;
        EXPECT_EQ(table.schools[0][g].value, table.district[g].value) << g;
    }
}

TEST(Publication, NoSchoolsIsAnEmptyDistrict) {
    const PublishedTable table = publish_measure({}, ValueFormat::student_share, k_defaults);
    EXPECT_TRUE(table.schools.empty());
    EXPECT_EQ(table.district[0].reason, small_group);
}

// SplitMix64 for random districts.
struct Random {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
};

TEST(Publication, RandomDistrictsNeverShowASmallGroupOrADecodableRate) {
    const char* genders[] = {"F", "M", "X"};
    const char* races[] = {"american_indian",  "asian", "black",       "hispanic",
                           "pacific_islander", "white", "two_or_more", "not_reported"};
    Random random{77};
    for (int trial = 0; trial < 60; ++trial) {
        std::vector<SubgroupCells> schools;
        for (int s = 0, n = 1 + random.below(4); s < n; ++s) {
            std::vector<Kid> kids;
            const int rate = random.below(4) == 0 ? random.below(4) : random.below(100);
            for (int k = 0, size = 5 + random.below(250); k < size; ++k)
                kids.push_back({genders[random.below(20) == 0 ? 2 : random.below(2)],
                                races[random.below(3) == 0 ? random.below(8) : 2 + random.below(2)],
                                random.below(6) == 0, random.below(8) == 0,
                                random.below(100) < rate});
            schools.push_back(share_cells(kids));
        }
        const PublishedTable table =
            publish_measure(schools, ValueFormat::student_share, k_defaults);

        std::vector<const PublishedCell*> out;
        std::vector<std::int64_t> sizes;
        for (std::size_t row = 0; row <= schools.size(); ++row)
            for (std::size_t g = 0; g < k_subgroup_count; ++g) {
                out.push_back(row < schools.size() ? &table.schools[row][g] : &table.district[g]);
                sizes.push_back(row < schools.size() ? schools[row][g].students
                                                     : out.back()->students.number);
            }
        for (std::size_t i = 0; i < out.size(); ++i) {
            const PublishedCell& cell = *out[i];
            if (cell.students.kind == Kind::number) {
                ASSERT_GE(cell.students.number, k_defaults.minimum_group_size) << trial;
            }
            if (cell.students.kind == Kind::suppressed) {
                ASSERT_EQ(cell.value.kind, Kind::suppressed) << trial;
            }
        }
        // Every relation hides or codes either no rate or at least two.
        const auto value_hidden = [&](std::size_t row, std::size_t g) {
            const PublishedCell& cell = *out[row * k_subgroup_count + g];
            return cell.value.kind == Kind::suppressed || cell.value.is_coded();
        };
        for (std::size_t row = 0; row <= schools.size(); ++row)
            for (const SubgroupPartition& p : k_subgroup_partitions) {
                int hidden = value_hidden(row, k_all_students) ? 1 : 0;
                for (std::size_t g = p.first; g < p.first + p.count; ++g)
                    hidden += value_hidden(row, g) ? 1 : 0;
                ASSERT_NE(hidden, 1) << "trial " << trial << " row " << row;
            }
        for (std::size_t g = 0; g < k_subgroup_count; ++g) {
            int hidden = value_hidden(schools.size(), g) ? 1 : 0;
            for (std::size_t row = 0; row < schools.size(); ++row)
                hidden += value_hidden(row, g) ? 1 : 0;
            ASSERT_NE(hidden, 1) << "trial " << trial << " column " << g;
        }
    }
}

}  // namespace
}  // namespace homeroom::metrics
