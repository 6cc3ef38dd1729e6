// Fills the printf-style placeholders of a translated message with already formatted values.
// Translations come from people, not compilers: a placeholder without a value is left as written
// so a mistake shows on the page instead of crashing the run.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

namespace homeroom::render {

// %d and %s take the values in order; %1$s, %2$d... pick a value by position (so a translator can
// reorder them, as gettext allows); %% is a percent sign. Values are inserted as given: numbers
// should already be formatted for the language (LocaleFormat::integer).
std::string fill_placeholders(std::string_view pattern, std::span<const std::string> values);
std::string fill_placeholders(std::string_view pattern,
                              std::initializer_list<std::string_view> values);

}  // namespace homeroom::render
