// Spreadsheet formula injection ("CSV injection", OWASP): a cell whose text starts with = + - @
// or a control character (tab, carriage return, ...) may be run as a formula by Excel, LibreOffice
// or Google Sheets when a file is opened or pasted. Data extracts for people outside the district
// pass every text cell through neutralize_formula, the same rule in CSV and XLSX.
#pragma once

#include <string>
#include <string_view>

namespace homeroom {

// The text begins with = + - @ or a C0 control character or DEL, and is not a plain number
// ("-3.5" and "+2" are left alone: a spreadsheet reads them as numbers, never as formulas).
bool starts_like_formula(std::string_view text);

// The text with a leading apostrophe when starts_like_formula: "=1+1" becomes "'=1+1", which every
// spreadsheet shows as text. Other text is returned unchanged.
std::string neutralize_formula(std::string_view text);

}  // namespace homeroom
