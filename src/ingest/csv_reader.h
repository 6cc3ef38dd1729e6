// RFC 4180 CSV as districts really export it: UTF-8 (with or without BOM) or Windows-1252,
// CRLF or LF, quoted fields holding commas, quotes and line breaks. Tracks the line and
// character column where each field starts so every diagnostic can point at it.
//
// Files are streamed: one pass settles the encoding (text_encoding.h), a second parses a few
// hundred kilobytes at a time, so memory stays bounded by the row and field limits below
// however large the file.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "ingest/text_encoding.h"

namespace homeroom::ingest {

// Limits of docs/data-format.md ("Sizes"), in bytes of UTF-8 text.
inline constexpr std::size_t k_max_field_bytes = std::size_t{1} << 20;  // 1 MiB
inline constexpr std::size_t k_max_row_bytes = std::size_t{4} << 20;    // 4 MiB
inline constexpr std::size_t k_max_row_fields = 1000;

struct CsvField {
    std::string text;  // UTF-8, quotes removed and "" unescaped; not trimmed
    int line = 0;      // 1-based physical line where the field starts
    int column = 0;    // 1-based character (code point) column where the field starts
};

// The raw bytes of a file, read from the start as often as the reader needs (twice).
class ByteSource {
  public:
    virtual ~ByteSource() = default;
    virtual std::size_t read(char* out, std::size_t size) = 0;  // 0 at the end
    virtual void rewind() = 0;
};

class CsvReader {
  public:
    // `bytes` is the raw file content; it is decoded to UTF-8 here. Encoding problems are
    // reported to `diags` under `file_name` (which is also used in every later diagnostic).
    CsvReader(std::string bytes, std::string file_name, Diagnostics& diags);
    CsvReader(std::unique_ptr<ByteSource> source, std::string file_name, Diagnostics& diags);

    // Streams a regular file; throws IoError("cannot read PATH: REASON") if it cannot.
    static CsvReader open(const std::filesystem::path& path, std::string file_name,
                          Diagnostics& diags);

    // Fills `fields` with the next record, skipping blank lines. Returns false at the end.
    // Malformed quoting and a field over the limit are reported to the Diagnostics; the record
    // is still returned, and last_record_malformed() tells the caller not to validate its
    // fields further.
    bool next(std::vector<CsvField>& fields);
    bool last_record_malformed() const { return m_malformed; }
    int record_line() const { return m_record_line; }  // line where the last record started

    const std::string& file_name() const { return m_file_name; }
    bool was_windows_1252() const { return m_encoding == Encoding::windows_1252; }
    // True when the file was refused as a whole (not text, or a row over the limit): the
    // error is reported, and no (more) records are returned.
    bool refused() const { return m_refused; }

  private:
    enum class Encoding { utf8, utf8_with_errors, windows_1252 };

    void settle_encoding();
    std::size_t read_raw(std::size_t size);  // into m_raw, at most `size` bytes
    void fill();                             // decodes more of the file into m_text
    void refuse_row(int line, int column, const std::string& message);

    std::unique_ptr<ByteSource> m_source;
    std::string m_file_name;
    Diagnostics* m_diags;
    Encoding m_encoding = Encoding::utf8;
    std::size_t m_skip = 0;  // bytes of a UTF-8 byte-order mark
    Utf8Splitter m_splitter;
    std::string m_raw;      // the last bytes read
    std::string m_text;     // decoded UTF-8; m_pos is where the next record starts
    bool m_at_end = false;  // the whole file is in m_text
    std::size_t m_pos = 0;
    int m_line = 1;
    int m_column = 1;
    int m_record_line = 0;
    bool m_malformed = false;
    bool m_refused = false;
};

}  // namespace homeroom::ingest
