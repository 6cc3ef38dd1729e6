// Helpers of the benchmarks that prepare a district first: the preparation runs in a child
// process so that its memory does not count in the peak the benchmark reports.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <exception>

namespace homeroom::bench {

inline double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// Runs `fn` (returning bool) in a child process; true when it returned true.
template <typename Fn>
bool in_child(const char* program, Fn fn) {
    const pid_t pid = fork();
    if (pid == 0) {
        try {
            _exit(fn() ? 0 : 1);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "%s: %s\n", program, e.what());
            _exit(1);
        }
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace homeroom::bench
