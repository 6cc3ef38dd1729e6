// Problems found in user-supplied input, collected like a compiler's and reported all at once.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace homeroom {

enum class Severity { error, warning };

struct Diagnostic {
    std::string file;  // file name as the user knows it (e.g. "students.csv")
    int line = 0;      // 1-based; 0 when the problem concerns the whole file
    int column = 0;    // 1-based character column; 0 when unknown
    Severity severity = Severity::error;
    std::string message;
    // A problem that stops a whole file from being read (not text, no usable header): listed
    // before every other error, since what follows from it is silenced or less important.
    bool root_cause = false;

    // "students.csv:14:23: error: birth_date: ..." (line/column omitted when 0).
    std::string to_string() const;
};

class Diagnostics {
  public:
    void error(std::string file, int line, int column, std::string message);
    void warning(std::string file, int line, int column, std::string message);
    // An error that refuses a whole file (Diagnostic::root_cause); always kept and listed first.
    void root_error(std::string file, int line, int column, std::string message);

    std::size_t error_count() const { return m_errors; }
    std::size_t warning_count() const { return m_warnings; }
    bool has_errors() const { return m_errors > 0; }
    const std::vector<Diagnostic>& items() const { return m_items; }

    // Every diagnostic up to `limit` lines (root causes, other errors, then warnings), then "...
    // and N more errors/warnings".
    std::string format(std::size_t limit) const;

    // Keeps memory bounded on a hopeless file: beyond this many stored items only counts grow.
    static constexpr std::size_t k_max_stored = 10000;

  private:
    void add(Diagnostic d);
    std::vector<Diagnostic> m_items;
    std::size_t m_errors = 0;
    std::size_t m_warnings = 0;
};

}  // namespace homeroom
