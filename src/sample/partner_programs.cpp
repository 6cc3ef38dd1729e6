#include "sample/partner_programs.h"

#include <algorithm>

#include "sample/random.h"

namespace homeroom::sample {
namespace {

constexpr const char* k_after_school = "eastside-youth-club";
constexpr const char* k_mentoring = "bridges-mentoring";

// All draws for one partner are made whether or not they are used, so the stream stays
// aligned however the as-of date cuts the year. One draw per statement (argument evaluation
// order is unspecified).
struct ProgramDraws {
    double join = 0, delayed = 0, leaves = 0, consent = 0, granted = 0, withdraws = 0;
    int delay_days = 0, stay_days = 0, consent_lag = 0, withdraw_after = 0;

    explicit ProgramDraws(Random& rng) {
        join = rng.real();
        delayed = rng.real();
        delay_days = rng.between(0, 100);
        leaves = rng.real();
        stay_days = rng.between(30, 150);
        consent = rng.real();
        granted = rng.real();
        consent_lag = rng.between(0, 14);
        withdraws = rng.real();
        withdraw_after = rng.between(30, 90);
    }
};

void write_program(const YearSettings& settings, const char* partner_id, const ProgramDraws& d,
                   const PopulationStudent& ps, const Family& family, RecordSink& sink) {
    const Student& s = ps.record;
    const SchoolYear& year = *settings.year;
    Date start = std::max(year.program_start_day(), s.entry_date.plus_days(7));
    if (d.delayed < 0.3)
        start = start.plus_days(d.delay_days);
    std::optional<Date> end;
    if (d.leaves < 0.12)
        end = start.plus_days(d.stay_days);
    if (s.exit_date) {
        if (*s.exit_date < start)
            return;
        if (!end || *end > *s.exit_date)
            end = s.exit_date;
    }
    if (start > settings.as_of)
        return;
    PartnerRosterEntry r;
    r.partner_id = partner_id;
    r.student_id = s.id;
    r.start_date = start;
    if (end && *end <= settings.as_of)
        r.end_date = end;
    sink.put(r);

    if (d.consent >= 0.75)
        return;  // not every family has returned the form
    PartnerConsent c;
    c.student_id = s.id;
    c.partner_id = partner_id;
    c.granted = d.granted < 0.82;
    c.date = start.plus_days(-d.consent_lag);
    const Date eighteenth = Date::from_ymd(
        s.birth_date.year() + 18, s.birth_date.month(),
        s.birth_date.month() == 2 && s.birth_date.day() == 29 ? 28 : s.birth_date.day());
    if (age_on(s.birth_date, settings.as_of) >= 18) {
        c.date = std::max(c.date, eighteenth);  // the eligible student's own consent
    } else {
        const auto guardian =
            std::find_if(family.contacts.begin(), family.contacts.end(),
                         [](const auto& fc) { return fc.educational_rights && !fc.no_contact; });
        if (guardian == family.contacts.end())
            return;
        c.contact_id = guardian->contact.id;
    }
    sink.put(c);
    const Date withdrawn = c.date.plus_days(d.withdraw_after);
    if (c.granted && d.withdraws < 0.04 && withdrawn <= settings.as_of) {
        c.granted = false;
        c.date = withdrawn;
        sink.put(c);
    }
}

}  // namespace

std::vector<Partner> sample_partners() {
    return {{k_after_school, "Eastside Youth Arts & Homework Club", "after-school program",
             "programs@example.org"},
            {k_mentoring, "Bridges Mentoring Alliance", "mentoring nonprofit", "info@example.net"}};
}

std::vector<Agreement> sample_agreements(const SchoolYear& year) {
    const int y = year.start_year();
    Agreement after_school;
    after_school.id = "AGR-" + std::to_string(y) + "-01";
    after_school.partner_id = k_after_school;
    after_school.purpose = "After-school homework help and attendance follow-up";
    after_school.fields = {
        "name", "grade", "school", "attendance_rate", "absences_by_week", "chronic_absence",
        "marks"};
    after_school.start_date = Date::from_ymd(y, 7, 1);
    after_school.end_date = Date::from_ymd(y + 1, 6, 30);
    // A one-semester pilot: it lapses mid-year while the mentoring itself goes on.
    Agreement mentoring;
    mentoring.id = "AGR-" + std::to_string(y) + "-02";
    mentoring.partner_id = k_mentoring;
    mentoring.purpose = "Mentor matching and early-warning follow-up (fall semester pilot)";
    mentoring.fields = {
        "name",      "grade",          "school", "chronic_absence", "early_warning_flags",
        "incidents", "learner_profile"};
    mentoring.start_date = Date::from_ymd(y, 8, 1);
    mentoring.end_date = Date::from_ymd(y + 1, 1, 31);
    return {after_school, mentoring};
}

std::vector<PartnerSites> partner_sites(const std::vector<SchoolPlan>& plans) {
    std::vector<PartnerSites> sites(plans.size());
    std::size_t younger = 0, older = 0;
    for (std::size_t i = 0; i < plans.size(); ++i) {
        if (plans[i].low_grade <= 8)
            sites[i].after_school = younger++ % 2 == 0;
        if (plans[i].high_grade >= 6)
            sites[i].mentoring = older++ % 2 == 0;
    }
    return sites;
}

void write_partner_records(const YearSettings& settings, const SchoolPlan& plan,
                           const PartnerSites& sites, std::size_t student_index,
                           const PopulationStudent& ps, const Family& family, RecordSink& sink) {
    Random rng = Random::stream(settings.seed, {streams::k_partner, plan.index, student_index});
    const ProgramDraws after_school(rng);
    const ProgramDraws mentoring(rng);
    if (sites.after_school && ps.grade <= 8 && after_school.join < 0.12)
        write_program(settings, k_after_school, after_school, ps, family, sink);
    const double mentoring_rate = 0.04 + (ps.traits.absence_rate >= 0.1 ? 0.2 : 0.0) +
                                  (ps.traits.ability < -1.0 ? 0.08 : 0.0);
    if (sites.mentoring && ps.grade >= 6 && mentoring.join < mentoring_rate)
        write_program(settings, k_mentoring, mentoring, ps, family, sink);
}

}  // namespace homeroom::sample
