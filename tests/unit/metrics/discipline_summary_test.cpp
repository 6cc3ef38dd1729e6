#include "metrics/discipline_summary.h"

#include <gtest/gtest.h>

#include "fixtures.h"

namespace homeroom::metrics {
namespace {

using testing::day;

Incident incident(const char* id, const char* date) {
    Incident i;
    i.id = id;
    i.student_id = "S1";
    i.date = day(date);
    i.type = "fighting";
    return i;
}

TEST(DisciplineSummary, CountsIncidentsSuspensionsAndTheirDays) {
    const std::vector<Incident> incidents = {
        incident("I1", "2025-09-10"), incident("I2", "2025-10-01"), incident("I3", "2025-10-20")};
    const std::vector<DisciplineAction> actions = {{"I1", "detention", 0},
                                                   {"I2", "in_school_suspension", 1},
                                                   {"I2", "out_of_school_suspension", 2.5},
                                                   {"I3", "out_of_school_suspension", 3}};
    const auto summary = summarize_discipline(incidents, actions, day("2025-12-01"));
    EXPECT_EQ(summary.incidents, 3);
    EXPECT_EQ(summary.in_school_suspensions, 1);
    EXPECT_EQ(summary.out_of_school_suspensions, 2);
    EXPECT_EQ(summary.suspensions(), 3);
    EXPECT_DOUBLE_EQ(summary.in_school_suspension_days, 1);
    EXPECT_DOUBLE_EQ(summary.out_of_school_suspension_days, 5.5);
    EXPECT_DOUBLE_EQ(summary.suspension_days(), 6.5);
}

TEST(DisciplineSummary, IgnoresIncidentsAfterAsOfWithTheirActions) {
    const std::vector<Incident> incidents = {incident("I1", "2025-09-10"),
                                             incident("I2", "2025-12-02")};
    const std::vector<DisciplineAction> actions = {{"I2", "out_of_school_suspension", 3}};
    const auto summary = summarize_discipline(incidents, actions, day("2025-12-01"));
    EXPECT_EQ(summary.incidents, 1);
    EXPECT_EQ(summary.suspensions(), 0);
}

TEST(DisciplineSummary, IgnoresActionsOfIncidentsItWasNotGiven) {
    const std::vector<DisciplineAction> actions = {{"OTHER", "out_of_school_suspension", 3}};
    EXPECT_EQ(summarize_discipline({}, actions, day("2025-12-01")), DisciplineSummary{});
}

TEST(DisciplineSummary, CountsExpulsionsApartFromSuspensions) {
    const std::vector<Incident> incidents = {incident("I1", "2025-09-10")};
    const std::vector<DisciplineAction> actions = {{"I1", "expulsion", 0}};
    const auto summary = summarize_discipline(incidents, actions, day("2025-12-01"));
    EXPECT_EQ(summary.expulsions, 1);
    EXPECT_EQ(summary.suspensions(), 0);
}

}  // namespace
}  // namespace homeroom::metrics
