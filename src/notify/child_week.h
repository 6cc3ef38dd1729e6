// What a parent hears about one child in one weekly digest, worked out from the child's indicators
// and what changed since the snapshot before the week. Pure: values in, values out. The digest
// (digest.h) words and renders it, once per language, for every mailbox the child belongs to.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/records.h"
#include "metrics/attendance_summary.h"
#include "metrics/early_warning.h"
#include "metrics/student_changes.h"
#include "metrics/student_indicators.h"
#include "render/student_page.h"

namespace homeroom::notify {

struct WeekMark {
    std::string course;  // the section's course title (its id when the section is unknown)
    std::string period;  // the marking period's name
    std::string letter;  // may be empty when only a percent is given
    std::optional<double> percent;
    bool failing = false;  // below passing on the district's grade scale
    bool changed = false;  // replaces an earlier mark of the same course and period
};

struct WeekIncident {
    Date date;
    std::string type;  // vocabulary code, e.g. "disruption"
};

struct ChildWeek {
    std::string student_id;
    std::string first_name;  // the preferred name when there is one
    std::string last_name;
    // This week's absences, late arrivals and partial days, by date.
    std::vector<metrics::AttendanceEvent> attendance;
    std::vector<WeekMark> new_marks;      // new or changed since the last snapshot
    std::vector<WeekMark> failing_marks;  // every course whose latest mark is below passing
    std::vector<WeekIncident> new_incidents;
    std::vector<metrics::FlagChange> flag_changes;
    // The private progress page: page_url_prefix + language + ".html", for a language in
    // page_languages (English always is).
    std::string page_url_prefix;
    std::vector<std::string> page_languages;

    // Something happened this week. Courses already below passing are repeated in every digest
    // that is sent but are not news by themselves: they alone do not make a week worth a message.
    bool has_news() const {
        return !attendance.empty() || !new_marks.empty() || !new_incidents.empty() ||
               !flag_changes.empty();
    }
};

struct ChildWeekInput {
    const metrics::StudentRecords& records;  // as of the snapshot used for the week
    const metrics::StudentIndicators& indicators;
    // Since the snapshot before the week; null when there is none to compare with (the first
    // digest): then incidents dated in the week count as new and nothing else does.
    const metrics::StudentChanges* changes = nullptr;
    const std::map<std::string, render::SectionInfo, std::less<>>& sections;
    Date week;  // any day of the ISO week
};

ChildWeek summarize_child_week(const ChildWeekInput& input);

// "<prefix><lang>.html" in `language` when the page is published in it, else in English.
std::string child_page_url(const ChildWeek& child, std::string_view language);

}  // namespace homeroom::notify
