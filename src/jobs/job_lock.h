// One run of a job at a time: flock(2) on "<database>.job-<name>.lock". The kernel releases it
// when the holder dies, even by kill -9, so a run that gets the lock knows that a ledger row
// still marked `running` for this job belongs to a process that is gone.
#pragma once

#include <filesystem>
#include <string>

namespace homeroom::jobs {

class JobLock {
  public:
    // LockedError (exit 75) when another process holds it; IoError when it cannot be opened.
    JobLock(const std::filesystem::path& database_path, const std::string& job_name);
    ~JobLock();
    JobLock(const JobLock&) = delete;
    JobLock& operator=(const JobLock&) = delete;

    static std::filesystem::path lock_path(const std::filesystem::path& database_path,
                                           const std::string& job_name);

  private:
    int m_fd = -1;
};

}  // namespace homeroom::jobs
