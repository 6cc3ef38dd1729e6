#include "ingest/table_reader.h"

#include <algorithm>
#include <unordered_map>

#include "core/ascii_text.h"
#include "core/closest_name.h"
#include "core/email_address.h"
#include "ingest/field_rules.h"

namespace homeroom::ingest {
namespace {

constexpr std::string_view k_byte_order_mark = "\xEF\xBB\xBF";  // U+FEFF in UTF-8

// Quotes a value for a diagnostic, shortened so a runaway field cannot flood the terminal.
std::string shown(std::string_view v) {
    constexpr std::size_t k_max = 40;
    std::string out = "\"";
    if (v.size() <= k_max) {
        out.append(v);
    } else {
        std::size_t cut = k_max;
        while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) --cut;
        out.append(v.substr(0, cut)).append("...");
    }
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20)
            c = ' ';
    return out + "\"";
}

}  // namespace

TableReader::TableReader(CsvReader& csv, std::span<const ColumnSpec> columns, Diagnostics& diags,
                         HeaderSpelling spelling)
    : m_csv(&csv), m_columns(columns), m_diags(&diags), m_index(columns.size(), -1) {
    std::vector<CsvField> header;
    if (!csv.next(header)) {
        // A file refused as a whole (not text) has its one error already.
        if (!csv.refused())
            diags.root_error(csv.file_name(), 1, 0, "the file is empty: a header line is required");
        return;
    }
    m_header_width = header.size();
    std::unordered_map<std::string, std::size_t> wanted;
    for (std::size_t i = 0; i < columns.size(); ++i)
        wanted.emplace(ascii_lower(columns[i].name), i);
    // The spec's columns the header does not name: what an unknown column may have meant.
    std::vector<bool> named(columns.size(), false);
    for (const auto& field : header)
        if (const auto it = wanted.find(ascii_lower(trim_blanks(field.text))); it != wanted.end())
            named[it->second] = true;
    std::vector<std::string> unnamed;
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (!named[i])
            unnamed.emplace_back(columns[i].name);

    m_header_ok = true;
    std::vector<std::string> unknown;
    std::vector<int> unknown_columns;
    for (std::size_t f = 0; f < header.size(); ++f) {
        std::string text = header[f].text;
        // A second byte-order mark (a file saved twice, or two files joined) hides the first
        // column's name: say so, rather than that the column is unknown and another missing.
        if (const auto bom = text.find(k_byte_order_mark); bom != std::string::npos) {
            diags.root_error(
                csv.file_name(), header[f].line,
                header[f].column + static_cast<int>(code_point_count(text.substr(0, bom))),
                "a second byte-order mark (U+FEFF) is in the header, before a column name (the "
                "file was saved twice with one, or two files were joined); remove it");
            m_header_ok = false;
            while (text.find(k_byte_order_mark) != std::string::npos)
                text.erase(text.find(k_byte_order_mark), k_byte_order_mark.size());
        }
        const std::string name = ascii_lower(trim_blanks(text));
        const auto it = wanted.find(name);
        if (it == wanted.end()) {
            std::string message = "unknown column " + shown(trim_blanks(text)) + " is ignored";
            const std::string spelt =
                spelling ? spelling(trim_blanks(text)) : std::string(trim_blanks(text));
            if (const auto near = closest_name(spelt, unnamed))
                message += "; did you mean " + *near + "?";
            diags.warning(csv.file_name(), header[f].line, header[f].column, message);
            unknown.push_back(name);
            unknown_columns.push_back(header[f].column);
            continue;
        }
        if (m_index[it->second] >= 0) {
            diags.root_error(csv.file_name(), header[f].line, header[f].column,
                             "column \"" + name + "\" appears twice in the header");
            m_header_ok = false;
            continue;
        }
        m_index[it->second] = static_cast<int>(f);
    }
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].required && m_index[i] < 0) {
            std::string message =
                "required column \"" + std::string(columns[i].name) + "\" is missing";
            // The unknown column that is most likely it, so its warning is not the only clue.
            if (const auto near = closest_name(columns[i].name, unknown)) {
                const auto at = std::find(unknown.begin(), unknown.end(), *near) - unknown.begin();
                message += " (the header has \"" + *near + "\" at column " +
                           std::to_string(unknown_columns[static_cast<std::size_t>(at)]) +
                           ": a typing mistake?)";
            }
            diags.root_error(csv.file_name(), 1, 0, message);
            m_header_ok = false;
        }
    }
}

bool TableReader::next_row() {
    if (!m_header_ok)
        return false;
    while (m_csv->next(m_fields)) {
        if (m_csv->last_record_malformed())
            continue;  // already reported by the reader
        if (m_fields.size() != m_header_width) {
            m_diags->error(file_name(), line(), 0,
                           "expected " + std::to_string(m_header_width) +
                               " fields as in the header, found " +
                               std::to_string(m_fields.size()));
            continue;
        }
        m_row_ok = true;
        return true;
    }
    return false;
}

std::string_view TableReader::value(std::size_t column) const {
    const int f = m_index[column];
    return f < 0 ? std::string_view() : trim_blanks(m_fields[static_cast<std::size_t>(f)].text);
}

std::pair<int, int> TableReader::position(std::size_t column) const {
    const int f = m_index[column];
    if (f < 0)
        return {line(), 0};
    const CsvField& field = m_fields[static_cast<std::size_t>(f)];
    return {field.line, field.column};
}

void TableReader::error(std::size_t column, const std::string& message) {
    const auto [l, c] = position(column);
    m_diags->error(file_name(), l, c, std::string(m_columns[column].name) + ": " + message);
    m_row_ok = false;
}

void TableReader::warning(std::size_t column, const std::string& message) {
    const auto [l, c] = position(column);
    m_diags->warning(file_name(), l, c, std::string(m_columns[column].name) + ": " + message);
}

void TableReader::row_error(const std::string& message) {
    m_diags->error(file_name(), line(), m_fields.empty() ? 0 : m_fields.front().column, message);
    m_row_ok = false;
}

bool TableReader::require(std::size_t column) {
    if (present(column))
        return true;
    if (m_columns[column].required)
        error(column, "a value is required");
    return false;
}

std::string TableReader::id(std::size_t column) {
    if (!require(column))
        return {};
    const auto v = value(column);
    if (!is_valid_id(v)) {
        error(column, shown(v) + " is not a valid id (1 to 64 letters, digits or - _ . : /)");
        return {};
    }
    return std::string(v);
}

std::string TableReader::checked_text(std::size_t column, std::size_t max_length, bool multi_line) {
    if (!require(column))
        return {};
    const auto v = value(column);
    if (const int at = find_control_character(v, multi_line); at >= 0) {
        error(column, multi_line
                          ? "contains a control character at character " + std::to_string(at + 1)
                          : "contains a line break or control character at character " +
                                std::to_string(at + 1));
        return {};
    }
    if (const auto n = code_point_count(v); n > max_length) {
        error(column, "is " + std::to_string(n) + " characters long; at most " +
                          std::to_string(max_length) + " are allowed");
        return {};
    }
    return std::string(v);
}

std::string TableReader::text(std::size_t column) {
    return checked_text(column, k_max_text_length, false);
}

std::string TableReader::longtext(std::size_t column) {
    return checked_text(column, k_max_longtext_length, true);
}

std::optional<Date> TableReader::date(std::size_t column) {
    if (!require(column))
        return std::nullopt;
    const auto v = value(column);
    auto d = Date::parse(v);
    if (!d) {
        const bool shaped = v.size() == 10 && v[4] == '-' && v[7] == '-';
        error(column, shown(v) + (shaped ? " is not a real calendar date"
                                         : " is not a date in the form YYYY-MM-DD"));
    }
    return d;
}

std::optional<bool> TableReader::boolean(std::size_t column) {
    if (!require(column))
        return std::nullopt;
    const auto v = value(column);
    auto b = parse_bool(v);
    if (!b)
        error(column, shown(v) + " is not Y or N");
    return b;
}

std::optional<long long> TableReader::integer(std::size_t column, long long min, long long max) {
    if (!require(column))
        return std::nullopt;
    const auto v = value(column);
    auto n = parse_int(v);
    if (!n && !is_whole_number(v)) {
        error(column, shown(v) + " is not a whole number");
        return std::nullopt;
    }
    if (!n || *n < min || *n > max) {
        error(column, shown(v) + " is out of range (" + std::to_string(min) + " to " +
                          std::to_string(max) + ")");
        return std::nullopt;
    }
    return n;
}

std::optional<double> TableReader::number(std::size_t column, double min, double max) {
    if (!require(column))
        return std::nullopt;
    const auto v = value(column);
    auto n = parse_number(v);
    if (!n && !is_decimal_number(v)) {
        error(column, shown(v) + " is not a number");
        return std::nullopt;
    }
    if (!n || *n < min || *n > max) {
        auto fmt = [](double x) {
            std::string s = std::to_string(x);
            s.erase(s.find_last_not_of('0') + 1);
            if (!s.empty() && s.back() == '.')
                s.pop_back();
            return s;
        };
        error(column, shown(v) + " is out of range (" + fmt(min) + " to " + fmt(max) + ")");
        return std::nullopt;
    }
    return n;
}

std::string TableReader::email(std::size_t column) {
    if (!require(column))
        return {};
    const auto v = value(column);
    // The rule notify sends by (core/email_address.h): an address it could never use is not
    // imported silently.
    const auto check = check_email_address(v);
    if (check.needs_smtputf8) {
        warning(column, shown(v) + " cannot be emailed: " + check.problem +
                            "; this contact gets no email (notify counts it under no_address)");
    } else if (!check.usable()) {
        error(column, shown(v) + " is not an email address: " + check.problem);
        return {};
    }
    return std::string(v);
}

std::string TableReader::phone(std::size_t column) {
    if (!require(column))
        return {};
    const auto v = value(column);
    if (!is_valid_phone(v)) {
        error(column, shown(v) + " is not a phone number in E.164 form (+ and 8 to 15 digits)");
        return {};
    }
    return std::string(v);
}

std::string TableReader::language(std::size_t column) {
    if (!require(column))
        return {};
    const auto v = value(column);
    if (!is_valid_language(v)) {
        error(column, shown(v) + " is not a two-letter ISO 639-1 language code");
        return {};
    }
    return std::string(v);
}

std::string TableReader::code_impl(std::size_t column, std::span<const std::string_view> allowed) {
    if (!require(column))
        return {};
    const auto v = value(column);
    for (auto a : allowed)
        if (a == v)
            return std::string(v);
    std::string list;
    for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    error(column, shown(v) + " is not one of: " + list);
    return {};
}

}  // namespace homeroom::ingest
