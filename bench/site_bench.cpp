// Times `homeroom build` (the HTML stage) on a generated district — by default 50,000 students in
// 100 schools with a full year — and prints pages/s and peak memory. With --hugo, also renders
// comparable per-student pages with Hugo (Debian's `hugo`) from the same data and prints the ratio.
//
//   build/bench/site_bench [--students N] [--schools M] [--threads T] [--dir DIR] [--reuse]
//   [--out SITE_DIR] [--hugo]
//
// Target (issue "Progress reports and report cards"): all student pages plus school, class and
// district pages in under 8 s with peak memory under 500 MB, using both cores.
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "app/import_bundle.h"
#include "bench_district.h"
#include "child_process.h"
#include "fresh_output.h"
#include "sample/sample_district.h"
#include "site/private_token.h"
#include "site/site_builder.h"
#include "store/database.h"
#include "store/snapshot_reader.h"
#include "store/snapshot_repository.h"

namespace fs = std::filesystem;
using namespace homeroom;

using bench::seconds_since;

namespace {

// Hugo input from the same data: one content file per student with its figures in front matter,
// and a single layout of comparable size.
std::size_t write_hugo_site(store::Database& db, const store::SnapshotInfo& snapshot,
                            const fs::path& dir) {
    fs::remove_all(dir);
    fs::create_directories(dir / "content" / "students");
    fs::create_directories(dir / "layouts" / "_default");
    std::ofstream(dir / "config.toml") << "baseURL = 'http://localhost/'\ntitle = 'Bench'\n"
                                          "disableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']\n";
    std::ofstream(dir / "layouts" / "_default" / "single.html")
        << "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}"
           "</title></head><body><h1>{{ .Title }}</h1><p>{{ .Params.school }} · Grade "
           "{{ .Params.grade }}</p><p>Absences: {{ .Params.absences }}</p><table><thead><tr>"
           "<th>Date</th><th>Status</th></tr></thead><tbody>{{ range .Params.attendance }}<tr><td>"
           "{{ .date }}</td><td>{{ .status }}</td></tr>{{ end }}</tbody></table><table><tbody>"
           "{{ range .Params.marks }}<tr><td>{{ .section }}</td><td>{{ .period }}</td><td>"
           "{{ .letter }}</td></tr>{{ end }}</tbody></table></body></html>\n";
    std::ofstream(dir / "layouts" / "_default" / "list.html") << "<html></html>\n";
    store::StudentStream stream(db, snapshot.id);
    StudentRows rows;
    std::size_t n = 0;
    while (stream.next(rows)) {
        std::ofstream out(dir / "content" / "students" /
                          (site::private_token("bench", "student", rows.student.id) + ".md"));
        out << "---\ntitle: \"" << rows.student.first_name << " " << rows.student.last_name
            << "\"\nschool: \"" << rows.student.school_id << "\"\ngrade: \"" << rows.student.grade
            << "\"\nabsences: " << rows.attendance.size() << "\nattendance:\n";
        for (const auto& a : rows.attendance)
            out << "  - date: " << a.date.to_string()
                << "\n    status: " << static_cast<int>(a.status) << "\n";
        out << "marks:\n";
        for (const auto& m : rows.marks)
            out << "  - section: " << m.section_id << "\n    period: " << m.marking_period_id
                << "\n    letter: \"" << m.letter << "\"\n";
        out << "---\n";
        ++n;
    }
    return n;
}

}  // namespace

int main(int argc, char** argv) {
    sample::SampleOptions options;
    options.students = 50000;
    options.schools = 100;
    unsigned threads = 0;
    bool hugo = false;
    bool reuse = false;  // keep the district of an earlier run in --dir (profiling the build alone)
    fs::path dir = "output/bench/site";
    fs::path out_arg;  // where the site goes: DIR/site unless given
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
        else if (!std::strcmp(argv[i], "--out") && has_value)
            out_arg = argv[++i];
        else if (!std::strcmp(argv[i], "--hugo"))
            hugo = true;
        else if (!std::strcmp(argv[i], "--reuse"))
            reuse = true;
    }
    const fs::path db_path = dir / "bench.db", out = out_arg.empty() ? dir / "site" : out_arg;

    if (bench::prepare_district("site_bench", options, dir, reuse).empty())
        return 1;

    bench::FreshOutput fresh(out);
    store::Database db(db_path);
    site::SiteOptions site_options;
    site_options.out_dir = out;
    site_options.threads = threads;
    const auto build = bench::timed_build(db, site_options);
    const auto& report = build.report;
    const double seconds = build.seconds, user = build.user, sys = build.system, cpu = build.cpu(),
                 peak_mb = build.peak_mb;
    const std::size_t pages = report.student_pages + report.class_pages + report.public_pages;
    std::printf(
        "homeroom build: %zu student pages (%zu students), %zu class pages, %zu public "
        "files in %.2f s = %.0f pages/s; cpu %.1f s (%.2f cores); peak memory %.0f MB\n",
        report.student_pages, report.students, report.class_pages, report.public_pages, seconds,
        static_cast<double>(pages) / seconds, cpu, cpu / seconds, peak_mb);
    std::printf(
        "stages: students %.2f s, class pages %.2f s, public pages %.2f s, the rest %.2f s; "
        "cpu user %.1f s, system %.1f s\n",
        report.student_seconds, report.class_seconds, report.public_seconds,
        seconds - report.student_seconds - report.class_seconds - report.public_seconds, user, sys);
    fresh.delete_previous();
    std::printf("target: < 8 s and < 500 MB: %s\n",
                seconds < 8 && peak_mb < 500 ? "met" : "NOT met");

    if (hugo) {
        if (!fs::exists("/usr/bin/hugo")) {
            std::printf("hugo: not installed (apt-get install hugo)\n");
            return 0;
        }
        const fs::path hugo_dir = dir / "hugo";
        const std::size_t n =
            write_hugo_site(db, *store::SnapshotRepository(db).latest(), hugo_dir);
        const auto hugo_start = std::chrono::steady_clock::now();
        const pid_t pid = fork();
        if (pid == 0) {
            execl("/usr/bin/hugo", "hugo", "--quiet", "-s", hugo_dir.c_str(), "-d",
                  (hugo_dir / "public").c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        int status = 0;
        rusage child{};
        wait4(pid, &status, 0, &child);
        const double hugo_seconds = seconds_since(hugo_start);
        std::printf("hugo: %zu student pages in %.2f s = %.0f pages/s; peak memory %.0f MB%s\n", n,
                    hugo_seconds, static_cast<double>(n) / hugo_seconds,
                    static_cast<double>(child.ru_maxrss) / 1024.0,
                    WIFEXITED(status) && WEXITSTATUS(status) == 0 ? "" : " (hugo failed)");
        std::printf("ratio: homeroom is %.1fx faster than hugo on the student pages\n",
                    hugo_seconds / seconds);
    }
    return 0;
}
