// Whether a translation can stand in for its English text in a template. A template renders the
// translation as Mustache over the page's data (compiled_template.h), so a translation must
// parse as a template and hold exactly the English text's {{placeholders}}: a renamed one
// ({{grado}}) would print literally, a tag ({{#x}}, {{{x}}}) would stop the build.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "render/catalog.h"

namespace homeroom::render {

// The problem with `translation` of `english` (`english_plural` too for a plural entry), as
// `"Grade {{grade}}": the translation has {{grado}}, which the English text does not have`;
// nullopt when there is none.
std::optional<std::string> translation_problem(std::string_view english,
                                               std::string_view english_plural,
                                               std::string_view translation);

// Reports an error at the entry's line for every shown translation (not empty, not fuzzy) of
// `catalog` that has a problem.
void check_translation_placeholders(const Catalog& catalog, const std::string& file,
                                    Diagnostics& diagnostics);

}  // namespace homeroom::render
