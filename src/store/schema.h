// The numbered schema migrations (PRAGMA user_version counts the ones applied).
#pragma once

#include <string_view>
#include <vector>

namespace homeroom::store {

const std::vector<std::string_view>& schema_migrations();

// The snapshot-scoped tables, in the bundle's order; each has a snapshot_id column.
const std::vector<std::string_view>& snapshot_tables();

}  // namespace homeroom::store
