#include "site/partner_export.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <mutex>

#include "core/ascii_text.h"
#include "core/errors.h"
#include "metrics/student_indicators.h"
#include "render/partner_extract_files.h"
#include "site/student_pipeline.h"
#include "store/disclosure_log.h"
#include "store/snapshot_reader.h"

namespace homeroom::site {
namespace fs = std::filesystem;
namespace {

void remove_quietly(const fs::path& path) {
    std::error_code ignored;
    fs::remove(path, ignored);
}

void rename_or_throw(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    fs::rename(from, to, ec);
    if (ec)
        throw IoError("cannot write " + to.string() + ": " + ec.message());
}

}  // namespace

std::string resolve_partner(const std::vector<Partner>& partners, std::string_view id_or_name) {
    for (const auto& p : partners)
        if (p.id == id_or_name)
            return p.id;
    std::vector<const Partner*> named;
    for (const auto& p : partners)
        if (ascii_lower(p.name) == ascii_lower(id_or_name))
            named.push_back(&p);
    if (named.size() == 1)
        return named.front()->id;
    if (named.size() > 1) {
        std::string ids;
        for (const auto* p : named) ids += (ids.empty() ? "" : ", ") + p->id;
        throw UsageError("partner name \"" + std::string(id_or_name) +
                         "\" is ambiguous: use one of the ids " + ids);
    }
    throw NoInputError("no partner \"" + std::string(id_or_name) +
                       "\" in the snapshot (partners.csv: give its partner_id or name)");
}

namespace {

bool is_folder_safe(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

// "-" and 8 lowercase hex digits: the ending of every escaped name.
bool ends_like_a_hash(std::string_view s) {
    return s.size() >= 9 && s[s.size() - 9] == '-' &&
           s.substr(s.size() - 8).find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

}  // namespace

std::string export_folder_name(std::string_view partner_id) {
    const bool safe =
        !partner_id.empty() && std::all_of(partner_id.begin(), partner_id.end(), is_folder_safe);
    if (safe && !ends_like_a_hash(partner_id))
        return std::string(partner_id);
    // Escaped, so that two ids never share a folder: '_' and every unsafe byte become "_XX"
    // (hex), which reads back to one id only, and the hash ending keeps these names apart from
    // the ids kept as they are (none of which ends like one).
    std::string out;
    for (const char c : partner_id) {
        if (c != '_' && is_folder_safe(c)) {
            out += c;
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "_%02x", static_cast<unsigned char>(c));
            out += hex;
        }
    }
    std::uint32_t hash = 2166136261u;  // FNV-1a
    for (const char c : partner_id) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 16777619u;
    }
    char hex[10];
    std::snprintf(hex, sizeof hex, "-%08x", hash);
    return (out.empty() ? "partner" : out) + hex;
}

PartnerExportResult export_partner(store::Database& db, const store::SnapshotInfo& snapshot,
                                   std::string_view partner_id, const PartnerExportOptions& options,
                                   store::TimePoint now) {
    const SnapshotTables tables = store::load_snapshot_tables(db, snapshot.id);
    const SnapshotIndex x = index_snapshot(tables, snapshot.as_of);
    PartnerExtracts extracts(tables, x, partner_id);
    if (extracts.any_in_force()) {
        std::mutex lock;
        for_each_student(db, snapshot.id, std::nullopt, worker_count(options.threads),
                         [&](StudentJob& job, unsigned) {
                             if (!extracts.concerns(job.now.student))
                                 return;
                             const auto records = to_records(job.now, x);
                             const auto ind = metrics::compute_student_indicators(
                                 records, x.calendar(job.now.student.school_id), x.as_of,
                                 options.indicators);
                             auto decisions = extracts.decide(job.now, records, ind);
                             const std::lock_guard guard(lock);
                             extracts.add(std::move(decisions));
                         });
    }
    auto all = std::move(extracts).collect();
    if (all.empty())
        throw NoInputError("no partner \"" + std::string(partner_id) + "\" in the snapshot");
    PartnerExportResult result;
    result.extract = std::move(all.front());
    const PartnerExtract& e = result.extract;
    if (!e.in_force())
        return result;

    const fs::path folder =
        options.out_dir / export_folder_name(e.partner.id) / snapshot.as_of.to_string();
    const fs::path xlsx = folder / "extract.xlsx";
    const fs::path csv = folder / "extract.csv";
    result.files = {xlsx, csv};
    if (options.dry_run)
        return result;

    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec)
        throw IoError("cannot create " + folder.string() + ": " + ec.message());
    const std::string suffix = ".tmp-" + std::to_string(::getpid());
    const fs::path xlsx_tmp = xlsx.string() + suffix;
    const fs::path csv_tmp = csv.string() + suffix;
    const render::PartnerFileInfo info{e.partner.name, e.agreement->id, e.agreement->purpose,
                                       snapshot.as_of};
    try {
        render::write_partner_workbook(e.table, info, xlsx_tmp);
        render::write_partner_csv(e.table, csv_tmp);
    } catch (...) {
        remove_quietly(xlsx_tmp);
        remove_quietly(csv_tmp);
        throw;
    }

    store::NewDisclosure d;
    d.partner_id = e.partner.id;
    d.partner_name = e.partner.name;
    d.agreement_id = e.agreement->id;
    d.purpose = e.agreement->purpose;
    d.fields = e.table.fields;
    d.as_of = snapshot.as_of;
    d.files = {xlsx.string(), csv.string()};
    for (std::size_t i = 0; i < e.table.rows.size(); ++i)
        d.students.push_back(store::DisclosedStudent{e.table.rows[i].student_id,
                                                     e.consents[i].first, e.consents[i].second});
    bool xlsx_renamed = false, csv_renamed = false;
    try {
        result.disclosure_id = store::DisclosureLog(db).record(d, now, [&] {
            rename_or_throw(xlsx_tmp, xlsx);
            xlsx_renamed = true;
            rename_or_throw(csv_tmp, csv);
            csv_renamed = true;
        });
    } catch (...) {
        // Not logged: no file of this run may remain (an earlier export's files that were
        // replaced are gone too, which errs on the side of sending nothing unlogged).
        remove_quietly(xlsx_tmp);
        remove_quietly(csv_tmp);
        if (xlsx_renamed)
            remove_quietly(xlsx);
        if (csv_renamed)
            remove_quietly(csv);
        throw;
    }
    return result;
}

}  // namespace homeroom::site
