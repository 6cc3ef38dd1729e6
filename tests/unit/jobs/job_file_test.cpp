// Job files: what a valid one yields and where each mistake is reported.
#include "jobs/job_file.h"

#include <gtest/gtest.h>

#include "jobs/job_directory.h"

namespace homeroom::jobs {
namespace {

std::optional<Job> parse(const std::string& text, Diagnostics& d) {
    return parse_job(text, "jobs/nightly.ini", d);
}

std::string first_error(const std::string& text) {
    Diagnostics d;
    EXPECT_FALSE(parse(text, d)) << text;
    return d.items().empty() ? "" : d.items().front().to_string();
}

TEST(JobFile, ReadsJobAndStepsInOrder) {
    Diagnostics d;
    const auto job = parse(
        "; nightly\n"
        "[job]\n"
        "description = import and build\n"
        "schedule = 30 2 * * *\n"
        "time_zone = America/Detroit\n"
        "[step.2]\n"
        "action = build\n"
        "pdf = false\n"
        "[step.1]\n"
        "action = import\n"
        "from = /srv/drop   ; newest YYYY-MM-DD inside\n"
        "[step.3]\n"
        "action = notify\n"
        "channel = email\n"
        "week = current\n",
        d);
    ASSERT_TRUE(job) << d.format(10);
    EXPECT_EQ(job->name, "nightly");
    EXPECT_EQ(job->description, "import and build");
    EXPECT_EQ(job->time_zone, "America/Detroit");
    ASSERT_EQ(job->schedules.size(), 1u);
    EXPECT_TRUE(job->schedules[0].from_cron);
    ASSERT_EQ(job->steps.size(), 3u);
    EXPECT_EQ(job->steps[0].action, StepAction::import_bundle);
    EXPECT_EQ(job->steps[0].from, "/srv/drop");
    EXPECT_EQ(job->steps[1].action, StepAction::build);
    EXPECT_EQ(job->steps[1].pdf, false);
    EXPECT_EQ(job->steps[2].action, StepAction::notify);
    EXPECT_EQ(job->steps[2].channel, Channel::email);
}

TEST(JobFile, ScheduleAndOnCalendarBothCount) {
    Diagnostics d;
    const auto job = parse(
        "[job]\nname = digest\nschedule = 0 7 * * 1\non_calendar = Fri *-*-* 16:00\n"
        "[step.1]\naction = build\n",
        d);
    ASSERT_TRUE(job) << d.format(10);
    EXPECT_EQ(job->name, "digest");
    EXPECT_EQ(job->schedules.size(), 2u);
    EXPECT_EQ(job->time_zone, "UTC");
}

TEST(JobFile, ErrorsNameLineAndColumn) {
    EXPECT_EQ(first_error("[job]\nschedule = 0 25 * * *\n[step.1]\naction = build\n"),
              "jobs/nightly.ini:2:14: error: schedule: hour: \"25\" is not a value from 0 to 23");
    EXPECT_EQ(first_error("[job]\ntime_zone = Mars/Olympus\n[step.1]\naction = build\n"),
              "jobs/nightly.ini:2:13: error: unknown time zone \"Mars/Olympus\" (use an IANA "
              "name such as America/Detroit)");
    EXPECT_EQ(
        first_error("[job]\n[step.1]\naction = rebuild\n"),
        "jobs/nightly.ini:3:10: error: action must be import, build, notify, deliver or export, "
        "not \"rebuild\"");
    EXPECT_EQ(first_error("[job]\n[step.1]\naction = build\npfd = true\n"),
              "jobs/nightly.ini:4:1: error: unknown setting \"pfd\" in [step.1] (did you mean "
              "\"pdf\"?)");
    EXPECT_EQ(first_error("[job]\n[step.1]\naction = build\npaper = a4\n"),
              "jobs/nightly.ini:4:1: error: unknown setting \"paper\" in [step.1] (known: action, "
              "out, pdf)");
    EXPECT_EQ(first_error("[job]\n[step.1]\naction = import\n"),
              "jobs/nightly.ini:2:1: error: [step.1] import needs from = DROP-FOLDER");
    EXPECT_EQ(first_error("[job]\n[step.1]\naction = notify\nchannel = fax\n"),
              "jobs/nightly.ini:4:11: error: channel must be email or sms, not \"fax\"");
    EXPECT_EQ(first_error("[job]\nname = my job\n[step.1]\naction = build\n"),
              "jobs/nightly.ini:2:8: error: name may use only letters, digits, - and _ (it names "
              "files and systemd units), not \"my job\"");
}

TEST(JobFile, StructuralMistakes) {
    EXPECT_EQ(first_error("[step.1]\naction = build\n"),
              "jobs/nightly.ini: error: no [job] section");
    EXPECT_EQ(first_error("[job]\n"),
              "jobs/nightly.ini:1:1: error: a job needs at least one [step.N]");
    EXPECT_EQ(first_error("[job]\n[steps]\n[step.1]\naction = build\n"),
              "jobs/nightly.ini:2:2: error: unknown section [steps] (expected [job] or [step.N])");
    EXPECT_EQ(first_error("[job]\ndescription = a\ndescription = b\n[step.1]\naction = build\n"),
              "jobs/nightly.ini:3:1: error: description is set twice in [job]");
    EXPECT_EQ(first_error("name = x\n[job]\n[step.1]\naction = build\n"),
              "jobs/nightly.ini:1:1: error: a setting before any section (start with [job])");
    EXPECT_EQ(first_error("[job]\n[step.1]\naction = build\n[step.1]\naction = build\n"),
              "jobs/nightly.ini:4:2: error: [step.1] appears twice (first on line 2)");
}

TEST(ShippedJobs, EveryExampleParses) {
    Diagnostics d;
    const auto jobs = load_jobs(HOMEROOM_SOURCE_JOBS, d);
    EXPECT_FALSE(d.has_errors()) << d.format(20);
    ASSERT_EQ(jobs.size(), 5u);
    EXPECT_EQ(jobs[0].name, "hourly-deliver");
    EXPECT_EQ(jobs[1].name, "nightly-import-build");
    EXPECT_EQ(jobs[2].name, "quarterly-report-cards");
    EXPECT_EQ(jobs[3].name, "weekly-digest");
    EXPECT_EQ(jobs[4].name, "weekly-partner-extracts");
    ASSERT_EQ(jobs[0].steps.size(), 1u);
    EXPECT_EQ(jobs[0].steps[0].action, StepAction::deliver);
    EXPECT_TRUE(jobs[0].steps[0].both_channels);
    EXPECT_EQ(jobs[3].time_zone, "America/Detroit");
    EXPECT_EQ(jobs[2].steps[0].pdf, true);
    ASSERT_EQ(jobs[3].steps.size(), 2u);
    EXPECT_EQ(jobs[3].steps[0].channel, Channel::email);
    EXPECT_EQ(jobs[3].steps[1].channel, Channel::sms);
    ASSERT_EQ(jobs[4].steps.size(), 1u);
    EXPECT_EQ(jobs[4].steps[0].action, StepAction::export_extracts);
    EXPECT_EQ(jobs[4].steps[0].partner, "all");
}

TEST(JobFile, ADeliverStepTakesOneChannelOrBoth) {
    Diagnostics d;
    const auto job = parse_job(
        "[job]\n[step.1]\naction = deliver\nchannel = sms\n[step.2]\n"
        "action = deliver\n",
        "jobs/retry.ini", d);
    ASSERT_TRUE(job) << d.format(5);
    EXPECT_FALSE(job->steps[0].both_channels);
    EXPECT_EQ(job->steps[0].channel, Channel::sms);
    EXPECT_TRUE(job->steps[1].both_channels);
    EXPECT_EQ(first_error("[job]\n[step.1]\naction = deliver\nchannel = fax\n"),
              "jobs/nightly.ini:4:11: error: channel must be email, sms or both, not \"fax\"");
    EXPECT_EQ(first_error("[job]\n[step.1]\naction = deliver\nweek = current\n"),
              "jobs/nightly.ini:4:1: error: unknown setting \"week\" in [step.1] (known: action, "
              "channel)");
}

}  // namespace
}  // namespace homeroom::jobs
