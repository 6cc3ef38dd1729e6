// RFC 4180 CSV as districts really export it: UTF-8 (with or without BOM) or Windows-1252,
// CRLF or LF, quoted fields holding commas, quotes and line breaks. Tracks the line and
// character column where each field starts so every diagnostic can point at it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/diagnostics.h"

namespace homeroom::ingest {

struct CsvField {
    std::string text;  // UTF-8, quotes removed and "" unescaped; not trimmed
    int line = 0;      // 1-based physical line where the field starts
    int column = 0;    // 1-based character (code point) column where the field starts
};

class CsvReader {
  public:
    // `bytes` is the raw file content; it is decoded to UTF-8 here. Encoding problems are
    // reported to `diags` under `file_name` (which is also used in every later diagnostic).
    CsvReader(std::string bytes, std::string file_name, Diagnostics& diags);

    // Reads the whole file; throws IoError("cannot read PATH: REASON") if it cannot.
    static CsvReader open(const std::filesystem::path& path, std::string file_name,
                          Diagnostics& diags);

    // Fills `fields` with the next record, skipping blank lines. Returns false at the end.
    // Malformed quoting is reported to the Diagnostics; the record is still returned, and
    // last_record_malformed() tells the caller not to validate its fields further.
    bool next(std::vector<CsvField>& fields);
    bool last_record_malformed() const { return m_malformed; }
    int record_line() const { return m_record_line; }  // line where the last record started

    const std::string& file_name() const { return m_file_name; }
    bool was_windows_1252() const { return m_windows_1252; }

  private:
    std::string m_text;  // decoded UTF-8
    std::string m_file_name;
    Diagnostics* m_diags;
    std::size_t m_pos = 0;
    int m_line = 1;
    int m_column = 1;
    int m_record_line = 0;
    bool m_malformed = false;
    bool m_windows_1252 = false;
};

}  // namespace homeroom::ingest
