// The one place that writes the site's files: atomically (write a temporary file beside the
// target, then rename), only when the bytes changed (so re-runs touch nothing and static hosts
// sync little), and safe from path tricks (every path is checked to stay inside the root).
#pragma once

#include <atomic>
#include <filesystem>
#include <string>
#include <string_view>

namespace homeroom::site {

class FilePublisher {
  public:
    explicit FilePublisher(std::filesystem::path root);

    // `relative` uses '/' and may not contain "..", empty parts or a leading '/'.
    // Throws IoError("cannot write PATH: why"). Thread-safe for distinct paths.
    void publish(std::string_view relative, std::string_view bytes);

    const std::filesystem::path& root() const { return m_root; }
    std::size_t written() const { return m_written; }
    std::size_t unchanged() const { return m_unchanged; }

  private:
    std::filesystem::path m_root;
    std::atomic<std::size_t> m_written{0}, m_unchanged{0};
};

// A file-name-safe slug of an id: [a-z0-9-] only, never empty.
std::string slug(std::string_view id);

}  // namespace homeroom::site
