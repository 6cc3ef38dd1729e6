#include "metrics/school_calendar.h"

#include <algorithm>

namespace homeroom::metrics {

SchoolCalendar::SchoolCalendar(std::vector<Date> instructional_days)
    : m_days(std::move(instructional_days)) {
    std::sort(m_days.begin(), m_days.end());
    m_days.erase(std::unique(m_days.begin(), m_days.end()), m_days.end());
}

SchoolCalendar SchoolCalendar::from_calendar_days(std::span<const CalendarDay> days) {
    std::vector<Date> instructional;
    instructional.reserve(days.size());
    for (const CalendarDay& day : days)
        if (day.instructional)
            instructional.push_back(day.date);
    return SchoolCalendar(std::move(instructional));
}

SchoolCalendar SchoolCalendar::every_weekday(Date first, Date last) {
    std::vector<Date> weekdays;
    for (Date day = first; day <= last; day = day.plus_days(1))
        if (day.weekday() < 5)
            weekdays.push_back(day);
    return SchoolCalendar(std::move(weekdays));
}

bool SchoolCalendar::is_instructional(Date day) const {
    return std::binary_search(m_days.begin(), m_days.end(), day);
}

std::span<const Date> SchoolCalendar::days_between(Date first, Date last) const {
    if (last < first)
        return {};
    const auto begin = std::lower_bound(m_days.begin(), m_days.end(), first);
    const auto end = std::upper_bound(begin, m_days.end(), last);
    return {begin, end};
}

int SchoolCalendar::count_between(Date first, Date last) const {
    return static_cast<int>(days_between(first, last).size());
}

}  // namespace homeroom::metrics
