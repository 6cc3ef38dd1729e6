// The district calendar of one school year (Michigan-style 2025-26 by default): school days,
// holidays and breaks, professional-development days, four marking periods, and the dates on
// which tests and programs happen. Pure: computed from rules, so any year works.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/records.h"

namespace homeroom::sample {

struct SchoolDay {
    Date date;
    bool instructional = true;  // false: a professional-development day (students stay home)
};

class SchoolYear {
  public:
    // The year that starts in August of `start_year` (2025 -> 2025-26).
    static SchoolYear starting(int start_year);
    // The latest school year whose first day is on or before `as_of`.
    static SchoolYear containing(Date as_of);

    int start_year() const { return m_start_year; }
    const std::string& label() const { return m_label; }  // "2025-26"
    Date first_day() const { return m_days.front().date; }
    Date last_day() const { return m_days.back().date; }

    // Every day school is open (holidays and breaks are not listed).
    const std::vector<SchoolDay>& days() const { return m_days; }
    const std::vector<Date>& instructional_days() const { return m_instructional; }
    // Position of `d` in instructional_days(), or -1 when it is not an instructional day.
    int instructional_index(Date d) const;
    // Position of the first instructional day on or after `d` (size() when none is left).
    std::size_t first_instructional_at_or_after(Date d) const;

    const std::vector<MarkingPeriod>& marking_periods() const { return m_periods; }
    // Index into instructional_days() where each marking period starts, plus one past the end.
    const std::vector<std::size_t>& period_bounds() const { return m_period_bounds; }

    Date fall_interim_day() const { return m_fall_interim; }
    Date winter_interim_day() const { return m_winter_interim; }
    Date state_test_day() const { return m_state_test; }
    Date program_start_day() const { return m_program_start; }

  private:
    int m_start_year = 0;
    std::string m_label;
    std::vector<SchoolDay> m_days;
    std::vector<Date> m_instructional;
    std::vector<int> m_index_by_day;  // from first_day() to last_day()
    std::vector<MarkingPeriod> m_periods;
    std::vector<std::size_t> m_period_bounds;
    Date m_fall_interim, m_winter_interim, m_state_test, m_program_start;
};

}  // namespace homeroom::sample
