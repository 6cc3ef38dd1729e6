#include "jobs/job_lock.h"

namespace homeroom::jobs {

std::filesystem::path JobLock::lock_path(const std::filesystem::path& database_path,
                                         const std::string& job_name) {
    return database_path.string() + ".job-" + job_name + ".lock";
}

JobLock::JobLock(const std::filesystem::path& database_path, const std::string& job_name)
    : m_lock(lock_path(database_path, job_name), "job " + job_name +
                                                     " is already running (another process holds " +
                                                     lock_path(database_path, job_name).string() +
                                                     "); try again when it has finished") {}

}  // namespace homeroom::jobs
