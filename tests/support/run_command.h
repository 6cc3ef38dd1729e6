// Runs the built `homeroom` binary the way a user or a scheduler would, capturing what it
// printed and its exit code.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <string>
#include <vector>

#include "temp_dir.h"

namespace homeroom::testing {

struct CommandResult {
    int exit_code = -1;
    std::string out, err;
};

inline std::string shell_quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

inline CommandResult run_homeroom(const std::vector<std::string>& args,
                                  const std::string& working_dir = ".") {
    TempDir capture;
    std::string cmd = "cd " + shell_quote(working_dir) + " && " + shell_quote(HOMEROOM_BINARY);
    for (const auto& a : args) cmd += " " + shell_quote(a);
    cmd += " >" + shell_quote((capture / "out").string()) + " 2>" +
           shell_quote((capture / "err").string()) + " </dev/null";
    const int status = std::system(cmd.c_str());
    CommandResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_file(capture / "out");
    r.err = read_file(capture / "err");
    return r;
}

}  // namespace homeroom::testing
