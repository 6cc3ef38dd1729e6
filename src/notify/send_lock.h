// Only one run sends from an outbox at a time. The lock is flock(2) on "<database>.send-lock":
// the kernel releases it when the holder dies, even by kill -9, so a run that holds it knows
// that any message still marked `sending` was left by a run that is gone — and may reclaim it
// at once instead of waiting for a lease to expire.
#pragma once

#include <filesystem>

namespace homeroom::notify {

class SendLock {
  public:
    // LockedError("another homeroom run is sending from DB ...") when held elsewhere;
    // IoError when the lock file cannot be opened.
    explicit SendLock(const std::filesystem::path& database_path);
    ~SendLock();
    SendLock(const SendLock&) = delete;
    SendLock& operator=(const SendLock&) = delete;

    static std::filesystem::path lock_path(const std::filesystem::path& database_path);

  private:
    int m_fd = -1;
};

}  // namespace homeroom::notify
