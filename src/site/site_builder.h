// `homeroom build`: one snapshot → the static site. Streams the students once (indicators,
// private progress pages on every core, aggregates and class rosters on the way), then writes
// the class pages and the public side (report cards, district summary, about, home).
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "metrics/indicator_settings.h"
#include "metrics/suppression.h"
#include "render/localizer.h"
#include "render/pdf_document.h"
#include "store/database.h"
#include "store/snapshot_repository.h"

namespace homeroom::site {

struct SiteOptions {
    std::filesystem::path out_dir = "output/site";
    std::filesystem::path templates_dir = "templates";
    std::string secret;  // keys the private page tokens; never empty
    std::string district_name = "Sample Public Schools";
    unsigned threads = 0;     // 0: one per core
    int trend_snapshots = 8;  // how many snapshots the trend charts show at most
    metrics::IndicatorSettings indicators;
    metrics::SuppressionSettings suppression;
    // PDFs too (docs/pdf.md): each private page's report as <lang>.pdf beside it, each public
    // report card and the district summary as .pdf, and one print batch per school.
    bool pdf = false;
    render::Paper paper = render::Paper::letter;
    // (stage, done, total) now and then.
    std::function<void(const std::string&, std::size_t, std::size_t)> progress;
};

struct SiteReport {
    std::size_t students = 0;
    std::size_t student_pages = 0;
    std::size_t class_pages = 0;
    std::size_t partner_pages = 0;
    std::size_t public_pages = 0;
    std::size_t files_written = 0;
    std::size_t files_unchanged = 0;
    std::size_t files_removed = 0;  // pages of an earlier build that this one did not write
    std::size_t student_pdfs = 0;
    std::size_t public_pdfs = 0;
    std::size_t print_batches = 0;
    std::size_t batch_reports = 0;  // reports in the print batches
    // Wall-clock seconds of the stages: every student (HTML pages and PDFs, indicators), the
    // class pages, the public pages (HTML), the public PDFs, the print batches.
    double student_seconds = 0, class_seconds = 0, public_seconds = 0, public_pdf_seconds = 0,
           batch_seconds = 0;
    // A character that no installed font can draw (it prints as a box), once per PDF page and
    // code point, in file and page order: "FILE: page N (student ID): U+674E ...". A public PDF
    // is named by its path only; a student's PDF by its student id, never the name.
    std::vector<std::string> warnings;
};

SiteReport build_site(store::Database& db, const store::SnapshotInfo& snapshot,
                      const SiteOptions& options, const render::LocalizerSet& localizers);

// Where a school's print batch lives (private: it names students and their families).
std::string print_batch_path(std::string_view secret, std::string_view school_id);

// Where the private progress page of a student lives, relative to the site folder.
std::string student_page_path(std::string_view secret, std::string_view student_id,
                              std::string_view lang);

// A student's page or PDF by the student's token:
// private/students/<the token's first two characters>/<token>.<lang>.<extension>. Not a folder
// per student: making 50,000 folders was a quarter of a first build's time, and 1,024 folders of
// about 50 files each are as easy on the file system and on tools that list folders.
std::string student_file_path(std::string_view token, std::string_view lang,
                              std::string_view extension);

// Where a partner's private report card page lives, relative to the site folder.
std::string partner_page_path(std::string_view secret, std::string_view partner_id);

}  // namespace homeroom::site
