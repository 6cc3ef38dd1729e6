// Writes RFC 4180 CSV: fields are quoted only when they must be (comma, quote, CR, LF, or a
// leading/trailing space that a reader would otherwise trim), quotes are doubled, rows end with
// LF unless told otherwise. Output is buffered; a write that fails throws IoError naming the file.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <initializer_list>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

namespace homeroom {

struct CsvWriterOptions {
    // For files people open in a spreadsheet (data extracts): a text cell starting with
    // = + - @ or a control character would be run as a formula, so it gets a leading
    // apostrophe. Plain numbers such as "-3.5" are left alone. Off for data meant to be
    // read back exactly (the native bundle).
    bool neutralize_formulas = false;
    std::string line_ending = "\n";
};

class CsvWriter {
  public:
    // Writes to a stream the caller owns; `name` is used in error messages.
    explicit CsvWriter(std::ostream& out, CsvWriterOptions options = {},
                       std::string name = "CSV output");
    // Creates (or truncates) the file. Throws IoError("cannot write PATH: why").
    explicit CsvWriter(const std::filesystem::path& path, CsvWriterOptions options = {});
    // Flushes what is buffered but swallows errors: call close() to learn about them.
    ~CsvWriter();

    CsvWriter(const CsvWriter&) = delete;
    CsvWriter& operator=(const CsvWriter&) = delete;

    CsvWriter& field(std::string_view text);
    CsvWriter& field(std::int64_t number);
    CsvWriter& empty_field() { return field(std::string_view()); }
    CsvWriter& end_row();
    // A whole row of text fields.
    CsvWriter& row(std::initializer_list<std::string_view> fields);

    // Hands the buffer to the stream or file; throws IoError if that fails.
    void flush();
    // Flushes and, for a file this writer opened, closes it (where a full disk often shows).
    void close();

    std::size_t rows_written() const { return m_rows; }

    // The field as it would be written (quoted and escaped when needed), without separators.
    static std::string encode(std::string_view text, const CsvWriterOptions& options = {});

  private:
    struct FileCloser {
        void operator()(std::FILE* f) const;
    };

    void begin_field();
    void append_encoded(std::string_view text);
    void write_out(const char* data, std::size_t size);

    static constexpr std::size_t k_buffer_limit = 1 << 16;

    CsvWriterOptions m_options;
    std::string m_name;
    std::ostream* m_stream = nullptr;
    std::unique_ptr<std::FILE, FileCloser> m_file;
    std::string m_buffer;
    std::size_t m_fields_in_row = 0;
    bool m_row_has_text = false;  // a row of one empty field must still be written as ""
    std::size_t m_rows = 0;
};

}  // namespace homeroom
