#include "sample/sample_district.h"

#include "core/errors.h"
#include "sample/district_plan.h"
#include "sample/native_bundle_writer.h"
#include "sample/oneroster_bundle_writer.h"
#include "sample/partner_programs.h"
#include "sample/school_generator.h"
#include "sample/school_year.h"
#include "sample/student_year.h"

namespace homeroom::sample {
namespace {

constexpr int k_max_students = 10'000'000;
constexpr int k_max_schools = 10'000;

void check(const SampleOptions& o) {
    if (o.students < 1 || o.students > k_max_students)
        throw UsageError("sample data: the number of students must be between 1 and " +
                         std::to_string(k_max_students) + " (got " + std::to_string(o.students) +
                         ")");
    if (o.schools < 1 || o.schools > k_max_schools)
        throw UsageError("sample data: the number of schools must be between 1 and " +
                         std::to_string(k_max_schools) + " (got " + std::to_string(o.schools) +
                         ")");
    if (o.as_of.year() < 1950 || o.as_of.year() > 2200)
        throw UsageError("sample data: the as-of date " + o.as_of.to_string() +
                         " is too far from today for a school year");
}

}  // namespace

std::size_t SampleSummary::total_rows() const {
    std::size_t total = 0;
    for (const auto& [file, rows] : rows_per_file) total += rows;
    return total;
}

void generate_sample_district(const SampleOptions& options, RecordSink& sink,
                              const SampleProgress& progress) {
    check(options);
    const SchoolYear year = SchoolYear::containing(options.as_of);
    const YearSettings settings = make_year_settings(year, options.as_of, options.seed);
    const std::vector<SchoolPlan> plans =
        plan_district(options.students, options.schools, options.seed);
    const std::vector<PartnerSites> sites = partner_sites(plans);

    for (const auto& plan : plans) sink.put(plan.school);
    for (const auto& period : year.marking_periods()) sink.put(period);
    for (const auto& partner : sample_partners()) sink.put(partner);
    for (const auto& agreement : sample_agreements(year)) sink.put(agreement);

    IdCounters counters;
    if (progress)
        progress(0, plans.size());
    for (std::size_t i = 0; i < plans.size(); ++i) {
        generate_school(settings, plans[i], sites[i], counters, sink);
        if (progress)
            progress(i + 1, plans.size());
    }
}

SampleSummary write_sample_district(const SampleOptions& options,
                                    const std::filesystem::path& out_dir,
                                    const SampleProgress& progress) {
    check(options);
    if (options.format == SampleFormat::oneroster) {
        OneRosterBundleWriter writer(out_dir);
        generate_sample_district(options, writer, progress);
        writer.close();
        return SampleSummary{writer.rows_per_file()};
    }
    NativeBundleWriter writer(out_dir);
    generate_sample_district(options, writer, progress);
    writer.close();
    return SampleSummary{writer.rows_per_file()};
}

}  // namespace homeroom::sample
