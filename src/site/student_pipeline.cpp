#include "site/student_pipeline.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "store/snapshot_reader.h"

namespace homeroom::site {

unsigned worker_count(unsigned requested) {
    if (requested > 0)
        return requested;
    const unsigned cores = std::thread::hardware_concurrency();
    return cores == 0 ? 1 : cores;
}

namespace {

// A bounded multi-consumer queue: the reader blocks when workers fall behind.
class JobQueue {
  public:
    explicit JobQueue(std::size_t capacity) : m_capacity(capacity) {}
    bool push(StudentJob job) {
        std::unique_lock lock(m_mutex);
        m_not_full.wait(lock, [&] { return m_jobs.size() < m_capacity || m_stopped; });
        if (m_stopped)
            return false;
        m_jobs.push_back(std::move(job));
        m_not_empty.notify_one();
        return true;
    }
    std::optional<StudentJob> pop() {
        std::unique_lock lock(m_mutex);
        m_not_empty.wait(lock, [&] { return !m_jobs.empty() || m_closed || m_stopped; });
        if (m_stopped || m_jobs.empty())
            return std::nullopt;
        StudentJob job = std::move(m_jobs.front());
        m_jobs.pop_front();
        // The reader is woken when the queue is half empty, not after every job: on two cores,
        // waking it for each student cost a context switch per page.
        if (m_jobs.size() == m_capacity / 2)
            m_not_full.notify_one();
        return job;
    }
    void close() {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_not_empty.notify_all();
    }
    void stop() {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_not_empty.notify_all();
        m_not_full.notify_all();
    }

  private:
    std::size_t m_capacity;
    std::mutex m_mutex;
    std::condition_variable m_not_empty, m_not_full;
    std::deque<StudentJob> m_jobs;
    bool m_closed = false, m_stopped = false;
};

}  // namespace

void for_each_student(store::Database& db, std::int64_t snapshot_id,
                      std::optional<std::int64_t> previous_id, unsigned threads,
                      const std::function<void(StudentJob&, unsigned)>& work) {
    threads = worker_count(threads);
    JobQueue queue(64 * threads);
    std::exception_ptr failure;
    std::mutex failure_mutex;
    std::vector<std::thread> workers;
    for (unsigned w = 0; w < threads; ++w) {
        workers.emplace_back([&, w] {
            try {
                while (auto job = queue.pop()) work(*job, w);
            } catch (...) {
                std::lock_guard lock(failure_mutex);
                if (!failure)
                    failure = std::current_exception();
                queue.stop();
            }
        });
    }
    try {
        store::StudentStream now(db, snapshot_id);
        std::optional<store::StudentStream> before;
        if (previous_id)
            before.emplace(db, *previous_id);
        StudentRows pending_before;
        bool has_before = before && before->next(pending_before);
        StudentJob job;
        while (now.next(job.now)) {
            job.before.reset();
            // Both streams are in student_id order: advance the older one to this student.
            while (has_before && pending_before.student.id < job.now.student.id)
                has_before = before->next(pending_before);
            if (has_before && pending_before.student.id == job.now.student.id) {
                job.before = std::move(pending_before);
                has_before = before->next(pending_before);
            }
            if (!queue.push(std::move(job)))
                break;
            job = StudentJob();
        }
    } catch (...) {
        std::lock_guard lock(failure_mutex);
        if (!failure)
            failure = std::current_exception();
        queue.stop();
    }
    queue.close();
    for (auto& t : workers) t.join();
    if (failure)
        std::rethrow_exception(failure);
}

}  // namespace homeroom::site
