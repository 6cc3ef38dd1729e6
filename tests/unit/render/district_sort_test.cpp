#include "render/district_sort.h"

#include <gtest/gtest.h>

#include <set>

namespace homeroom::render {
namespace {

int bytewise(std::string_view a, std::string_view b) {
    return a.compare(b) < 0 ? -1 : (a == b ? 0 : 1);
}

constexpr std::size_t k_chronic = 3;  // index of chronic_absenteeism in k_district_columns

SortableSchool school(std::string name, std::optional<double> chronic) {
    SortableSchool s;
    s.id = "id-" + name;
    s.name = std::move(name);
    s.keys[k_chronic] = chronic;
    return s;
}

std::vector<std::string> names_in(const std::vector<SortableSchool>& schools, DistrictSort sort) {
    std::vector<std::string> out;
    for (const std::size_t i : sorted_rows(schools, sort, bytewise)) out.push_back(schools[i].name);
    return out;
}

TEST(DistrictSort, FiguresHighestFirstWithHiddenOnesLastAndTiesByName) {
    const std::vector<SortableSchool> schools = {
        school("Delta", 20), school("Alpha", std::nullopt), school("Charlie", 31),
        school("Bravo", 20), school("Echo", std::nullopt),  school("Foxtrot", 4.5)};
    EXPECT_EQ(names_in(schools, {DistrictColumn::chronic_absenteeism, SortDirection::descending}),
              (std::vector<std::string>{"Charlie", "Bravo", "Delta", "Foxtrot", "Alpha", "Echo"}));
    EXPECT_EQ(names_in(schools, {DistrictColumn::chronic_absenteeism, SortDirection::ascending}),
              (std::vector<std::string>{"Foxtrot", "Bravo", "Delta", "Charlie", "Alpha", "Echo"}));
}

TEST(DistrictSort, NamesSortBothWaysAndEqualNamesByIdWhateverTheInputOrder) {
    std::vector<SortableSchool> schools = {school("B", 1), school("A", 2), school("C", 3)};
    EXPECT_EQ(names_in(schools, {DistrictColumn::school, SortDirection::ascending}),
              (std::vector<std::string>{"A", "B", "C"}));
    EXPECT_EQ(names_in(schools, {DistrictColumn::school, SortDirection::descending}),
              (std::vector<std::string>{"C", "B", "A"}));
    SortableSchool twin_a = school("Same", 1), twin_b = school("Same", 1);
    twin_a.id = "2";
    twin_b.id = "1";
    const std::vector<SortableSchool> twins = {twin_a, twin_b};
    const std::vector<SortableSchool> reversed = {twin_b, twin_a};
    const DistrictSort by_chronic{DistrictColumn::chronic_absenteeism, SortDirection::descending};
    EXPECT_EQ(twins[sorted_rows(twins, by_chronic, bytewise)[0]].id, "1");
    EXPECT_EQ(reversed[sorted_rows(reversed, by_chronic, bytewise)[0]].id, "1");
}

TEST(DistrictSort, EveryColumnHasTwoPagesWithDistinctNames) {
    std::set<std::string> files;
    for (const DistrictSort sort : district_sorts()) files.insert(district_file_name(sort));
    EXPECT_EQ(files.size(), 2 * k_district_columns.size());
    EXPECT_TRUE(files.count("district.html"));
    EXPECT_TRUE(files.count("district-by-school-reverse.html"));
    EXPECT_TRUE(files.count("district-by-chronic_absenteeism.html"));
    EXPECT_TRUE(files.count("district-by-chronic_absenteeism-reverse.html"));
    EXPECT_EQ(district_file_name({DistrictColumn::enrollment, SortDirection::descending}),
              "district-by-enrollment.html");
}

TEST(DistrictSort, AHeadingLinksToItsFirstDirectionThenTheOther) {
    const DistrictSort by_name{DistrictColumn::school, SortDirection::ascending};
    EXPECT_EQ(sort_after_click(by_name, DistrictColumn::attendance_rate),
              (DistrictSort{DistrictColumn::attendance_rate, SortDirection::descending}));
    EXPECT_EQ(sort_after_click(by_name, DistrictColumn::school),
              (DistrictSort{DistrictColumn::school, SortDirection::descending}));
    EXPECT_EQ(sort_after_click({DistrictColumn::attendance_rate, SortDirection::descending},
                               DistrictColumn::attendance_rate),
              (DistrictSort{DistrictColumn::attendance_rate, SortDirection::ascending}));
}

}  // namespace
}  // namespace homeroom::render
