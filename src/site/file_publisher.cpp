#include "site/file_publisher.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "core/errors.h"

namespace homeroom::site {
namespace fs = std::filesystem;

FilePublisher::FilePublisher(fs::path root) : m_root(std::move(root)) {}

namespace {

bool same_content(const fs::path& path, std::string_view bytes) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec || size != bytes.size())
        return false;
    std::ifstream in(path, std::ios::binary);
    std::string existing(bytes.size(), '\0');
    in.read(existing.data(), static_cast<std::streamsize>(existing.size()));
    return in && existing == bytes;
}

void check_relative(std::string_view relative) {
    if (relative.empty() || relative.front() == '/')
        throw std::invalid_argument("not a relative site path: " + std::string(relative));
    std::size_t from = 0;
    while (from <= relative.size()) {
        auto to = relative.find('/', from);
        if (to == std::string_view::npos)
            to = relative.size();
        const auto part = relative.substr(from, to - from);
        if (part.empty() || part == "." || part == ".." || part.find('\\') != part.npos ||
            part.find('\0') != part.npos)
            throw std::invalid_argument("unsafe site path: " + std::string(relative));
        from = to + 1;
    }
}

}  // namespace

void FilePublisher::publish(std::string_view relative, std::string_view bytes) {
    check_relative(relative);
    const fs::path target = m_root / fs::path(std::string(relative));
    std::error_code ec;
    ensure_folder(target.parent_path(), ec);
    if (ec)
        throw IoError("cannot write " + target.string() + ": " + ec.message());
    if (same_content(target, bytes)) {
        ++m_unchanged;
        return;
    }
    // A unique temporary name per thread, in the same folder so rename is atomic.
    const auto tid = std::hash<std::thread::id>{}(std::this_thread::get_id());
    const fs::path temp = target.string() + ".tmp" + std::to_string(tid % 1000000);
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        throw IoError("cannot write " + target.string() + ": " + std::strerror(errno));
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int err = errno;
            ::close(fd);
            ::unlink(temp.c_str());
            throw IoError("cannot write " + target.string() + ": " + std::strerror(err));
        }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0 || ::rename(temp.c_str(), target.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        throw IoError("cannot write " + target.string() + ": " + std::strerror(err));
    }
    ++m_written;
}

void FilePublisher::ensure_folder(const fs::path& folder, std::error_code& ec) {
    {
        std::lock_guard lock(m_folders_mutex);
        if (m_folders.count(folder.native()))
            return;
    }
    fs::create_directories(folder, ec);
    if (ec)
        return;
    std::lock_guard lock(m_folders_mutex);
    m_folders.insert(folder.native());
}

std::string slug(std::string_view id) {
    std::string out;
    for (char c : id) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += c;
        else if (c >= 'A' && c <= 'Z')
            out += static_cast<char>(c - 'A' + 'a');
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "x" : out;
}

}  // namespace homeroom::site
