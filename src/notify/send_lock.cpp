#include "notify/send_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/errors.h"

namespace homeroom::notify {

std::filesystem::path SendLock::lock_path(const std::filesystem::path& database_path) {
    return database_path.string() + ".send-lock";
}

SendLock::SendLock(const std::filesystem::path& database_path) {
    const auto path = lock_path(database_path);
    m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0)
        throw IoError("cannot open " + path.string() + ": " + std::strerror(errno));
    if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(m_fd);
        m_fd = -1;
        if (error == EWOULDBLOCK)
            throw LockedError("another homeroom run is sending from " + database_path.string() +
                              " (it holds " + path.string() + ")");
        throw IoError("cannot lock " + path.string() + ": " + std::strerror(error));
    }
}

SendLock::~SendLock() {
    if (m_fd >= 0)
        ::close(m_fd);  // releases the lock
}

}  // namespace homeroom::notify
