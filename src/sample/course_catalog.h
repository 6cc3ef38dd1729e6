// The courses a student of each grade takes: elementary classes learn every subject together
// with their homeroom teacher; middle and high school students take one course per core
// subject (the advanced option when their ability allows) plus one to three electives.
#pragma once

#include <string>
#include <vector>

namespace homeroom::sample {

struct Course {
    std::string code, title, subject;
};

struct CourseOption {
    Course course;
    double min_ability = -100;  // the most advanced option the student qualifies for is taken
};

struct GradeProgram {
    bool self_contained = false;  // one class takes every course together (elementary)
    std::vector<std::vector<CourseOption>> core;  // one course from each slot
    std::vector<Course> electives;
    int min_electives = 0, max_electives = 0;
};

// grade: 0 = K .. 12.
GradeProgram program_for_grade(int grade);

}  // namespace homeroom::sample
