#include "site/file_publisher.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <thread>
#include <vector>

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

// Writes all of `bytes` to `fd`; false (errno set) on failure.
bool write_all(int fd, std::string_view bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

// Creates `path` (which must not exist) with `bytes`; false (errno set) on failure, with nothing
// left behind except when the file already existed.
bool create_file(const fs::path& path, std::string_view bytes) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        return false;
    bool ok = write_all(fd, bytes);
    int err = errno;
    if (::close(fd) != 0 && ok) {
        ok = false;
        err = errno;
    }
    if (!ok) {
        ::unlink(path.c_str());
        errno = err;
    }
    return ok;
}

}  // namespace

void FilePublisher::publish(std::string_view relative, std::string_view bytes) {
    check_relative(relative);
    const fs::path target = m_root / fs::path(std::string(relative));
    {
        std::lock_guard lock(m_published_mutex);
        m_published.emplace(relative);
    }
    std::error_code ec;
    const bool fresh_folder = ensure_folder(target.parent_path(), ec);
    if (ec)
        throw IoError("cannot write " + target.string() + ": " + ec.message());
    // In a folder this run made, nothing can be replaced and nobody can yet know the page's
    // address (it is about to be sent out), so the file is written in place: one folder change
    // instead of a lookup, a temporary file and a rename (about a second of a first build of
    // 50,000 students). A crash leaves at worst a short file, which the next run replaces.
    if (fresh_folder) {
        if (create_file(target, bytes)) {
            ++m_written;
            return;
        }
        if (errno != EEXIST)
            throw IoError("cannot write " + target.string() + ": " + std::strerror(errno));
    }
    if (same_content(target, bytes)) {
        ++m_unchanged;
        return;
    }
    // A unique temporary name per thread, in the same folder so rename is atomic.
    const auto tid = std::hash<std::thread::id>{}(std::this_thread::get_id());
    const fs::path temp = target.string() + ".tmp" + std::to_string(tid % 1000000);
    ::unlink(temp.c_str());  // left by a crashed run
    if (!create_file(temp, bytes) || ::rename(temp.c_str(), target.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        throw IoError("cannot write " + target.string() + ": " + std::strerror(err));
    }
    ++m_written;
}

bool FilePublisher::ensure_folder(const fs::path& folder, std::error_code& ec) {
    {
        std::lock_guard lock(m_folders_mutex);
        if (const auto it = m_folders.find(folder.native()); it != m_folders.end())
            return it->second;
    }
    const bool made = fs::create_directories(folder, ec);
    if (ec)
        return false;
    std::lock_guard lock(m_folders_mutex);
    return m_folders.emplace(folder.native(), made).first->second && made;
}

std::size_t FilePublisher::remove_unpublished(std::string_view relative,
                                              std::initializer_list<std::string_view> extensions) {
    check_relative(relative);
    const fs::path top = m_root / fs::path(std::string(relative));
    std::error_code ec;
    if (!fs::is_directory(top, ec))
        return 0;
    const std::size_t root_length = (m_root / "").native().size();
    std::size_t removed = 0;
    std::vector<fs::path> folders;
    try {
        for (auto it = fs::recursive_directory_iterator(top);
             it != fs::recursive_directory_iterator(); ++it) {
            if (it->is_directory()) {
                folders.push_back(it->path());
                continue;
            }
            const std::string name = it->path().filename().string();
            // A page, or the temporary file of one that a crashed run left ("x.html.tmp123").
            const bool ours = std::any_of(extensions.begin(), extensions.end(), [&](auto ext) {
                return (name.size() > ext.size() && name.ends_with(ext)) ||
                       name.find(std::string(ext) + ".tmp") != std::string::npos;
            });
            // The iterator's paths start with top, which starts with m_root and a '/'.
            if (!ours || m_published.count(it->path().native().substr(root_length)))
                continue;
            fs::remove(it->path());
            ++removed;
        }
    } catch (const fs::filesystem_error& e) {
        throw IoError("cannot tidy " + top.string() + ": " + e.code().message());
    }
    // Deepest first, so that a folder emptied of folders goes too; a folder with anything left
    // in it (a file of someone else's) stays.
    std::sort(folders.begin(), folders.end(), [](const fs::path& a, const fs::path& b) {
        return a.native().size() > b.native().size();
    });
    for (const auto& folder : folders)
        if (fs::is_empty(folder, ec))
            fs::remove(folder, ec);
    std::lock_guard lock(m_folders_mutex);
    m_folders.clear();  // some may be gone
    return removed;
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
