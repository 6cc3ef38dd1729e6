// Test helpers for the sample generator: a sink that keeps every record, a temporary folder,
// and file digests.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "core/record_sink.h"

namespace homeroom::sample::testing {

struct CollectingSink : RecordSink {
    std::vector<School> schools;
    std::vector<StaffMember> staff;
    std::vector<Student> students;
    std::vector<Contact> contacts;
    std::vector<StudentContact> links;
    std::vector<CalendarDay> calendar;
    std::vector<MarkingPeriod> periods;
    std::vector<AttendanceRecord> attendance;
    std::vector<Section> sections;
    std::vector<SectionEnrollment> enrollments;
    std::vector<Mark> marks;
    std::vector<AssessmentResult> assessments;
    std::vector<Incident> incidents;
    std::vector<DisciplineAction> actions;
    std::vector<Partner> partners;
    std::vector<PartnerRosterEntry> rosters;
    std::vector<Agreement> agreements;
    std::vector<PartnerConsent> consents;
    std::vector<LearnerProfile> profiles;

    void put(const School& r) override { schools.push_back(r); }
    void put(const StaffMember& r) override { staff.push_back(r); }
    void put(const Student& r) override { students.push_back(r); }
    void put(const Contact& r) override { contacts.push_back(r); }
    void put(const StudentContact& r) override { links.push_back(r); }
    void put(const CalendarDay& r) override { calendar.push_back(r); }
    void put(const MarkingPeriod& r) override { periods.push_back(r); }
    void put(const AttendanceRecord& r) override { attendance.push_back(r); }
    void put(const Section& r) override { sections.push_back(r); }
    void put(const SectionEnrollment& r) override { enrollments.push_back(r); }
    void put(const Mark& r) override { marks.push_back(r); }
    void put(const AssessmentResult& r) override { assessments.push_back(r); }
    void put(const Incident& r) override { incidents.push_back(r); }
    void put(const DisciplineAction& r) override { actions.push_back(r); }
    void put(const Partner& r) override { partners.push_back(r); }
    void put(const PartnerRosterEntry& r) override { rosters.push_back(r); }
    void put(const Agreement& r) override { agreements.push_back(r); }
    void put(const PartnerConsent& r) override { consents.push_back(r); }
    void put(const LearnerProfile& r) override { profiles.push_back(r); }
};

// A fresh folder under the system temp folder, removed with everything in it at the end.
class TempDir {
  public:
    explicit TempDir(const std::string& name) {
        m_path = std::filesystem::temp_directory_path() /
                 ("homeroom_sample_" + name + "_" + std::to_string(::getpid()));
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }

  private:
    std::filesystem::path m_path;
};

inline std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    return content.str();
}

// FNV-1a, 64-bit: enough to tell two files apart in a test.
inline std::uint64_t fnv1a(const std::string& bytes) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const unsigned char c : bytes) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

// File name -> digest of its bytes, for every file in `dir`.
inline std::map<std::string, std::uint64_t> digest_folder(const std::filesystem::path& dir) {
    std::map<std::string, std::uint64_t> digests;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        digests[entry.path().filename().string()] = fnv1a(read_bytes(entry.path()));
    return digests;
}

}  // namespace homeroom::sample::testing
