#include "notify/send_lock.h"

namespace homeroom::notify {

std::filesystem::path SendLock::lock_path(const std::filesystem::path& database_path) {
    return database_path.string() + ".send-lock";
}

SendLock::SendLock(const std::filesystem::path& database_path)
    : m_lock(lock_path(database_path), "another homeroom run is sending from " +
                                           database_path.string() + " (it holds " +
                                           lock_path(database_path).string() + ")") {}

}  // namespace homeroom::notify
