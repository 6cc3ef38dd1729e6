// Text from outside (names, school names, comments, translated labels) made safe to show: one
// rule for every output, pages, SVG charts, workbooks, email headers, text messages and the
// terminal, so that a U+202E in a name reorders nothing anywhere.
#pragma once

#include <string>
#include <string_view>

namespace homeroom {

// The text without what could change how text around it is shown or make a document
// ill-formed: bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069; a U+202E
// in a school's name would otherwise turn "Lincoln" into "nlocniL" or reorder the numbers after
// it), C0 and C1 controls other than tab and newline, and the non-characters U+FFFE/U+FFFF. Bytes
// that are not UTF-8 become U+FFFD. Bidi marks (U+200E, U+200F, U+061C) stay: they only set the
// direction of neutral characters next to them and are legitimate in Arabic names.
std::string clean_untrusted_text(std::string_view text);

// clean_untrusted_text with tabs and newlines as spaces: for one line on a terminal (a
// diagnostic, a listing), where an escape sequence could also recolour or rewrite the screen.
std::string terminal_text(std::string_view text);

// clean_untrusted_text, then & < > " ' as entities: safe in XML and HTML text and in quoted
// attribute values.
std::string escape_markup(std::string_view text);
// Escapes & < > " ' only (text already known to be clean, e.g. a catalog's translation).
std::string escape_html(std::string_view text);

// The number of Unicode code points of UTF-8 text.
std::size_t code_point_count(std::string_view text);

// At most `max_code_points` code points of UTF-8 text, never cutting one in half; with an
// ellipsis (counted in the maximum) when something was cut.
std::string truncate_code_points(std::string_view text, std::size_t max_code_points);

}  // namespace homeroom
