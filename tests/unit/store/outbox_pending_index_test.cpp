// The partial index outbox_pending (schema.cpp) only helps while its WHERE is the same list of
// statuses that OutboxRepository::claim_due asks for; this checks that SQLite still picks it for
// that query, so that claiming stays cheap however many messages are queued.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "core/message_status.h"
#include "store/database.h"
#include "temp_dir.h"

namespace homeroom::store {
namespace {

TEST(OutboxPendingIndex, ServesClaimDueWithoutSorting) {
    testing::TempDir dir;
    Database db(dir / "h.db");
    std::string statuses;  // as claim_due writes them
    for (auto s : allowed_sources(MessageStatus::sending))
        statuses += (statuses.empty() ? "'" : ", '") + std::string(to_code(s)) + "'";
    SQLite::Statement plan(
        db.sql(),
        "EXPLAIN QUERY PLAN SELECT outbox_id FROM outbox WHERE channel = 'email' AND status IN (" +
            statuses +
            ") AND ((status <> 'sending' AND next_attempt_at <= 'x') OR (1 AND status = "
            "'sending' AND claim_token IS NOT 't')) ORDER BY outbox_id LIMIT 16");
    std::string details;
    while (plan.executeStep()) details += plan.getColumn(3).getString() + "\n";
    EXPECT_NE(details.find("USING INDEX outbox_pending"), std::string::npos) << details;
    EXPECT_EQ(details.find("TEMP B-TREE"), std::string::npos) << details;
}

}  // namespace
}  // namespace homeroom::store
