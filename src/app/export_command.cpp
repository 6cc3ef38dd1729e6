// homeroom export partner NAME --as-of DATE [--out DIR] [--dry-run] [--threads N]
#include <chrono>

#include "app/command.h"
#include "app/command_line.h"
#include "app/exit_codes.h"
#include "app/export_run.h"
#include "core/errors.h"
#include "site/partner_export.h"
#include "store/snapshot_reader.h"
#include "store/snapshot_repository.h"

namespace homeroom::app {
namespace {

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
    return out;
}

// One partner's extract and its report; k_exit_data when no agreement is in force.
int export_one(CommandContext& ctx, store::Database& db, const store::SnapshotInfo& snapshot,
               const std::string& partner_id, const site::PartnerExportOptions& options) {
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const auto result = site::export_partner(db, snapshot, partner_id, options, now);
    const auto& e = result.extract;
    const std::string who = e.partner.id + " (" + e.partner.name + ")";
    if (!e.agreement) {
        ctx.err << "homeroom export: partner " << who
                << " has no data-sharing agreement (agreements.csv): nothing exported\n";
        return k_exit_data;
    }
    const auto& a = *e.agreement;
    const std::string dates = a.start_date.to_string() + " to " + a.end_date.to_string();
    if (!e.in_force()) {
        ctx.err << "homeroom export: agreement " << a.id << " with partner " << who << " runs from "
                << dates << ", so on " << snapshot.as_of.to_string() << " it "
                << (e.state == partners::AgreementState::expired ? "has expired"
                                                                 : "has not started")
                << ": nothing exported or recorded\n";
        return k_exit_data;
    }

    ctx.out << (options.dry_run ? "would export" : "exported") << " partner " << who << " as of "
            << snapshot.as_of.to_string() << " under agreement " << a.id << " (" << dates
            << "): " << e.table.rows.size() << " student" << (e.table.rows.size() == 1 ? "" : "s")
            << "; fields " << join(e.table.fields, ", ") << "\n";
    std::vector<std::string> left_out;
    for (int i = 1; i < partners::k_inclusion_count; ++i)
        if (const auto n = e.decisions[static_cast<std::size_t>(i)])
            left_out.push_back(std::to_string(n) + " " +
                               std::string(partners::to_code(static_cast<partners::Inclusion>(i))));
    ctx.out << "  left out of the roster: " << (left_out.empty() ? "none" : join(left_out, ", "))
            << "\n";
    for (const auto& f : result.files) ctx.out << "  " << f.string() << "\n";
    if (result.disclosure_id)
        ctx.out << "  recorded as disclosure #" << result.disclosure_id << "\n";
    return k_exit_ok;
}

}  // namespace

int export_with_report(CommandContext& ctx, store::Database& db, const ExportRequest& request) {
    const store::SnapshotRepository snapshots(db);
    const auto snapshot = snapshots.find(request.as_of);
    if (!snapshot)
        throw NoInputError("no snapshot of " + request.as_of.to_string() + " in " +
                           db.path().string() + " (see homeroom snapshots)");
    site::PartnerExportOptions options;
    options.out_dir =
        request.out_dir.empty()
            ? std::filesystem::path(ctx.config.getString("exports.out", "output/exports"))
            : request.out_dir;
    options.dry_run = request.dry_run;
    options.threads = request.threads;
    const auto tables = store::load_snapshot_tables(db, snapshot->id);
    if (request.partner != "all")
        return export_one(ctx, db, *snapshot,
                          site::resolve_partner(tables.partners, request.partner), options);
    // Every partner: those without an agreement in force are reported and skipped, not failures.
    for (const auto& partner : tables.partners) export_one(ctx, db, *snapshot, partner.id, options);
    return k_exit_ok;
}

int run_export(CommandContext& ctx, const std::vector<std::string>& args) {
    CommandLine cl("export", "partner NAME",
                   "Write a community partner's data extract as of a snapshot: "
                   "DIR/<partner>/<as-of>/extract.xlsx and extract.csv, holding only the fields "
                   "its data-sharing agreement allows, for the students on its roster with "
                   "consent, and record the disclosure (see homeroom disclosures). NAME is the "
                   "partner_id or its name, or all for every partner with an agreement in force. "
                   "Exit 65 (nothing written) when no agreement with the "
                   "partner is in force on that date.");
    cl.value("as-of", "YYYY-MM-DD", "the snapshot to export (required)", true)
        .value("out", "DIR", "where exports go (default output/exports)")
        .flag("dry-run", "say what would be exported; write and record nothing")
        .value("threads", "N", "worker threads (default: one per core)");
    if (!cl.parse(args, ctx.out))
        return k_exit_ok;
    const auto& pos = cl.positional();
    if (pos.empty() || pos.front() != "partner")
        throw UsageError("homeroom export: say what to export: homeroom export partner NAME");
    if (pos.size() != 2)
        throw UsageError("homeroom export partner: give one partner id or name");
    const auto as_of = cl.get_date("as-of");
    if (!as_of)
        throw UsageError("homeroom export partner: --as-of is required");

    // A dry run only reads: a mistyped --db must not become an empty database.
    store::Database db(ctx.db_path, cl.has("dry-run") ? store::Database::Open::existing
                                                      : store::Database::Open::create);
    ExportRequest request;
    request.partner = pos[1];
    request.as_of = *as_of;
    request.out_dir = cl.get("out", "");
    request.dry_run = cl.has("dry-run");
    request.threads = static_cast<unsigned>(cl.get_int("threads", 0, 0, 256));
    return export_with_report(ctx, db, request);
}

}  // namespace homeroom::app
