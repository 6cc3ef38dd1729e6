#include "render/translation_placeholders.h"

#include <set>
#include <stdexcept>

#include "render/compiled_template.h"

namespace homeroom::render {
namespace {

struct Tags {
    std::set<std::string> placeholders;  // {{name}}, trimmed
    std::string first_other;             // the first other tag as written ("{{#x}}"), if any
};

Tags tags_of(std::string_view text) {
    Tags tags;
    std::size_t pos = 0;
    while (true) {
        const auto open = text.find("{{", pos);
        if (open == std::string_view::npos)
            break;
        const auto close = text.find("}}", open + 2);
        if (close == std::string_view::npos)
            break;  // the template parser reports it
        // "{{{x}}}" ends one brace later than its first "}}".
        const auto end = text.substr(close + 2).starts_with('}') ? close + 3 : close + 2;
        std::string_view inner = text.substr(open + 2, close - open - 2);
        const auto b = inner.find_first_not_of(" \t");
        const auto e = inner.find_last_not_of(" \t");
        inner = b == std::string_view::npos ? std::string_view() : inner.substr(b, e - b + 1);
        const bool plain =
            !inner.empty() && std::string_view("#^/!>&{=").find(inner[0]) == std::string_view::npos;
        if (plain)
            tags.placeholders.emplace(inner);
        else if (tags.first_other.empty())
            tags.first_other = std::string(text.substr(open, end - open));
        pos = end;
    }
    return tags;
}

}  // namespace

std::optional<std::string> translation_problem(std::string_view english,
                                               std::string_view english_plural,
                                               std::string_view translation) {
    const std::string entry = "\"" + std::string(english) + "\": ";
    try {
        static_cast<void>(CompiledTemplate(translation, "translation"));
    } catch (const std::invalid_argument& e) {
        const std::string what = e.what();  // "translation:LINE: message"
        const auto at = what.find(": ");
        return entry + "the translation is not a valid template: " +
               (at == std::string::npos ? what : what.substr(at + 2));
    }
    const Tags translated = tags_of(translation);
    if (!translated.first_other.empty())
        return entry + "the translation may hold only the English text's {{placeholders}}, not " +
               translated.first_other;
    Tags source = tags_of(english);
    source.placeholders.merge(tags_of(english_plural).placeholders);
    for (const auto& name : translated.placeholders)
        if (!source.placeholders.count(name))
            return entry + "the translation has {{" + name +
                   "}}, which the English text does not have";
    for (const auto& name : source.placeholders)
        if (!translated.placeholders.count(name))
            return entry + "the translation leaves out {{" + name + "}}";
    return std::nullopt;
}

void check_translation_placeholders(const Catalog& catalog, const std::string& file,
                                    Diagnostics& diagnostics) {
    for (const auto& e : catalog.entries()) {
        if (e.fuzzy)
            continue;
        for (const auto& translation : e.translations) {
            if (translation.empty())
                continue;
            if (const auto problem = translation_problem(e.msgid, e.msgid_plural, translation)) {
                diagnostics.error(file, e.line, 1, *problem);
                break;  // one report per entry
            }
        }
    }
}

}  // namespace homeroom::render
