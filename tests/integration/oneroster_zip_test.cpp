// `homeroom import EXPORT.zip` (docs/oneroster.md), through the built binary: a zipped OneRoster
// export is read like its folder, with the entries' names in the diagnostics, and an archive
// that cannot be read applies nothing.
#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "run_command.h"
#include "store/database.h"

namespace homeroom {
namespace {

using testing::read_file;
using testing::run_homeroom;
using testing::TempDir;
using testing::write_file;

const std::string k_export = HOMEROOM_TEST_DATA "/oneroster-1.1";

using Entries = std::vector<std::pair<std::string, std::string>>;  // name in the archive, bytes

// The fixture's files, each under `folder` in the archive.
Entries fixture(const std::string& folder = "") {
    Entries entries;
    for (const auto& e : std::filesystem::directory_iterator(k_export))
        entries.emplace_back(folder + e.path().filename().string(), read_file(e.path()));
    return entries;
}

void write_zip(const std::filesystem::path& path, const Entries& entries) {
    std::ofstream out(path, std::ios::binary);
    Poco::Zip::Compress zip(out, true);
    for (const auto& [name, bytes] : entries) {
        std::istringstream in(bytes);
        zip.addFile(in, Poco::DateTime(2026, 1, 16), Poco::Path(name, Poco::Path::PATH_UNIX));
    }
    zip.close();
}

std::string count_snapshots(const std::string& db) {
    if (!std::filesystem::exists(db))
        return "no database";
    store::Database d(db, store::Database::Open::existing);
    SQLite::Statement q(d.sql(), "SELECT count(*) FROM snapshots");
    q.executeStep();
    return q.getColumn(0).getString();
}

TEST(OneRosterZip, AZippedExportIsImportedLikeItsFolderAndAgainIsUnchanged) {
    TempDir dir;
    const std::string zip = (dir / "export.zip").string(), db = (dir / "h.db").string();
    write_zip(zip, fixture());
    auto r = run_homeroom({"--db", db, "import", zip, "--as-of", "2026-01-16"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("imported snapshot 2026-01-16: 65 rows from the OneRoster export " + zip +
                              " into " + db + " (",
                          0),
              0u)
        << r.out;
    store::Database d(db, store::Database::Open::existing);
    SQLite::Statement q(d.sql(), "SELECT count(*) FROM students");
    ASSERT_TRUE(q.executeStep());
    EXPECT_EQ(q.getColumn(0).getInt(), 8);
    r = run_homeroom({"--db", db, "import", zip, "--as-of", "2026-01-16"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out,
              "unchanged: the snapshot of 2026-01-16 already holds this bundle; nothing to do\n");
}

TEST(OneRosterZip, AnArchiveOfTheExportsFolderIsReadAsThatFolder) {
    TempDir dir;
    const std::string zip = (dir / "Export.ZIP").string(), db = (dir / "h.db").string();
    write_zip(zip, fixture("oneroster-2026-01-16/"));
    const auto r = run_homeroom({"--db", db, "import", zip, "--as-of", "2026-01-16"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find(": 65 rows from the OneRoster export " + zip), std::string::npos) << r.out;
}

TEST(OneRosterZip, AnErrorInsideTheArchiveNamesTheEntryLineAndColumn) {
    TempDir dir;
    const std::string zip = (dir / "export.zip").string(), db = (dir / "h.db").string();
    Entries entries = fixture();
    for (auto& [name, bytes] : entries)
        if (name == "demographics.csv")
            bytes.replace(bytes.find("2017-03-14"), 10, "1/05/2023");
    write_zip(zip, entries);
    const auto r = run_homeroom({"--db", db, "import", zip, "--as-of", "2026-01-16"});
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_NE(r.err.find("demographics.csv:2:12: error: birthDate: \"1/05/2023\" is not a date in "
                         "the form YYYY-MM-DD"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("import refused: 1 error in the OneRoster export " + zip +
                         "; nothing was applied"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(count_snapshots(db), "0");
}

TEST(OneRosterZip, AnArchiveThatCannotBeReadAppliesNothingAndSaysWhy) {
    TempDir dir;
    const std::string db = (dir / "h.db").string();
    const auto refused = [&](const std::string& name, const std::string& message) {
        const auto r =
            run_homeroom({"--db", db, "import", (dir / name).string(), "--as-of", "2026-01-16"});
        EXPECT_EQ(r.exit_code, 65) << name;
        EXPECT_EQ(r.err, (dir / name).string() + ": error: " + message + "\n") << name;
    };
    write_file(dir / "text.zip", "sourcedId,name\n");
    refused("text.zip", "not a .zip archive (it does not start with PK)");
    write_zip(dir / "empty.zip", {{"readme.txt", "hello"}});
    refused("empty.zip", "the archive holds no .csv file");
    Entries split = fixture("a/");
    split.emplace_back("b/extra.csv", "x\n");
    write_zip(dir / "split.zip", split);
    refused("split.zip",
            "the CSV files must be at the top of the archive or in one folder; found them in "
            "\"a/\", \"b/\"");
    write_zip(dir / "twice.zip", {{"a/users.csv", "x\n"}, {"a/USERS.csv", "y\n"}});
    refused("twice.zip", "two entries named \"users.csv\"");
    EXPECT_EQ(count_snapshots(db), "no database");
}

}  // namespace
}  // namespace homeroom
