// `homeroom serve` as a child process for the life of a test: started with a config and a
// database, waited for until it says it is listening, stopped with SIGTERM at scope end. Its
// stderr (one line per report, inbound text or refusal) is kept for failure messages.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "run_command.h"
#include "temp_dir.h"

extern char** environ;

namespace homeroom::testing {

class ServeProcess {
  public:
    ServeProcess(const std::string& config_path, const std::string& db) {
        std::vector<std::string> args = {HOMEROOM_BINARY, "--config", config_path,
                                         "--db",          db,         "serve"};
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        const std::string out = (m_dir / "out").string(), err = (m_dir / "err").string();
        posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0644);
        posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0644);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        const int rc = posix_spawn(&m_pid, argv[0], &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        if (rc != 0)
            throw std::runtime_error("cannot start homeroom serve");
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (read_file(m_dir / "out").find("listening on") == std::string::npos) {
            if (std::chrono::steady_clock::now() > until) {
                stop();
                throw std::runtime_error("homeroom serve did not start: " + err_text());
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
    ~ServeProcess() { stop(); }
    ServeProcess(const ServeProcess&) = delete;
    ServeProcess& operator=(const ServeProcess&) = delete;

    std::string err_text() const { return read_file(m_dir / "err"); }
    void stop() {
        if (m_pid <= 0)
            return;
        ::kill(m_pid, SIGTERM);
        ::waitpid(m_pid, nullptr, 0);
        m_pid = -1;
    }

  private:
    TempDir m_dir;
    pid_t m_pid = -1;
};

}  // namespace homeroom::testing
