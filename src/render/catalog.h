// One language's translations, read directly from a gettext .po file (see docs/translations.md).
// The English text written in templates and code is the message id; a catalog maps it to the
// language's wording and falls back to the English text wherever a translation is missing, empty
// or marked fuzzy, so an incomplete catalog never breaks a page.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/diagnostics.h"
#include "render/plural_expression.h"

namespace homeroom::render {

struct CatalogEntry {
    bool has_context = false;
    std::string context;                    // msgctxt
    std::string msgid;                      // the English text
    std::string msgid_plural;               // English plural; empty for a singular message
    std::vector<std::string> translations;  // msgstr, or msgstr[0], msgstr[1], ...
    bool fuzzy = false;                     // "#, fuzzy": a guess awaiting review, never shown
    int line = 0;                           // line of the entry's first keyword, for reports

    bool is_plural() const { return !msgid_plural.empty(); }
};

class Catalog {
  public:
    // An empty catalog: every lookup falls back to the English text.
    explicit Catalog(std::string language = "en");

    // Parses .po text; `file_name` names it in diagnostics ("locales/es.po:12:8: error: ...").
    // Every problem is reported; nullopt when any is an error (warnings still give a catalog).
    static std::optional<Catalog> parse(std::string_view text, const std::string& file_name,
                                        Diagnostics& diagnostics);
    // Reads the file first; throws IoError when it cannot be read.
    static std::optional<Catalog> load(const std::filesystem::path& path, Diagnostics& diagnostics);

    // The header's "Language:" value ("es", "pt_BR"); empty when the header has none.
    const std::string& language() const { return m_language; }
    void set_language(std::string language) { m_language = std::move(language); }
    const PluralForms& plural_forms() const { return m_plural_forms; }
    // Entries in file order; the header (empty msgid) and obsolete "#~" entries are not included.
    const std::vector<CatalogEntry>& entries() const { return m_entries; }

    // An empty `context` means "no msgctxt".
    const CatalogEntry* entry(std::string_view msgid, std::string_view context = {}) const;

    // The usable translation, or nullptr when it is missing, empty or fuzzy. The pointer lives as
    // long as the catalog.
    const std::string* find(std::string_view msgid, std::string_view context = {}) const;
    // The plural form this catalog's Plural-Forms picks for `n` (negative counts use their
    // magnitude), or nullptr when that form is missing, empty or fuzzy.
    const std::string* find_plural(std::string_view msgid, std::int64_t n,
                                   std::string_view context = {}) const;

    // Translations with fallback to the English text (`msgid`, or for plurals `msgid` when n is 1
    // and `msgid_plural` otherwise).
    std::string translate(std::string_view msgid, std::string_view context = {}) const;
    std::string translate_plural(std::string_view msgid, std::string_view msgid_plural,
                                 std::int64_t n, std::string_view context = {}) const;

  private:
    friend class PoParser;
    struct KeyHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    static std::string key_of(std::string_view msgid, std::string_view context);

    std::string m_language;
    PluralForms m_plural_forms;
    std::vector<CatalogEntry> m_entries;
    // msgid, or context + '\x04' + msgid (gettext's own key), to the index in m_entries.
    std::unordered_map<std::string, std::size_t, KeyHash, std::equal_to<>> m_index;
};

struct LanguageName {
    std::string code;         // "es"
    std::string native_name;  // "Español"
    bool right_to_left = false;
};

// Every language found in the locales folder, with English always present as the fallback.
// Immutable once loaded, so rendering threads can share it without locks.
class Catalogs {
  public:
    static constexpr std::string_view k_fallback_language = "en";

    // English only, with no translations: every text is the English source text.
    Catalogs();

    // Loads every `<lang>.po` in `folder` (`lang` is the file name: en, es, ar, pt_BR...).
    // Problems are reported into `diagnostics`; a catalog with errors (or translation_problem()s)
    // is left out. Throws NoInputError when the folder does not exist, IoError when unreadable.
    static Catalogs load(const std::filesystem::path& folder, Diagnostics& diagnostics);

    // Adds or replaces the catalog of language `code`.
    void add(std::string code, Catalog catalog);

    // Language codes in the order a language switcher lists them: English first, then by code.
    std::vector<std::string> languages() const;
    bool has(std::string_view code) const;
    // The catalog of `code`, or the English one when there is none.
    const Catalog& catalog(std::string_view code) const;
    const Catalog& english() const;

    // Looks in the language's catalog, then in the English catalog (which may reword the source
    // text), then uses the source text itself.
    std::string translate(std::string_view code, std::string_view msgid,
                          std::string_view context = {}) const;
    std::string translate_plural(std::string_view code, std::string_view msgid,
                                 std::string_view msgid_plural, std::int64_t n,
                                 std::string_view context = {}) const;

    // Each language's name in that language, for the switcher, in the order of languages().
    std::vector<LanguageName> language_names() const;
    // The name a catalog gives itself (k_language_name in translatable.h), else ICU's name for the
    // language in that language with its first letter capitalised.
    std::string native_name(std::string_view code) const;

    // Whether `code` is written right to left (Arabic, Hebrew, Persian, Urdu...), from ICU's
    // likely script for the language. Pages in such a language carry dir="rtl".
    static bool is_rtl(std::string_view code);

  private:
    std::vector<std::pair<std::string, Catalog>> m_catalogs;  // sorted by code
};

}  // namespace homeroom::render
