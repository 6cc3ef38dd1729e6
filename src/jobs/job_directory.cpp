#include "jobs/job_directory.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "core/errors.h"

namespace homeroom::jobs {

std::vector<Job> load_jobs(const std::filesystem::path& dir, Diagnostics& diagnostics) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        throw NoInputError("cannot read jobs folder " + dir.string() + ": no such folder");
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.path().extension() == ".ini" && entry.is_regular_file())
            files.push_back(entry.path());
    if (ec)
        throw IoError("cannot list " + dir.string() + ": " + ec.message());
    std::sort(files.begin(), files.end());
    std::vector<Job> jobs;
    std::map<std::string, std::string> file_of;
    for (const auto& path : files) {
        std::ifstream in(path, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        if (!in && !in.eof())
            throw IoError("cannot read " + path.string());
        auto job = parse_job(text.str(), path.string(), diagnostics);
        if (!job)
            continue;
        if (const auto other = file_of.find(job->name); other != file_of.end()) {
            diagnostics.error(path.string(), 0, 0,
                              "job name \"" + job->name + "\" is already used by " + other->second);
            continue;
        }
        file_of[job->name] = path.string();
        jobs.push_back(std::move(*job));
    }
    std::sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) { return a.name < b.name; });
    return jobs;
}

}  // namespace homeroom::jobs
