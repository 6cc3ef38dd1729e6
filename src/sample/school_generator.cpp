#include "sample/school_generator.h"

#include "sample/class_schedule.h"
#include "sample/random.h"
#include "sample/text_pools.h"

namespace homeroom::sample {
namespace {

bool enrolled_by(const PopulationStudent& ps, Date as_of) {
    return ps.record.entry_date <= as_of;
}

// The student as the SIS shows them on the as-of date: a planned exit is not known yet.
Student as_of_record(const PopulationStudent& ps, Date as_of) {
    Student s = ps.record;
    if (s.exit_date && *s.exit_date > as_of)
        s.exit_date.reset();
    return s;
}

void put_links(const PopulationStudent& ps, const Family& family, bool eligible, RecordSink& sink) {
    for (std::size_t k = 0; k < family.contacts.size(); ++k) {
        const FamilyContact& fc = family.contacts[k];
        StudentContact link;
        link.student_id = ps.record.id;
        link.contact_id = fc.contact.id;
        link.relationship = fc.relationship;
        link.educational_rights = fc.educational_rights;
        link.lives_with = fc.lives_with;
        link.no_contact = fc.no_contact;
        if (eligible && k < ps.consent_to_family_contact.size())
            link.student_consent = ps.consent_to_family_contact[k];
        sink.put(link);
    }
    if (eligible && ps.self_contact) {
        StudentContact link;
        link.student_id = ps.record.id;
        link.contact_id = ps.self_contact->contact.id;
        link.relationship = "self";
        link.educational_rights = true;
        link.lives_with = ps.self_contact->lives_with;
        sink.put(link);
    }
}

LearnerProfile make_profile(Random& rng, const std::string& student_id) {
    // One draw per statement: argument evaluation order is unspecified.
    LearnerProfile p;
    p.student_id = student_id;
    p.strengths = std::string(rng.pick(profile_strengths()));
    const bool needs = rng.chance(0.85);
    const std::string_view need = rng.pick(profile_needs());
    const bool interests = rng.chance(0.8);
    const std::string_view interest = rng.pick(profile_interests());
    const bool goals = rng.chance(0.75);
    const std::string_view goal = rng.pick(profile_goals());
    if (needs)
        p.needs = std::string(need);
    if (interests)
        p.interests = std::string(interest);
    if (goals)
        p.goals = std::string(goal);
    return p;
}

}  // namespace

void generate_school(const YearSettings& settings, const SchoolPlan& plan,
                     const PartnerSites& sites, IdCounters& counters, RecordSink& sink) {
    const Date as_of = settings.as_of;
    const SchoolPopulation pop = generate_population(plan, *settings.year, settings.seed, counters);
    const SchoolSchedule schedule = build_schedule(plan, pop, settings.seed, counters);

    for (const auto& member : schedule.staff) sink.put(member);

    std::vector<bool> eligible(pop.students.size());
    for (std::size_t i = 0; i < pop.students.size(); ++i) {
        const PopulationStudent& ps = pop.students[i];
        if (!enrolled_by(ps, as_of))
            continue;
        eligible[i] = age_on(ps.record.birth_date, as_of) >= 18;
        sink.put(as_of_record(ps, as_of));
    }

    // Contacts of families with a child enrolled by now, each once however many children.
    for (const Family& family : pop.families) {
        bool any = false;
        for (const std::size_t child : family.children)
            any = any || enrolled_by(pop.students[child], as_of);
        if (!any)
            continue;
        for (const auto& fc : family.contacts) sink.put(fc.contact);
    }
    for (std::size_t i = 0; i < pop.students.size(); ++i)
        if (eligible[i] && pop.students[i].self_contact)
            sink.put(pop.students[i].self_contact->contact);
    for (std::size_t i = 0; i < pop.students.size(); ++i) {
        const PopulationStudent& ps = pop.students[i];
        if (enrolled_by(ps, as_of))
            put_links(ps, pop.families[ps.family], eligible[i], sink);
    }

    for (const SchoolDay& day : settings.year->days())
        sink.put(CalendarDay{plan.school.id, day.date, day.instructional});

    for (const auto& s : schedule.sections) sink.put(s.section);
    for (const auto& s : schedule.sections) {
        for (const std::size_t i : s.students) {
            const PopulationStudent& ps = pop.students[i];
            if (!enrolled_by(ps, as_of))
                continue;
            SectionEnrollment e;
            e.section_id = s.section.id;
            e.student_id = ps.record.id;
            e.entry_date = ps.record.entry_date;
            if (ps.record.exit_date && *ps.record.exit_date <= as_of)
                e.exit_date = ps.record.exit_date;
            sink.put(e);
        }
    }

    // The first two students of the district carry comments that attack whatever renders them.
    std::size_t hostile_left = plan.index == 0 ? hostile_comments().size() : 0;
    for (std::size_t i = 0; i < pop.students.size(); ++i) {
        const PopulationStudent& ps = pop.students[i];
        if (!enrolled_by(ps, as_of))
            continue;
        StudentYearContext context;
        context.plan = &plan;
        context.student_index = i;
        context.student = &ps;
        for (const std::size_t k : schedule.sections_of_student[i])
            context.sections.push_back(&schedule.sections[k]);
        if (hostile_left > 0 && !context.sections.empty())
            context.forced_comment = hostile_comments()[hostile_comments().size() - hostile_left--];
        write_student_year(settings, context, sink);
        write_partner_records(settings, plan, sites, i, ps, pop.families[ps.family], sink);
        if (ps.has_learner_profile) {
            Random rng = Random::stream(settings.seed, {streams::k_profile, plan.index, i});
            sink.put(make_profile(rng, ps.record.id));
        }
    }
}

}  // namespace homeroom::sample
