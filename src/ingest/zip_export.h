// A OneRoster export as a `.zip` (docs/oneroster.md): its CSV entries extracted into a private
// temporary folder (mode 0700) that the reader then reads like any export folder, removed again
// when this object goes away.
#pragma once

#include <filesystem>

namespace homeroom::ingest {

// True when `path` names a `.zip` file (any case of the extension), not a folder.
bool is_zip_export(const std::filesystem::path& path);

class ZipExport {
  public:
    // Extracts every `.csv` entry, flat (an archive of one folder is read as that folder).
    // Throws DataError("ZIP: ...") for an archive that cannot be read, an encrypted or nested
    // entry, two entries of one name, or more than k_max_bytes; IoError when the temporary
    // folder cannot be written.
    explicit ZipExport(const std::filesystem::path& zip);
    ~ZipExport();
    ZipExport(const ZipExport&) = delete;
    ZipExport& operator=(const ZipExport&) = delete;

    const std::filesystem::path& dir() const { return m_dir; }

    static constexpr unsigned long long k_max_bytes = 8ULL << 30;  // uncompressed, all entries

  private:
    std::filesystem::path m_dir;
};

}  // namespace homeroom::ingest
