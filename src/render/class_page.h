// The view model of a teacher's private class page: the section's roster with each student's
// indicators and flags (templates/class.mustache).
#pragma once

#include <mstch/mstch.hpp>

#include <string>
#include <vector>

#include "core/records.h"
#include "render/localizer.h"
#include "render/page_chrome.h"

namespace homeroom::render {

struct RosterRow {
    std::string student_name;  // display name, sorts the roster
    std::string last_name, first_name;
    std::string grade;
    std::string page_href;  // the student's private page, relative to the class page
    std::optional<double> attendance_rate;
    int absences = 0;
    bool chronically_absent = false;
    bool flag_attendance = false, flag_behavior = false, flag_course = false;
    std::string mark;  // the latest mark in this section
    bool failing = false;
};

struct ClassPageData {
    const Section& section;
    const School& school;
    std::string teacher;
    Date as_of;
    std::vector<RosterRow> roster;  // sorted by last name, first name
};

mstch::map class_page_context(const ClassPageData& data, const PageChrome& chrome,
                              const Localizer& l);

}  // namespace homeroom::render
