// An exclusive lock that dies with its holder: flock(2) on a file of its own. The kernel releases
// it when the process ends, even by kill -9, so whoever gets it knows the last holder is gone —
// what lets a job's ledger and the outbox reclaim what a killed run left behind at once, without
// leases. The one implementation behind jobs::JobLock and notify::SendLock.
#pragma once

#include <filesystem>
#include <string>

namespace homeroom {

class FileLock {
  public:
    // Creates the file (and its folder) when missing. LockedError(`held_message`) (exit 75: try
    // again later) when another process holds it; IoError when it cannot be opened.
    FileLock(const std::filesystem::path& path, const std::string& held_message);
    ~FileLock();
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

  private:
    int m_fd = -1;
};

}  // namespace homeroom
