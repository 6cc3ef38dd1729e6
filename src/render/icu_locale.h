// The one way this module turns a language code into an ICU locale. Included by .cpp files only,
// so ICU's headers stay out of the module's interface.
#pragma once

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <string>
#include <string_view>

namespace homeroom::render {

// The ICU locale for a catalog's language code ("es", "ar", "pt_BR", "pt-BR"), with the Gregorian
// calendar forced (Persian or Saudi Arabic would otherwise get another calendar). A code ICU has
// no data for gives English: ICU would otherwise fall back to the machine's default locale, and
// output must not depend on the machine.
icu::Locale icu_locale(std::string_view code);

// Whether ICU has locale data for the language of `code`.
bool icu_knows_language(std::string_view code);

std::string to_utf8(const icu::UnicodeString& text);

}  // namespace homeroom::render
