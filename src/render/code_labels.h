// Human words for the bundle's codes (subjects, attendance statuses, incident types, ...),
// as English source texts that the catalogs translate.
#pragma once

#include <string>
#include <string_view>

#include "core/records.h"
#include "render/localizer.h"

namespace homeroom::render {

std::string subject_label(std::string_view code, const Localizer& l);
std::string attendance_status_label(AttendanceStatus status, const Localizer& l);
std::string incident_type_label(std::string_view code, const Localizer& l);
std::string discipline_action_label(std::string_view code, const Localizer& l);
// "Kindergarten", "Pre-kindergarten", "Grade 7".
std::string grade_label(std::string_view grade, const Localizer& l);
// "Attendance", "Behavior", "Course performance".
std::string flag_label(std::string_view flag_code, const Localizer& l);
std::string subgroup_label(std::string_view dimension, std::string_view code, const Localizer& l);

}  // namespace homeroom::render
