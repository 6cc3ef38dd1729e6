#include "core/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace homeroom {

void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& work) {
    std::atomic<std::size_t> next{0};
    std::exception_ptr error;
    std::mutex error_mutex;
    auto run = [&] {
        for (std::size_t i = next++; i < n; i = next++) {
            try {
                work(i);
            } catch (...) {
                std::lock_guard lock(error_mutex);
                if (!error)
                    error = std::current_exception();
                next = n;
            }
        }
    };
    const auto count = static_cast<unsigned>(
        std::max<std::size_t>(1, std::min<std::size_t>(std::max(1u, threads), n)));
    // Worker threads only, the caller waits: per-thread caches (the PDF engine's) then live no
    // longer than the work.
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < count; ++t) pool.emplace_back(run);
    for (auto& t : pool) t.join();
    if (error)
        std::rethrow_exception(error);
}

}  // namespace homeroom
