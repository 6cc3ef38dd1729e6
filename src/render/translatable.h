// Marks English source text in C++ for scripts/extract-messages.py (which runs xgettext with
// these names as keywords) where the text is not passed straight to Localizer::text or
// Localizer::plural: in tables, constants and either side of a ?: (xgettext reads only a call's
// literal argument, never both arms of a conditional). They translate nothing themselves: the
// text reaches the catalogs later, through Localizer::text(...) on the marked value.
//
//     {"ela", translatable("English language arts")}
//     const std::string_view state = on ? translatable("needs attention")
//                                       : translatable("on track");
//     l.text(state)
#pragma once

#include <string_view>

namespace homeroom::render {

constexpr std::string_view translatable(std::string_view msgid) {
    return msgid;
}

struct PluralText {
    std::string_view singular;  // with %d for the count
    std::string_view plural;
};
constexpr PluralText translatable_plural(std::string_view singular, std::string_view plural) {
    return {singular, plural};
}

struct ContextText {
    std::string_view context;  // msgctxt: tells apart two uses of the same English words
    std::string_view msgid;
};
constexpr ContextText translatable_in_context(std::string_view context, std::string_view msgid) {
    return {context, msgid};
}

// What each catalog calls its own language, for the language switcher (Catalogs::native_name).
// TRANSLATORS: the name of YOUR language, written in your language: "Español", "العربية".
inline constexpr ContextText k_language_name = translatable_in_context("language name", "English");

}  // namespace homeroom::render
