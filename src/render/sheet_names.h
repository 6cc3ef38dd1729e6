// Worksheet (tab) names from titles: Excel refuses a name longer than 31 characters, with any of
// [ ] : * ? / \, beginning or ending with an apostrophe, equal to another sheet's ignoring case,
// or "History" (reserved); a translated measure title can be any of these. Pure.
#pragma once

#include <span>
#include <string>
#include <vector>

namespace homeroom::render {

// One valid, unique name per title, in order: forbidden characters become spaces, the text is
// cleaned (untrusted_text.h) and cut to fit (with an ellipsis), an empty name becomes "Sheet<n>"
// (n counting from 1), and a repeated one gets " (2)", " (3)", ...
std::vector<std::string> excel_sheet_names(std::span<const std::string> titles);

}  // namespace homeroom::render
