// A snapshot's small tables indexed for per-student work, and the per-student steps that the site
// build and the weekly digests share: a student's rows as metrics records, and the languages the
// student's private page is published in. One index is built per snapshot and then read, without
// locks, by every worker.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/student_rows.h"
#include "metrics/school_calendar.h"
#include "metrics/student_records.h"
#include "render/localizer.h"
#include "render/student_page.h"

namespace homeroom::site {

struct SnapshotIndex {
    Date as_of;
    std::map<std::string, School, std::less<>> schools;
    std::map<std::string, metrics::SchoolCalendar, std::less<>> calendars;
    std::map<std::string, Section, std::less<>> sections;
    std::map<std::string, render::SectionInfo, std::less<>> section_info;
    std::map<std::string, MarkingPeriod, std::less<>> periods;
    std::vector<MarkingPeriod> periods_begun;  // by start date
    std::map<std::string, Contact, std::less<>> contacts;
    std::multimap<std::string, StudentContact, std::less<>> links;  // by student id

    const metrics::SchoolCalendar& calendar(const std::string& school_id) const {
        return calendars.at(school_id);
    }
};

SnapshotIndex index_snapshot(const SnapshotTables& tables, Date as_of);

// The student's rows as the metrics see them; marks of unknown sections or marking periods are
// left out.
metrics::StudentRecords to_records(const StudentRows& rows, const SnapshotIndex& index);

// English, then each language of a contact who may see the page (educational rights, no
// restriction), when the site ships it: the languages the student's private page exists in.
std::vector<std::string> page_languages(const StudentRows& rows, const SnapshotIndex& index,
                                        const render::LocalizerSet& localizers);

}  // namespace homeroom::site
