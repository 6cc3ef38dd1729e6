// Reading every jobs/*.ini of a folder (the I/O half of job_file.h).
#pragma once

#include <filesystem>
#include <vector>

#include "core/diagnostics.h"
#include "jobs/job_file.h"

namespace homeroom::jobs {

// Jobs sorted by name; files with errors are left out and reported. Throws NoInputError when
// the folder does not exist, IoError when a file cannot be read.
std::vector<Job> load_jobs(const std::filesystem::path& dir, Diagnostics& diagnostics);

}  // namespace homeroom::jobs
