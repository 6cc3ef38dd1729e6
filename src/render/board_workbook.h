// The board's workbook (XLSX): one sheet per measure with every school side by side and the
// district, showing exactly what the site shows, plus a sheet of notes on suppression.
//
// Cells: a count is a number ("#,##0"); a rate is a number with a percent format ("0%"), holding
// the whole percent the site shows (0.87 for "87%") and never the unrounded rate, which would
// publish more than the page does; a coded rate ("<5%", ">95%"), a suppressed cell and an empty
// one are text with the site's markers (metrics::to_text with the same SuppressionSettings),
// aligned right like the numbers. Names are strings (never formulas: "=1+1" stays text).
//
// The same input gives the same bytes: libxlsxwriter (1.1.4) stamps every zip entry 1980-01-01
// by itself, and the one clock it reads, the document's created/modified date, is set from the
// as-of date. Numbers are written under the "C" numeric locale whatever the process's locale.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "core/date.h"
#include "metrics/publication.h"
#include "metrics/subgroups.h"
#include "metrics/suppression.h"

namespace homeroom::render {

struct BoardMeasure {
    std::string title;              // the sheet's heading and tab name ("Chronic absenteeism")
    metrics::PublishedTable table;  // one row per school, in the workbook's school order
};

// Wording, translated by the caller.
struct BoardWorkbookText {
    std::string title;     // the document's title property ("District summary")
    std::string as_of;     // under every heading ("As of October 1, 2024")
    std::string school;    // first column's header ("School")
    std::string district;  // the last row's label ("District")
    std::array<std::string, metrics::k_subgroup_count> subgroups;  // headers, like k_subgroups
    std::string notes_title;         // the notes sheet's heading and tab name ("Notes")
    std::vector<std::string> notes;  // paragraphs: the suppression rule, the markers, sources
};

struct BoardWorkbook {
    Date as_of;
    std::vector<std::string> schools;  // names, in row order
    std::vector<BoardMeasure> measures;
    BoardWorkbookText text;
    metrics::SuppressionSettings suppression;  // its markers, as on the site
    bool right_to_left = false;                // sheets laid out right to left (Arabic)
};

// Writes the workbook to `path` (replacing it). Throws std::invalid_argument when a table's rows
// do not match the schools, IoError when the file cannot be written.
void write_board_workbook(const BoardWorkbook& workbook, const std::filesystem::path& path);

}  // namespace homeroom::render
