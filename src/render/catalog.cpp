#include "render/catalog.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/ascii_text.h"
#include "core/errors.h"
#include "render/icu_locale.h"
#include "render/translatable.h"
#include "render/translation_placeholders.h"

namespace homeroom::render {

namespace {

struct SourcePosition {
    int line = 0;
    int column = 0;
};

// 1-based character (code point) column of byte `byte` in `line`, as the rest of Homeroom's
// diagnostics count columns.
int column_of(std::string_view line, std::size_t byte) {
    int column = 1;
    for (std::size_t i = 0; i < byte && i < line.size(); ++i)
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80)
            ++column;
    return column;
}

// Byte offset of the first byte that does not start a well-formed UTF-8 sequence, or npos.
std::size_t invalid_utf8_at(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t length;
        std::uint32_t lowest;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            length = 2;
            lowest = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            lowest = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            lowest = 0x10000;
        } else {
            return i;
        }
        if (i + length > s.size())
            return i;
        std::uint32_t code_point = c & (0x7F >> length);
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(s[i + k]);
            if ((next & 0xC0) != 0x80)
                return i;
            code_point = (code_point << 6) | (next & 0x3F);
        }
        if (code_point < lowest || code_point > 0x10FFFF ||
            (code_point >= 0xD800 && code_point <= 0xDFFF))
            return i;
        i += length;
    }
    return std::string_view::npos;
}

bool is_blank(std::string_view s) {
    return s.find_first_not_of(" \t") == std::string_view::npos;
}

std::string quoted_for_message(std::string_view s) {
    constexpr std::size_t k_shown = 40;
    std::string out = "\"";
    out += s.substr(0, k_shown);
    if (s.size() > k_shown)
        out += "...";
    out += '"';
    return out;
}

// Accepts the codes catalogs are named by: "en", "es", "ar", "pt_BR", "pt-BR", "zh-Hant".
bool is_language_code(std::string_view code) {
    std::size_t part_start = 0;
    bool first = true;
    for (std::size_t i = 0; i <= code.size(); ++i) {
        if (i < code.size() && code[i] != '-' && code[i] != '_') {
            const char c = code[i];
            const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            const bool digit = c >= '0' && c <= '9';
            if (!alpha && !(digit && !first))
                return false;
            continue;
        }
        const std::size_t length = i - part_start;
        if (first ? (length < 2 || length > 3) : (length < 2 || length > 8))
            return false;
        first = false;
        part_start = i + 1;
    }
    return true;
}

}  // namespace

// Reads a .po file line by line. Each line is a comment, a keyword with its first string, or a
// continuation string; an entry is complete when the next one starts. After an error the parser
// skips to the start of the next entry, so one file reports all of its problems at once.
class PoParser {
  public:
    PoParser(std::string_view text, const std::string& file_name, Diagnostics& diagnostics)
        : m_text(text), m_file(file_name), m_diagnostics(diagnostics) {}

    std::optional<Catalog> run() {
        const std::size_t errors_before = m_diagnostics.error_count();
        if (m_text.starts_with("\xEF\xBB\xBF"))  // a byte order mark left by Windows editors
            m_text.remove_prefix(3);
        std::size_t pos = 0;
        while (pos < m_text.size()) {
            std::size_t end = m_text.find('\n', pos);
            if (end == std::string_view::npos)
                end = m_text.size();
            std::string_view line = m_text.substr(pos, end - pos);
            if (line.ends_with('\r'))
                line.remove_suffix(1);
            ++m_line_number;
            read_line(line);
            pos = end + 1;
        }
        finish_entry();
        check_plural_counts();
        if (m_diagnostics.error_count() > errors_before)
            return std::nullopt;
        return std::move(m_catalog);
    }

  private:
    enum class State { idle, context, msgid, msgid_plural, msgstr };

    void read_line(std::string_view line) {
        if (const std::size_t bad = invalid_utf8_at(line); bad != std::string_view::npos) {
            error(column_of(line, bad), "invalid UTF-8 (catalogs must be saved as UTF-8)");
            return;
        }
        const std::size_t indent = line.find_first_not_of(" \t");
        const bool blank = indent == std::string_view::npos;
        const std::string_view body = blank ? std::string_view() : line.substr(indent);
        const bool starts_entry = blank || body.starts_with('#') || keyword_is(body, "msgctxt") ||
                                  keyword_is(body, "msgid");
        if (m_skipping) {
            if (!starts_entry)
                return;
            m_skipping = false;
            reset_entry();
        }
        if (blank) {
            // A blank line ends an entry; inside one (before its msgstr) it is harmless.
            if (m_state == State::msgstr)
                finish_entry();
            return;
        }
        if (body.starts_with('#')) {
            read_comment(line, body);
            return;
        }
        if (body.starts_with('"')) {
            if (m_state == State::idle) {
                error(column_of(line, indent), "string outside any entry");
                return;
            }
            read_string(line, indent, *m_field, m_field_positions);
            return;
        }
        read_keyword(line, indent);
    }

    static bool keyword_is(std::string_view body, std::string_view keyword) {
        if (!body.starts_with(keyword))
            return false;
        return body.size() == keyword.size() || body[keyword.size()] == ' ' ||
               body[keyword.size()] == '\t' || body[keyword.size()] == '"';
    }

    void read_comment(std::string_view line, std::string_view body) {
        if (body.starts_with("#~"))  // obsolete entries, kept by msgmerge for translators' memory
            return;
        if (m_state == State::msgstr)
            finish_entry();
        else if (m_state != State::idle) {
            error(column_of(line, line.size() - body.size()),
                  "comment inside an entry, before its msgstr");
            return;
        }
        if (body.starts_with("#,")) {
            std::string_view flags = body.substr(2);
            while (!flags.empty()) {
                const std::size_t comma = flags.find(',');
                if (trim_blanks(flags.substr(0, comma)) == "fuzzy")
                    m_fuzzy = true;
                if (comma == std::string_view::npos)
                    break;
                flags.remove_prefix(comma + 1);
            }
        }
    }

    void read_keyword(std::string_view line, std::size_t indent) {
        std::size_t end = indent;
        while (end < line.size() && ((line[end] >= 'a' && line[end] <= 'z') || line[end] == '_'))
            ++end;
        const std::string_view keyword = line.substr(indent, end - indent);
        const int column = column_of(line, indent);
        if (keyword == "msgctxt") {
            if (m_state == State::msgstr)
                finish_entry();
            if (m_state != State::idle) {
                error(column, "msgctxt must come before msgid");
                return;
            }
            begin_entry();
            m_state = State::context;
            m_entry.has_context = true;
            read_first_string(line, end, m_entry.context, nullptr);
        } else if (keyword == "msgid_plural") {
            if (m_state != State::msgid) {
                error(column, "msgid_plural must follow msgid");
                return;
            }
            m_state = State::msgid_plural;
            m_plural_line = m_line_number;
            m_plural_column = column;
            read_first_string(line, end, m_entry.msgid_plural, nullptr);
        } else if (keyword == "msgid") {
            if (m_state == State::msgstr)
                finish_entry();
            if (m_state == State::idle) {
                begin_entry();
            } else if (m_state != State::context) {
                error(column, "msgid must be followed by msgstr before the next msgid");
                return;
            }
            m_state = State::msgid;
            read_first_string(line, end, m_entry.msgid, nullptr);
        } else if (keyword == "msgstr") {
            read_msgstr(line, end, column);
        } else {
            error(column, keyword.empty()
                              ? "expected a comment, msgctxt, msgid, msgid_plural or msgstr"
                              : "unknown keyword '" + std::string(keyword) +
                                    "' (expected msgctxt, msgid, msgid_plural or msgstr)");
        }
    }

    void read_msgstr(std::string_view line, std::size_t end, int column) {
        const bool indexed = end < line.size() && line[end] == '[';
        std::size_t index = 0;
        if (indexed) {
            std::size_t close = line.find(']', end);
            const std::string_view digits = close == std::string_view::npos
                                                ? std::string_view()
                                                : line.substr(end + 1, close - end - 1);
            if (digits.empty() || digits.size() > 2 ||
                digits.find_first_not_of("0123456789") != std::string_view::npos) {
                error(column_of(line, end), "expected msgstr[N] with N a plural form number");
                return;
            }
            index = static_cast<std::size_t>(std::stoi(std::string(digits)));
            end = close + 1;
        }
        if (m_state == State::msgid_plural && m_entry.msgid_plural.empty()) {
            m_diagnostics.error(m_file, m_plural_line, m_plural_column, "msgid_plural is empty");
            m_skipping = true;
            return;
        }
        const bool plural = m_entry.is_plural();
        if (m_state == State::msgid && !indexed) {
            // the singular msgstr
        } else if (m_state == State::msgid && indexed) {
            error(column, "msgstr[" + std::to_string(index) + "] needs a msgid_plural");
            return;
        } else if (plural && (m_state == State::msgid_plural || m_state == State::msgstr) &&
                   !indexed) {
            error(column, "a message with msgid_plural needs msgstr[0], msgstr[1], ...");
            return;
        } else if (plural && (m_state == State::msgid_plural || m_state == State::msgstr)) {
            if (index != m_entry.translations.size()) {
                error(column, "msgstr[" + std::to_string(index) +
                                  "] out of order; expected msgstr[" +
                                  std::to_string(m_entry.translations.size()) + "]");
                return;
            }
        } else if (m_state == State::msgstr) {
            error(column, "second msgstr for the same msgid");
            return;
        } else {
            error(column, "msgstr must follow msgid");
            return;
        }
        m_state = State::msgstr;
        m_entry.translations.emplace_back();
        const bool header = !m_entry.has_context && m_entry.msgid.empty();
        m_field_positions = header ? &m_header_positions : nullptr;
        read_first_string(line, end, m_entry.translations.back(), m_field_positions);
    }

    // The string that follows a keyword on its line; later lines may continue it.
    void read_first_string(std::string_view line, std::size_t after_keyword, std::string& field,
                           std::vector<SourcePosition>* positions) {
        m_field = &field;
        m_field_positions = positions;
        const std::size_t quote = line.find_first_not_of(" \t", after_keyword);
        if (quote == std::string_view::npos || line[quote] != '"') {
            error(column_of(line, quote == std::string_view::npos ? line.size() : quote),
                  "expected a quoted string after " +
                      std::string(trim_blanks(line.substr(0, after_keyword))));
            return;
        }
        read_string(line, quote, field, positions);
    }

    // Decodes "..." starting at the opening quote, appending to `field`.
    void read_string(std::string_view line, std::size_t quote, std::string& field,
                     std::vector<SourcePosition>* positions) {
        std::size_t i = quote + 1;
        while (i < line.size()) {
            const char c = line[i];
            if (c == '"')
                break;
            if (positions != nullptr)
                positions->push_back({m_line_number, column_of(line, i)});
            if (c != '\\') {
                field += c;
                ++i;
                continue;
            }
            if (i + 1 >= line.size()) {
                i = line.size();  // a final backslash escapes the end: unterminated
                break;
            }
            const char escaped = line[i + 1];
            char decoded;
            switch (escaped) {
                case 'n':
                    decoded = '\n';
                    break;
                case 't':
                    decoded = '\t';
                    break;
                case 'r':
                    decoded = '\r';
                    break;
                case '"':
                    decoded = '"';
                    break;
                case '\\':
                    decoded = '\\';
                    break;
                case 'a':
                    decoded = '\a';
                    break;
                case 'b':
                    decoded = '\b';
                    break;
                case 'f':
                    decoded = '\f';
                    break;
                case 'v':
                    decoded = '\v';
                    break;
                case '\'':
                    decoded = '\'';
                    break;
                case '?':
                    decoded = '?';
                    break;
                default:
                    error(column_of(line, i), "unknown escape sequence '\\" +
                                                  std::string(1, escaped) +
                                                  "' (use \\n, \\t, \\\" or \\\\)");
                    return;
            }
            field += decoded;
            i += 2;
        }
        if (i >= line.size()) {
            error(column_of(line, quote), "string has no closing quote");
            return;
        }
        if (!is_blank(line.substr(i + 1)))
            error(column_of(line, line.find_first_not_of(" \t", i + 1)),
                  "unexpected text after the closing quote");
    }

    void begin_entry() { m_entry.line = m_line_number; }

    void reset_entry() {
        m_entry = CatalogEntry{};
        m_state = State::idle;
        m_fuzzy = false;
        m_field = nullptr;
        m_field_positions = nullptr;
        m_header_positions.clear();
    }

    void finish_entry() {
        if (m_skipping) {
            reset_entry();
            return;
        }
        if (m_state == State::idle) {
            reset_entry();  // comments with no entry after them
            return;
        }
        if (m_state != State::msgstr) {
            m_diagnostics.error(m_file, m_entry.line, 1,
                                "entry " + quoted_for_message(m_entry.msgid) + " has no msgstr");
            reset_entry();
            return;
        }
        m_entry.fuzzy = m_fuzzy;
        if (!m_entry.has_context && m_entry.msgid.empty())
            read_header();
        else
            add_entry();
        reset_entry();
    }

    void add_entry() {
        std::string key = Catalog::key_of(m_entry.msgid, m_entry.context);
        if (m_entry.has_context && m_entry.context.empty())
            key.insert(0, 1, '\x04');  // msgctxt "" is not the same as no msgctxt
        if (const auto it = m_catalog.m_index.find(key); it != m_catalog.m_index.end()) {
            m_diagnostics.error(m_file, m_entry.line, 1,
                                "duplicate message " + quoted_for_message(m_entry.msgid) +
                                    " (first defined at line " +
                                    std::to_string(m_catalog.m_entries[it->second].line) + ")");
            return;
        }
        m_catalog.m_index.emplace(std::move(key), m_catalog.m_entries.size());
        m_catalog.m_entries.push_back(std::move(m_entry));
    }

    void read_header() {
        if (m_seen_header) {
            m_diagnostics.error(m_file, m_entry.line, 1, "a second header entry (msgid \"\")");
            return;
        }
        m_seen_header = true;
        m_header_line = m_entry.line;
        const std::string& text = m_entry.translations.front();
        std::size_t start = 0;
        while (start < text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string::npos)
                end = text.size();
            const std::string_view field(text.data() + start, end - start);
            const std::size_t colon = field.find(':');
            if (colon != std::string_view::npos) {
                const std::string name = ascii_lower(trim_blanks(field.substr(0, colon)));
                const std::size_t value_start = field.find_first_not_of(" \t", colon + 1);
                const std::string_view value = value_start == std::string_view::npos
                                                   ? std::string_view()
                                                   : field.substr(value_start);
                const std::size_t value_offset =
                    start + (value_start == std::string_view::npos ? field.size() : value_start);
                read_header_field(name, trim_blanks(value), value_offset);
            }
            start = end + 1;
        }
    }

    void read_header_field(const std::string& name, std::string_view value, std::size_t offset) {
        if (name == "language") {
            m_catalog.m_language = std::string(value);
        } else if (name == "content-type") {
            const std::string lowered = ascii_lower(value);
            const std::size_t at = lowered.find("charset=");
            if (at == std::string::npos)
                return;
            std::string charset = lowered.substr(at + 8);
            charset = std::string(trim_blanks(charset.substr(0, charset.find_first_of("; "))));
            if (charset != "utf-8" && charset != "utf8" && charset != "charset") {
                const SourcePosition where = header_position(offset + at + 8);
                m_diagnostics.error(m_file, where.line, where.column,
                                    "catalogs must be UTF-8, not " + charset +
                                        " (set charset=UTF-8 and save the file as UTF-8)");
            }
        } else if (name == "plural-forms") {
            auto parsed = PluralForms::parse(value);
            if (!parsed.forms) {
                const SourcePosition where = header_position(offset + parsed.error.offset);
                m_diagnostics.error(m_file, where.line, where.column,
                                    "Plural-Forms: " + parsed.error.message);
                return;
            }
            m_catalog.m_plural_forms = std::move(*parsed.forms);
            m_has_plural_forms = true;
        }
    }

    // Where in the file the header's decoded byte `offset` came from.
    SourcePosition header_position(std::size_t offset) const {
        if (m_header_positions.empty())
            return {m_header_line, 1};
        return m_header_positions[std::min(offset, m_header_positions.size() - 1)];
    }

    void check_plural_counts() {
        const int forms = m_catalog.m_plural_forms.count;
        bool warned_header = false;
        for (const CatalogEntry& e : m_catalog.m_entries) {
            if (!e.is_plural())
                continue;
            if (!m_has_plural_forms && !warned_header) {
                m_diagnostics.warning(m_file, m_header_line, 0,
                                      "no Plural-Forms header; using English plural rules");
                warned_header = true;
            }
            if (e.translations.size() != static_cast<std::size_t>(forms))
                m_diagnostics.warning(
                    m_file, e.line, 1,
                    quoted_for_message(e.msgid) + " has " + std::to_string(e.translations.size()) +
                        " plural forms but Plural-Forms says nplurals=" + std::to_string(forms));
        }
    }

    void error(int column, std::string message) {
        m_diagnostics.error(m_file, m_line_number, column, std::move(message));
        m_skipping = true;
    }

    std::string_view m_text;
    const std::string& m_file;
    Diagnostics& m_diagnostics;
    Catalog m_catalog{""};

    int m_line_number = 0;
    State m_state = State::idle;
    bool m_skipping = false;
    bool m_fuzzy = false;
    CatalogEntry m_entry;
    std::string* m_field = nullptr;  // the string a continuation line appends to
    std::vector<SourcePosition>* m_field_positions = nullptr;
    std::vector<SourcePosition> m_header_positions;  // of the header's decoded msgstr

    bool m_seen_header = false;
    bool m_has_plural_forms = false;
    int m_header_line = 0;
    int m_plural_line = 0;  // where msgid_plural began, to report it empty
    int m_plural_column = 0;
};

Catalog::Catalog(std::string language) : m_language(std::move(language)) {}

std::optional<Catalog> Catalog::parse(std::string_view text, const std::string& file_name,
                                      Diagnostics& diagnostics) {
    return PoParser(text, file_name, diagnostics).run();
}

std::optional<Catalog> Catalog::load(const std::filesystem::path& path, Diagnostics& diagnostics) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    if (in)
        content << in.rdbuf();
    if (!in || in.bad())
        throw IoError("cannot read " + path.string() + ": " + std::strerror(errno));
    return parse(content.str(), path.string(), diagnostics);
}

std::string Catalog::key_of(std::string_view msgid, std::string_view context) {
    std::string key;
    if (!context.empty()) {
        key.reserve(context.size() + 1 + msgid.size());
        key += context;
        key += '\x04';
    }
    key += msgid;
    return key;
}

const CatalogEntry* Catalog::entry(std::string_view msgid, std::string_view context) const {
    const auto it = context.empty() ? m_index.find(msgid) : m_index.find(key_of(msgid, context));
    return it == m_index.end() ? nullptr : &m_entries[it->second];
}

const std::string* Catalog::find(std::string_view msgid, std::string_view context) const {
    const CatalogEntry* e = entry(msgid, context);
    if (e == nullptr || e->fuzzy || e->translations.empty() || e->translations.front().empty())
        return nullptr;
    return &e->translations.front();
}

const std::string* Catalog::find_plural(std::string_view msgid, std::int64_t n,
                                        std::string_view context) const {
    const CatalogEntry* e = entry(msgid, context);
    if (e == nullptr || e->fuzzy)
        return nullptr;
    const std::uint64_t magnitude =
        n < 0 ? static_cast<std::uint64_t>(0) - static_cast<std::uint64_t>(n)
              : static_cast<std::uint64_t>(n);
    const auto form = static_cast<std::size_t>(m_plural_forms.form_for(magnitude));
    if (form >= e->translations.size() || e->translations[form].empty())
        return nullptr;
    return &e->translations[form];
}

std::string Catalog::translate(std::string_view msgid, std::string_view context) const {
    const std::string* found = find(msgid, context);
    return found != nullptr ? *found : std::string(msgid);
}

std::string Catalog::translate_plural(std::string_view msgid, std::string_view msgid_plural,
                                      std::int64_t n, std::string_view context) const {
    const std::string* found = find_plural(msgid, n, context);
    if (found != nullptr)
        return *found;
    return std::string(n == 1 ? msgid : msgid_plural);
}

// ---------------------------------------------------------------------------------------------

namespace {

std::string normalized_code(std::string_view code) {
    std::string out(code);
    std::replace(out.begin(), out.end(), '_', '-');
    return out;
}

}  // namespace

Catalogs::Catalogs() {
    m_catalogs.emplace_back(std::string(k_fallback_language),
                            Catalog(std::string(k_fallback_language)));
}

Catalogs Catalogs::load(const std::filesystem::path& folder, Diagnostics& diagnostics) {
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        throw NoInputError("no locales folder at " + folder.string());
    std::vector<std::filesystem::path> files;
    for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end;
         it.increment(ec))
        if (it->path().extension() == ".po")
            files.push_back(it->path());
    if (ec)
        throw IoError("cannot list " + folder.string() + ": " + ec.message());
    std::sort(files.begin(), files.end());

    Catalogs catalogs;
    for (const auto& file : files) {
        const std::string stem = file.stem().string();
        if (!is_language_code(stem)) {
            diagnostics.warning(file.string(), 0, 0,
                                "ignored: a catalog's file name must be a language code "
                                "such as es.po or pt_BR.po");
            continue;
        }
        const std::string code = normalized_code(stem);
        std::optional<Catalog> catalog = Catalog::load(file, diagnostics);
        if (!catalog)
            continue;
        // A translation that cannot stand in for its English text would print a placeholder
        // literally or stop a build midway: the catalog is broken like one that does not parse.
        const std::size_t errors_before = diagnostics.error_count();
        check_translation_placeholders(*catalog, file.string(), diagnostics);
        if (diagnostics.error_count() > errors_before)
            continue;
        if (!catalog->language().empty() && normalized_code(catalog->language()) != code)
            diagnostics.warning(file.string(), 0, 0,
                                "header says Language: " + catalog->language() +
                                    " but the file name says " + stem + "; using " + code);
        catalog->set_language(code);
        catalogs.add(code, std::move(*catalog));
    }
    return catalogs;
}

void Catalogs::add(std::string code, Catalog catalog) {
    code = normalized_code(code);
    const auto it = std::lower_bound(
        m_catalogs.begin(), m_catalogs.end(), code,
        [](const std::pair<std::string, Catalog>& c, const std::string& k) { return c.first < k; });
    if (it != m_catalogs.end() && it->first == code)
        it->second = std::move(catalog);
    else
        m_catalogs.emplace(it, std::move(code), std::move(catalog));
}

std::vector<std::string> Catalogs::languages() const {
    std::vector<std::string> codes{std::string(k_fallback_language)};
    for (const auto& [code, catalog] : m_catalogs)
        if (code != k_fallback_language)
            codes.push_back(code);
    return codes;
}

bool Catalogs::has(std::string_view code) const {
    const std::string key = normalized_code(code);
    return std::any_of(m_catalogs.begin(), m_catalogs.end(),
                       [&](const auto& c) { return c.first == key; });
}

const Catalog& Catalogs::catalog(std::string_view code) const {
    for (const auto& [c, catalog] : m_catalogs)
        if (c == code)
            return catalog;
    if (code.find('_') != std::string_view::npos) {
        const std::string key = normalized_code(code);
        for (const auto& [c, catalog] : m_catalogs)
            if (c == key)
                return catalog;
    }
    return english();
}

const Catalog& Catalogs::english() const {
    for (const auto& [c, catalog] : m_catalogs)
        if (c == k_fallback_language)
            return catalog;
    // The constructor adds English and add() only replaces it.
    return m_catalogs.front().second;
}

std::string Catalogs::translate(std::string_view code, std::string_view msgid,
                                std::string_view context) const {
    if (const std::string* found = catalog(code).find(msgid, context))
        return *found;
    return english().translate(msgid, context);
}

std::string Catalogs::translate_plural(std::string_view code, std::string_view msgid,
                                       std::string_view msgid_plural, std::int64_t n,
                                       std::string_view context) const {
    if (const std::string* found = catalog(code).find_plural(msgid, n, context))
        return *found;
    return english().translate_plural(msgid, msgid_plural, n, context);
}

std::vector<LanguageName> Catalogs::language_names() const {
    std::vector<LanguageName> names;
    for (const std::string& code : languages())
        names.push_back({code, native_name(code), is_rtl(code)});
    return names;
}

std::string Catalogs::native_name(std::string_view code) const {
    if (has(code))
        if (const std::string* own =
                catalog(code).find(k_language_name.msgid, k_language_name.context))
            return *own;
    if (!icu_knows_language(code))
        return normalized_code(code);
    const icu::Locale locale = icu_locale(code);
    icu::UnicodeString name;
    // The display name without the calendar keyword icu_locale() adds.
    icu::Locale(locale.getBaseName()).getDisplayName(locale, name);
    if (name.isEmpty())
        return normalized_code(code);
    // CLDR writes most language names in lower case ("español"); a menu item starts with a
    // capital, like the rest of the switcher.
    const UChar32 first = name.char32At(0);
    name.replace(0, U16_LENGTH(first), icu::UnicodeString(u_totitle(first)));
    return to_utf8(name);
}

bool Catalogs::is_rtl(std::string_view code) {
    if (!icu_knows_language(code))
        return false;
    return icu_locale(code).isRightToLeft();
}

}  // namespace homeroom::render
