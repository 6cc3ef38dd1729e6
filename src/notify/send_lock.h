// Only one run sends from an outbox at a time: a FileLock (core/file_lock.h) on
// "<database>.send-lock", so a run that holds it knows that any message still marked `sending`
// was left by a run that is gone — and may reclaim it at once instead of waiting for a lease to
// expire.
#pragma once

#include <filesystem>

#include "core/file_lock.h"

namespace homeroom::notify {

class SendLock {
  public:
    // LockedError("another homeroom run is sending from DB ...") (exit 75) when held elsewhere;
    // IoError when the lock file cannot be opened.
    explicit SendLock(const std::filesystem::path& database_path);

    static std::filesystem::path lock_path(const std::filesystem::path& database_path);

  private:
    FileLock m_lock;
};

}  // namespace homeroom::notify
