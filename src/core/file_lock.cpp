#include "core/file_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/errors.h"

namespace homeroom {

FileLock::FileLock(const std::filesystem::path& path, const std::string& held_message) {
    std::error_code ec;
    if (path.has_parent_path())
        std::filesystem::create_directories(path.parent_path(), ec);
    m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0)
        throw IoError("cannot open " + path.string() + ": " + std::strerror(errno));
    if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(m_fd);
        m_fd = -1;
        if (error == EWOULDBLOCK)
            throw LockedError(held_message);
        throw IoError("cannot lock " + path.string() + ": " + std::strerror(error));
    }
}

FileLock::~FileLock() {
    if (m_fd >= 0)
        ::close(m_fd);  // releases the lock
}

}  // namespace homeroom
