// `homeroom export partner`: one partner's extract as of a snapshot, written as files and logged
// as a disclosure (docs/partners.md). The order that keeps files and log in step:
//   1. compute the extract in memory; with no agreement in force, stop (nothing written/logged);
//   2. write both files under temporary names beside their final names, and close them (a full
//      disk shows here): a failure removes them and logs nothing;
//   3. in one transaction: insert the log entry, rename the files to their final names, commit. A
//      failed rename rolls the entry back; a failed commit removes the renamed files. Only a crash
//      between the renames and the commit can leave files without an entry (they were never sent).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/student_rows.h"
#include "metrics/indicator_settings.h"
#include "site/partner_extracts.h"
#include "store/database.h"
#include "store/outbox_repository.h"  // TimePoint
#include "store/snapshot_repository.h"

namespace homeroom::site {

struct PartnerExportOptions {
    std::filesystem::path out_dir = "output/exports";
    bool dry_run = false;  // compute and report, write and log nothing
    unsigned threads = 0;  // 0: one per core
    metrics::IndicatorSettings indicators;
};

struct PartnerExportResult {
    PartnerExtract extract;
    std::vector<std::filesystem::path> files;  // written (or, for a dry run, that would be)
    std::int64_t disclosure_id = 0;            // 0 when nothing was logged
};

// The partner's id from an id or an unambiguous (case-insensitive) name. Throws NoInputError
// when nothing matches and UsageError when a name matches more than one partner.
std::string resolve_partner(const std::vector<Partner>& partners, std::string_view id_or_name);

// The folder name of a partner's exports: the id itself when it is made of [A-Za-z0-9_-] only
// and does not end in "-" and 8 hex digits; else the id with '_' and every other byte outside
// [A-Za-z0-9-] written "_XX" (hex), plus "-" and 8 hex digits of the id's FNV-1a hash
// ("../x" -> "_2e_2e_2fx-<hash>"). Two ids never get the same folder and no folder leaves the
// exports folder. Never empty.
std::string export_folder_name(std::string_view partner_id);

PartnerExportResult export_partner(store::Database& db, const store::SnapshotInfo& snapshot,
                                   std::string_view partner_id, const PartnerExportOptions& options,
                                   store::TimePoint now);

}  // namespace homeroom::site
