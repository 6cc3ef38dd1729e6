#include "app/progress_line.h"

namespace homeroom::app {

ProgressLine::~ProgressLine() {
    clear();
}

void ProgressLine::update(const std::string& text) {
    if (!m_terminal)
        return;
    const auto now = std::chrono::steady_clock::now();
    if (m_dirty && now - m_last < std::chrono::milliseconds(100))
        return;
    m_last = now;
    m_err << "\r\033[K" << text << std::flush;
    m_dirty = true;
}

void ProgressLine::done(const std::string& text) {
    clear();
    m_err << text << "\n" << std::flush;
}

void ProgressLine::clear() {
    if (m_dirty)
        m_err << "\r\033[K" << std::flush;
    m_dirty = false;
}

std::string with_thousands(std::size_t n) {
    std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

}  // namespace homeroom::app
