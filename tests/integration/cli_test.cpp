// The `homeroom` binary as scripts see it: help, exit codes, and the import's promises
// (all or nothing, re-import is a no-op, kill -9 changes nothing).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <thread>

#include "run_command.h"
#include "store/database.h"
#include "store/snapshot_repository.h"

namespace homeroom {
namespace {

using testing::read_file;
using testing::run_homeroom;
using testing::TempDir;
using testing::write_file;

const std::string k_bundle = HOMEROOM_TEST_DATA "/bundle-small";

TEST(Cli, HelpListsEveryCommandAndExitsZero) {
    const auto r = run_homeroom({"help"});
    EXPECT_EQ(r.exit_code, 0);
    for (const char* command : {"demo", "sample-data", "import", "snapshots"})
        EXPECT_NE(r.out.find(std::string("  ") + command), std::string::npos) << command;
}

TEST(Cli, EveryCommandHasHelp) {
    for (const char* command : {"demo", "sample-data", "import", "snapshots"}) {
        const auto r = run_homeroom({command, "--help"});
        EXPECT_EQ(r.exit_code, 0) << command;
        EXPECT_NE(r.out.find(std::string("homeroom ") + command), std::string::npos) << r.out;
        const auto via_help = run_homeroom({"help", command});
        EXPECT_EQ(via_help.out, r.out);
    }
}

TEST(Cli, UnknownCommandIsAUsageError) {
    const auto r = run_homeroom({"frobnicate"});
    EXPECT_EQ(r.exit_code, 64);
    EXPECT_EQ(r.err, "homeroom: unknown command \"frobnicate\" (see homeroom help)\n");
}

TEST(Cli, BadOptionValuesAreUsageErrors) {
    TempDir dir;
    auto r = run_homeroom(
        {"--db", (dir / "h.db").string(), "import", k_bundle, "--as-of", "2026-13-01"});
    EXPECT_EQ(r.exit_code, 64);
    EXPECT_EQ(r.err,
              "homeroom import: --as-of must be a real date in the form YYYY-MM-DD, not "
              "\"2026-13-01\"\n");
    r = run_homeroom({"--db", (dir / "h.db").string(), "import", k_bundle});
    EXPECT_EQ(r.exit_code, 64);
    r = run_homeroom({"import", k_bundle, "--as-of", "2026-01-16", "--bogus"});
    EXPECT_EQ(r.exit_code, 64);
    EXPECT_NE(r.err.find("unknown option --bogus"), std::string::npos) << r.err;
}

TEST(Cli, MissingBundleFolderIsNoInput) {
    TempDir dir;
    const auto r = run_homeroom({"--db", (dir / "h.db").string(), "import", (dir / "nope").string(),
                                 "--as-of", "2026-01-16"});
    EXPECT_EQ(r.exit_code, 66);
    EXPECT_NE(r.err.find("no such folder"), std::string::npos) << r.err;
}

TEST(Cli, MissingConfigFileIsNoInput) {
    const auto r = run_homeroom({"--config", "/nonexistent/homeroom.ini", "snapshots"});
    EXPECT_EQ(r.exit_code, 66);
    EXPECT_EQ(r.err, "homeroom: cannot read config /nonexistent/homeroom.ini: no such file\n");
}

// A mistyped --db must not become an empty database that answers "nothing recorded": a
// parent's FERPA request would get a confident wrong answer.
TEST(Cli, ReadOnlyCommandsRefuseADatabaseThatDoesNotExist) {
    TempDir dir;
    const std::string db = (dir / "typo.db").string();
    const std::vector<std::vector<std::string>> commands = {
        {"disclosures", "--student", "100032"},
        {"outbox"},
        {"snapshots"},
        {"jobs", "history"},
        {"export", "partner", "P-CYC", "--as-of", "2026-06-12", "--dry-run"},
        {"notify", "--week", "2026-06-08", "--dry-run"},
    };
    for (const auto& command : commands) {
        std::vector<std::string> args = {"--db", db};
        args.insert(args.end(), command.begin(), command.end());
        const auto r = run_homeroom(args);
        EXPECT_EQ(r.exit_code, 66) << command.front() << "\n" << r.out;
        EXPECT_EQ(r.err, "homeroom: no database at " + db +
                             " (check --db or [store] db; `homeroom import` creates it)\n")
            << command.front();
        EXPECT_EQ(r.out, "") << command.front();
        EXPECT_FALSE(std::filesystem::exists(db)) << command.front();
    }
}

TEST(Cli, ConfigFileChoosesTheDatabase) {
    TempDir dir;
    write_file(dir / "h.ini", "[store]\ndb = " + (dir / "from-config.db").string() + "\n");
    const auto r = run_homeroom(
        {"--config", (dir / "h.ini").string(), "import", k_bundle, "--as-of", "2026-01-16"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(std::filesystem::exists(dir / "from-config.db"));
}

TEST(Cli, ImportReportsRowsThenReimportChangesNothing) {
    TempDir dir;
    const std::string db = (dir / "h.db").string();
    auto r = run_homeroom({"--db", db, "import", k_bundle, "--as-of", "2026-01-16"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("imported snapshot 2026-01-16: 53 rows from " + k_bundle, 0), 0u)
        << r.out;
    std::string imported_at;
    {
        store::Database d(db);
        imported_at = store::SnapshotRepository(d).find(Date::from_ymd(2026, 1, 16))->imported_at;
    }
    r = run_homeroom({"--db", db, "import", k_bundle, "--as-of", "2026-01-16"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out,
              "unchanged: the snapshot of 2026-01-16 already holds this bundle; nothing "
              "to do\n");
    store::Database d(db);
    const store::SnapshotRepository repo(d);
    ASSERT_EQ(repo.list().size(), 1u);
    EXPECT_EQ(repo.list().front().imported_at, imported_at);

    // A later date adds a snapshot beside the first.
    r = run_homeroom({"--db", db, "import", k_bundle, "--as-of", "2026-01-23"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(repo.list().size(), 2u);
}

TEST(Cli, HostileBundleIsRefusedWithEveryDiagnosticAndChangesNothing) {
    TempDir dir;
    const std::string db = (dir / "h.db").string();
    ASSERT_EQ(run_homeroom({"--db", db, "import", k_bundle, "--as-of", "2026-01-16"}).exit_code, 0);

    const auto hostile = dir / "hostile";
    std::filesystem::copy(k_bundle, hostile, std::filesystem::copy_options::recursive);
    write_file(hostile / "students.csv",
               read_file(hostile / "students.csv") +
                   "3001,S1,Bad,,Date,,2015-02-29,3,F,white,N,N,N,en,2025-08-25,,3A,\n"
                   "1001,S1,Dup,,Id,,2016-01-01,3,F,white,N,N,N,en,2025-08-25,,3A,\n"
                   "3002,S9,Lost,,School,,2016-01-01,3,F,white,N,N,N,en,2025-08-25,,3A,\n"
                   "3003,S1,\"Broken \"quote,,X,,2016-01-01,3,F,white,N,N,N,en,2025-08-25,,3A,\n");
    write_file(hostile / "staff.csv",
               read_file(hostile / "staff.csv") + "T9,S1,Caf\xe9\x81,X,,teacher\n");
    const auto r = run_homeroom({"--db", db, "import", hostile.string(), "--as-of", "2026-01-23"});
    EXPECT_EQ(r.exit_code, 65);
    for (const char* expected :
         {"staff.csv:5:11: error: byte 0x81 is not a character in Windows-1252",
          "students.csv:6:20: error: birth_date: \"2015-02-29\" is not a real calendar date",
          "students.csv:7:1: error: student_id: duplicate student_id \"1001\"",
          "students.csv:8:6: error: school_id: no school with id \"S9\" in schools.csv",
          "students.csv:9:18: error: unexpected text after closing quote",
          "import refused: 5 errors in "})
        EXPECT_NE(r.err.find(expected), std::string::npos) << expected << "\n" << r.err;

    store::Database d(db);
    const store::SnapshotRepository repo(d);
    ASSERT_EQ(repo.list().size(), 1u);
    EXPECT_EQ(repo.list().front().as_of, Date::from_ymd(2026, 1, 16));
}

// Writes `file` with a line of `prefix`, `count` times `fill` and `suffix` inserted as line 4,
// streamed so that this process stays small (the children's peak memory is measured).
void insert_huge_line(const std::filesystem::path& file, const std::string& original,
                      const std::string& prefix, char fill, std::size_t count,
                      const std::string& suffix) {
    std::size_t line_4 = 0;
    for (int i = 0; i < 3; ++i) line_4 = original.find('\n', line_4) + 1;
    std::ofstream out(file, std::ios::binary);
    out << original.substr(0, line_4) << prefix;
    const std::string chunk(1 << 16, fill);
    for (std::size_t left = count; left > 0;) {
        const std::size_t n = std::min(left, chunk.size());
        out.write(chunk.data(), static_cast<std::streamsize>(n));
        left -= n;
    }
    out << suffix << "\n" << original.substr(line_4);
}

// Audit C.9: a 10 MB line of commas once took 683 MB and a 40 MB line ended in bad_alloc.
TEST(Cli, HugeLinesAreRefusedAtTheirPositionInBoundedMemory) {
    TempDir dir;
    const std::string db = (dir / "h.db").string();
    const auto bundle = dir / "bundle";
    std::filesystem::copy(k_bundle, bundle, std::filesystem::copy_options::recursive);
    const std::string students = read_file(bundle / "students.csv");

    insert_huge_line(bundle / "students.csv", students, "", ',', 10 << 20, "");
    auto r = run_homeroom({"--db", db, "import", bundle.string(), "--as-of", "2026-01-16"});
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_NE(r.err.find("students.csv:4:1: error: row has more than 1000 fields (the limit for "
                         "one row); the rest of the file is not read\nimport refused: 1 error in "),
              std::string::npos)
        << r.err.substr(0, 2000);

    insert_huge_line(bundle / "students.csv", students, "3001,S1,", 'A', 64 << 20, ",,Lee");
    r = run_homeroom({"--db", db, "import", bundle.string(), "--as-of", "2026-01-16"});
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_NE(r.err.find("students.csv:4:1: error: row is longer than 4 MiB (the limit for one "
                         "row); the rest of the file is not read\nimport refused: 1 error in "),
              std::string::npos)
        << r.err.substr(0, 2000);

    insert_huge_line(bundle / "students.csv", students, "3001,S1,\"", 'A', 64 << 20, "\",,Lee");
    r = run_homeroom({"--db", db, "import", bundle.string(), "--as-of", "2026-01-16"});
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_NE(r.err.find("students.csv:4:9: error: quoted field opened here is still open after "
                         "4 MiB (the limit for one row); is a closing quote missing? The rest of "
                         "the file is not read\nimport refused: 1 error in "),
              std::string::npos)
        << r.err.substr(0, 2000);

    // The largest of the imports (and of the shells that ran them), in kilobytes. AddressSanitizer
    // adds its shadow memory and quarantine (about 130 MB here); the unbounded reader took 683 MB
    // without it.
    rusage usage{};
    ASSERT_EQ(::getrusage(RUSAGE_CHILDREN, &usage), 0);
#ifdef __SANITIZE_ADDRESS__
    EXPECT_LT(usage.ru_maxrss, 250 * 1024);
#else
    EXPECT_LT(usage.ru_maxrss, 80 * 1024);
#endif
    store::Database d(db);
    EXPECT_TRUE(store::SnapshotRepository(d).list().empty());
}

// Audit C.10: a FIFO named marks.csv once blocked the import forever.
TEST(Cli, ImportRefusesAFifoInsteadOfWaitingOnIt) {
    TempDir dir;
    const std::string db = (dir / "h.db").string();
    const auto bundle = dir / "bundle";
    std::filesystem::copy(k_bundle, bundle, std::filesystem::copy_options::recursive);
    std::filesystem::remove(bundle / "marks.csv");
    ASSERT_EQ(::mkfifo((bundle / "marks.csv").c_str(), 0600), 0);
    const auto r = run_homeroom({"--db", db, "import", bundle.string(), "--as-of", "2026-01-16"});
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_NE(r.err.find("marks.csv: error: is a named pipe (FIFO), not a regular file; a bundle "
                         "file must be a regular file\nimport refused: 1 error in "),
              std::string::npos)
        << r.err;
}

// Audit C.10: a dangling symbolic link once counted as a missing optional file (exit 0, a
// snapshot without marks).
TEST(Cli, ImportRefusesADanglingSymbolicLinkAndAppliesNothing) {
    TempDir dir;
    const std::string db = (dir / "h.db").string();
    const auto bundle = dir / "bundle";
    std::filesystem::copy(k_bundle, bundle, std::filesystem::copy_options::recursive);
    std::filesystem::remove(bundle / "marks.csv");
    std::filesystem::create_symlink(dir / "exports" / "marks.csv", bundle / "marks.csv");
    const auto r = run_homeroom({"--db", db, "import", bundle.string(), "--as-of", "2026-01-16"});
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_NE(r.err.find("marks.csv: error: is a symbolic link to a file that does not exist; a "
                         "bundle file must be a regular file (a link to one is fine)\nimport "
                         "refused: 1 error in "),
              std::string::npos)
        << r.err;
    store::Database d(db);
    EXPECT_TRUE(store::SnapshotRepository(d).list().empty());
}

// Audit C.8 and C.11: a NUL byte on line 500 once gave an error at line 1, a false "the file is
// empty" and thousands of errors about later files' references to its students.
TEST(Cli, ANulByteGivesOneErrorAtItsPositionAndNoCascade) {
    TempDir dir;
    const std::string db = (dir / "h.db").string();
    const auto bundle = dir / "bundle";
    std::filesystem::copy(k_bundle, bundle, std::filesystem::copy_options::recursive);
    std::string students = read_file(bundle / "students.csv");
    const std::size_t header_end = students.find('\n') + 1;
    std::string filler;
    for (int n = 0; n < 495; ++n)
        filler += std::to_string(5000 + n) +
                  ",S1,Kim,,Lee,,2016-01-01,3,F,white,N,N,N,en,"
                  "2025-08-25,,3A,\n";
    students.insert(header_end, filler);  // the fixture's 4 students are now lines 497 to 500
    students.insert(students.find("Keisha") + 2, 1, '\0');
    write_file(bundle / "students.csv", students);
    const auto r = run_homeroom({"--db", db, "import", bundle.string(), "--as-of", "2026-01-16"});
    EXPECT_EQ(r.exit_code, 65);
    const std::string expected =
        "students.csv:500:11: error: byte 0x00 (NUL) is not text: the file is damaged, binary or "
        "UTF-16 without a byte-order mark; save it as CSV in UTF-8\nimport refused: 1 error in ";
    EXPECT_NE(r.err.find(expected), std::string::npos) << r.err;
}

TEST(Cli, DryRunValidatesAndAppliesNothing) {
    TempDir dir;
    const std::string db = (dir / "h.db").string();
    const auto r =
        run_homeroom({"--db", db, "import", k_bundle, "--as-of", "2026-01-16", "--dry-run"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("dry run: 53 rows in " + k_bundle + " are valid; nothing was applied", 0),
              0u)
        << r.out;
    store::Database d(db);
    EXPECT_TRUE(store::SnapshotRepository(d).list().empty());
}

TEST(Cli, ImportKilledMidwayLeavesTheDatabaseAsItWas) {
    TempDir dir;
    const std::string db = (dir / "h.db").string();
    const auto bundle = dir / "bundle";
    auto r = run_homeroom(
        {"sample-data", "--students", "6000", "--schools", "8", "--out", bundle.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_EQ(run_homeroom({"--db", db, "import", k_bundle, "--as-of", "2026-01-16"}).exit_code, 0);

    // Kill the import at several moments; whatever it had written must vanish.
    for (int delay_ms : {50, 150, 400}) {
        const pid_t pid = fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            const int null_fd = open("/dev/null", O_WRONLY);
            dup2(null_fd, 1);
            dup2(null_fd, 2);
            execl(HOMEROOM_BINARY, HOMEROOM_BINARY, "--db", db.c_str(), "import", bundle.c_str(),
                  "--as-of", "2026-06-12", static_cast<char*>(nullptr));
            _exit(127);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        store::Database d(db);
        const store::SnapshotRepository repo(d);
        const auto snapshots = repo.list();
        if (WIFEXITED(status))
            continue;  // finished before the kill: nothing to check
        ASSERT_EQ(snapshots.size(), 1u) << "after kill at " << delay_ms << " ms";
        EXPECT_EQ(repo.count_rows(snapshots.front().id, "students"), 4);
    }
    r = run_homeroom({"--db", db, "import", bundle.string(), "--as-of", "2026-06-12"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

}  // namespace
}  // namespace homeroom

namespace homeroom {
namespace {

TEST(Demo, ImportsTheDefaultSampleDistrict) {
    testing::TempDir dir;
    auto r = testing::run_homeroom({"demo"}, dir.path().string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("Homeroom demo ready."), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("2 snapshots, latest 2026-06-12: 2,000 students in 6 schools"),
              std::string::npos)
        << r.out;
    {
        store::Database db(dir / "output" / "homeroom.db");
        const store::SnapshotRepository repo(db);
        const auto snapshots = repo.list();
        ASSERT_EQ(snapshots.size(), 2u);
        EXPECT_EQ(snapshots[0].as_of, Date::from_ymd(2026, 6, 5));
        EXPECT_EQ(repo.count_rows(snapshots[1].id, "students"), 2000);
        EXPECT_GT(repo.count_rows(snapshots[1].id, "attendance"),
                  repo.count_rows(snapshots[0].id, "attendance"));
    }
    // Everything after the first import ran as the job "demo" through the runner.
    for (const char* step :
         {"[demo] step 1/5 import", "[demo] step 2/5 build", "[demo] step 3/5 notify",
          "[demo] step 4/5 notify", "[demo] step 5/5 export"})
        EXPECT_NE(r.err.find(step), std::string::npos) << step << "\n" << r.err;
    const auto history = testing::run_homeroom({"jobs", "history", "demo"}, dir.path().string());
    EXPECT_NE(history.out.find("demo  succeeded"), std::string::npos) << history.out;
    std::size_t extracts = 0, digests = 0, texts = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir / "output")) {
        extracts += e.path().filename() == "extract.xlsx";
        digests += e.path().extension() == ".eml";
        texts += e.path().parent_path().filename() == "sms" && e.path().extension() == ".txt";
    }
    EXPECT_EQ(extracts, 1u);
    EXPECT_GT(digests, 0u);
    EXPECT_GT(texts, 0u);
}

TEST(Demo, IsSafeToRerun) {
    testing::TempDir dir;
    const std::vector<std::string> args{"demo", "--students", "300", "--schools", "2"};
    auto r = testing::run_homeroom(args, dir.path().string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = testing::run_homeroom(args, dir.path().string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("unchanged: the snapshot of 2026-06-05"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("unchanged: the snapshot of 2026-06-12"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(" 0 written"), std::string::npos) << r.out;
}

TEST(SampleData, SameSeedGivesTheSameBytesThroughTheCli) {
    testing::TempDir dir;
    for (const char* name : {"a", "b"}) {
        const auto r = testing::run_homeroom({"sample-data", "--students", "300", "--schools", "3",
                                              "--seed", "7", "--out", (dir / name).string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir / "a")) {
        ++files;
        EXPECT_EQ(testing::read_file(entry.path()),
                  testing::read_file(dir / "b" / entry.path().filename()))
            << entry.path().filename();
    }
    EXPECT_EQ(files, 19u);
}

}  // namespace
}  // namespace homeroom
