// The instructional days of one school, sorted, for counting enrolled days by binary search. One
// calendar is shared by all students of a school: build it once per school, not per student.
#pragma once

#include <span>
#include <vector>

#include "core/date.h"
#include "core/records.h"

namespace homeroom::metrics {

class SchoolCalendar {
  public:
    SchoolCalendar() = default;
    // Any order; repeated days count once.
    explicit SchoolCalendar(std::vector<Date> instructional_days);
    // One school's calendar.csv rows; non-instructional days are left out.
    static SchoolCalendar from_calendar_days(std::span<const CalendarDay> days);
    // For a school that sent no calendar: every Monday to Friday in [first, last].
    static SchoolCalendar every_weekday(Date first, Date last);

    bool is_instructional(Date day) const;
    // Instructional days in [first, last]; none when last < first.
    std::span<const Date> days_between(Date first, Date last) const;
    int count_between(Date first, Date last) const;
    std::span<const Date> days() const { return m_days; }

  private:
    std::vector<Date> m_days;
};

}  // namespace homeroom::metrics
