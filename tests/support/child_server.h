// Starting and stopping the real servers the tests talk to (SMTP, Kannel): a child process
// spawned with its output in a log file, waited for until it writes its port to a ready file.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "temp_dir.h"

extern char** environ;

namespace homeroom::testing {

// SIGTERM, then SIGKILL after `patience`; `pid` becomes -1. Nothing when it is not running.
inline void stop_child_server(pid_t& pid, std::chrono::seconds patience) {
    if (pid <= 0)
        return;
    ::kill(pid, SIGTERM);
    const auto until = std::chrono::steady_clock::now() + patience;
    while (std::chrono::steady_clock::now() < until) {
        if (::waitpid(pid, nullptr, WNOHANG) == pid) {
            pid = -1;
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    pid = -1;
}

// Spawns `args` (stdin /dev/null, stdout and stderr to `log_path`) into `pid` and waits up to
// `timeout` for `ready_path`, whose content is the port the server listens on. Throws "cannot
// start the <what>", "the <what> exited: <log>" or "the <what> did not start: <log>", the log
// read by `log_text` (a server may write more than one).
inline std::uint16_t start_child_server(std::vector<std::string> args, pid_t& pid,
                                        const std::filesystem::path& log_path,
                                        const std::filesystem::path& ready_path,
                                        std::chrono::seconds timeout, const std::string& what,
                                        const std::function<std::string()>& log_text) {
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const std::string log = log_path.string();
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    const int rc = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        pid = -1;
        throw std::runtime_error("cannot start the " + what);
    }
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (!std::filesystem::exists(ready_path)) {
        if (::waitpid(pid, nullptr, WNOHANG) == pid) {
            pid = -1;
            throw std::runtime_error("the " + what + " exited: " + log_text());
        }
        if (std::chrono::steady_clock::now() > until) {
            stop_child_server(pid, std::chrono::seconds(5));
            throw std::runtime_error("the " + what + " did not start: " + log_text());
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return static_cast<std::uint16_t>(std::stoi(read_file(ready_path)));
}

}  // namespace homeroom::testing
