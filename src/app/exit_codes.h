// Exit codes scripts can rely on (sysexits.h values, as Poco::Util::Application names them).
#pragma once

namespace homeroom::app {

enum ExitCode : int {
    k_exit_ok = 0,
    k_exit_usage = 64,        // bad command line or configuration
    k_exit_data = 65,         // input data refused
    k_exit_no_input = 66,     // a named input does not exist
    k_exit_unavailable = 69,  // a server or service could not be reached
    k_exit_software = 70,     // a bug: please report it
    k_exit_io = 74,           // a file or the database could not be read or written
    k_exit_locked = 75,       // the same job is already running (EX_TEMPFAIL: try again later)
};

}  // namespace homeroom::app
