#include "core/diagnostics.h"

#include <algorithm>

#include "core/untrusted_text.h"

namespace homeroom {

std::string Diagnostic::to_string() const {
    // Messages quote the file's own bytes (and a name may hold a U+202E or an ESC): one line of
    // plain text whatever they hold.
    std::string out = terminal_text(file);
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0)
            out += ':' + std::to_string(column);
    }
    out += severity == Severity::error ? ": error: " : ": warning: ";
    out += terminal_text(message);
    return out;
}

void Diagnostics::error(std::string file, int line, int column, std::string message) {
    add({std::move(file), line, column, Severity::error, std::move(message)});
}

void Diagnostics::warning(std::string file, int line, int column, std::string message) {
    add({std::move(file), line, column, Severity::warning, std::move(message)});
}

void Diagnostics::root_error(std::string file, int line, int column, std::string message) {
    add({std::move(file), line, column, Severity::error, std::move(message), true});
}

void Diagnostics::add(Diagnostic d) {
    (d.severity == Severity::error ? m_errors : m_warnings)++;
    if (m_items.size() < k_max_stored || d.root_cause)
        m_items.push_back(std::move(d));
}

std::string Diagnostics::format(std::size_t limit) const {
    // Root causes, then errors, so a capped listing never hides the file that was refused
    // behind other errors, nor an error behind warnings.
    std::vector<const Diagnostic*> ordered;
    ordered.reserve(m_items.size());
    for (const auto& d : m_items)
        if (d.root_cause)
            ordered.push_back(&d);
    for (const auto& d : m_items)
        if (d.severity == Severity::error && !d.root_cause)
            ordered.push_back(&d);
    for (const auto& d : m_items)
        if (d.severity == Severity::warning)
            ordered.push_back(&d);

    std::string out;
    std::size_t shown_errors = 0, shown_warnings = 0;
    for (const Diagnostic* d : ordered) {
        if (shown_errors + shown_warnings >= limit)
            break;
        out += d->to_string();
        out += '\n';
        (d->severity == Severity::error ? shown_errors : shown_warnings)++;
    }
    const std::size_t more_errors = m_errors - shown_errors;
    const std::size_t more_warnings = m_warnings - shown_warnings;
    if (more_errors > 0 || more_warnings > 0) {
        out += "... and ";
        if (more_errors > 0)
            out +=
                std::to_string(more_errors) + (more_errors == 1 ? " more error" : " more errors");
        if (more_errors > 0 && more_warnings > 0)
            out += " and ";
        if (more_warnings > 0)
            out += std::to_string(more_warnings) +
                   (more_warnings == 1 ? " more warning" : " more warnings");
        out += '\n';
    }
    return out;
}

}  // namespace homeroom
