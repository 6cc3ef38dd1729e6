// One row of a partner extract: the allowed fields of one included student, as text, computed
// with the same metrics as the site (docs/partners.md, "Fields" gives each field's form). Pure.
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/records.h"
#include "metrics/student_indicators.h"
#include "metrics/student_records.h"

namespace homeroom::partners {

// What a row is computed from.
struct StudentFacts {
    const metrics::StudentRecords& records;
    const metrics::StudentIndicators& indicators;
    std::string school_name;
    // Section id → course title, for marks.
    const std::map<std::string, std::string, std::less<>>& course_titles;
    const LearnerProfile* profile = nullptr;
};

// The value of one field, before neutralisation. Throws std::invalid_argument for a field that
// is not shareable.
std::string field_value(std::string_view field, const StudentFacts& facts);

struct ExtractRow {
    std::string student_id;           // never written to the extract (not a shareable field)
    std::vector<std::string> values;  // one per field, neutralised (core/formula_guard.h)
};

// The extract's table: exactly the agreement's fields, in the documented order, as columns.
struct ExtractTable {
    std::vector<std::string> fields;
    std::vector<ExtractRow> rows;  // by student id
};

// The row of a student: field_value of each field, each passed through neutralize_formula.
ExtractRow extract_row(std::span<const std::string> fields, const StudentFacts& facts);

}  // namespace homeroom::partners
