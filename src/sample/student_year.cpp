#include "sample/student_year.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/vocabulary.h"
#include "sample/random.h"
#include "sample/text_pools.h"

namespace homeroom::sample {
namespace {

// Every random draw below is its own statement: argument evaluation order is unspecified.

enum Status : std::uint8_t { k_present, k_excused, k_unexcused, k_tardy, k_partial };

bool is_absent(std::uint8_t s) {
    return s == k_excused || s == k_unexcused;
}

std::size_t subject_index(std::string_view subject) {
    for (std::size_t i = 0; i < vocabulary::k_subjects.size(); ++i)
        if (vocabulary::k_subjects[i] == subject)
            return i;
    return vocabulary::k_subjects.size() - 1;
}

int round_to_int(double x) {
    return static_cast<int>(std::floor(x + 0.5));
}

std::string letter_for(int tenths) {
    static constexpr std::array<std::pair<int, const char*>, 12> k_cuts = {{{970, "A+"},
                                                                            {930, "A"},
                                                                            {900, "A-"},
                                                                            {870, "B+"},
                                                                            {830, "B"},
                                                                            {800, "B-"},
                                                                            {770, "C+"},
                                                                            {730, "C"},
                                                                            {700, "C-"},
                                                                            {670, "D+"},
                                                                            {630, "D"},
                                                                            {600, "D-"}}};
    for (const auto& [cut, letter] : k_cuts)
        if (tenths >= cut)
            return letter;
    return "F";
}

std::string fill_name(std::string_view text, const std::string& name) {
    std::string out(text);
    for (auto at = out.find("{first}"); at != std::string::npos; at = out.find("{first}"))
        out.replace(at, 7, name);
    return out;
}

struct Test {
    const char* name;
    const char* subject;
    std::size_t day;  // instructional day index
    int kind;         // 0 interim, 1 state (grades 3-8), 2 SAT
    int growth;       // later administrations score a little higher
};

struct Draft {
    std::size_t day;
    std::string type, description;
    std::vector<std::pair<std::string, double>> actions;
};

Draft draft_incident(Random& rng, std::size_t day) {
    static constexpr std::string_view k_types[] = {"disruption", "defiance",   "fighting",
                                                   "bullying",   "harassment", "other",
                                                   "substances", "weapons"};
    static constexpr double k_type_weights[] = {0.30, 0.25, 0.15, 0.08, 0.06, 0.10, 0.04, 0.02};
    Draft d;
    d.day = day;
    d.type = std::string(k_types[rng.weighted(k_type_weights)]);
    if (rng.chance(0.85))
        d.description = std::string(rng.pick(incident_descriptions(d.type)));
    const double r = rng.real();
    auto iss = [&] { return rng.chance(0.15) ? 0.5 : static_cast<double>(rng.between(1, 2)); };
    if (d.type == "disruption" || d.type == "defiance") {
        if (r < 0.15)
            d.actions.emplace_back("none", 0);
        else if (r < 0.70)
            d.actions.emplace_back("detention", 0);
        else if (r < 0.95)
            d.actions.emplace_back("in_school_suspension", iss());
        else
            d.actions.emplace_back("other", 0);
    } else if (d.type == "fighting") {
        if (r < 0.7)
            d.actions.emplace_back("out_of_school_suspension", rng.between(1, 3));
        else
            d.actions.emplace_back("in_school_suspension", iss());
    } else if (d.type == "bullying" || d.type == "harassment") {
        if (r < 0.3)
            d.actions.emplace_back("detention", 0);
        else if (r < 0.7)
            d.actions.emplace_back("in_school_suspension", iss());
        else
            d.actions.emplace_back("out_of_school_suspension", rng.between(1, 3));
    } else if (d.type == "weapons") {
        if (r < 0.8)
            d.actions.emplace_back("out_of_school_suspension", rng.between(5, 10));
        else
            d.actions.emplace_back("expulsion", 45);
    } else if (d.type == "substances") {
        if (r < 0.6)
            d.actions.emplace_back("out_of_school_suspension", rng.between(3, 5));
        else if (r < 0.9)
            d.actions.emplace_back("in_school_suspension", 2);
        else
            d.actions.emplace_back("other", 0);
    } else {
        if (r < 0.5)
            d.actions.emplace_back("detention", 0);
        else if (r < 0.8)
            d.actions.emplace_back("other", 0);
        else
            d.actions.emplace_back("none", 0);
    }
    // A restorative conference or parent meeting on top of the consequence.
    if (rng.chance(0.1))
        d.actions.emplace_back("other", 0);
    return d;
}

}  // namespace

YearSettings make_year_settings(const SchoolYear& year, Date as_of, std::uint64_t seed) {
    YearSettings s;
    s.year = &year;
    s.as_of = as_of;
    s.seed = seed;
    const auto& days = year.instructional_days();
    s.absence_day_weight.resize(days.size());
    for (std::size_t i = 0; i < days.size(); ++i) {
        const Date d = days[i];
        double w = d.weekday() == 0 || d.weekday() == 4 ? 1.2 : 0.9;
        const int month = d.month();
        if (month == 12 || month == 1 || month == 2)
            w *= 1.2;  // colds and flu
        if (month == 9)
            w *= 0.85;
        if (month == 6)
            w *= 1.15;
        // Days next to a break of a few days or more.
        const bool after_break = i > 0 && d - days[i - 1] > 3;
        const bool before_break = i + 1 < days.size() && days[i + 1] - d > 3;
        if (after_break || before_break)
            w *= 1.4;
        s.absence_day_weight[i] = w;
    }
    // Scaled to average 1, so a student's absence rate stays what their traits say.
    double sum = 0;
    for (const double w : s.absence_day_weight) sum += w;
    if (sum > 0)
        for (double& w : s.absence_day_weight) w *= static_cast<double>(days.size()) / sum;
    return s;
}

StudentYearSummary write_student_year(const YearSettings& settings,
                                      const StudentYearContext& context, RecordSink& sink) {
    const SchoolYear& year = *settings.year;
    const PopulationStudent& ps = *context.student;
    const Student& s = ps.record;
    const StudentTraits& t = ps.traits;
    const auto& days = year.instructional_days();
    const std::size_t n = days.size();
    const std::size_t begin = year.first_instructional_at_or_after(s.entry_date);
    const std::size_t end = s.exit_date ? year.first_instructional_at_or_after(*s.exit_date) : n;
    const std::size_t limit = year.first_instructional_at_or_after(settings.as_of.plus_days(1));
    const std::size_t shown_end = std::min(end, limit);
    Random rng = Random::stream(
        settings.seed, {streams::k_student_year, context.plan->index, context.student_index});

    // --- Attendance: a two-state chain whose long-run absence share is the student's rate.
    std::vector<std::uint8_t> status(n, k_present);
    std::vector<std::uint16_t> minutes(n, 0);
    const double r = t.absence_rate;
    const double q = t.absence_streak;
    const double p_base = r * (1.0 - q) / (1.0 - r);
    bool absent_yesterday = false;
    for (std::size_t d = begin; d < end; ++d) {
        const double fresh = p_base * settings.absence_day_weight[d];
        const double p = std::min(0.97, absent_yesterday ? std::max(q, fresh) : fresh);
        const double u = rng.real();
        if (u < p) {
            status[d] = rng.chance(t.excused_share) ? k_excused : k_unexcused;
            absent_yesterday = true;
            continue;
        }
        absent_yesterday = false;
        const double v = rng.real();
        if (v < t.tardy_rate) {
            status[d] = k_tardy;
            minutes[d] = static_cast<std::uint16_t>(rng.between(3, 45));
        } else if (v < t.tardy_rate + t.partial_rate) {
            status[d] = k_partial;
            minutes[d] = static_cast<std::uint16_t>(15 * rng.between(4, 20));
        }
    }
    StudentYearSummary summary;
    for (std::size_t d = begin; d < shown_end; ++d) {
        ++summary.days_enrolled;
        if (is_absent(status[d]))
            ++summary.days_absent;
        if (status[d] == k_present)
            continue;
        AttendanceRecord a;
        a.student_id = s.id;
        a.date = days[d];
        a.status = status[d] == k_excused     ? AttendanceStatus::excused
                   : status[d] == k_unexcused ? AttendanceStatus::unexcused
                   : status[d] == k_tardy     ? AttendanceStatus::tardy
                                              : AttendanceStatus::partial;
        a.minutes_missed = minutes[d];
        sink.put(a);
    }

    // --- Marks: each quarter's percent follows ability, the subject, and that quarter's
    // absences; the current quarter's mark is "so far".
    std::array<double, vocabulary::k_subjects.size()> aptitude{};
    for (auto& a : aptitude) a = rng.normal();
    const std::string& name = s.preferred_name.empty() ? s.first_name : s.preferred_name;
    const auto& bounds = year.period_bounds();
    const auto& periods = year.marking_periods();
    bool forced_done = context.forced_comment.empty();
    for (const ScheduledSection* section : context.sections) {
        const double subject_skill = aptitude[subject_index(section->section.subject)];
        for (std::size_t p = 0; p < periods.size(); ++p) {
            const double noise = rng.normal();
            const double comment_roll = rng.real();
            const std::size_t comment_pick = rng.index(mark_comments().size());
            const double incomplete_roll = rng.real();
            if (periods[p].start_date > settings.as_of)
                continue;
            const std::size_t lo = std::max(bounds[p], begin);
            const std::size_t hi = std::min({bounds[p + 1], end, limit});
            if (lo >= hi)
                continue;
            std::size_t absent = 0, late = 0;
            for (std::size_t d = lo; d < hi; ++d) {
                absent += is_absent(status[d]) ? 1 : 0;
                late += status[d] == k_tardy ? 1 : 0;
            }
            const double days_in = static_cast<double>(hi - lo);
            const double percent = 83.0 + 7.0 * t.ability + 3.0 * subject_skill + 2.5 * noise -
                                   55.0 * (static_cast<double>(absent) / days_in - 0.05) -
                                   15.0 * (static_cast<double>(late) / days_in);
            const int tenths = std::clamp(round_to_int(percent * 10.0), 350, 1000);
            Mark m;
            m.student_id = s.id;
            m.section_id = section->section.id;
            m.marking_period_id = periods[p].id;
            const bool current = settings.as_of < periods[p].end_date;
            if (current && incomplete_roll < 0.004) {
                m.letter = "I";
            } else if (section->pass_fail) {
                m.letter = tenths >= 600 ? "P" : "F";
            } else {
                m.letter = letter_for(tenths);
                m.percent = tenths / 10.0;
            }
            if (!forced_done) {
                m.comment = std::string(context.forced_comment);
                forced_done = true;
            } else if (comment_roll < 0.08) {
                m.comment = fill_name(mark_comments()[comment_pick], name);
            }
            sink.put(m);
        }
    }

    // --- Assessments: fall and winter interims (K-8), the state test in spring (3-8), the SAT
    // in grade 11. Someone absent on test day takes it on the next day they are in school.
    std::vector<Test> tests;
    const std::size_t fall =
        static_cast<std::size_t>(std::max(0, year.instructional_index(year.fall_interim_day())));
    const std::size_t winter =
        static_cast<std::size_t>(std::max(0, year.instructional_index(year.winter_interim_day())));
    const std::size_t spring =
        static_cast<std::size_t>(std::max(0, year.instructional_index(year.state_test_day())));
    const std::size_t offset = context.plan->index % 3;  // schools test on different days
    if (ps.grade <= 8) {
        tests.push_back({"NWEA MAP Growth", "ela", fall, 0, 0});
        tests.push_back({"NWEA MAP Growth", "math", fall + 1, 0, 0});
        tests.push_back({"NWEA MAP Growth", "ela", winter, 0, 1});
        tests.push_back({"NWEA MAP Growth", "math", winter + 1, 0, 1});
    }
    if (ps.grade >= 3 && ps.grade <= 8) {
        tests.push_back({"M-STEP", "ela", spring + offset, 1, 0});
        tests.push_back({"M-STEP", "math", spring + offset + 2, 1, 0});
    }
    if (ps.grade == 11) {
        tests.push_back({"SAT", "ela", spring + offset, 2, 0});
        tests.push_back({"SAT", "math", spring + offset, 2, 0});
    }
    for (const Test& test : tests) {
        const double noise = rng.normal();
        const bool opted_out = rng.chance(0.015);
        if (opted_out || test.day < begin || test.day >= end)
            continue;
        std::size_t day = test.day;
        while (day < end && day < test.day + 5 && is_absent(status[day])) ++day;
        if (day >= end || is_absent(status[day]) || day >= limit)
            continue;
        std::size_t absent = 0;
        for (std::size_t d = begin; d < day; ++d) absent += is_absent(status[d]) ? 1 : 0;
        const double absent_share =
            day > begin ? static_cast<double>(absent) / static_cast<double>(day - begin) : 0.0;
        const double latent = 0.8 * t.ability + 0.5 * noise +
                              0.3 * aptitude[subject_index(test.subject)] -
                              2.5 * (absent_share - 0.05) + 0.1 * test.growth;
        AssessmentResult a;
        a.student_id = s.id;
        a.test = test.name;
        a.subject = test.subject;
        a.date = days[day];
        a.performance_level = 1 + (latent >= -0.6) + (latent >= 0.25) + (latent >= 1.05);
        a.proficient = a.performance_level >= 3;
        if (test.kind == 0) {
            a.scale_score = 150 + 9 * ps.grade + round_to_int(13.0 * latent) + 4 * test.growth;
        } else if (test.kind == 1) {
            a.scale_score = std::clamp(1050 + 100 * ps.grade + round_to_int(22.0 * latent),
                                       1000 + 100 * ps.grade, 1100 + 100 * ps.grade);
        } else {
            a.scale_score = std::clamp(10 * round_to_int(50.0 + 9.5 * latent), 200, 800);
        }
        sink.put(a);
    }

    // --- Incidents and what the school did about them.
    std::vector<Draft> drafts;
    if (rng.chance(t.behavior_risk) && end > begin) {
        int count = 1;
        while (count < 6 && rng.chance(0.45)) ++count;
        for (int k = 0; k < count; ++k) {
            std::size_t day = begin + rng.index(end - begin);
            for (int retry = 0; retry < 4 && is_absent(status[day]); ++retry)
                day = begin + rng.index(end - begin);
            drafts.push_back(draft_incident(rng, day));
        }
    }
    std::stable_sort(drafts.begin(), drafts.end(),
                     [](const Draft& a, const Draft& b) { return a.day < b.day; });
    for (std::size_t k = 0; k < drafts.size(); ++k) {
        if (drafts[k].day >= limit)
            break;
        Incident incident;
        incident.id = "INC-" + s.id + "-" + std::to_string(k + 1);
        incident.student_id = s.id;
        incident.school_id = s.school_id;
        incident.date = days[drafts[k].day];
        incident.type = drafts[k].type;
        incident.description = drafts[k].description;
        sink.put(incident);
        for (const auto& [action, action_days] : drafts[k].actions) {
            DisciplineAction a;
            a.incident_id = incident.id;
            a.action = action;
            a.days = action_days;
            sink.put(a);
        }
    }
    return summary;
}

}  // namespace homeroom::sample
