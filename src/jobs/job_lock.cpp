#include "jobs/job_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/errors.h"

namespace homeroom::jobs {

std::filesystem::path JobLock::lock_path(const std::filesystem::path& database_path,
                                         const std::string& job_name) {
    return database_path.string() + ".job-" + job_name + ".lock";
}

JobLock::JobLock(const std::filesystem::path& database_path, const std::string& job_name) {
    const auto path = lock_path(database_path, job_name);
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
            throw LockedError("job " + job_name + " is already running (another process holds " +
                              path.string() + "); try again when it has finished");
        throw IoError("cannot lock " + path.string() + ": " + std::strerror(error));
    }
}

JobLock::~JobLock() {
    if (m_fd >= 0)
        ::close(m_fd);  // releases the lock
}

}  // namespace homeroom::jobs
