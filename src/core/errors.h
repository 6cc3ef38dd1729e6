// Failures of the environment or of the request, each mapped by the CLI to one exit code.
// Problems in the user's data are not exceptions: they are Diagnostics (core/diagnostics.h).
#pragma once

#include <stdexcept>
#include <string>

namespace homeroom {

// Bad command line or configuration (exit 64).
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};
// Input data refused (exit 65); the detail has already been reported.
struct DataError : std::runtime_error {
    using std::runtime_error::runtime_error;
};
// A named input file or folder does not exist (exit 66).
struct NoInputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};
// A server or service could not be reached (exit 69).
struct UnavailableError : std::runtime_error {
    using std::runtime_error::runtime_error;
};
// Reading or writing a file or the database failed (exit 74): "cannot write X: why".
struct IoError : std::runtime_error {
    using std::runtime_error::runtime_error;
};
// Another process holds the lock of the same job (exit 75, EX_TEMPFAIL: try again later).
struct LockedError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace homeroom
