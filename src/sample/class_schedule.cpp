#include "sample/class_schedule.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>

#include "sample/ascii_fold.h"
#include "sample/course_catalog.h"
#include "sample/name_pools.h"
#include "sample/random.h"

namespace homeroom::sample {
namespace {

constexpr std::size_t k_max_section_size = 28;

// Every random draw below is its own statement: argument evaluation order is unspecified.
class StaffRoster {
  public:
    StaffRoster(Random& rng, IdCounters& ids, const std::string& school_id)
        : m_rng(rng), m_ids(ids), m_school_id(school_id) {}

    const StaffMember& hire(const char* role) {
        StaffMember s;
        const std::uint64_t number = m_ids.next_staff++;
        char id[24];
        std::snprintf(id, sizeof id, "E%05llu", static_cast<unsigned long long>(number));
        s.id = id;
        s.school_id = m_school_id;
        // Teachers are more often European- or African-American than their students.
        static const std::vector<double> weights = [] {
            std::vector<double> w;
            for (const auto& h : heritages())
                w.push_back(h.share * (h.key == "european" ? 3.5 : 1.0));
            return w;
        }();
        const HeritageNames& h = heritages()[m_rng.weighted(weights)];
        const bool female = m_rng.chance(0.72);
        s.first_name = std::string(m_rng.pick(female ? h.female : h.male));
        s.last_name = std::string(m_rng.pick(h.family));
        std::string local = ascii_fold_lower(s.first_name);
        const std::string last = ascii_fold_lower(s.last_name);
        if (!last.empty())
            local += (local.empty() ? "" : ".") + last;
        s.email = local + std::to_string(number) + "@example.org";
        s.role = role;
        m_staff.push_back(std::move(s));
        return m_staff.back();
    }

    std::vector<StaffMember> take() { return std::move(m_staff); }

  private:
    Random& m_rng;
    IdCounters& m_ids;
    const std::string& m_school_id;
    std::vector<StaffMember> m_staff;
};

// Hands out sections to teachers of a subject, hiring when everyone's load is full.
class Department {
  public:
    Department(StaffRoster& roster, std::size_t max_load) : m_roster(roster), m_max(max_load) {}
    std::string next_teacher() {
        if (m_current.empty() || m_load == m_max) {
            m_current = m_roster.hire("teacher").id;
            m_load = 0;
        }
        ++m_load;
        return m_current;
    }

  private:
    StaffRoster& m_roster;
    std::size_t m_max;
    std::string m_current;
    std::size_t m_load = 0;
};

std::string section_id(const std::string& school, const std::string& code, std::size_t n) {
    char number[32];
    std::snprintf(number, sizeof number, "%02zu", n);
    return school + "-" + code + "-" + number;
}

}  // namespace

SchoolSchedule build_schedule(const SchoolPlan& plan, const SchoolPopulation& population,
                              std::uint64_t seed, IdCounters& counters) {
    SchoolSchedule out;
    const std::string& school_id = plan.school.id;
    Random staff_rng = Random::stream(seed, {streams::k_staff, plan.index});
    Random rng = Random::stream(seed, {streams::k_schedule, plan.index});
    StaffRoster roster(staff_rng, counters, school_id);

    const int students = plan.student_count();
    roster.hire("principal");
    if (students >= 450)
        roster.hire("assistant_principal");
    if (students >= 1200)
        roster.hire("assistant_principal");
    if (students >= 150) {
        const int counselors = std::max(1, students / 400);
        for (int i = 0; i < counselors; ++i) roster.hire("counselor");
    }
    if (students >= 600)
        roster.hire("other");  // social worker / attendance agent

    const auto& pupils = population.students;
    out.sections_of_student.resize(pupils.size());
    auto add_section = [&](const Course& course, std::size_t number, std::string teacher,
                           bool pass_fail, std::vector<std::size_t> members) {
        ScheduledSection s;
        s.section.id = section_id(school_id, course.code, number);
        s.section.school_id = school_id;
        s.section.course_code = course.code;
        s.section.course_title = course.title;
        s.section.subject = course.subject;
        s.section.staff_id = std::move(teacher);
        s.pass_fail = pass_fail;
        s.students = std::move(members);
        for (const std::size_t i : s.students)
            out.sections_of_student[i].push_back(out.sections.size());
        out.sections.push_back(std::move(s));
    };

    // Elementary grades: each homeroom class takes every subject together; its homeroom teacher
    // teaches the core subjects, specialists teach art and PE to many classes.
    Department art(roster, 25), pe(roster, 25);
    for (int grade = 0; grade <= 5; ++grade) {
        std::vector<std::vector<std::size_t>> classes;
        for (std::size_t i = 0; i < pupils.size(); ++i) {
            if (pupils[i].grade != grade)
                continue;
            const auto k = static_cast<std::size_t>(pupils[i].homeroom_class);
            if (classes.size() <= k)
                classes.resize(k + 1);
            classes[k].push_back(i);
        }
        const GradeProgram program = program_for_grade(grade);
        for (std::size_t k = 0; k < classes.size(); ++k) {
            if (classes[k].empty())
                continue;
            const std::string homeroom_teacher = roster.hire("teacher").id;
            for (const auto& slot : program.core) {
                const Course& course = slot.front().course;
                const bool special =
                    course.subject == "arts" || course.subject == "physical_education";
                std::string teacher = !special                   ? homeroom_teacher
                                      : course.subject == "arts" ? art.next_teacher()
                                                                 : pe.next_teacher();
                add_section(course, k + 1, std::move(teacher), special && grade <= 2, classes[k]);
            }
        }
    }

    // Middle and high school: each student's own courses, then sections per course.
    std::map<std::string, std::pair<Course, std::vector<std::size_t>>> by_course;
    for (std::size_t i = 0; i < pupils.size(); ++i) {
        if (pupils[i].grade <= 5)
            continue;
        Random student_rng = Random::stream(seed, {streams::k_schedule, plan.index, i + 1});
        const GradeProgram program = program_for_grade(pupils[i].grade);
        for (const auto& slot : program.core) {
            const double readiness = pupils[i].traits.ability + 0.3 * student_rng.normal();
            const CourseOption* chosen = &slot.front();
            for (const auto& option : slot)
                if (option.min_ability <= readiness)
                    chosen = &option;
            auto& entry = by_course[chosen->course.code];
            entry.first = chosen->course;
            entry.second.push_back(i);
        }
        const double r = student_rng.real();
        const int wanted = r < 0.3 ? 1 : r < 0.8 ? 2 : 3;
        const int count = std::clamp(wanted, program.min_electives, program.max_electives);
        std::vector<std::size_t> choice(program.electives.size());
        for (std::size_t k = 0; k < choice.size(); ++k) choice[k] = k;
        student_rng.shuffle(choice.begin(), choice.end());
        for (int k = 0; k < count && static_cast<std::size_t>(k) < choice.size(); ++k) {
            const Course& course = program.electives[choice[static_cast<std::size_t>(k)]];
            auto& entry = by_course[course.code];
            entry.first = course;
            entry.second.push_back(i);
        }
    }
    std::map<std::string, Department> departments;
    for (auto& [code, entry] : by_course) {
        auto& [course, members] = entry;
        const std::size_t count = (members.size() + k_max_section_size - 1) / k_max_section_size;
        rng.shuffle(members.begin(), members.end());
        std::vector<std::vector<std::size_t>> split(count);
        for (std::size_t k = 0; k < members.size(); ++k) split[k % count].push_back(members[k]);
        const bool core = course.subject == "ela" || course.subject == "math" ||
                          course.subject == "science" || course.subject == "social_studies";
        auto dept = departments.try_emplace(course.subject, roster, core ? 5 : 6).first;
        for (std::size_t k = 0; k < count; ++k) {
            std::sort(split[k].begin(), split[k].end());
            // Now and then a section waits for a teacher to be hired.
            std::string teacher = rng.chance(0.01) ? std::string() : dept->second.next_teacher();
            add_section(course, k + 1, std::move(teacher), false, std::move(split[k]));
        }
    }
    out.staff = roster.take();
    return out;
}

}  // namespace homeroom::sample
