// The fields an agreement may allow a partner to receive (docs/partners.md, "Fields"): the closed
// list of vocabulary::k_shareable_fields, in that documented order, with a header for each.
// Pure.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace homeroom::partners {

bool is_shareable_field(std::string_view field);

// An agreement's fields in the documented order (the column order of every extract), without
// repeats and without anything not on the list.
std::vector<std::string> ordered_fields(std::span<const std::string> fields);

// The English label of a field ("Attendance rate (%)"), the wording of the report card sheet and
// of the partner page. Empty for an unknown field.
std::string_view field_label(std::string_view field);

}  // namespace homeroom::partners
