// The run ledger and the per-job lock: what a crashed run leaves and what the next run skips.
#include "store/job_ledger.h"

#include <gtest/gtest.h>

#include "core/errors.h"
#include "jobs/job_lock.h"
#include "temp_dir.h"

namespace homeroom {
namespace {

using store::JobLedger;

TEST(JobLedger, RecordsRunsAndStepsNewestFirst) {
    testing::TempDir dir;
    store::Database db(dir / "h.db");
    JobLedger ledger(db);
    const auto first = ledger.start_run("nightly", "2026-03-08T07:00:00Z", 42, std::nullopt);
    ledger.start_step(first, 1, "import", "2026-03-08T07:00:01Z");
    ledger.finish_step(first, 1, "succeeded", "2026-03-08T07:00:05Z", "imported 10 rows");
    ledger.finish_run(first, "succeeded", "2026-03-08T07:00:06Z");
    const auto second = ledger.start_run("digest", "2026-03-09T12:00:00Z", 43, std::nullopt);

    const auto all = ledger.runs("", 10);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].run_id, second);
    EXPECT_EQ(all[0].status, "running");
    EXPECT_EQ(all[1].status, "succeeded");
    EXPECT_EQ(all[1].finished_at, "2026-03-08T07:00:06Z");
    ASSERT_EQ(ledger.runs("nightly", 10).size(), 1u);
    const auto steps = ledger.steps(first);
    ASSERT_EQ(steps.size(), 1u);
    EXPECT_EQ(steps[0].counts, "imported 10 rows");
    EXPECT_EQ(ledger.finished_steps(first), (std::set<int>{1}));
}

TEST(JobLedger, CrashedRunIsMarkedAndItsFinishedStepsKnown) {
    testing::TempDir dir;
    store::Database db(dir / "h.db");
    JobLedger ledger(db);
    EXPECT_FALSE(ledger.mark_crashed("nightly", "2026-03-08T08:00:00Z"));
    const auto run = ledger.start_run("nightly", "2026-03-08T07:00:00Z", 42, std::nullopt);
    ledger.start_step(run, 1, "import", "2026-03-08T07:00:01Z");
    ledger.finish_step(run, 1, "succeeded", "2026-03-08T07:00:05Z", "");
    ledger.start_step(run, 2, "build", "2026-03-08T07:00:06Z");
    const auto other = ledger.start_run("digest", "2026-03-08T07:00:00Z", 44, std::nullopt);

    const auto crashed = ledger.mark_crashed("nightly", "2026-03-08T08:00:00Z");
    ASSERT_TRUE(crashed);
    EXPECT_EQ(crashed->run_id, run);
    EXPECT_EQ(crashed->status, "crashed");
    EXPECT_EQ(ledger.steps(run)[1].status, "crashed");
    EXPECT_EQ(ledger.finished_steps(run), (std::set<int>{1}));
    // Another job's run is not touched: its own lock says whether it is alive.
    EXPECT_EQ(ledger.runs("digest", 1)[0].status, "running");
    EXPECT_FALSE(ledger.mark_crashed("nightly", "2026-03-08T09:00:00Z"));

    const auto resumed = ledger.start_run("nightly", "2026-03-08T08:00:00Z", 45, run);
    EXPECT_EQ(ledger.runs("nightly", 1)[0].resumes, run);
    EXPECT_NE(resumed, other);
}

TEST(JobLock, SecondHolderOfTheSameJobIsRefused) {
    testing::TempDir dir;
    const auto db = dir / "h.db";
    {
        jobs::JobLock first(db, "nightly");
        EXPECT_THROW(jobs::JobLock(db, "nightly"), LockedError);
        jobs::JobLock other_job(db, "digest");  // jobs do not block each other
    }
    jobs::JobLock again(db, "nightly");  // released with its holder
    EXPECT_TRUE(std::filesystem::exists(jobs::JobLock::lock_path(db, "nightly")));
}

}  // namespace
}  // namespace homeroom
