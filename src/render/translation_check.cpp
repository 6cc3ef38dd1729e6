#include "render/translation_check.h"

#include <algorithm>

namespace homeroom::render {

namespace {

constexpr std::string_view k_open = "{{#_}}";
constexpr std::string_view k_close = "{{/_}}";

bool has_every_form(const CatalogEntry& entry, int plural_count) {
    if (entry.translations.empty())
        return false;
    const std::size_t needed =
        entry.is_plural() ? static_cast<std::size_t>(plural_count) : std::size_t{1};
    if (entry.translations.size() < needed)
        return false;
    return std::none_of(entry.translations.begin(), entry.translations.end(),
                        [](const std::string& s) { return s.empty(); });
}

int line_at(std::string_view text, std::size_t offset) {
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

int column_at(std::string_view text, std::size_t offset) {
    std::size_t begin = 0;
    if (offset > 0)
        if (const std::size_t newline = text.rfind('\n', offset - 1);
            newline != std::string_view::npos)
            begin = newline + 1;
    int column = 1;
    for (std::size_t i = begin; i < offset; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            ++column;
    return column;
}

}  // namespace

std::vector<LanguageReport> check_translations(const std::set<MessageKey>& used,
                                               const Catalogs& catalogs) {
    std::vector<LanguageReport> reports;
    for (const std::string& code : catalogs.languages()) {
        const Catalog& catalog = catalogs.catalog(code);
        const bool source_language = code == Catalogs::k_fallback_language;
        LanguageReport report;
        report.language = code;
        for (const MessageKey& key : used) {
            const CatalogEntry* entry = catalog.entry(key.msgid, key.context);
            if (entry == nullptr)
                report.missing.push_back(key);
            else if (entry->fuzzy)
                report.fuzzy.push_back(key);
            else if (!source_language && !has_every_form(*entry, catalog.plural_forms().count))
                report.untranslated.push_back(key);
        }
        for (const CatalogEntry& entry : catalog.entries()) {
            MessageKey key{entry.context, entry.msgid};
            if (!used.contains(key))
                report.unused.push_back(std::move(key));
        }
        std::sort(report.unused.begin(), report.unused.end());
        reports.push_back(std::move(report));
    }
    return reports;
}

std::set<MessageKey> message_keys(const Catalog& catalog) {
    std::set<MessageKey> keys;
    for (const CatalogEntry& e : catalog.entries()) keys.insert({e.context, e.msgid});
    return keys;
}

std::vector<TemplateMessage> find_template_messages(std::string_view text,
                                                    const std::string& file_name,
                                                    Diagnostics& diagnostics) {
    std::vector<TemplateMessage> found;
    std::size_t at = 0;
    while (true) {
        const std::size_t open = text.find(k_open, at);
        const std::size_t stray_close = text.find(k_close, at);
        if (stray_close != std::string_view::npos &&
            (open == std::string_view::npos || stray_close < open)) {
            diagnostics.error(file_name, line_at(text, stray_close), column_at(text, stray_close),
                              "{{/_}} without a matching {{#_}}");
            at = stray_close + k_close.size();
            continue;
        }
        if (open == std::string_view::npos)
            break;
        const std::size_t body = open + k_open.size();
        const std::size_t close = text.find(k_close, body);
        if (close == std::string_view::npos) {
            diagnostics.error(file_name, line_at(text, open), column_at(text, open),
                              "{{#_}} is never closed with {{/_}}");
            break;
        }
        const std::size_t nested = text.find(k_open, body);
        if (nested != std::string_view::npos && nested < close) {
            diagnostics.error(file_name, line_at(text, nested), column_at(text, nested),
                              "{{#_}} inside another {{#_}} section");
            at = close + k_close.size();
            continue;
        }
        std::string msgid = template_msgid(text.substr(body, close - body));
        if (msgid.empty())
            diagnostics.error(file_name, line_at(text, open), column_at(text, open),
                              "empty {{#_}}{{/_}} section");
        else
            found.push_back({std::move(msgid), line_at(text, open)});
        at = close + k_close.size();
    }
    return found;
}

std::string template_msgid(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    bool pending_space = false;
    for (const char c : raw) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space)
            out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

}  // namespace homeroom::render
