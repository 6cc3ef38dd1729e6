// The one place that writes the site's files: atomically (write a temporary file beside the
// target, then rename) when a file may already be there, only when the bytes changed (so re-runs
// touch nothing and static hosts sync little), and safe from path tricks (every path is checked
// to stay inside the root).
#pragma once

#include <atomic>
#include <filesystem>
#include <initializer_list>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace homeroom::site {

class FilePublisher {
  public:
    explicit FilePublisher(std::filesystem::path root);

    // `relative` uses '/' and may not contain "..", empty parts or a leading '/'.
    // Throws IoError("cannot write PATH: why"). Thread-safe for distinct paths.
    void publish(std::string_view relative, std::string_view bytes);

    // After a build: removes each file under the folder `relative` whose name ends in one of
    // `extensions` and that this publisher did not publish (a student who left, a section that
    // ended, an old layout), then the folders that left empty. Not thread-safe: call it once
    // publishing is over. Returns how many files it removed; throws IoError.
    std::size_t remove_unpublished(std::string_view relative,
                                   std::initializer_list<std::string_view> extensions);

    const std::filesystem::path& root() const { return m_root; }
    std::size_t written() const { return m_written; }
    std::size_t unchanged() const { return m_unchanged; }

  private:
    // Makes the folder (and its parents) unless already made or found; true when this
    // publisher made it, so that nothing in it predates this run.
    bool ensure_folder(const std::filesystem::path& folder, std::error_code& ec);

    std::filesystem::path m_root;
    // Folders made or found so far: asking the file system again about the folder of every
    // page was a tenth of the build.
    std::mutex m_folders_mutex;
    std::unordered_map<std::string, bool> m_folders;  // folder -> made by this publisher
    std::mutex m_published_mutex;
    std::unordered_set<std::string> m_published;  // relative paths, written or unchanged
    std::atomic<std::size_t> m_written{0}, m_unchanged{0};
};

// A file-name-safe slug of an id: [a-z0-9-] only, never empty.
std::string slug(std::string_view id);

}  // namespace homeroom::site
