#include "metrics/subgroups.h"

#include <stdexcept>
#include <string>

namespace homeroom::metrics {
namespace {

std::size_t part_index(const SubgroupPartition& partition, std::string_view code,
                       const Student& student) {
    for (std::size_t i = partition.first; i < partition.first + partition.count; ++i)
        if (k_subgroups[i].code == code)
            return i;
    throw std::invalid_argument("student " + student.id + ": " +
                                std::string(to_code(partition.dimension)) + " code '" +
                                std::string(code) + "' is not in the vocabulary");
}

std::string_view yes_no(bool value) {
    return value ? "yes" : "no";
}

}  // namespace

std::string_view to_code(SubgroupDimension dimension) {
    switch (dimension) {
        case SubgroupDimension::all_students:
            return "all_students";
        case SubgroupDimension::gender:
            return "gender";
        case SubgroupDimension::race_ethnicity:
            return "race_ethnicity";
        case SubgroupDimension::english_learner:
            return "english_learner";
        case SubgroupDimension::special_education:
            return "special_education";
        case SubgroupDimension::economically_disadvantaged:
            return "economically_disadvantaged";
    }
    return "all_students";
}

StudentSubgroups subgroups_of(const Student& student) {
    const auto& p = k_subgroup_partitions;
    return {k_all_students,
            part_index(p[0], student.gender, student),
            part_index(p[1], student.race_ethnicity, student),
            part_index(p[2], yes_no(student.english_learner), student),
            part_index(p[3], yes_no(student.special_education), student),
            part_index(p[4], yes_no(student.economically_disadvantaged), student)};
}

}  // namespace homeroom::metrics
