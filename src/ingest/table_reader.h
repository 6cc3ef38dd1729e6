// One file of the native bundle: matches the header against the expected columns and gives
// typed, validated access to each row's fields. Every problem becomes a diagnostic that points
// at the field ("students.csv:14:23: error: birth_date: ...").
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/diagnostics.h"
#include "ingest/csv_reader.h"

namespace homeroom::ingest {

struct ColumnSpec {
    std::string_view name;
    bool required;
};

class TableReader {
  public:
    // Spells a header name the way the specification would, before "did you mean" looks for the
    // closest column (OneRoster: "GivenName" -> "FirstName"); identity when empty.
    using HeaderSpelling = std::string (*)(std::string_view);

    // Reads the header (names match the spec's without regard to case). Reports missing
    // required columns, repeated columns, and unknown ones with the spec's column they most
    // likely meant ("did you mean preferredFirstName?").
    TableReader(CsvReader& csv, std::span<const ColumnSpec> columns, Diagnostics& diags,
                HeaderSpelling spelling = nullptr);

    // False when the header is unusable (a required column is missing): rows are not read.
    bool header_ok() const { return m_header_ok; }
    // Advances to the next row; false at the end of the file.
    bool next_row();
    // False once any field of the current row was refused.
    bool row_ok() const { return m_row_ok; }
    int line() const { return m_csv->record_line(); }
    const std::string& file_name() const { return m_csv->file_name(); }

    // Accessors take the index of the column in the spec. An absent value of an optional
    // column yields the empty/default result; of a required column, an error.
    std::string id(std::size_t column);
    std::string text(std::size_t column);
    std::string longtext(std::size_t column);
    std::optional<Date> date(std::size_t column);
    std::optional<bool> boolean(std::size_t column);
    std::optional<long long> integer(std::size_t column, long long min, long long max);
    std::optional<double> number(std::size_t column, double min, double max);
    std::string email(std::size_t column);
    std::string phone(std::size_t column);
    std::string language(std::size_t column);
    template <std::size_t N>
    std::string code(std::size_t column, const std::array<std::string_view, N>& allowed) {
        return code_impl(column, std::span<const std::string_view>(allowed.data(), N));
    }

    bool present(std::size_t column) const { return !value(column).empty(); }
    // Reports a rule broken by the value of `column` ("COLUMN: message") and fails the row.
    void error(std::size_t column, const std::string& message);
    // Reports a rule broken by the row as a whole, at its first field.
    void row_error(const std::string& message);
    void warning(std::size_t column, const std::string& message);
    // Fails the row without a diagnostic: its cause was reported already (a refused row it
    // refers to), and repeating it for every reference would bury the real problem.
    void fail_quietly() { m_row_ok = false; }

    // Where the current row's field of `column` starts (line, column; column 0 if absent).
    std::pair<int, int> position(std::size_t column) const;
    // The field as written (trimmed); empty if the column is absent.
    std::string_view raw(std::size_t column) const { return value(column); }

  private:
    std::string_view value(std::size_t column) const;  // trimmed; empty if column absent
    bool require(std::size_t column);  // false (and an error if required) when absent
    std::string code_impl(std::size_t column, std::span<const std::string_view> allowed);
    std::string checked_text(std::size_t column, std::size_t max_length, bool multi_line);

    CsvReader* m_csv;
    std::span<const ColumnSpec> m_columns;
    Diagnostics* m_diags;
    std::vector<int> m_index;  // spec column -> CSV field index, or -1
    std::size_t m_header_width = 0;
    std::vector<CsvField> m_fields;
    bool m_header_ok = false;
    bool m_row_ok = false;
};

}  // namespace homeroom::ingest
