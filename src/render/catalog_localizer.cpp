#include "render/catalog_localizer.h"

#include <bit>
#include <unordered_map>

#include "render/translation_check.h"

namespace homeroom::render {

namespace {

// Whether template_msgid() would change `text`: only then is a second lookup worth its cost.
bool has_loose_whitespace(std::string_view text) {
    if (text.empty())
        return false;
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    if (space(text.front()) || space(text.back()))
        return true;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] != ' ' && space(text[i]))
            return true;
        else if (text[i] == ' ' && i + 1 < text.size() && space(text[i + 1]))
            return true;
    return false;
}

}  // namespace

CatalogLocalizer::CatalogLocalizer(const Catalogs& catalogs, std::string language)
    : m_catalogs(&catalogs),
      m_language(std::move(language)),
      m_right_to_left(Catalogs::is_rtl(m_language)),
      m_format(&LocaleFormat::of(m_language)) {}

std::string CatalogLocalizer::text(std::string_view msgid) const {
    if (const std::string* found = m_catalogs->catalog(m_language).find(msgid))
        return *found;
    if (const std::string* english = m_catalogs->english().find(msgid))
        return *english;
    if (has_loose_whitespace(msgid)) {
        const std::string normalized = template_msgid(msgid);
        if (const std::string* found = m_catalogs->catalog(m_language).find(normalized))
            return *found;
        if (const std::string* english = m_catalogs->english().find(normalized))
            return *english;
    }
    return std::string(msgid);
}

std::string CatalogLocalizer::plural(std::string_view singular, std::string_view plural_form,
                                     long long n) const {
    return m_format->count_message(
        m_catalogs->translate_plural(m_language, singular, plural_form, n), n);
}

// Dates and small counts repeat on every page of a build, and ICU's date formatters are shared
// behind a lock: a per-thread cache keeps rendering threads from queueing on it. Keyed by the
// language's LocaleFormat, which lives as long as the process: a localizer's own address can be
// reused by another language's after its set is destroyed, and would then return stale text.
namespace {
struct FormatKey {
    const void* localizer;
    int kind;
    long long value;
    friend bool operator==(const FormatKey&, const FormatKey&) = default;
};
struct FormatKeyHash {
    std::size_t operator()(const FormatKey& k) const {
        return std::hash<const void*>{}(k.localizer) ^
               (std::hash<long long>{}(k.value) * 31 + static_cast<std::size_t>(k.kind));
    }
};
template <typename Make>
const std::string& cached(const void* localizer, int kind, long long value, Make make) {
    thread_local std::unordered_map<FormatKey, std::string, FormatKeyHash> cache;
    const FormatKey key{localizer, kind, value};
    auto it = cache.find(key);
    if (it == cache.end()) {
        if (cache.size() > 100000)
            cache.clear();  // bounded, whatever the input
        it = cache.emplace(key, make()).first;
    }
    return it->second;
}
}  // namespace

std::string CatalogLocalizer::number(long long n) const {
    if (n < 0 || n > 10000)
        return m_format->integer(n);
    return cached(m_format, -1, n, [&] { return m_format->integer(n); });
}

// Rates are ratios of small counts, so the same few thousand values recur on every page; keyed
// by the exact bits, so that ICU's rounding is never second-guessed.
std::string CatalogLocalizer::percent(double ratio, int decimals) const {
    return cached(m_format, 100 + decimals, std::bit_cast<long long>(ratio),
                  [&] { return m_format->percent(ratio, decimals); });
}

std::string CatalogLocalizer::decimal(double value, int decimals) const {
    return cached(m_format, 200 + decimals, std::bit_cast<long long>(value),
                  [&] { return m_format->decimal(value, decimals); });
}

std::string CatalogLocalizer::date(Date d, DateStyle style) const {
    return cached(m_format, static_cast<int>(style), d.days(),
                  [&] { return m_format->date(d, style); });
}

CatalogLocalizerSet::CatalogLocalizerSet(Catalogs catalogs)
    : m_catalogs(std::move(catalogs)), m_languages(m_catalogs.languages()) {
    for (const std::string& code : m_languages) {
        m_localizers.push_back(std::make_unique<CatalogLocalizer>(m_catalogs, code));
        m_native_names.push_back(m_catalogs.native_name(code));
    }
}

std::unique_ptr<CatalogLocalizerSet> CatalogLocalizerSet::load(const std::filesystem::path& folder,
                                                               Diagnostics& diagnostics) {
    return std::make_unique<CatalogLocalizerSet>(Catalogs::load(folder, diagnostics));
}

const Localizer& CatalogLocalizerSet::get(std::string_view lang) const {
    for (std::size_t i = 0; i < m_languages.size(); ++i)
        if (m_languages[i] == lang)
            return *m_localizers[i];
    return *m_localizers.front();  // English: languages() always starts with it
}

std::string CatalogLocalizerSet::native_name(std::string_view lang) const {
    for (std::size_t i = 0; i < m_languages.size(); ++i)
        if (m_languages[i] == lang)
            return m_native_names[i];
    return m_catalogs.native_name(lang);
}

}  // namespace homeroom::render
