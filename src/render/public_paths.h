// Where each public page lives (docs/site.md) and how pages link to each other. Pure: the site
// module writes the files, this only names them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace homeroom::render {

// A file-name-safe slug of a school id: lower-case ASCII letters, digits and '-', at most 60
// characters, never empty. Ids rather than names, so that a school's address survives a rename.
std::string school_slug(std::string_view school_id);

// One slug per id, in the same order, all different: ids whose slugs repeat ("A.1" and "A-1"
// both give "a-1") each get a short suffix from a hash of the whole id, and any clash left after
// that a counter, so the result depends only on the ids and their order.
std::vector<std::string> unique_school_slugs(const std::vector<std::string>& school_ids);

// Paths relative to the site folder: public/en/index.html, public/en/about.html,
// public/en/schools/<slug>.html, and public/en/<file> for the district summary's copies and the
// board workbook.
std::string public_home_path(std::string_view lang);
std::string public_about_path(std::string_view lang);
std::string public_school_path(std::string_view lang, std::string_view slug);
std::string public_district_path(std::string_view lang, std::string_view file);
inline constexpr std::string_view k_language_chooser_path = "public/index.html";

}  // namespace homeroom::render
