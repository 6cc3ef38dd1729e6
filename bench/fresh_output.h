// An empty output folder for a timed build, with the last run's output deleted out of the
// timing. ext4 without a journal (as on these machines) skips inodes freed in the last minute,
// or in the last six minutes while their inode-table block is dirty (fs/ext4/ialloc.c,
// recently_deleted: RECENTCY_MIN 60 s + RECENTCY_DIRTY 300 s), and a build dirties those blocks
// as it allocates: every new file then scans past all the freed inodes of its group, and a build
// started a few minutes after 70,000 files were deleted spent more time in the kernel than in
// Homeroom. So the previous output is deleted after the timing, a timing waits until the last
// deletion is more than 370 s old, and the previous runs' data is flushed to the disk first.
#pragma once

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include <unistd.h>

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
        if (!ec)
            wait_until_quiet(fs::file_time_type::clock::now() - deleted);
        // Dirty pages of earlier runs would otherwise be written back during the timing, by
        // kernel threads that take one of the two cores.
        ::sync();
    }

    // After the timing: the previous output goes, and the time of that is noted.
    void delete_previous() {
        if (std::filesystem::remove_all(m_old) > 0)
            stamp();
    }

  private:
    static constexpr long long k_quiet_seconds = 370;

    static void wait_until_quiet(std::filesystem::file_time_type::duration since_deletion) {
        const auto wait = std::chrono::seconds(k_quiet_seconds) - since_deletion;
        if (wait <= std::chrono::seconds(0))
            return;
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(wait).count();
        std::printf(
            "waiting %lld s: the last run deleted its output %lld s ago (see "
            "bench/fresh_output.h)\n",
            static_cast<long long>(seconds), static_cast<long long>(k_quiet_seconds - seconds));
        std::fflush(stdout);
        std::this_thread::sleep_for(wait);
    }

    void stamp() const {
        std::ofstream(m_stamp) << "the previous output was deleted at this file's time\n";
    }

    std::filesystem::path m_out, m_old, m_stamp;
};

}  // namespace homeroom::bench
