// Test helpers for the sample generator: a sink that keeps every record, a temporary folder,
// and file digests.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "core/record_sink.h"
#include "record_collector.h"

namespace homeroom::sample::testing {

// The same collector the other modules' tests use.
using CollectingSink = homeroom::testing::RecordCollector;

// A fresh folder under the system temp folder, removed with everything in it at the end.
class TempDir {
  public:
    explicit TempDir(const std::string& name) {
        m_path = std::filesystem::temp_directory_path() /
                 ("homeroom_sample_" + name + "_" + std::to_string(::getpid()));
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }

  private:
    std::filesystem::path m_path;
};

inline std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    return content.str();
}

// FNV-1a, 64-bit: enough to tell two files apart in a test.
inline std::uint64_t fnv1a(const std::string& bytes) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const unsigned char c : bytes) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

// File name -> digest of its bytes, for every file in `dir`.
inline std::map<std::string, std::uint64_t> digest_folder(const std::filesystem::path& dir) {
    std::map<std::string, std::uint64_t> digests;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        digests[entry.path().filename().string()] = fnv1a(read_bytes(entry.path()));
    return digests;
}

}  // namespace homeroom::sample::testing
