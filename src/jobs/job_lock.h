// One run of a job at a time: a FileLock (core/file_lock.h) on "<database>.job-<name>.lock", so
// a run that gets the lock knows that a ledger row still marked `running` for this job belongs to
// a process that is gone.
#pragma once

#include <filesystem>
#include <string>

#include "core/file_lock.h"

namespace homeroom::jobs {

class JobLock {
  public:
    // LockedError (exit 75) when another process holds it; IoError when it cannot be opened.
    JobLock(const std::filesystem::path& database_path, const std::string& job_name);

    static std::filesystem::path lock_path(const std::filesystem::path& database_path,
                                           const std::string& job_name);

  private:
    FileLock m_lock;
};

}  // namespace homeroom::jobs
