// What the digest benchmarks (digest_bench, sms_bench) feed the digest builders: children's weeks
// with the kind of news a real week brings, varied deterministically by index.
#pragma once

#include <sys/resource.h>

#include <cstddef>
#include <string>

#include "core/date.h"
#include "notify/child_week.h"

namespace homeroom::bench {

inline const Date k_week = Date::from_ymd(2026, 6, 8);
inline const char* const k_first[] = {"Maya",  "Omar",  "Lina",  "Noah", "Ella",  "Sam",
                                      "Ava",   "Leo",   "Sofía", "José", "Amira", "Yusuf",
                                      "Chloe", "Mateo", "Zoe",   "Ali"};
inline const char* const k_last[] = {"Pérez",    "Haddad",  "Smith", "Jones",
                                     "Nguyen",   "García",  "Kim",   "Brown",
                                     "Al-Sayed", "Johnson", "López", "Williams"};
inline const char* const k_languages[] = {"en", "en", "en", "en", "en",
                                          "en", "en", "es", "es", "ar"};

// A child's week with the kind of news a real week brings, varied by `i`.
inline notify::ChildWeek child(std::size_t i) {
    notify::ChildWeek c;
    c.student_id = "S" + std::to_string(100000 + i);
    c.first_name = k_first[i % 16];
    c.last_name = k_last[(i / 16) % 12];
    const Date monday = k_week;
    for (std::size_t d = 0; d < i % 4; ++d)
        c.attendance.push_back({monday.plus_days(static_cast<int>(d + i % 2)),
                                d % 2 ? AttendanceStatus::tardy : AttendanceStatus::excused, 0});
    if (i % 3 == 0)
        c.new_marks.push_back({"Mathematics " + std::to_string(3 + i % 6), "Quarter 4",
                               i % 9 == 0 ? "F" : "B+", 52.0 + static_cast<double>(i % 40),
                               i % 9 == 0, false});
    if (i % 5 == 0)
        c.new_marks.push_back(
            {"Reading and Writing", "Quarter 4", "A-", std::nullopt, false, true});
    if (i % 9 == 0)
        c.failing_marks.push_back({"Mathematics", "Quarter 4", "F", 48.0, true, false});
    if (i % 11 == 0)
        c.new_incidents.push_back({monday.plus_days(2), "disruption"});
    if (i % 13 == 0)
        c.flag_changes.push_back(
            {metrics::WarningFlag::attendance, metrics::FlagChangeKind::raised});
    c.page_url_prefix = "https://homeroom.example.org/private/students/" +
                        std::string(26, static_cast<char>('a' + i % 26)) + "/";
    c.page_languages = {"en", "es", "ar"};
    return c;
}

inline double peak_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace homeroom::bench
