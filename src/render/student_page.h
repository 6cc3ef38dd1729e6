// The view model of a student's private progress page (templates/student.mustache).
#pragma once

#include <mstch/mstch.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/student_rows.h"
#include "metrics/student_changes.h"
#include "metrics/student_indicators.h"
#include "render/localizer.h"
#include "render/page_chrome.h"

namespace homeroom::render {

struct SectionInfo {
    std::string title;
    std::string teacher;  // "Ms. Lopez" style display name, may be empty
};

struct StudentPageData {
    const StudentRows& rows;
    const School& school;
    const metrics::StudentIndicators& indicators;
    // Null when there is no previous snapshot to compare with.
    const metrics::StudentChanges* changes = nullptr;
    // Marking periods begun by the as-of date, earliest first.
    const std::vector<MarkingPeriod>& periods;
    const std::map<std::string, SectionInfo, std::less<>>& sections;
    // The week-by-week chart as an image URI (data:image/svg+xml;base64,...), if any.
    std::optional<std::string> chart_uri;
};

// "Maya Pérez" (preferred first name when there is one).
std::string student_display_name(const Student& s);

mstch::map student_page_context(const StudentPageData& data, const PageChrome& chrome,
                                const Localizer& l);

}  // namespace homeroom::render
