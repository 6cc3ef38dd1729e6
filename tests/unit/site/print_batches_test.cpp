#include "site/print_batches.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace homeroom::site;

TEST(PrintBatches, GradesInSchoolOrder) {
    EXPECT_LT(grade_rank("PK"), grade_rank("K"));
    EXPECT_LT(grade_rank("K"), grade_rank("1"));
    EXPECT_LT(grade_rank("2"), grade_rank("10"));
    EXPECT_LT(grade_rank("12"), grade_rank("Adult"));
}

TEST(PrintBatches, OrderedByGradeHomeroomAndName) {
    std::vector<BatchEntry> e{
        {"S1", "10", "A", "Adams", "Zoe", "1", "C1", "en"},
        {"S1", "2", "B", "Brown", "Al", "2", "C2", "en"},
        {"S1", "2", "A", "Young", "Bo", "3", "C3", "en"},
        {"S1", "K", "Z", "Zed", "Cy", "4", "C4", "en"},
        {"S1", "2", "A", "Young", "Ann", "5", "C5", "en"},
    };
    std::sort(e.begin(), e.end(), batch_order);
    std::vector<std::string> ids;
    for (const auto& x : e) ids.push_back(x.student_id);
    EXPECT_EQ(ids, (std::vector<std::string>{"4", "5", "3", "2", "1"}));
}

TEST(PrintBatches, SpoolKeepsEachReportAndGroupsBySchool) {
    std::filesystem::path dir;
    {
        PrintSpool spool;
        spool.add({"S2", "3", "A", "Lee", "Kim", "7", "C7", "en"}, "<p>seven</p>");
        spool.add({"S1", "4", "A", "Diaz", "Ana", "8", "C8", "es"}, "<p>eight</p>");
        spool.add({"S1", "1", "A", "Diaz", "Bea", "9", "C9", "es"}, "<p>nine</p>");
        const auto schools = spool.schools();
        ASSERT_EQ(schools.size(), 2u);
        const auto& s1 = schools.at("S1");
        ASSERT_EQ(s1.size(), 2u);
        EXPECT_EQ(s1[0].student_id, "9");
        EXPECT_EQ(spool.html(s1[0]), "<p>nine</p>");
        EXPECT_EQ(spool.html(s1[1]), "<p>eight</p>");
        EXPECT_EQ(spool.html(schools.at("S2")[0]), "<p>seven</p>");
    }
}
