#include "store/job_ledger.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/errors.h"

namespace homeroom::store {
namespace {

template <typename F>
auto guarded(Database& db, const char* what, F&& f) {
    try {
        return f();
    } catch (const SQLite::Exception& e) {
        throw IoError(std::string("cannot ") + what + " in " + db.path().string() + ": " +
                      e.what());
    }
}

std::string text_or_empty(const SQLite::Column& c) {
    return c.isNull() ? std::string() : c.getString();
}

}  // namespace

std::optional<JobRunRecord> JobLedger::mark_crashed(const std::string& job,
                                                    const std::string& now) {
    return guarded(m_db, "update the job ledger", [&]() -> std::optional<JobRunRecord> {
        SQLite::Transaction transaction(m_db.sql());
        SQLite::Statement latest(m_db.sql(),
                                 "SELECT max(run_id) FROM job_runs WHERE job = ? AND status = "
                                 "'running'");
        latest.bind(1, job);
        latest.executeStep();
        if (latest.getColumn(0).isNull())
            return std::nullopt;
        const std::int64_t run_id = latest.getColumn(0).getInt64();
        SQLite::Statement steps(m_db.sql(),
                                "UPDATE job_steps SET status = 'crashed', finished_at = ? "
                                "WHERE status = 'running' AND run_id IN "
                                "(SELECT run_id FROM job_runs WHERE job = ? AND status = "
                                "'running')");
        steps.bind(1, now);
        steps.bind(2, job);
        steps.exec();
        SQLite::Statement runs(m_db.sql(),
                               "UPDATE job_runs SET status = 'crashed', finished_at = ?, "
                               "message = 'the process ended before the run finished' "
                               "WHERE job = ? AND status = 'running'");
        runs.bind(1, now);
        runs.bind(2, job);
        runs.exec();
        transaction.commit();
        for (const auto& r : this->runs(job, 50))
            if (r.run_id == run_id)
                return r;
        return std::nullopt;
    });
}

std::int64_t JobLedger::start_run(const std::string& job, const std::string& started_at,
                                  std::int64_t pid, std::optional<std::int64_t> resumes) {
    return guarded(m_db, "record a job run", [&] {
        SQLite::Statement q(m_db.sql(),
                            "INSERT INTO job_runs (job, started_at, status, pid, resumes_run_id) "
                            "VALUES (?, ?, 'running', ?, ?)");
        q.bind(1, job);
        q.bind(2, started_at);
        q.bind(3, pid);
        if (resumes)
            q.bind(4, *resumes);
        else
            q.bind(4);
        q.exec();
        return m_db.sql().getLastInsertRowid();
    });
}

void JobLedger::finish_run(std::int64_t run_id, const std::string& status,
                           const std::string& finished_at, const std::string& message) {
    guarded(m_db, "record a job run", [&] {
        SQLite::Statement q(m_db.sql(),
                            "UPDATE job_runs SET status = ?, finished_at = ?, message = ? "
                            "WHERE run_id = ?");
        q.bind(1, status);
        q.bind(2, finished_at);
        q.bind(3, message);
        q.bind(4, run_id);
        q.exec();
    });
}

void JobLedger::start_step(std::int64_t run_id, int step, const std::string& action,
                           const std::string& started_at) {
    guarded(m_db, "record a job step", [&] {
        SQLite::Statement q(m_db.sql(),
                            "INSERT INTO job_steps (run_id, step, action, started_at, status) "
                            "VALUES (?, ?, ?, ?, 'running')");
        q.bind(1, run_id);
        q.bind(2, step);
        q.bind(3, action);
        q.bind(4, started_at);
        q.exec();
    });
}

void JobLedger::finish_step(std::int64_t run_id, int step, const std::string& status,
                            const std::string& finished_at, const std::string& counts) {
    guarded(m_db, "record a job step", [&] {
        SQLite::Statement q(m_db.sql(),
                            "UPDATE job_steps SET status = ?, finished_at = ?, counts = ? "
                            "WHERE run_id = ? AND step = ?");
        q.bind(1, status);
        q.bind(2, finished_at);
        q.bind(3, counts);
        q.bind(4, run_id);
        q.bind(5, step);
        q.exec();
    });
}

std::vector<JobRunRecord> JobLedger::runs(const std::string& job, int limit) const {
    return guarded(m_db, "read the job ledger", [&] {
        SQLite::Statement q(m_db.sql(),
                            "SELECT run_id, job, started_at, finished_at, status, pid, "
                            "resumes_run_id, message FROM job_runs WHERE (? = '' OR job = ?) "
                            "ORDER BY run_id DESC LIMIT ?");
        q.bind(1, job);
        q.bind(2, job);
        q.bind(3, limit);
        std::vector<JobRunRecord> out;
        while (q.executeStep()) {
            JobRunRecord r;
            r.run_id = q.getColumn(0).getInt64();
            r.job = q.getColumn(1).getString();
            r.started_at = q.getColumn(2).getString();
            r.finished_at = text_or_empty(q.getColumn(3));
            r.status = q.getColumn(4).getString();
            r.pid = q.getColumn(5).getInt64();
            if (!q.getColumn(6).isNull())
                r.resumes = q.getColumn(6).getInt64();
            r.message = text_or_empty(q.getColumn(7));
            out.push_back(std::move(r));
        }
        return out;
    });
}

std::vector<JobStepRecord> JobLedger::steps(std::int64_t run_id) const {
    return guarded(m_db, "read the job ledger", [&] {
        SQLite::Statement q(m_db.sql(),
                            "SELECT run_id, step, action, started_at, finished_at, status, counts "
                            "FROM job_steps WHERE run_id = ? ORDER BY step");
        q.bind(1, run_id);
        std::vector<JobStepRecord> out;
        while (q.executeStep()) {
            JobStepRecord s;
            s.run_id = q.getColumn(0).getInt64();
            s.step = q.getColumn(1).getInt();
            s.action = q.getColumn(2).getString();
            s.started_at = q.getColumn(3).getString();
            s.finished_at = text_or_empty(q.getColumn(4));
            s.status = q.getColumn(5).getString();
            s.counts = q.getColumn(6).getString();
            out.push_back(std::move(s));
        }
        return out;
    });
}

std::set<int> JobLedger::finished_steps(std::int64_t run_id) const {
    std::set<int> done;
    for (const auto& s : steps(run_id))
        if (s.status == "succeeded" || s.status == "skipped")
            done.insert(s.step);
    return done;
}

}  // namespace homeroom::store
