// Print batches: for families without e-mail, every student's report of a school in one PDF,
// ordered by grade, homeroom and name, each report starting on a fresh sheet (odd page, so that
// duplex printing never puts two families on one sheet), with the family's mailing address on
// the first page where a #10 window envelope shows it. Reports are spooled to a private
// temporary folder while the students stream past, so memory does not grow with the district.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace homeroom::site {

struct BatchEntry {
    std::string school_id;
    std::string grade, homeroom, last_name, first_name, student_id, contact_id;
    std::string language;
    std::size_t spool_index = 0;  // set by PrintSpool::add
};

// PK, K, 1 .. 12 in school order; anything else after them.
int grade_rank(const std::string& grade);

// Batch order: grade, homeroom, last name, first name, then ids.
bool batch_order(const BatchEntry& a, const BatchEntry& b);

class PrintSpool {
  public:
    PrintSpool();   // a fresh private folder (mode 0700) under the temporary directory
    ~PrintSpool();  // removes it with everything in it
    PrintSpool(const PrintSpool&) = delete;
    PrintSpool& operator=(const PrintSpool&) = delete;

    // Thread-safe.
    void add(BatchEntry entry, const std::string& print_html);

    // Each school's entries in batch order, with a reader of their HTML.
    std::map<std::string, std::vector<BatchEntry>> schools() const;
    std::string html(const BatchEntry& entry) const;

  private:
    std::filesystem::path file_of(const BatchEntry& e) const;
    std::filesystem::path m_dir;
    mutable std::mutex m_mutex;
    std::vector<BatchEntry> m_entries;
};

}  // namespace homeroom::site
