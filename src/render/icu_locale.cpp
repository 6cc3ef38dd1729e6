#include "render/icu_locale.h"

#include <algorithm>
#include <set>

namespace homeroom::render {

namespace {

std::string language_tag(std::string_view code) {
    std::string tag(code);
    std::replace(tag.begin(), tag.end(), '_', '-');
    return tag;
}

// ICU locale ids use '_' ("pt_BR"); only the language part decides whether data exists.
const std::set<std::string, std::less<>>& available_languages() {
    static const std::set<std::string, std::less<>> languages = [] {
        std::set<std::string, std::less<>> found;
        int32_t count = 0;
        const icu::Locale* locales = icu::Locale::getAvailableLocales(count);
        for (int32_t i = 0; i < count; ++i) found.insert(locales[i].getLanguage());
        return found;
    }();
    return languages;
}

icu::Locale parse_tag(std::string_view code) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(language_tag(code), status);
    if (U_FAILURE(status) || locale.isBogus())
        return icu::Locale::getRoot();
    return locale;
}

}  // namespace

bool icu_knows_language(std::string_view code) {
    const icu::Locale locale = parse_tag(code);
    const std::string_view language = locale.getLanguage();
    return !language.empty() && available_languages().contains(language);
}

icu::Locale icu_locale(std::string_view code) {
    icu::Locale locale = icu_knows_language(code) ? parse_tag(code) : icu::Locale("en");
    UErrorCode status = U_ZERO_ERROR;
    locale.setKeywordValue("calendar", "gregorian", status);
    return locale;
}

std::string to_utf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

}  // namespace homeroom::render
