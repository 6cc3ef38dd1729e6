// Writes records as a OneRoster 1.1 bulk CSV export (docs/oneroster.md): manifest.csv, orgs.csv,
// academicSessions.csv, courses.csv, classes.csv, users.csv, demographics.csv, enrollments.csv,
// plus the native files beside it for what OneRoster does not carry (contacts.csv with the
// channel and consent, student_contacts.csv, calendar, attendance, assessments, discipline,
// partners, learner profiles). Marks are not written: this version reads no results.csv.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/csv_writer.h"
#include "core/record_sink.h"
#include "sample/native_bundle_writer.h"

namespace homeroom::sample {

class OneRosterBundleWriter : public RecordSink {
  public:
    // Creates `dir` if needed. Throws IoError("cannot write PATH: why").
    explicit OneRosterBundleWriter(const std::filesystem::path& dir);
    ~OneRosterBundleWriter() override;

    void put(const School&) override;
    void put(const StaffMember&) override;
    void put(const Student&) override;
    void put(const Contact&) override;
    void put(const StudentContact&) override;
    void put(const CalendarDay&) override;
    void put(const MarkingPeriod&) override;
    void put(const AttendanceRecord&) override;
    void put(const Section&) override;
    void put(const SectionEnrollment&) override;
    void put(const Mark&) override;
    void put(const AssessmentResult&) override;
    void put(const Incident&) override;
    void put(const DisciplineAction&) override;
    void put(const Partner&) override;
    void put(const PartnerRosterEntry&) override;
    void put(const Agreement&) override;
    void put(const PartnerConsent&) override;
    void put(const LearnerProfile&) override;

    // Writes the school year session and the manifest, moves the native files into place,
    // flushes and closes every file; throws IoError on the first that fails.
    void close();
    // Data rows (not counting headers) per file written.
    std::vector<std::pair<std::string, std::size_t>> rows_per_file() const;

    static constexpr const char* k_district_id = "district";
    static constexpr const char* k_school_year_id = "school-year";

  private:
    CsvWriter& file(const std::string& name) { return *m_files.at(name); }
    std::string homeroom_class(const std::string& school_id, const std::string& title);

    std::filesystem::path m_dir, m_native_dir;
    std::map<std::string, std::unique_ptr<CsvWriter>> m_files;
    std::unique_ptr<NativeBundleWriter> m_native;  // the gap files, written aside then moved
    std::vector<std::pair<std::string, std::size_t>> m_native_rows;
    std::unordered_map<std::string, std::string> m_section_school;
    std::set<std::string> m_courses;
    std::map<std::pair<std::string, std::string>, std::string> m_homerooms;
    std::optional<Date> m_year_start, m_year_end;
    std::size_t m_enrollments = 0;
    bool m_closed = false;
};

}  // namespace homeroom::sample
