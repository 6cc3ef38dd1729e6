#include "render/public_pages.h"

#include <stdlib.h>  // mkdtemp

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <sstream>

#include "core/errors.h"
#include "render/board_workbook.h"
#include "render/district_sort.h"
#include "render/district_summary.h"
#include "render/name_collation.h"
#include "render/public_charts.h"
#include "render/public_chrome.h"
#include "render/public_figure_text.h"
#include "render/public_figures.h"
#include "render/public_home.h"
#include "render/public_labels.h"
#include "render/public_paths.h"
#include "render/school_card.h"
#include "render/untrusted_text.h"

namespace homeroom::render {
namespace {

namespace fs = std::filesystem;
using metrics::Measure;
using metrics::MeasureId;

const MeasureId k_attendance{Measure::attendance_rate, {}};
const MeasureId k_chronic{Measure::chronic_absenteeism, {}};

// The snapshots of the trend, oldest first, ending with the as-of snapshot's full figures. The
// earlier ones publish only what the trend charts show.
std::vector<PublicFigures> publish_trend(const PublicSiteData& data, PublicFigures current,
                                         const metrics::SuppressionSettings& settings) {
    const std::vector<MeasureId> trend_measures = {k_attendance, k_chronic};
    std::vector<PublicFigures> trend;
    for (const TrendPoint& point : data.trend) {
        if (point.as_of >= data.as_of || (!trend.empty() && point.as_of <= trend.back().as_of))
            continue;  // the as-of snapshot comes from data.schools; out-of-order points are
                       // ignored
        // Schools line up with data.schools: one that did not exist yet counts no students.
        std::vector<metrics::GroupAggregates> schools(data.schools.size());
        for (std::size_t i = 0; i < schools.size() && i < point.schools.size(); ++i)
            schools[i] = point.schools[i];
        trend.push_back(publish_figures(point.as_of, schools, trend_measures, settings));
    }
    trend.push_back(std::move(current));
    return trend;
}

std::string render_page(const TemplateSet& templates, const std::string& name, mstch::map context,
                        const Localizer& l) {
    return templates.render(name, std::move(context), l);
}

// A temporary folder, removed with everything in it when it goes out of scope.
class TemporaryFolder {
  public:
    TemporaryFolder() {
        std::string pattern = (fs::temp_directory_path() / "homeroom-public-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr)
            throw IoError("cannot create a temporary folder in " +
                          fs::temp_directory_path().string());
        m_path = pattern;
    }
    ~TemporaryFolder() {
        std::error_code ignored;
        fs::remove_all(m_path, ignored);
    }
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;
    const fs::path& path() const { return m_path; }

  private:
    fs::path m_path;
};

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw IoError("cannot read " + path.string());
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

metrics::PublishedTable reordered(const metrics::PublishedTable& table,
                                  const std::vector<std::size_t>& order) {
    metrics::PublishedTable out;
    out.district = table.district;
    for (const std::size_t i : order) out.schools.push_back(table.schools.at(i));
    return out;
}

metrics::PublishedTable any_flag_table(const metrics::PublishedTable& no_flags) {
    metrics::PublishedTable out = no_flags;
    for (auto& row : out.schools)
        for (auto& cell : row) cell = any_flag_cell(cell);
    for (auto& cell : out.district) cell = any_flag_cell(cell);
    return out;
}

// The board workbook in one language: a sheet per measure, schools in the page's name order.
std::string board_workbook_bytes(const PublicSiteData& data, const PublicFigures& figures,
                                 const std::vector<std::size_t>& order, const Localizer& l,
                                 const metrics::SuppressionSettings& settings,
                                 const fs::path& folder) {
    BoardWorkbook book;
    book.as_of = data.as_of;
    book.suppression = settings;
    book.right_to_left = l.right_to_left();
    for (const std::size_t i : order) book.schools.push_back(data.schools[i].school.name);
    const auto add = [&](std::string title, const metrics::PublishedTable& table) {
        book.measures.push_back({std::move(title), reordered(table, order)});
    };
    add(l.text("Students enrolled"), figures.table({Measure::enrollment, {}}));
    add(l.text("Attendance rate"), figures.table(k_attendance));
    add(l.text("Chronic absenteeism"), figures.table(k_chronic));
    for (const auto& subject : figures.subjects())
        add(proficiency_label(subject, l), figures.table({Measure::proficiency, subject}));
    add(l.text("Suspension rate"), figures.table({Measure::suspension_rate, {}}));
    add(l.text("Any early-warning flag"), any_flag_table(figures.table({Measure::no_flags, {}})));
    add(l.text("Attendance flag"), figures.table({Measure::attendance_flag, {}}));
    add(l.text("Behavior flag"), figures.table({Measure::behavior_flag, {}}));
    add(l.text("Course performance flag"), figures.table({Measure::course_performance_flag, {}}));
    add(l.text("No early-warning flags"), figures.table({Measure::no_flags, {}}));
    add(l.text("One early-warning flag"), figures.table({Measure::one_flag, {}}));
    add(l.text("Two early-warning flags"), figures.table({Measure::two_flags, {}}));
    add(l.text("Three early-warning flags"), figures.table({Measure::three_flags, {}}));

    BoardWorkbookText& text = book.text;
    text.title = clean_untrusted_text(data.district_name) + " · " + l.text("District summary");
    text.as_of = l.text("Data as of") + " " + l.date(data.as_of, DateStyle::long_form);
    text.school = l.text("School");
    text.district = l.text("District");
    for (std::size_t g = 0; g < metrics::k_subgroup_count; ++g)
        text.subgroups[g] = subgroup_name(g, l);
    text.notes_title = l.text("Notes");
    const std::string minimum = l.number(settings.minimum_group_size);
    text.notes = {
        fill_placeholder(l.text("Figures about fewer than {{min_size}} students are hidden and "
                                "shown as {{marker}}. Some larger figures are hidden too, so that "
                                "a hidden figure cannot be worked out from the totals."),
                         "min_size", minimum),
        fill_placeholder(l.text("Rates close to 0% or 100% are shown as a range, such as "
                                "{{example}}."),
                         "example",
                         figure_text({metrics::DisplayValue::Kind::below,
                                      metrics::band_percent_for(settings.minimum_group_size,
                                                                settings.rate_bands)},
                                     l, settings)),
        l.text("Each measure is hidden in the same way on the web site and in this workbook."),
        fill_placeholder(l.text("{{marker}} means there are no students to count."), "marker",
                         settings.no_data_marker)};
    for (auto& note : text.notes)
        note = fill_placeholder(note, "marker", settings.suppressed_marker);

    const fs::path path = folder / (l.language() + ".xlsx");
    write_board_workbook(book, path);
    return read_file(path);
}

}  // namespace

std::vector<SitePage> render_public_pages(const PublicSiteData& data, const TemplateSet& templates,
                                          const LocalizerSet& localizers,
                                          const metrics::SuppressionSettings& suppression) {
    std::vector<metrics::GroupAggregates> aggregates;
    std::vector<std::string> ids;
    for (const auto& s : data.schools) {
        aggregates.push_back(s.aggregates);
        ids.push_back(s.school.id);
    }
    // Each measure suppressed once, over every school and the district: every page, chart and
    // sheet below takes its cells from these tables.
    const std::vector<MeasureId> measures = measures_of(aggregates);
    const std::vector<PublicFigures> trend = publish_trend(
        data, publish_figures(data.as_of, aggregates, measures, suppression), suppression);
    const PublicFigures& figures = trend.back();
    const std::vector<std::string> slugs = unique_school_slugs(ids);

    std::vector<SitePage> pages;
    TemporaryFolder scratch;
    for (const auto& lang : localizers.languages()) {
        const Localizer& l = localizers.get(lang);
        const NameCollator collator(lang);
        const NameCompare compare = [&collator](std::string_view a, std::string_view b) {
            return collator.compare(a, b);
        };
        std::vector<std::size_t> by_name(data.schools.size());
        std::iota(by_name.begin(), by_name.end(), std::size_t{0});
        std::stable_sort(by_name.begin(), by_name.end(), [&](std::size_t a, std::size_t b) {
            const int c = compare(data.schools[a].school.name, data.schools[b].school.name);
            return c != 0 ? c < 0 : data.schools[a].school.id < data.schools[b].school.id;
        });
        const auto chrome_for = [&](const std::string& file, PublicSection section,
                                    std::string title) {
            return public_chrome({file, section}, std::move(title), data.district_name, data.as_of,
                                 l, localizers);
        };

        // Home.
        std::vector<HomeSchool> listed;
        for (const std::size_t i : by_name)
            listed.push_back({data.schools[i].school.name, data.schools[i].school.level,
                              "schools/" + slugs[i] + ".html", i});
        pages.push_back({public_home_path(lang),
                         render_page(templates, "index",
                                     home_page_context({figures, listed},
                                                       chrome_for("index.html", PublicSection::home,
                                                                  l.text("School report cards")),
                                                       l, suppression),
                                     l)});

        // One report card per school.
        for (std::size_t i = 0; i < data.schools.size(); ++i) {
            const School& school = data.schools[i].school;
            const std::string file = "schools/" + slugs[i] + ".html";
            SchoolCardData card{school, i, trend, "../about.html", data.indicators};
            pages.push_back(
                {public_school_path(lang, slugs[i]),
                 render_page(
                     templates, "school",
                     school_card_context(card, chrome_for(file, PublicSection::school, school.name),
                                         l, suppression),
                     l)});
        }

        // The district summary, once per sort; its charts are the same on every copy.
        std::vector<DistrictSchool> district_schools;
        std::vector<std::string> names;
        for (std::size_t i = 0; i < data.schools.size(); ++i) {
            district_schools.push_back({data.schools[i].school.name, data.schools[i].school.id,
                                        "schools/" + slugs[i] + ".html"});
            names.push_back(data.schools[i].school.name);
        }
        mstch::array trend_charts, comparison_charts;
        if (trend.size() > 1) {
            const std::vector<TrendLine> district_line = {{l.text("District"), std::nullopt}};
            trend_charts.push_back(trend_chart_context(
                trend, k_attendance, district_line,
                {"trend-attendance", l.text("District attendance rate over time"),
                 l.text("The district's attendance rate at each date of the figures."),
                 l.text("Line chart of the district's attendance rate over time. The figures are "
                        "in the table below the chart."),
                 l.text("Date")},
                l, suppression));
            trend_charts.push_back(trend_chart_context(
                trend, k_chronic, district_line,
                {"trend-chronic", l.text("District chronic absenteeism over time"),
                 l.text("The share of the district's students who are chronically absent, at "
                        "each date of the figures."),
                 l.text("Line chart of the district's chronic absenteeism over time. The figures "
                        "are in the table below the chart."),
                 l.text("Date")},
                l, suppression));
        }
        if (!data.schools.empty())
            comparison_charts.push_back(comparison_chart_context(
                figures, k_chronic, names,
                {"compare-chronic", l.text("Chronic absenteeism by school"),
                 l.text("The share of each school's students who are chronically absent, highest "
                        "first, with the district's rate as a reference line."),
                 l.text("Bar chart of chronic absenteeism at each school, highest first, with the "
                        "district's rate as a reference line. The figures are in the table below "
                        "the chart."),
                 l.text("School"), 720},
                l, suppression));
        for (const DistrictSort sort : district_sorts()) {
            const std::string file = district_file_name(sort);
            DistrictSummaryData summary{
                figures,           district_schools,      sort,        compare, trend_charts,
                comparison_charts, "board-workbook.xlsx", "about.html"};
            pages.push_back(
                {public_district_path(lang, file),
                 render_page(templates, "district",
                             district_summary_context(summary,
                                                      chrome_for(file, PublicSection::district,
                                                                 l.text("District summary")),
                                                      l, suppression),
                             l)});
        }

        // About the data.
        pages.push_back(
            {public_about_path(lang),
             render_page(
                 templates, "about",
                 about_page_context(
                     data.indicators, suppression, data.as_of,
                     chrome_for("about.html", PublicSection::about, l.text("About the data")), l),
                 l)});

        pages.push_back(
            {public_district_path(lang, "board-workbook.xlsx"),
             board_workbook_bytes(data, figures, by_name, l, suppression, scratch.path())});
    }

    // The root: a language chooser, in the first (English) language's page frame.
    if (!localizers.languages().empty()) {
        const Localizer& first = localizers.get(localizers.languages().front());
        pages.push_back({std::string(k_language_chooser_path),
                         render_page(templates, "language_chooser",
                                     language_chooser_context(localizers, data.district_name,
                                                              data.as_of, first),
                                     first)});
    }
    return pages;
}

}  // namespace homeroom::render
