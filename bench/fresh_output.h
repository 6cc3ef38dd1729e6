// An empty output folder for a timed build, with the last run's output deleted out of the
// timing. ext4 without a journal (as on these machines) skips inodes freed in the last few
// minutes when it creates a file (fs/ext4/ialloc.c, recently_deleted: up to 300 s), so a build
// started right after 70,000 files were deleted spent more time in the kernel than in Homeroom.
// Deleting after the timing and, when a deletion was recent, waiting it out before the next
// timing keeps runs comparable.
#pragma once

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

namespace homeroom::bench {

class FreshOutput {
  public:
    explicit FreshOutput(std::filesystem::path out)
        : m_out(std::move(out)),
          m_old(m_out.string() + ".old"),
          m_stamp(m_out.string() + ".deleted") {
        namespace fs = std::filesystem;
        if (fs::remove_all(m_old) > 0)  // left by a run that did not finish
            stamp();
        if (fs::exists(m_out))
            fs::rename(m_out, m_old);
        std::error_code ec;
        const auto deleted = fs::last_write_time(m_stamp, ec);
        if (ec)
            return;
        const auto age = fs::file_time_type::clock::now() - deleted;
        const auto wait = std::chrono::seconds(300) - age;
        if (wait > std::chrono::seconds(0)) {
            const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(wait).count();
            std::printf(
                "waiting %lld s: the last run deleted its output %lld s ago (see "
                "bench/fresh_output.h)\n",
                static_cast<long long>(seconds), static_cast<long long>(300 - seconds));
            std::fflush(stdout);
            std::this_thread::sleep_for(wait);
        }
    }

    // After the timing: the previous output goes, and the time of that is noted.
    void delete_previous() {
        if (std::filesystem::remove_all(m_old) > 0)
            stamp();
    }

  private:
    void stamp() const {
        std::ofstream(m_stamp) << "the previous output was deleted at this file's time\n";
    }

    std::filesystem::path m_out, m_old, m_stamp;
};

}  // namespace homeroom::bench
