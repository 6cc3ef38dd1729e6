// homeroom snapshots
#include <iomanip>

#include "app/command.h"
#include "app/command_line.h"
#include "app/exit_codes.h"
#include "app/progress_line.h"
#include "store/snapshot_repository.h"

namespace homeroom::app {

int run_snapshots(CommandContext& ctx, const std::vector<std::string>& args) {
    CommandLine cl("snapshots", "", "List the dated snapshots held in the database.");
    if (!cl.parse(args, ctx.out))
        return k_exit_ok;
    store::Database db(ctx.db_path, store::Database::Open::existing);
    const store::SnapshotRepository repo(db);
    const auto snapshots = repo.list();
    if (snapshots.empty()) {
        ctx.out << "no snapshots in " << db.path().string() << " (import a bundle first)\n";
        return k_exit_ok;
    }
    ctx.out << std::left << std::setw(12) << "as of" << std::right << std::setw(10) << "students"
            << std::setw(12) << "rows"
            << "  imported at (UTC)\n";
    for (const auto& s : snapshots)
        ctx.out << std::left << std::setw(12) << s.as_of.to_string() << std::right << std::setw(10)
                << with_thousands(static_cast<std::size_t>(repo.count_rows(s.id, "students")))
                << std::setw(12) << with_thousands(static_cast<std::size_t>(s.row_count)) << "  "
                << s.imported_at << "\n";
    return k_exit_ok;
}

}  // namespace homeroom::app
