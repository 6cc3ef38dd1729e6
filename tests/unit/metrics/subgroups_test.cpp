#include "metrics/subgroups.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "core/vocabulary.h"
#include "fixtures.h"

namespace homeroom::metrics {
namespace {

TEST(Subgroups, PartitionsCoverEverySubgroupButAllStudentsExactlyOnce) {
    std::array<int, k_subgroup_count> seen{};
    for (const SubgroupPartition& partition : k_subgroup_partitions)
        for (std::size_t g = partition.first; g < partition.first + partition.count; ++g) {
            EXPECT_EQ(k_subgroups[g].dimension, partition.dimension);
            ++seen[g];
        }
    EXPECT_EQ(seen[k_all_students], 0);
    for (std::size_t g = 1; g < k_subgroup_count; ++g) EXPECT_EQ(seen[g], 1) << g;
}

TEST(Subgroups, HaveEveryGenderAndRaceCodeOfTheVocabulary) {
    for (std::string_view code : vocabulary::k_genders) {
        Student s = testing::student("2025-09-01");
        s.gender = std::string(code);
        EXPECT_EQ(k_subgroups[subgroups_of(s)[1]].code, code);
    }
    for (std::string_view code : vocabulary::k_race_ethnicities) {
        Student s = testing::student("2025-09-01");
        s.race_ethnicity = std::string(code);
        EXPECT_EQ(k_subgroups[subgroups_of(s)[2]].code, code);
    }
}

TEST(Subgroups, PlaceAStudentInOnePartOfEachDimension) {
    Student s = testing::student("2025-09-01");
    s.gender = std::string("M");
    s.race_ethnicity = std::string("black");
    s.english_learner = true;
    s.special_education = false;
    s.economically_disadvantaged = true;
    const StudentSubgroups groups = subgroups_of(s);
    EXPECT_EQ(groups[0], k_all_students);
    EXPECT_EQ(k_subgroups[groups[1]].code, "M");
    EXPECT_EQ(k_subgroups[groups[2]].code, "black");
    EXPECT_EQ(k_subgroups[groups[3]].dimension, SubgroupDimension::english_learner);
    EXPECT_EQ(k_subgroups[groups[3]].code, "yes");
    EXPECT_EQ(k_subgroups[groups[4]].code, "no");
    EXPECT_EQ(k_subgroups[groups[5]].code, "yes");
}

TEST(Subgroups, RefuseACodeOutsideTheVocabulary) {
    Student s = testing::student("2025-09-01");
    s.race_ethnicity = std::string("martian");
    EXPECT_THROW(subgroups_of(s), std::invalid_argument);
}

}  // namespace
}  // namespace homeroom::metrics
