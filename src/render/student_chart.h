// The week-by-week attendance chart of a student's progress page, as an image URI, so that the
// page embeds it with a plain <img> (escaped like any attribute, and drawable by the PDF renderer).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "metrics/attendance_weeks.h"
#include "render/localizer.h"

namespace homeroom::render {

// "data:image/svg+xml;base64,..."; empty without any week.
std::string weekly_attendance_chart_uri(const std::vector<metrics::WeekAttendance>& weeks,
                                        const Localizer& l);

std::string base64(std::string_view bytes);

}  // namespace homeroom::render
