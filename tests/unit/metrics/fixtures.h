// Small builders for hand-computed metrics fixtures.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "core/records.h"
#include "metrics/school_calendar.h"
#include "metrics/student_records.h"

namespace homeroom::metrics::testing {

inline Date day(const char* iso) {
    return *Date::parse(iso);
}

inline Student student(const char* entry, std::optional<const char*> exit = std::nullopt) {
    Student s;
    s.id = std::string("S1");
    s.school_id = std::string("SCH1");
    s.gender = std::string("F");
    s.race_ethnicity = std::string("hispanic");
    s.entry_date = day(entry);
    if (exit)
        s.exit_date = day(*exit);
    return s;
}

inline AttendanceRecord absence(const char* date, AttendanceStatus status) {
    return {"S1", day(date), status, 0};
}

// Every weekday of [first, last].
inline SchoolCalendar weekdays(const char* first, const char* last) {
    return SchoolCalendar::every_weekday(day(first), day(last));
}

inline SectionMark mark(const std::string& section, const std::string& subject,
                        const std::string& period, const char* period_start, const char* period_end,
                        const std::string& letter, std::optional<double> percent = std::nullopt) {
    SectionMark m;
    m.mark.student_id = "S1";
    m.mark.section_id = section;
    m.mark.marking_period_id = period;
    m.mark.letter = letter;
    m.mark.percent = percent;
    m.subject = subject;
    m.period = {period, period, day(period_start), day(period_end)};
    return m;
}

}  // namespace homeroom::metrics::testing
