// The store on a real SQLite file: an import is visible only once committed, a replaced
// snapshot survives until its replacement commits, and the schema is migrated on open.
#include "store/snapshot_import.h"

#include <gtest/gtest.h>

#include "ingest/native_bundle.h"
#include "store/database.h"
#include "store/schema.h"
#include "store/snapshot_repository.h"
#include "temp_dir.h"

namespace homeroom::store {
namespace {

const Date k_as_of = Date::from_ymd(2026, 1, 16);

std::int64_t import_fixture(Database& db, Date as_of, const std::string& fingerprint, bool commit) {
    SnapshotImport tx(db, as_of, fingerprint, "2026-01-16T00:00:00Z");
    Diagnostics diags;
    const auto counts =
        ingest::read_native_bundle(HOMEROOM_TEST_DATA "/bundle-small", k_as_of, tx.sink(), diags);
    EXPECT_FALSE(diags.has_errors()) << diags.format(10);
    if (commit)
        tx.commit(static_cast<std::int64_t>(counts.total_rows()));
    return tx.snapshot_id();
}

TEST(Database, CreatesTheSchemaAndRecordsItsVersion) {
    testing::TempDir dir;
    const int latest = static_cast<int>(schema_migrations().size());
    {
        Database db(dir / "sub" / "h.db");
        EXPECT_EQ(db.schema_version(), latest);
    }
    Database again(dir / "sub" / "h.db");
    EXPECT_EQ(again.schema_version(), latest);
}

TEST(SnapshotImport, CommittedRowsAreVisibleWithTheirCounts) {
    testing::TempDir dir;
    Database db(dir / "h.db");
    const auto id = import_fixture(db, k_as_of, "abc", true);
    SnapshotRepository repo(db);
    const auto snap = repo.find(k_as_of);
    ASSERT_TRUE(snap.has_value());
    EXPECT_EQ(snap->id, id);
    EXPECT_EQ(snap->fingerprint, "abc");
    EXPECT_EQ(repo.count_rows(id, "students"), 4);
    EXPECT_EQ(repo.count_rows(id, "attendance"), 3);
    EXPECT_EQ(repo.count_rows(id, "calendar_days"), 10);
    EXPECT_EQ(repo.count_rows(id, "discipline_actions"), 1);
    EXPECT_EQ(snap->row_count, 53);
}

TEST(SnapshotImport, AnImportThatIsNotCommittedLeavesNothing) {
    testing::TempDir dir;
    Database db(dir / "h.db");
    import_fixture(db, k_as_of, "abc", false);
    SnapshotRepository repo(db);
    EXPECT_TRUE(repo.list().empty());
    EXPECT_EQ(repo.count_rows(1, "students"), 0);
}

TEST(SnapshotImport, AFailedReplacementKeepsTheOldSnapshot) {
    testing::TempDir dir;
    Database db(dir / "h.db");
    const auto first = import_fixture(db, k_as_of, "old", true);
    import_fixture(db, k_as_of, "new", false);
    SnapshotRepository repo(db);
    ASSERT_EQ(repo.list().size(), 1u);
    EXPECT_EQ(repo.find(k_as_of)->fingerprint, "old");
    EXPECT_EQ(repo.count_rows(first, "students"), 4);
}

TEST(SnapshotImport, ACommittedReplacementSwapsTheSnapshotOfThatDate) {
    testing::TempDir dir;
    Database db(dir / "h.db");
    const auto first = import_fixture(db, k_as_of, "old", true);
    const auto second = import_fixture(db, k_as_of, "new", true);
    SnapshotRepository repo(db);
    ASSERT_EQ(repo.list().size(), 1u);
    EXPECT_EQ(repo.find(k_as_of)->fingerprint, "new");
    EXPECT_EQ(repo.count_rows(first, "students"), 0);
    EXPECT_EQ(repo.count_rows(second, "students"), 4);
}

TEST(SnapshotRepository, FindsLatestAndPreviousSnapshots) {
    testing::TempDir dir;
    Database db(dir / "h.db");
    const Date earlier = k_as_of.plus_days(-7);
    import_fixture(db, k_as_of, "b", true);
    import_fixture(db, earlier, "a", true);
    SnapshotRepository repo(db);
    EXPECT_EQ(repo.latest()->as_of, k_as_of);
    EXPECT_EQ(repo.previous(k_as_of)->as_of, earlier);
    EXPECT_FALSE(repo.previous(earlier).has_value());
    ASSERT_EQ(repo.list().size(), 2u);
    EXPECT_EQ(repo.list().front().as_of, earlier);
}

}  // namespace
}  // namespace homeroom::store
