// Which bundle files may be read, and reading them: only regular files (a symbolic link to one is
// fine). A FIFO would block the import, /dev/zero never ends, a folder is no table, and a
// dangling symbolic link is a mistake to report rather than a missing optional file.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

namespace homeroom::ingest {

enum class FileState {
    missing,      // nothing at the path (not even a symbolic link)
    regular,      // a regular file, or a symbolic link to one
    not_regular,  // anything else: `problem` says what it is
};

struct FileCheck {
    FileState state = FileState::missing;
    std::string problem;  // for not_regular: "is a named pipe (FIFO), not a regular file", ...
};

FileCheck check_bundle_file(const std::filesystem::path& path);

// A regular file open for reading. Opening never blocks (a FIFO swapped in after the check is
// refused, not waited on). Throws IoError("cannot read PATH: REASON").
class ReadOnlyFile {
  public:
    explicit ReadOnlyFile(const std::filesystem::path& path);
    ~ReadOnlyFile();
    ReadOnlyFile(const ReadOnlyFile&) = delete;
    ReadOnlyFile& operator=(const ReadOnlyFile&) = delete;

    // Up to `size` bytes; 0 at the end of the file.
    std::size_t read(char* out, std::size_t size);
    void rewind();

  private:
    [[noreturn]] void fail(int error) const;
    std::filesystem::path m_path;
    int m_fd = -1;
};

}  // namespace homeroom::ingest
