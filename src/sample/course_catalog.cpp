#include "sample/course_catalog.h"

namespace homeroom::sample {
namespace {

std::vector<CourseOption> only(Course c) {
    return {{std::move(c), -100}};
}

GradeProgram elementary(int grade) {
    const std::string g = grade == 0 ? "K" : std::to_string(grade);
    const std::string of_grade = grade == 0 ? ", Kindergarten" : ", Grade " + g;
    GradeProgram p;
    p.self_contained = true;
    p.core = {only({"ELA-" + g, "English Language Arts" + of_grade, "ela"}),
              only({"MATH-" + g, "Mathematics" + of_grade, "math"}),
              only({"SCI-" + g, "Science" + of_grade, "science"}),
              only({"SS-" + g, "Social Studies" + of_grade, "social_studies"}),
              only({"ART-" + g, "Art" + of_grade, "arts"}),
              only({"PE-" + g, "Physical Education" + of_grade, "physical_education"})};
    return p;
}

GradeProgram middle(int grade) {
    const std::string g = std::to_string(grade);
    GradeProgram p;
    p.core.push_back(only({"ELA-" + g, "English Language Arts " + g, "ela"}));
    std::vector<CourseOption> math = {{{"MATH-" + g, "Math " + g, "math"}, -100}};
    if (grade == 7)
        math.push_back({{"MATH-7A", "Accelerated Math 7", "math"}, 0.9});
    if (grade == 8)
        math.push_back({{"ALG1-MS", "Algebra I", "math"}, 0.9});
    p.core.push_back(std::move(math));
    static const char* const k_science[] = {"Earth Science", "Life Science", "Physical Science"};
    static const char* const k_social[] = {"World Geography", "World History and Geography",
                                           "United States History: Founding to Reconstruction"};
    p.core.push_back(only({"SCI-" + g, k_science[grade - 6], "science"}));
    p.core.push_back(only({"SS-" + g, k_social[grade - 6], "social_studies"}));
    p.electives = {{"ART-MS", "Visual Art", "arts"},
                   {"BAND-MS", "Band", "arts"},
                   {"PE-MS", "Physical Education and Health", "physical_education"},
                   {"SPAN-MS", "Spanish (Exploratory)", "world_language"},
                   {"ARAB-MS", "Arabic for Heritage Speakers", "world_language"},
                   {"CS-MS", "Introduction to Computer Science", "other"},
                   {"PLTW-MS", "Project Lead The Way: Design and Modeling", "other"}};
    p.min_electives = 1;
    p.max_electives = 3;
    return p;
}

GradeProgram high(int grade) {
    GradeProgram p;
    switch (grade) {
        case 9:
            p.core = {
                {{{"ENG9", "English 9", "ela"}, -100}, {{"ENG9H", "Honors English 9", "ela"}, 1.0}},
                {{{"ALG1", "Algebra I", "math"}, -100}, {{"GEOM", "Geometry", "math"}, 0.8}},
                only({"BIO", "Biology", "science"}),
                only({"WHIST", "World History and Geography", "social_studies"})};
            break;
        case 10:
            p.core = {{{{"ENG10", "English 10", "ela"}, -100},
                       {{"ENG10H", "Honors English 10", "ela"}, 1.0}},
                      {{{"GEOM", "Geometry", "math"}, -100}, {{"ALG2", "Algebra II", "math"}, 0.8}},
                      only({"CHEM", "Chemistry", "science"}),
                      {{{"USHIST", "United States History and Geography", "social_studies"}, -100},
                       {{"APUSH", "AP United States History", "social_studies"}, 1.2}}};
            break;
        case 11:
            p.core = {{{{"ENG11", "American Literature (English 11)", "ela"}, -100},
                       {{"APLANG", "AP English Language and Composition", "ela"}, 1.0}},
                      {{{"ALG2", "Algebra II", "math"}, -100},
                       {{"PRECALC", "Pre-Calculus", "math"}, 0.8}},
                      {{{"ENVSCI", "Environmental Science", "science"}, -100},
                       {{"PHYS", "Physics", "science"}, 0.3}},
                      only({"CIVICS", "Civics and Government", "social_studies"})};
            break;
        default:
            p.core = {{{{"ENG12", "English 12: Literature and Composition", "ela"}, -100},
                       {{"APLIT", "AP English Literature and Composition", "ela"}, 1.0}},
                      {{{"STATS", "Statistics and Probability", "math"}, -100},
                       {{"PRECALC", "Pre-Calculus", "math"}, 0.5},
                       {{"APCALC", "AP Calculus AB", "math"}, 1.2}},
                      {{{"ANAT", "Anatomy and Physiology", "science"}, -100},
                       {{"APES", "AP Environmental Science", "science"}, 1.1}},
                      {{{"ECON", "Economics", "social_studies"}, -100},
                       {{"APMACRO", "AP Macroeconomics", "social_studies"}, 1.0}}};
            break;
    }
    p.electives = {
        {"SPAN1", "Spanish I", "world_language"},
        {"SPAN2", "Spanish II", "world_language"},
        {"ARAB1", "Arabic I", "world_language"},
        {"FREN1", "French I", "world_language"},
        {"ART1", "Art I: Drawing and Painting", "arts"},
        {"BAND-HS", "Concert Band", "arts"},
        {"PE-HS", "Physical Education and Health", "physical_education"},
        {"CTE-AUTO",
         "Career and Technical Education: Introduction to Automotive Technology and Advanced "
         "Manufacturing Systems",
         "other"},
        {"JROTC",
         "Junior Reserve Officers' Training Corps (JROTC) Leadership Education and "
         "Training I",
         "other"},
        {"APCSP", "AP Computer Science Principles", "other"}};
    if (grade >= 11)
        p.electives.push_back(
            {"DUAL-COMP",
             "Dual Enrollment: College Composition I - Academic Reading, Research and "
             "Argumentative Writing (Community College Partnership)",
             "ela"});
    p.min_electives = 1;
    p.max_electives = 3;
    return p;
}

}  // namespace

GradeProgram program_for_grade(int grade) {
    if (grade <= 5)
        return elementary(grade);
    if (grade <= 8)
        return middle(grade);
    return high(grade);
}

}  // namespace homeroom::sample
