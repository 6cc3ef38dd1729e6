// Progress on long work: redrawn in place on a terminal, one plain line per finished step
// otherwise (so logs of scheduled runs stay readable).
#pragma once

#include <chrono>
#include <ostream>
#include <string>

namespace homeroom::app {

class ProgressLine {
  public:
    ProgressLine(std::ostream& err, bool terminal) : m_err(err), m_terminal(terminal) {}
    ~ProgressLine();
    // A transient state ("attendance.csv: 120,000 rows"); shown only on a terminal, at most
    // ten times a second.
    void update(const std::string& text);
    // A finished step: always printed, on its own line.
    void done(const std::string& text);

  private:
    void clear();
    std::ostream& m_err;
    bool m_terminal;
    bool m_dirty = false;
    std::chrono::steady_clock::time_point m_last{};
};

// 1234567 -> "1,234,567"
std::string with_thousands(std::size_t n);

}  // namespace homeroom::app
