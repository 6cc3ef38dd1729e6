// The record of scheduled job runs: each run and each of its steps with start, end, status and
// what the step reported. It is also how a crashed run is resumed: the steps a run finished are
// the ones the next run skips.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "store/database.h"

namespace homeroom::store {

struct JobRunRecord {
    std::int64_t run_id = 0;
    std::string job;
    std::string started_at;
    std::string finished_at;  // empty while running
    std::string status;       // running | succeeded | failed | crashed
    std::int64_t pid = 0;
    std::optional<std::int64_t> resumes;  // the crashed run this one continued
    std::string message;                  // why it failed
};

struct JobStepRecord {
    std::int64_t run_id = 0;
    int step = 0;
    std::string action;
    std::string started_at;
    std::string finished_at;
    std::string status;  // running | succeeded | failed | crashed | skipped
    std::string counts;  // what the step reported (its summary line)
};

class JobLedger {
  public:
    explicit JobLedger(Database& db) : m_db(db) {}

    // Marks the job's runs (and their steps) still `running` as `crashed` and returns the latest
    // of them. Only call while holding the job's lock: then their processes are known to be gone.
    std::optional<JobRunRecord> mark_crashed(const std::string& job, const std::string& now);

    std::int64_t start_run(const std::string& job, const std::string& started_at, std::int64_t pid,
                           std::optional<std::int64_t> resumes);
    void finish_run(std::int64_t run_id, const std::string& status, const std::string& finished_at,
                    const std::string& message = "");
    void start_step(std::int64_t run_id, int step, const std::string& action,
                    const std::string& started_at);
    void finish_step(std::int64_t run_id, int step, const std::string& status,
                     const std::string& finished_at, const std::string& counts);

    // Newest first; all jobs when `job` is empty.
    std::vector<JobRunRecord> runs(const std::string& job, int limit) const;
    std::vector<JobStepRecord> steps(std::int64_t run_id) const;
    // Steps a run need not redo: succeeded, or skipped because an earlier run had done them.
    std::set<int> finished_steps(std::int64_t run_id) const;

  private:
    Database& m_db;
};

}  // namespace homeroom::store
