// Times `homeroom build --pdf` on a generated district — by default 50,000 students in 100
// schools with a full year — and prints student PDFs/s, the cores used and peak memory.
//
//   build/bench/pdf_bench [--students N] [--schools M] [--threads T] [--dir DIR] [--paper a4]
//
// Target (issue "PDF progress reports and report cards"): at least 150 student PDFs/s on this
// 2-core machine (the district in under 6 minutes) with peak memory under 500 MB. The figure is
// for the whole build: the HTML site, every student PDF (one per page language), the public
// report cards and district summary, and the print batches are all inside the time.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "app/import_bundle.h"
#include "bench_district.h"
#include "child_process.h"
#include "fresh_output.h"
#include "render/pdf_document.h"
#include "sample/sample_district.h"
#include "site/site_builder.h"
#include "store/database.h"
#include "store/snapshot_repository.h"

namespace fs = std::filesystem;
using namespace homeroom;

using bench::seconds_since;

int main(int argc, char** argv) {
    sample::SampleOptions options;
    options.students = 50000;
    options.schools = 100;
    unsigned threads = 0;
    std::string paper = "letter";
    fs::path dir = "output/bench/pdf";
    for (int i = 1; i < argc; ++i) {
        const bool has_value = i + 1 < argc;
        if (!std::strcmp(argv[i], "--students") && has_value)
            options.students = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--schools") && has_value)
            options.schools = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--threads") && has_value)
            threads = static_cast<unsigned>(std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--dir") && has_value)
            dir = argv[++i];
        else if (!std::strcmp(argv[i], "--paper") && has_value)
            paper = argv[++i];
    }
    if (options.students < options.schools)
        options.schools = std::max(1, options.students / 50);
    const fs::path db_path = dir / "bench.db", out = dir / "site";

    if (bench::prepare_district("pdf_bench", options, dir, false).empty())
        return 1;

    bench::FreshOutput fresh(out);
    store::Database db(db_path);
    site::SiteOptions site_options;
    site_options.out_dir = out;
    site_options.threads = threads;
    site_options.pdf = true;
    site_options.paper = render::parse_paper(paper);
    const auto build = bench::timed_build(db, site_options);
    const auto& report = build.report;
    const double seconds = build.seconds, cpu = build.cpu(), peak_mb = build.peak_mb;
    const double rate = static_cast<double>(report.student_pdfs) / seconds;
    std::printf(
        "homeroom build --pdf: %zu student PDFs (%zu students), %zu report card and "
        "summary PDFs, %zu print batches holding %zu reports, and %zu HTML pages in "
        "%.1f s\n",
        report.student_pdfs, report.students, report.public_pdfs, report.print_batches,
        report.batch_reports, report.student_pages + report.class_pages + report.public_pages,
        seconds);
    std::printf(
        "%.0f student PDFs/s (%.0f/s counting the batch reports); cpu %.1f s (%.2f "
        "cores used); peak memory %.0f MB\n",
        rate, static_cast<double>(report.student_pdfs + report.batch_reports) / seconds, cpu,
        cpu / seconds, peak_mb);
    std::printf(
        "stages: students (HTML pages, student PDFs, batch spooling) %.1f s = %.0f "
        "student PDFs/s; public PDFs %.1f s; print batches %.1f s = %.0f reports/s\n",
        report.student_seconds, static_cast<double>(report.student_pdfs) / report.student_seconds,
        report.public_pdf_seconds, report.batch_seconds,
        static_cast<double>(report.batch_reports) / std::max(0.001, report.batch_seconds));
    fresh.delete_previous();
    std::printf("target: >= 150 student PDFs/s and < 500 MB: %s\n",
                rate >= 150 && peak_mb < 500 ? "met" : "NOT met");
    return 0;
}
