#include "site/site_builder.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "core/eligibility.h"
#include "core/errors.h"
#include "core/parallel_for.h"
#include "metrics/group_aggregates.h"
#include "metrics/school_calendar.h"
#include "metrics/student_changes.h"
#include "metrics/student_indicators.h"
#include "render/class_page.h"
#include "render/partner_page.h"
#include "render/pdf_document.h"
#include "render/print_pages.h"
#include "render/public_pages.h"
#include "render/student_chart.h"
#include "render/student_page.h"
#include "render/template_set.h"
#include "site/file_publisher.h"
#include "site/glyph_warnings.h"
#include "site/partner_extracts.h"
#include "site/print_batches.h"
#include "site/private_token.h"
#include "site/snapshot_index.h"
#include "site/student_pipeline.h"
#include "store/snapshot_reader.h"

namespace homeroom::site {
namespace {

std::string read_text_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in)
        throw IoError("cannot read " + p.string());
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct WorkerState {
    std::map<std::string, metrics::GroupAggregates> by_school;
    std::vector<std::pair<std::string, render::RosterRow>> roster_rows;  // (section, row)
    std::vector<PartnerDecision> partner_decisions;
    std::size_t students = 0, pages = 0;
};

std::string footer_line(const render::Localizer& l, Date as_of) {
    return l.text("Data as of") + " " + l.date(as_of, render::DateStyle::long_form) + " · Homeroom";
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Public pages that also go out as PDF: the report cards and the district summary.
bool printable_public_page(std::string_view path) {
    return ends_with(path, "/district.html") ||
           (path.find("/schools/") != std::string_view::npos && ends_with(path, ".html"));
}

}  // namespace

std::string print_batch_path(std::string_view secret, std::string_view school_id) {
    return "private/print/" + private_token(secret, "print-batch", school_id) + ".pdf";
}

std::string student_page_path(std::string_view secret, std::string_view student_id,
                              std::string_view lang) {
    return student_file_path(private_token(secret, "student", student_id), lang, "html");
}

std::string student_file_path(std::string_view token, std::string_view lang,
                              std::string_view extension) {
    std::string path = "private/students/";
    path += token.substr(0, 2);
    path += '/';
    path += token;
    path += '.';
    path += lang;
    path += '.';
    path += extension;
    return path;
}

std::string partner_page_path(std::string_view secret, std::string_view partner_id) {
    return "private/partners/" + private_token(secret, "partner", partner_id) + ".html";
}

SiteReport build_site(store::Database& db, const store::SnapshotInfo& snapshot,
                      const SiteOptions& options, const render::LocalizerSet& localizers) {
    if (options.secret.empty())
        throw UsageError("homeroom build: the site secret is empty");
    const render::TemplateSet templates(options.templates_dir);
    FilePublisher publisher(options.out_dir);
    const SnapshotTables tables = store::load_snapshot_tables(db, snapshot.id);
    const SnapshotIndex x = index_snapshot(tables, snapshot.as_of);
    PartnerExtracts partner_extracts(tables, x);
    const store::SnapshotRepository snapshots(db);
    const auto previous = snapshots.previous(snapshot.as_of);
    const unsigned threads = worker_count(options.threads);
    std::vector<WorkerState> state(threads);
    std::atomic<std::size_t> done{0};
    std::size_t total = static_cast<std::size_t>(snapshots.count_rows(snapshot.id, "students"));
    std::optional<render::PdfStyles> pdf_styles, public_pdf_styles;
    std::optional<PrintSpool> spool;
    std::atomic<std::size_t> student_pdfs{0};
    GlyphWarnings glyph_warnings(options.out_dir);
    if (options.pdf) {
        pdf_styles.emplace(options.templates_dir / "print");
        public_pdf_styles.emplace(
            options.templates_dir / "print",
            std::vector<std::string>{"master.css", "print.css", "public.css"});
        spool.emplace();
    }

    const auto seconds_since = [](std::chrono::steady_clock::time_point t) {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
    };
    const auto students_started = std::chrono::steady_clock::now();
    // Pass 1: every student — indicators, private pages, aggregates, roster rows.
    for_each_student(
        db, snapshot.id, previous ? std::optional(previous->id) : std::nullopt, threads,
        [&](StudentJob& job, unsigned w) {
            WorkerState& ws = state[w];
            const Student& student = job.now.student;
            const auto& calendar = x.calendar(student.school_id);
            const auto records = to_records(job.now, x);
            const auto ind =
                metrics::compute_student_indicators(records, calendar, x.as_of, options.indicators);
            std::optional<metrics::StudentChanges> changes;
            if (previous) {
                // A student new since the previous snapshot: everything they have now is new.
                const auto before_rows = job.before
                                             ? to_records(*job.before, x)
                                             : metrics::StudentRecords{student, {}, {}, {}, {}, {}};
                const auto before = metrics::compute_student_indicators(
                    before_rows, calendar, previous->as_of, options.indicators);
                changes = metrics::changes_between(before_rows, before, records, ind,
                                                   options.indicators.grade_scale);
            }
            metrics::add_student(ws.by_school[student.school_id], student, ind);
            if (partner_extracts.concerns(student))
                for (auto& d : partner_extracts.decide(job.now, records, ind))
                    ws.partner_decisions.push_back(std::move(d));
            ++ws.students;

            const School& school = x.schools.at(student.school_id);
            const auto languages = page_languages(job.now, x, localizers);
            const std::string token = private_token(options.secret, "student", student.id);
            for (const auto& lang : languages) {
                const auto& l = localizers.get(lang);
                const std::string chart = render::weekly_attendance_chart_uri(ind.weeks, l);
                render::PageChrome chrome;
                chrome.title =
                    l.text("Progress report") + ": " + render::student_display_name(student);
                chrome.css_href = "../../assets/site.css";
                chrome.district_name = options.district_name;
                chrome.as_of_line = footer_line(l, x.as_of);
                chrome.is_private = true;
                for (const auto& other : languages)
                    chrome.languages.push_back(render::Link{localizers.native_name(other),
                                                            token + "." + other + ".html", other,
                                                            other == lang});
                render::StudentPageData data{
                    job.now,
                    school,
                    ind,
                    changes ? &*changes : nullptr,
                    x.periods_begun,
                    x.section_info,
                    chart.empty() ? std::nullopt : std::optional<std::string>(chart)};
                auto context = render::student_page_context(data, chrome, l);
                if (options.pdf) {
                    auto print = context;
                    render::paginate_student_report(print, render::PrintOptions{options.paper, {}},
                                                    l);
                    const render::PdfMetadata meta{chrome.title, lang, x.as_of, options.paper};
                    std::vector<render::MissingGlyphs> missing;
                    const std::string path = student_file_path(token, lang, "pdf");
                    publisher.publish(
                        path, render::html_to_pdf(*pdf_styles,
                                                  templates.render("print/student", print, l), meta,
                                                  &missing));
                    glyph_warnings.add(path, missing, " (student " + student.id + ")");
                    ++student_pdfs;
                }
                publisher.publish(student_file_path(token, lang, "html"),
                                  templates.render("student", std::move(context), l));
                ++ws.pages;
            }

            // The print batch: one copy for each family reached only by mail, in its language.
            if (options.pdf) {
                const auto [first, last] = x.links.equal_range(student.id);
                for (auto it = first; it != last; ++it) {
                    const auto& link = it->second;
                    const auto contact = x.contacts.find(link.contact_id);
                    // The rights and restriction rules of the digests, and the 18+ rule: an
                    // eligible student's report goes to a parent only with the student's consent.
                    if (!link.educational_rights || link.no_contact ||
                        needs_student_consent(student, link, x.as_of) ||
                        contact == x.contacts.end() || !contact->second.email.empty() ||
                        contact->second.address.empty())
                        continue;
                    const Contact& c = contact->second;
                    const auto& l = localizers.get(c.preferred_language);
                    const std::string lang = l.language();
                    const std::string chart = render::weekly_attendance_chart_uri(ind.weeks, l);
                    render::PageChrome chrome;
                    chrome.title =
                        l.text("Progress report") + ": " + render::student_display_name(student);
                    chrome.district_name = options.district_name;
                    chrome.as_of_line = footer_line(l, x.as_of);
                    chrome.is_private = true;
                    render::StudentPageData data{
                        job.now,
                        school,
                        ind,
                        changes ? &*changes : nullptr,
                        x.periods_begun,
                        x.section_info,
                        chart.empty() ? std::nullopt : std::optional<std::string>(chart)};
                    auto print = render::student_page_context(data, chrome, l);
                    render::MailingAddress address;
                    address.return_lines = options.district_name + "\n" + school.name;
                    address.lines = {
                        c.first_name + " " + c.last_name, c.address,
                        c.city + (c.state.empty() ? "" : ", " + c.state) + " " + c.postal_code};
                    render::paginate_student_report(
                        print, render::PrintOptions{options.paper, address}, l);
                    spool->add(
                        BatchEntry{student.school_id, student.grade, student.homeroom,
                                   student.last_name, student.first_name, student.id, c.id, lang},
                        templates.render("print/student", print, l));
                }
            }

            // One roster row per section the student is enrolled in.
            // From private/classes/ to the English page under private/students/.
            const std::string page_href =
                "../" + student_file_path(token, "en", "html").substr(std::size("private/") - 1);
            for (const auto& enrollment : job.now.enrollments) {
                render::RosterRow row;
                row.student_name =
                    student.last_name + ", " +
                    (student.preferred_name.empty() ? student.first_name : student.preferred_name);
                row.last_name = student.last_name;
                row.first_name = student.first_name;
                row.grade = student.grade;
                row.page_href = page_href;
                row.attendance_rate = ind.attendance.counts.rate();
                row.absences = ind.attendance.counts.absences();
                row.chronically_absent = ind.chronically_absent;
                row.flag_attendance = ind.flags.attendance;
                row.flag_behavior = ind.flags.behavior;
                row.flag_course = ind.flags.course_performance;
                for (const auto& section : ind.courses.sections) {
                    if (section.section_id != enrollment.section_id)
                        continue;
                    const auto& m = section.latest().mark;
                    row.mark = m.letter.empty() && m.percent
                                   ? std::to_string(static_cast<int>(*m.percent)) + "%"
                                   : m.letter;
                    row.failing = section.failing;
                }
                ws.roster_rows.emplace_back(enrollment.section_id, std::move(row));
            }
            const std::size_t n = ++done;
            if (options.progress && (n % 1000 == 0 || n == total))
                options.progress("student pages", n, total);
        });

    SiteReport report;
    report.student_seconds = seconds_since(students_started);
    std::map<std::string, metrics::GroupAggregates> by_school;
    std::map<std::string, std::vector<render::RosterRow>, std::less<>> rosters;
    for (auto& ws : state) {
        for (auto& [school, agg] : ws.by_school) by_school[school] += agg;
        for (auto& [section, row] : ws.roster_rows) rosters[section].push_back(std::move(row));
        partner_extracts.add(std::move(ws.partner_decisions));
        report.students += ws.students;
        report.student_pages += ws.pages;
    }

    const auto classes_started = std::chrono::steady_clock::now();
    // Class pages, for teachers, in English; a section per thread at a time.
    const auto& english = localizers.get("en");
    std::vector<std::pair<const std::string, std::vector<render::RosterRow>>*> sections;
    for (auto& entry : rosters) sections.push_back(&entry);
    parallel_for(sections.size(), threads, [&](std::size_t i) {
        auto& [section_id, roster] = *sections[i];
        std::sort(roster.begin(), roster.end(), [](const auto& a, const auto& b) {
            return std::tie(a.last_name, a.first_name, a.page_href) <
                   std::tie(b.last_name, b.first_name, b.page_href);
        });
        const Section& section = x.sections.at(section_id);
        render::PageChrome chrome;
        chrome.title = section.course_title + " · " + english.text("Class roster");
        chrome.css_href = "../assets/site.css";
        chrome.district_name = options.district_name;
        chrome.as_of_line = footer_line(english, x.as_of);
        chrome.is_private = true;
        render::ClassPageData data{section, x.schools.at(section.school_id),
                                   x.section_info.at(section_id).teacher, x.as_of,
                                   std::move(roster)};
        publisher.publish(
            "private/classes/" + private_token(options.secret, "section", section_id) + ".html",
            templates.render("class", render::class_page_context(data, chrome, english), english));
    });
    report.class_pages = sections.size();
    report.class_seconds = seconds_since(classes_started);

    // Partner report cards, one per partner (English, for the staff who run the programs): the
    // agreement in force and its included students with only the fields it allows.
    for (const PartnerExtract& e : std::move(partner_extracts).collect()) {
        render::PageChrome chrome;
        chrome.title = e.partner.name + " · " + english.text("Partner report card");
        chrome.css_href = "../assets/site.css";
        chrome.district_name = options.district_name;
        chrome.as_of_line = footer_line(english, x.as_of);
        chrome.is_private = true;
        const render::PartnerPageData data{e.partner, e.in_force() ? &*e.agreement : nullptr,
                                           x.as_of, e.table};
        publisher.publish(
            partner_page_path(options.secret, e.partner.id),
            templates.render("partner", render::partner_page_context(data, chrome, english),
                             english));
        ++report.partner_pages;
    }

    // Trend: the same aggregates for earlier snapshots (newest few), oldest first.
    render::PublicSiteData pub;
    pub.as_of = x.as_of;
    pub.district_name = options.district_name;
    pub.indicators = options.indicators;
    for (const auto& [id, school] : x.schools)
        pub.schools.push_back(render::SchoolAggregate{school, by_school[id]});
    std::vector<store::SnapshotInfo> earlier;
    for (const auto& s : snapshots.list())
        if (s.as_of < snapshot.as_of)
            earlier.push_back(s);
    if (earlier.size() + 1 > static_cast<std::size_t>(std::max(1, options.trend_snapshots)))
        earlier.erase(earlier.begin(), earlier.end() - (std::max(1, options.trend_snapshots) - 1));
    for (const auto& s : earlier) {
        const SnapshotIndex ex = index_snapshot(store::load_snapshot_tables(db, s.id), s.as_of);
        std::vector<std::map<std::string, metrics::GroupAggregates>> partial(threads);
        for_each_student(db, s.id, std::nullopt, threads, [&](StudentJob& job, unsigned w) {
            const Student& student = job.now.student;
            if (!ex.calendars.count(student.school_id))
                return;
            const auto ind = metrics::compute_student_indicators(to_records(job.now, ex),
                                                                 ex.calendar(student.school_id),
                                                                 s.as_of, options.indicators);
            metrics::add_student(partial[w][student.school_id], student, ind);
        });
        render::TrendPoint point;
        point.as_of = s.as_of;
        std::map<std::string, metrics::GroupAggregates> merged;
        for (auto& p : partial)
            for (auto& [school, agg] : p) merged[school] += agg;
        for (const auto& sa : pub.schools) {
            point.schools.push_back(merged[sa.school.id]);
            point.district += merged[sa.school.id];
        }
        pub.trend.push_back(std::move(point));
    }
    render::TrendPoint now_point;
    now_point.as_of = x.as_of;
    for (const auto& sa : pub.schools) {
        now_point.schools.push_back(sa.aggregates);
        now_point.district += sa.aggregates;
    }
    pub.trend.push_back(std::move(now_point));

    const auto public_started = std::chrono::steady_clock::now();
    std::vector<render::SitePage> printable;
    for (auto& page :
         render::render_public_pages(pub, templates, localizers, options.suppression)) {
        publisher.publish(page.path, page.bytes);
        ++report.public_pages;
        if (options.pdf && printable_public_page(page.path))
            printable.push_back(std::move(page));
    }
    report.public_seconds = seconds_since(public_started);
    if (options.pdf) {
        // The same public pages as PDF, beside them: the print stylesheet hides the navigation.
        report.student_pdfs = student_pdfs;
        auto started = std::chrono::steady_clock::now();
        parallel_for(printable.size(), threads, [&](std::size_t i) {
            const auto& page = printable[i];
            const std::string lang = page.path.substr(7, page.path.find('/', 7) - 7);
            const render::PdfMetadata meta{options.district_name, lang, x.as_of, options.paper};
            std::vector<render::MissingGlyphs> missing;
            const std::string path = page.path.substr(0, page.path.size() - 5) + ".pdf";
            publisher.publish(path,
                              render::html_to_pdf(*public_pdf_styles, page.bytes, meta, &missing));
            glyph_warnings.add(path, missing, "");  // public: its path says all there is
        });
        report.public_pdfs = printable.size();
        report.public_pdf_seconds = seconds_since(started);
        started = std::chrono::steady_clock::now();

        // Print batches, one school per thread at a time.
        const auto batches = spool->schools();
        std::vector<const std::pair<const std::string, std::vector<BatchEntry>>*> order;
        for (const auto& b : batches) order.push_back(&b);
        std::atomic<std::size_t> reports{0};
        parallel_for(order.size(), threads, [&](std::size_t i) {
            const auto& [school_id, entries] = *order[i];
            const render::PdfMetadata meta{x.schools.at(school_id).name, "en", x.as_of,
                                           options.paper};
            render::PdfWriter writer(*pdf_styles, meta);
            for (const auto& entry : entries) {
                if (writer.pages() % 2 == 1)
                    writer.blank_page();  // every report starts on the front of a sheet
                const std::size_t seen = writer.missing_glyphs().size();
                writer.append(spool->html(entry));
                glyph_warnings.add(
                    print_batch_path(options.secret, school_id), writer.missing_glyphs(),
                    " (school " + school_id + ", student " + entry.student_id + ")", seen);
                ++reports;
            }
            publisher.publish(print_batch_path(options.secret, school_id), writer.finish());
        });
        report.print_batches = order.size();
        report.batch_reports = reports;
        report.batch_seconds = seconds_since(started);
    }

    // The stylesheet in both trees (a private host may not serve the public one), and robots.txt.
    const std::string css = read_text_file(options.templates_dir / "assets" / "site.css");
    publisher.publish("public/assets/site.css", css);
    publisher.publish("private/assets/site.css", css);
    publisher.publish("public/robots.txt", "User-agent: *\nAllow: /\n");
    publisher.publish("private/robots.txt", "User-agent: *\nDisallow: /\n");

    // Pages this build did not write are out of date: a student who left, a section or school
    // that closed, a partner whose agreement ended, a page of an older layout. They go, so that
    // nothing stale stays behind a link. PDFs only when this build wrote PDFs.
    for (const char* tree : {"public", "private"})
        report.files_removed += options.pdf
                                    ? publisher.remove_unpublished(tree, {".html", ".xlsx", ".pdf"})
                                    : publisher.remove_unpublished(tree, {".html", ".xlsx"});

    report.warnings = glyph_warnings.lines();
    report.files_written = publisher.written();
    report.files_unchanged = publisher.unchanged();
    return report;
}

}  // namespace homeroom::site
