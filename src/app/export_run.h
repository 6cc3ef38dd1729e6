// One partner export as `homeroom export partner` and the jobs runner's export step both run it:
// the extract written and logged, with the report printed.
#pragma once

#include <filesystem>
#include <string>

#include "app/command.h"
#include "core/date.h"
#include "store/database.h"

namespace homeroom::app {

struct ExportRequest {
    std::string partner;  // an id or an unambiguous name; "all": every partner in the snapshot
    Date as_of;
    std::filesystem::path out_dir;  // empty: [exports] out, or output/exports
    bool dry_run = false;
    unsigned threads = 0;
};

// One partner: exit 0 when exported, 65 (nothing written or logged) when no agreement with it is
// in force on the date. "all": exit 0 after exporting every partner with an agreement in force;
// the others are listed with the reason and skipped.
int export_with_report(CommandContext& ctx, store::Database& db, const ExportRequest& request);

}  // namespace homeroom::app
