// Runs work(i) for every i in [0, n) on up to `threads` new threads (never more than items; the
// caller waits), each taking the next index as it finishes one. The first
// exception stops the handing out of indexes and is rethrown once every thread has stopped.
#pragma once

#include <cstddef>
#include <functional>

namespace homeroom {

void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& work);

}  // namespace homeroom
