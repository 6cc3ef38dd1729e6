#include "site/print_batches.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <tuple>

#include "core/errors.h"

namespace homeroom::site {

int grade_rank(const std::string& grade) {
    if (grade == "PK")
        return -1;
    if (grade == "K" || grade == "KG")
        return 0;
    if (!grade.empty() &&
        std::all_of(grade.begin(), grade.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
        grade.size() <= 2)
        return std::stoi(grade);
    return 100;
}

bool batch_order(const BatchEntry& a, const BatchEntry& b) {
    const int ga = grade_rank(a.grade), gb = grade_rank(b.grade);
    return std::tie(ga, a.grade, a.homeroom, a.last_name, a.first_name, a.student_id,
                    a.contact_id) <
           std::tie(gb, b.grade, b.homeroom, b.last_name, b.first_name, b.student_id, b.contact_id);
}

PrintSpool::PrintSpool() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "homeroom-print-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
        throw IoError("cannot create a temporary folder for the print batches");
    m_dir = pattern;
}

PrintSpool::~PrintSpool() {
    std::error_code ec;
    std::filesystem::remove_all(m_dir, ec);
}

std::filesystem::path PrintSpool::file_of(const BatchEntry& e) const {
    return m_dir / (std::to_string(e.spool_index) + ".html");
}

void PrintSpool::add(BatchEntry entry, const std::string& print_html) {
    {
        std::lock_guard lock(m_mutex);
        entry.spool_index = m_entries.size();
        m_entries.push_back(entry);
    }
    const auto path = file_of(entry);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << print_html;
    out.close();  // a full disk shows on the last flush: check after it
    if (!out)
        throw IoError("cannot write " + path.string());
}

std::map<std::string, std::vector<BatchEntry>> PrintSpool::schools() const {
    std::map<std::string, std::vector<BatchEntry>> out;
    {
        std::lock_guard lock(m_mutex);
        for (const auto& e : m_entries) out[e.school_id].push_back(e);
    }
    for (auto& [school, entries] : out) std::sort(entries.begin(), entries.end(), batch_order);
    return out;
}

std::string PrintSpool::html(const BatchEntry& entry) const {
    const auto path = file_of(entry);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw IoError("cannot read " + path.string());
    std::stringstream ss;
    ss << in.rdbuf();
    if (in.bad())
        throw IoError("cannot read " + path.string());
    return ss.str();
}

}  // namespace homeroom::site
