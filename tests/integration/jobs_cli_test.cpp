// `homeroom jobs` as a scheduler would use it: the shipped job files, a nightly run end to end on
// a generated district, the per-job lock (exit 75), resuming after kill -9 between steps, and
// the systemd units and crontab lines it writes.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "run_command.h"
#include "store/database.h"
#include "store/disclosure_log.h"
#include "store/job_ledger.h"

namespace homeroom {
namespace {

using testing::read_file;
using testing::run_homeroom;
using testing::shell_quote;
using testing::TempDir;

const std::string k_jobs = HOMEROOM_SOURCE_DIR "/jobs";

// A working folder laid out as in production: jobs/, input/drop/<date>/, output/.
struct Workspace {
    TempDir dir;
    std::string db() const { return (dir / "homeroom.db").string(); }
    std::string jobs() const { return (dir / "jobs").string(); }

    Workspace() {
        std::filesystem::create_directories(dir / "jobs");
        std::filesystem::copy_file(k_jobs + "/nightly-import-build.ini",
                                   dir / "jobs" / "nightly-import-build.ini");
        const auto r =
            run_homeroom({"sample-data", "--students", "200", "--schools", "2", "--as-of",
                          "2026-06-12", "--out", (dir / "input" / "drop" / "2026-06-12").string()});
        EXPECT_EQ(r.exit_code, 0) << r.err;
    }
    testing::CommandResult jobs_command(std::vector<std::string> args) const {
        args.insert(args.begin(), {"--db", db(), "jobs"});
        args.insert(args.end(), {"--jobs", jobs()});
        return run_homeroom(args, dir.path().string());
    }
};

TEST(JobsCli, ShippedJobFilesAreValidAndListed) {
    auto r = run_homeroom({"jobs", "check", "--jobs", k_jobs});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "5 jobs valid\n");
    r = run_homeroom({"jobs", "list", "--jobs", k_jobs, "--now", "2026-03-07T12:00:00Z"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("next run     2026-03-07 07:45:00 -05:00 America/Detroit = "
                         "2026-03-07T12:45:00Z"),
              std::string::npos)
        << r.out;
    // 02:30 does not exist on 2026-03-08 in Detroit: the nightly job runs at 03:00 EDT.
    EXPECT_NE(r.out.find("next run     2026-03-08 03:00:00 -04:00 America/Detroit = "
                         "2026-03-08T07:00:00Z"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("next run     2026-03-09 08:30:00 -04:00 America/Detroit = "
                         "2026-03-09T12:30:00Z"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("next run     2026-03-13 18:00:00 -04:00 America/Detroit = "
                         "2026-03-13T22:00:00Z"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("next run     2026-04-01 00:00:00 -04:00 America/Detroit = "
                         "2026-04-01T04:00:00Z"),
              std::string::npos)
        << r.out;
}

TEST(JobsCli, BadJobFileIsReportedWithItsLine) {
    TempDir dir;
    testing::write_file(dir / "bad.ini",
                        "[job]\nschedule = 0 7 * * someday\n[step.1]\naction = build\n");
    const auto r = run_homeroom({"jobs", "check", "--jobs", dir.path().string()});
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_NE(r.err.find("bad.ini:2:20: error: schedule: day of week"), std::string::npos) << r.err;
}

TEST(JobsCli, ListFailsWhenAJobFileIsInvalidButStillListsTheValidOnes) {
    TempDir dir;
    std::filesystem::copy_file(k_jobs + "/weekly-digest.ini", dir / "weekly-digest.ini");
    testing::write_file(dir / "bad.ini",
                        "[job]\nschedule = 0 7 * * someday\n[step.1]\naction = build\n");
    const auto r = run_homeroom(
        {"jobs", "list", "--jobs", dir.path().string(), "--now", "2026-03-07T12:00:00Z"});
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_EQ(r.out.rfind("weekly-digest\n", 0), 0u) << r.out;
    EXPECT_NE(r.err.find("bad.ini:2:20: error: schedule: day of week"), std::string::npos) << r.err;
}

TEST(JobsCli, NightlyImportAndBuildEndToEnd) {
    Workspace ws;
    const auto r = ws.jobs_command({"run", "nightly-import-build", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("{\"job\":\"nightly-import-build\",\"run_id\":1,\"resumes\":null,"
                          "\"status\":\"succeeded\",\"exit_code\":0,",
                          0),
              0u)
        << r.out;
    EXPECT_NE(r.out.find("imported snapshot 2026-06-12"), std::string::npos) << r.out;
    EXPECT_TRUE(std::filesystem::exists(ws.dir / "output" / "site" / "public" / "index.html"));

    // Again: the bundle is unchanged, so the import is a no-op, and the build writes nothing new.
    const auto again = ws.jobs_command({"run", "nightly-import-build"});
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_NE(again.out.find("unchanged"), std::string::npos) << again.out;

    const auto history = ws.jobs_command({"history", "nightly-import-build"});
    EXPECT_EQ(history.exit_code, 0);
    EXPECT_NE(history.out.find("run 2  nightly-import-build  succeeded"), std::string::npos)
        << history.out;
    EXPECT_NE(history.out.find("step 1 import  succeeded  imported snapshot 2026-06-12"),
              std::string::npos)
        << history.out;
}

TEST(JobsCli, WeeklyDigestSendsEachDigestOnceByEmailAndSms) {
    Workspace ws;
    std::filesystem::copy_file(k_jobs + "/weekly-digest.ini",
                               ws.dir / "jobs" / "weekly-digest.ini");
    // No quiet hours: the test must not depend on the time of day it runs at.
    testing::write_file(ws.dir / "homeroom.ini", "[sms]\nquiet_start = 00:00\nquiet_end = 00:00\n");
    const auto run = [&](std::vector<std::string> args) {
        args.insert(args.begin(),
                    {"--config", (ws.dir / "homeroom.ini").string(), "--db", ws.db(), "jobs"});
        args.insert(args.end(), {"--jobs", ws.jobs()});
        return run_homeroom(args, ws.dir.path().string());
    };
    ASSERT_EQ(run({"run", "nightly-import-build"}).exit_code, 0);
    const auto r = run({"run", "weekly-digest", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const char* step : {"{\"step\":1,\"action\":\"notify\",\"status\":\"succeeded\"",
                             "{\"step\":2,\"action\":\"notify\",\"status\":\"succeeded\""})
        EXPECT_NE(r.out.find(step), std::string::npos) << r.out;
    const auto count = [&](const std::string& extension) {
        std::size_t n = 0;
        for (const auto& e : std::filesystem::recursive_directory_iterator(ws.dir / "output"))
            n += e.path().extension() == extension;
        return n;
    };
    const std::size_t emails = count(".eml"), texts = count(".txt");
    EXPECT_GT(emails, 0u);
    EXPECT_GT(texts, 0u);
    // Run again (a timer catching up, say): nothing is sent twice on either channel.
    ASSERT_EQ(run({"run", "weekly-digest"}).exit_code, 0);
    EXPECT_EQ(count(".eml"), emails);
    EXPECT_EQ(count(".txt"), texts);
}

TEST(JobsCli, PartnerExtractJobExportsAgreementsInForceAndLogsThem) {
    Workspace ws;
    std::filesystem::copy_file(k_jobs + "/weekly-partner-extracts.ini",
                               ws.dir / "jobs" / "weekly-partner-extracts.ini");
    ASSERT_EQ(ws.jobs_command({"run", "nightly-import-build"}).exit_code, 0);
    const auto r = ws.jobs_command({"run", "weekly-partner-extracts", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("{\"step\":1,\"action\":\"export\",\"status\":\"succeeded\""),
              std::string::npos)
        << r.out;
    // The sample district has one agreement in force and one expired: one extract, one skip.
    std::vector<std::filesystem::path> workbooks;
    std::size_t csvs = 0;
    for (const auto& e :
         std::filesystem::recursive_directory_iterator(ws.dir / "output" / "exports")) {
        if (e.path().filename() == "extract.xlsx")
            workbooks.push_back(e.path());
        csvs += e.path().filename() == "extract.csv";
    }
    ASSERT_EQ(workbooks.size(), 1u);
    EXPECT_EQ(csvs, 1u);
    EXPECT_NE(r.err.find("has expired: nothing exported or recorded"), std::string::npos) << r.err;
    // exports/<partner>/<as-of>/extract.xlsx, logged once as a disclosure to that partner.
    const std::string partner = workbooks[0].parent_path().parent_path().filename().string();
    store::Database db(ws.db());
    const auto entries = store::DisclosureLog(db).for_partner(partner);
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].as_of.to_string(), "2026-06-12");
    EXPECT_GT(entries[0].student_count, 0);
}

TEST(JobsCli, QuarterlyReportCardsWritePdfsAndPrintBatches) {
    Workspace ws;
    std::filesystem::copy_file(k_jobs + "/quarterly-report-cards.ini",
                               ws.dir / "jobs" / "quarterly-report-cards.ini");
    ASSERT_EQ(ws.jobs_command({"run", "nightly-import-build"}).exit_code, 0);
    const auto r = ws.jobs_command({"run", "quarterly-report-cards", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("{\"step\":1,\"action\":\"build\",\"status\":\"succeeded\""),
              std::string::npos)
        << r.out;
    const auto site = ws.dir / "output" / "site";
    std::size_t student_pdfs = 0, batches = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(site / "private")) {
        if (e.path().extension() != ".pdf")
            continue;
        const std::string folder = e.path().parent_path().parent_path().filename().string();
        student_pdfs += folder == "students";
        batches += e.path().parent_path().filename() == "print";
    }
    EXPECT_GE(student_pdfs, 200u);  // every student, in each page language
    EXPECT_EQ(batches, 2u);         // one print batch per school
    EXPECT_TRUE(std::filesystem::exists(site / "public" / "en" / "district.pdf"));
    // The nightly job (pdf = false) leaves the PDFs alone and writes none of its own.
    const auto nightly = ws.jobs_command({"run", "nightly-import-build"});
    ASSERT_EQ(nightly.exit_code, 0) << nightly.err;
    EXPECT_EQ(nightly.out.find("PDFs:"), std::string::npos) << nightly.out;
}

TEST(JobsCli, FailingStepStopsTheJobWithItsExitCode) {
    TempDir dir;
    std::filesystem::copy_file(k_jobs + "/quarterly-report-cards.ini",
                               dir / "quarterly-report-cards.ini");
    const auto r =
        run_homeroom({"--db", (dir / "h.db").string(), "jobs", "run", "quarterly-report-cards",
                      "--json", "--jobs", dir.path().string()});
    // Nothing imported yet: the build step has no snapshot to work from.
    EXPECT_EQ(r.exit_code, 66);
    EXPECT_NE(r.out.find("\"status\":\"failed\",\"exit_code\":66"), std::string::npos) << r.out;
    EXPECT_NE(r.err.find("no snapshot in"), std::string::npos) << r.err;
    const auto unknown = run_homeroom(
        {"--db", (dir / "h.db").string(), "jobs", "run", "nope", "--jobs", dir.path().string()});
    EXPECT_EQ(unknown.exit_code, 64);
}

// Starts `homeroom jobs run` in the background, paused after step `pause_after` (0: not
// paused) or, with `inside`, once that step is recorded as running; returns its pid.
pid_t start_paused_run(const Workspace& ws, int pause_after = 1, bool inside = false) {
    const auto pid_file = ws.dir / "run.pid";
    const std::string cmd =
        "(cd " + shell_quote(ws.dir.path().string()) + " && exec env HOMEROOM_TEST_PAUSE_" +
        (inside ? "IN" : "AFTER") + "_STEP=" + std::to_string(pause_after) + " " +
        shell_quote(HOMEROOM_BINARY) + " --db " + shell_quote(ws.db()) +
        " jobs run nightly-import-build --jobs " + shell_quote(ws.jobs()) +
        ") >/dev/null 2>&1 </dev/null & echo $! >" + shell_quote(pid_file.string());
    EXPECT_EQ(std::system(cmd.c_str()), 0);
    return static_cast<pid_t>(std::stol(read_file(pid_file)));
}

bool wait_for_step_one(const Workspace& ws) {
    for (int i = 0; i < 600; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (!std::filesystem::exists(ws.db()))
            continue;
        try {
            store::Database db(ws.db());
            const store::JobLedger ledger(db);
            const auto runs = ledger.runs("nightly-import-build", 1);
            if (!runs.empty() && ledger.finished_steps(runs[0].run_id).count(1))
                return true;
        } catch (const std::exception&) {
            // the running job may hold a write lock for a moment
        }
    }
    return false;
}

TEST(JobsCli, SecondRunOfARunningJobIsRefusedAndAKilledRunIsResumed) {
    Workspace ws;
    const pid_t pid = start_paused_run(ws);
    ASSERT_TRUE(wait_for_step_one(ws));

    const auto second = ws.jobs_command({"run", "nightly-import-build"});
    EXPECT_EQ(second.exit_code, 75) << second.err;
    EXPECT_NE(second.err.find("job nightly-import-build is already running"), std::string::npos)
        << second.err;

    ASSERT_EQ(::kill(pid, SIGKILL), 0);
    for (int i = 0; i < 100 && ::kill(pid, 0) == 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));

    const auto resumed = ws.jobs_command({"run", "nightly-import-build", "--json"});
    ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
    EXPECT_NE(resumed.err.find("did not finish: resuming it"), std::string::npos) << resumed.err;
    EXPECT_NE(resumed.out.find("\"resumes\":1,"), std::string::npos) << resumed.out;
    EXPECT_NE(resumed.out.find("{\"step\":1,\"action\":\"import\",\"status\":\"skipped\""),
              std::string::npos)
        << resumed.out;
    EXPECT_NE(resumed.out.find("{\"step\":2,\"action\":\"build\",\"status\":\"succeeded\""),
              std::string::npos)
        << resumed.out;

    store::Database db(ws.db());
    const store::JobLedger ledger(db);
    const auto runs = ledger.runs("nightly-import-build", 10);
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_EQ(runs[1].status, "crashed");
    EXPECT_EQ(runs[0].status, "succeeded");
    EXPECT_EQ(runs[0].resumes, runs[1].run_id);
}

// Waits until step 2 of the latest run has started.
bool wait_for_step_two_running(const Workspace& ws) {
    for (int i = 0; i < 3000; ++i) {  // up to a minute, like wait_for_step_one: CI may be loaded
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        if (!std::filesystem::exists(ws.db()))
            continue;
        try {
            store::Database db(ws.db());
            const store::JobLedger ledger(db);
            const auto runs = ledger.runs("nightly-import-build", 1);
            if (runs.empty())
                continue;
            const auto steps = ledger.steps(runs[0].run_id);
            if (steps.size() == 2 && steps[1].status == "running")
                return true;
        } catch (const std::exception&) {
        }
    }
    return false;
}

TEST(JobsCli, RunKilledInsideAStepRedoesOnlyThatStep) {
    Workspace ws;
    const pid_t pid = start_paused_run(ws, 2, true);
    ASSERT_TRUE(wait_for_step_two_running(ws));
    ASSERT_EQ(::kill(pid, SIGKILL), 0);
    for (int i = 0; i < 100 && ::kill(pid, 0) == 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));

    const auto resumed = ws.jobs_command({"run", "nightly-import-build", "--json"});
    ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
    EXPECT_NE(resumed.out.find("{\"step\":1,\"action\":\"import\",\"status\":\"skipped\""),
              std::string::npos)
        << resumed.out;
    EXPECT_NE(resumed.out.find("{\"step\":2,\"action\":\"build\",\"status\":\"succeeded\""),
              std::string::npos)
        << resumed.out;
    store::Database db(ws.db());
    const store::JobLedger ledger(db);
    const auto runs = ledger.runs("nightly-import-build", 10);
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_EQ(ledger.steps(runs[1].run_id)[1].status, "crashed");
    EXPECT_TRUE(std::filesystem::exists(ws.dir / "output" / "site" / "public" / "index.html"));
}

TEST(JobsCli, InstallWritesSystemdUnitsThatVerify) {
    TempDir dir;
    const auto units = dir / "units";
    const auto r = run_homeroom({"--db", (dir / "h.db").string(), "jobs", "install", "--systemd",
                                 units.string(), "--jobs", k_jobs},
                                dir.path().string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto timer = read_file(units / "weekly-digest.timer");
    EXPECT_NE(timer.find("OnCalendar=Mon *-*-* 08:30:00 America/Detroit\n"), std::string::npos)
        << timer;
    EXPECT_NE(timer.find("Persistent=true\n"), std::string::npos);
    EXPECT_NE(read_file(units / "nightly-import-build.timer")
                  .find("OnCalendar=*-*-* 02:30:00 America/Detroit\n"),
              std::string::npos);
    const auto service = read_file(units / "nightly-import-build.service");
    EXPECT_NE(service.find("jobs run nightly-import-build --jobs "), std::string::npos) << service;

    if (!std::filesystem::exists("/usr/bin/systemd-analyze"))
        GTEST_SKIP() << "systemd-analyze is not installed";
    const std::string cmd = "cd " + shell_quote(units.string()) +
                            " && SYSTEMD_LOG_LEVEL=warning /usr/bin/systemd-analyze verify "
                            "--man=no ./*.service ./*.timer >" +
                            shell_quote((dir / "verify.txt").string()) + " 2>&1";
    const int status = std::system(cmd.c_str());
    EXPECT_EQ(status, 0) << read_file(dir / "verify.txt");
}

// The installed schedule must run with the settings the install was given: without --config
// it would use another site secret (other private paths, and its cleanup would delete the
// pages at the configured ones) and the file transport instead of SMTP.
TEST(JobsCli, InstallCarriesTheGlobalOptionsAsAbsolutePaths) {
    TempDir dir;
    std::filesystem::create_directories(dir / "conf");
    testing::write_file(dir / "conf" / "h.ini", "[site]\nsecret = kept\n");
    const std::string config = (dir / "conf" / "h.ini").string();
    const std::string db = (dir / "data" / "h.db").string();
    const std::vector<std::string> globals = {"--config", "conf/h.ini", "--db", "data/h.db"};
    const std::string expected =
        " --config " + config + " --db " + db + " jobs run nightly-import-build --jobs " + k_jobs;

    auto args = globals;
    args.insert(args.end(),
                {"jobs", "install", "--systemd", (dir / "units").string(), "--jobs", k_jobs});
    auto r = run_homeroom(args, dir.path().string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto service = read_file(dir / "units" / "nightly-import-build.service");
    EXPECT_NE(service.find(expected + "\n"), std::string::npos) << service;

    args = globals;
    args.insert(args.end(), {"jobs", "install", "--cron", "--jobs", k_jobs});
    r = run_homeroom(args, dir.path().string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("' --config '" + config + "' --db '" + db +
                         "' jobs run nightly-import-build --jobs '" + k_jobs + "'\n"),
              std::string::npos)
        << r.out;
}

TEST(JobsCli, ForegroundSchedulerRunsTheNextDueJob) {
    Workspace ws;
    const auto r = run_homeroom({"--db", ws.db(), "schedule", "--once", "--now",
                                 "2026-03-07T12:00:00Z", "--jobs", ws.jobs()},
                                ws.dir.path().string());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("[schedule] next: nightly-import-build at 2026-03-08T07:00:00Z"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("[schedule] nightly-import-build: succeeded (run 1)"), std::string::npos)
        << r.err;
}

TEST(JobsCli, InstallCronPrintsTimeZonedLines) {
    TempDir dir;
    const auto r = run_homeroom(
        {"--db", (dir / "h.db").string(), "jobs", "install", "--cron", "--jobs", k_jobs});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("CRON_TZ=America/Detroit\n30 2 * * * cd "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("CRON_TZ=America/Detroit\n30 8 * * 1 cd "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("0 0 1 1,4,7,10 * cd "), std::string::npos) << r.out;
}

}  // namespace
}  // namespace homeroom
