// A partner extract as files (docs/partners.md, "Files"): an XLSX workbook with a "Data" sheet
// (a header row of the field names, then one row per included student, every cell a string) and
// a "Report cards" sheet (one block per student: each allowed field's label and value), and the
// same table as CSV. Nothing else about a student is written: no id, no column beyond the
// agreement's fields. Values arrive neutralised (core/formula_guard.h) and are written as strings,
// never formulas. The same table gives the same bytes (the workbook's one timestamp is the as-of
// date).
#pragma once

#include <filesystem>
#include <string>

#include "core/date.h"
#include "partners/extract_rows.h"

namespace homeroom::render {

struct PartnerFileInfo {
    std::string partner_name, agreement_id, purpose;
    Date as_of;
};

// Throws IoError when the file cannot be written.
void write_partner_workbook(const partners::ExtractTable& table, const PartnerFileInfo& info,
                            const std::filesystem::path& path);
void write_partner_csv(const partners::ExtractTable& table, const std::filesystem::path& path);

}  // namespace homeroom::render
