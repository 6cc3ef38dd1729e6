// Writes records as a native CSV bundle (docs/data-format.md): one file per kind of record,
// every documented column in the documented order, UTF-8 without BOM, LF line endings.
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/csv_writer.h"
#include "core/record_sink.h"

namespace homeroom::sample {

class NativeBundleWriter : public RecordSink {
  public:
    // Creates `dir` if needed and opens every file of the bundle (so an empty table is still a
    // file with its header). Throws IoError("cannot write PATH: why").
    explicit NativeBundleWriter(const std::filesystem::path& dir);
    ~NativeBundleWriter() override;

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

    // Flushes and closes every file; throws IoError on the first that fails.
    void close();
    // Data rows (not counting headers) per file, in bundle order.
    std::vector<std::pair<std::string, std::size_t>> rows_per_file() const;

    static constexpr std::size_t k_file_count = 19;

  private:
    CsvWriter& file(std::size_t index) { return *m_files[index]; }
    std::array<std::unique_ptr<CsvWriter>, k_file_count> m_files;
};

}  // namespace homeroom::sample
