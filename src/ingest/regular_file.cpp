#include "ingest/regular_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/errors.h"

namespace homeroom::ingest {
namespace {

// What a file that is not regular is, for "NAME: error: is a named pipe (FIFO), ...".
std::string kind_of(mode_t mode) {
    if (S_ISDIR(mode))
        return "a folder";
    if (S_ISFIFO(mode))
        return "a named pipe (FIFO)";
    if (S_ISCHR(mode))
        return "a character device (such as /dev/zero)";
    if (S_ISBLK(mode))
        return "a block device";
    if (S_ISSOCK(mode))
        return "a socket";
    return "a special file";
}

}  // namespace

FileCheck check_bundle_file(const std::filesystem::path& path) {
    struct stat link {};
    if (::lstat(path.c_str(), &link) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return {FileState::missing, {}};
        return {FileState::not_regular, std::string("cannot be read: ") + std::strerror(errno)};
    }
    const bool is_link = S_ISLNK(link.st_mode);
    struct stat target {};
    if (::stat(path.c_str(), &target) != 0) {
        const int error = errno;
        if (is_link && (error == ENOENT || error == ENOTDIR))
            return {FileState::not_regular,
                    "is a symbolic link to a file that does not exist; a bundle file must be a "
                    "regular file (a link to one is fine)"};
        return {FileState::not_regular, std::string("cannot be read: ") + std::strerror(error)};
    }
    if (S_ISREG(target.st_mode))
        return {FileState::regular, {}};
    return {FileState::not_regular,
            std::string(is_link ? "is a symbolic link to " : "is ") + kind_of(target.st_mode) +
                ", not a regular file; a bundle file must be a regular file"};
}

ReadOnlyFile::ReadOnlyFile(const std::filesystem::path& path) : m_path(path) {
    m_fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (m_fd < 0)
        fail(errno);
    // The destructor does not run when the constructor throws.
    const auto refuse = [&](const std::string& reason) {
        ::close(m_fd);
        m_fd = -1;
        throw IoError("cannot read " + m_path.string() + ": " + reason);
    };
    struct stat info {};
    if (::fstat(m_fd, &info) != 0)
        refuse(std::strerror(errno));
    if (S_ISDIR(info.st_mode))
        refuse(std::strerror(EISDIR));
    if (!S_ISREG(info.st_mode))
        refuse(kind_of(info.st_mode) + ", not a regular file");
    const int flags = ::fcntl(m_fd, F_GETFL);
    if (flags < 0 || ::fcntl(m_fd, F_SETFL, flags & ~O_NONBLOCK) != 0)
        refuse(std::strerror(errno));
}

ReadOnlyFile::~ReadOnlyFile() {
    if (m_fd >= 0)
        ::close(m_fd);
}

std::size_t ReadOnlyFile::read(char* out, std::size_t size) {
    for (;;) {
        const ssize_t got = ::read(m_fd, out, size);
        if (got >= 0)
            return static_cast<std::size_t>(got);
        if (errno != EINTR)
            fail(errno);
    }
}

void ReadOnlyFile::rewind() {
    if (::lseek(m_fd, 0, SEEK_SET) != 0)
        fail(errno);
}

void ReadOnlyFile::fail(int error) const {
    throw IoError("cannot read " + m_path.string() + ": " + std::strerror(error));
}

}  // namespace homeroom::ingest
