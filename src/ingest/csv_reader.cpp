#include "ingest/csv_reader.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <string_view>

#include "ingest/regular_file.h"
#include "ingest/text_encoding.h"

namespace homeroom::ingest {

namespace {

constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";

// Which bytes end a run of ordinary text, per parsing mode. Tables keep the inner loops to one
// load and one branch per byte, which is what makes 100 MB files quick.
enum ByteClass : unsigned char {
    k_plain = 0,
    k_stop_unquoted = 1,  // , " CR LF: end a run inside an unquoted field
    k_stop_quoted = 2,    // " CR LF: end a run inside a quoted field
    k_stop_literal = 4,   // , CR LF: end a run of text kept literally after a quoting error
};

constexpr std::array<unsigned char, 256> make_byte_classes() {
    std::array<unsigned char, 256> classes{};
    classes[','] = k_stop_unquoted | k_stop_literal;
    classes['"'] = k_stop_unquoted | k_stop_quoted;
    classes['\r'] = k_stop_unquoted | k_stop_quoted | k_stop_literal;
    classes['\n'] = k_stop_unquoted | k_stop_quoted | k_stop_literal;
    return classes;
}

constexpr std::array<unsigned char, 256> k_byte_classes = make_byte_classes();

bool is_line_break(char c) {
    return c == '\n' || c == '\r';
}

std::string hex_byte(unsigned char byte) {
    constexpr std::string_view digits = "0123456789ABCDEF";
    std::string out = "0x";
    out += digits[byte >> 4];
    out += digits[byte & 0x0F];
    return out;
}

// Where the parser is: the byte it looks at and that byte's line and code-point column.
struct Cursor {
    const char* p;
    const char* end;
    int line;
    int column;
};

// Consumes CRLF, LF or a lone CR.
void skip_line_break(Cursor& cur) {
    if (*cur.p == '\r' && cur.p + 1 < cur.end && cur.p[1] == '\n')
        ++cur.p;
    ++cur.p;
    ++cur.line;
    cur.column = 1;
}

// A problem of the record being parsed, reported only once the record is complete (a record
// cut by the end of the text read so far is parsed again when more has been read).
struct PendingDiagnostic {
    int line;
    int column;
    std::string message;
};

// Parses one record's fields; lives only for one call of next() so the cursor stays in
// registers instead of being written back to the reader on every byte.
class RecordParser {
  public:
    RecordParser(Cursor& cursor, std::vector<PendingDiagnostic>& diags)
        : m_cur(cursor), m_diags(diags) {}

    bool malformed() const { return m_malformed; }
    // A quoted field reached the end of the text; `open_quote` is where it was opened.
    bool quote_ran_out() const { return m_quote_ran_out; }
    const Cursor& open_quote() const { return m_open_quote; }

    // Reads the field starting at the cursor; stops at the delimiter, a line break or the end.
    void read_field(std::string& out) {
        if (m_cur.p < m_cur.end && *m_cur.p == '"') {
            read_quoted(out);
        } else {
            read_unquoted(out);
        }
    }

  private:
    // Appends bytes up to the first one whose class has `stop_mask`, counting code points.
    void append_run(std::string& out, unsigned char stop_mask) {
        const char* p = m_cur.p;
        const char* const end = m_cur.end;
        int column = m_cur.column;
        while (p < end) {
            const auto byte = static_cast<unsigned char>(*p);
            if (k_byte_classes[byte] & stop_mask)
                break;
            column += (byte & 0xC0) != 0x80;
            ++p;
        }
        out.append(m_cur.p, p);
        m_cur.p = p;
        m_cur.column = column;
    }

    void read_unquoted(std::string& out) {
        append_run(out, k_stop_unquoted);
        if (m_cur.p < m_cur.end && *m_cur.p == '"') {
            report(m_cur.line, m_cur.column, "quote character inside an unquoted field");
            append_run(out, k_stop_literal);
        }
    }

    void read_quoted(std::string& out) {
        const Cursor opening = m_cur;
        ++m_cur.p;
        ++m_cur.column;
        for (;;) {
            append_run(out, k_stop_quoted);
            if (m_cur.p == m_cur.end) {
                m_quote_ran_out = true;
                m_open_quote = opening;
                report(opening.line, opening.column, "unterminated quoted field (opened here)");
                // Rather than let one stray quote swallow the rest of the file, read the field
                // again as literal text, so the following lines are parsed and diagnosed.
                m_cur = opening;
                out.clear();
                append_run(out, k_stop_literal);
                return;
            }
            const char c = *m_cur.p;
            if (c == '"') {
                if (m_cur.p + 1 < m_cur.end && m_cur.p[1] == '"') {
                    out += '"';
                    m_cur.p += 2;
                    m_cur.column += 2;
                    continue;
                }
                ++m_cur.p;
                ++m_cur.column;
                if (m_cur.p == m_cur.end || *m_cur.p == ',' || is_line_break(*m_cur.p))
                    return;
                report(m_cur.line, m_cur.column, "unexpected text after closing quote");
                // Most often an unescaped quote inside the field: keep it and what follows.
                out += '"';
                append_run(out, k_stop_literal);
                return;
            }
            // A line break inside quotes is part of the field, kept as written.
            if (c == '\r' && m_cur.p + 1 < m_cur.end && m_cur.p[1] == '\n') {
                out += "\r\n";
                m_cur.p += 2;
            } else {
                out += c;
                ++m_cur.p;
            }
            ++m_cur.line;
            m_cur.column = 1;
        }
    }

    void report(int line, int column, const char* message) {
        m_diags.push_back({line, column, message});
        m_malformed = true;
    }

    Cursor& m_cur;
    std::vector<PendingDiagnostic>& m_diags;
    bool m_malformed = false;
    bool m_quote_ran_out = false;
    Cursor m_open_quote{};
};

// The next slot of `fields`, emptied but keeping its string's capacity from earlier records.
CsvField& next_slot(std::vector<CsvField>& fields, std::size_t index) {
    if (index == fields.size())
        fields.emplace_back();
    CsvField& field = fields[index];
    field.text.clear();
    return field;
}

constexpr std::size_t k_chunk = std::size_t{256} << 10;     // bytes read at a time
constexpr std::string_view k_replacement = "\xEF\xBF\xBD";  // U+FFFD

std::string mebibytes(std::size_t bytes) {
    return std::to_string(bytes >> 20) + " MiB";
}

class StringSource final : public ByteSource {
  public:
    explicit StringSource(std::string bytes) : m_bytes(std::move(bytes)) {}
    std::size_t read(char* out, std::size_t size) override {
        const std::size_t n = std::min(size, m_bytes.size() - m_pos);
        std::memcpy(out, m_bytes.data() + m_pos, n);
        m_pos += n;
        return n;
    }
    void rewind() override { m_pos = 0; }

  private:
    std::string m_bytes;
    std::size_t m_pos = 0;
};

class FileSource final : public ByteSource {
  public:
    explicit FileSource(const std::filesystem::path& path) : m_file(path) {}
    std::size_t read(char* out, std::size_t size) override { return m_file.read(out, size); }
    void rewind() override { m_file.rewind(); }

  private:
    ReadOnlyFile m_file;
};

}  // namespace

CsvReader::CsvReader(std::string bytes, std::string file_name, Diagnostics& diags)
    : CsvReader(std::make_unique<StringSource>(std::move(bytes)), std::move(file_name), diags) {}

CsvReader::CsvReader(std::unique_ptr<ByteSource> source, std::string file_name, Diagnostics& diags)
    : m_source(std::move(source)), m_file_name(std::move(file_name)), m_diags(&diags) {
    settle_encoding();
}

CsvReader CsvReader::open(const std::filesystem::path& path, std::string file_name,
                          Diagnostics& diags) {
    return CsvReader(std::make_unique<FileSource>(path), std::move(file_name), diags);
}

std::size_t CsvReader::read_raw(std::size_t size) {
    m_raw.resize(size);
    std::size_t got = 0;
    while (got < size) {
        const std::size_t n = m_source->read(m_raw.data() + got, size - got);
        if (n == 0)
            break;
        got += n;
    }
    m_raw.resize(got);
    return got;
}

void CsvReader::settle_encoding() {
    read_raw(k_chunk);
    const std::string_view head = m_raw;
    // UTF-16 (Excel's "Unicode Text") or a spreadsheet saved under a .csv name: decoding it
    // byte by byte would bury the one useful message under thousands of wrong ones.
    if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) {
        m_diags->root_error(m_file_name, 1, 0,
                            "file looks like UTF-16 (it starts with a UTF-16 byte-order mark); "
                            "save it as CSV in UTF-8");
        m_refused = true;
        return;
    }
    m_skip = head.starts_with(k_utf8_bom) ? k_utf8_bom.size() : 0;

    EncodingScan scan;
    bool more = scan.feed(head.substr(m_skip));
    while (more && read_raw(k_chunk) > 0) more = scan.feed(m_raw);
    if (more)
        scan.finish();

    const bool utf8 = scan.is_utf8();
    const auto column = [&](const BytePosition& at) {
        return utf8 ? at.utf8_column : at.byte_column;
    };
    if (const auto& nul = scan.nul()) {
        m_diags->root_error(m_file_name, nul->line, column(*nul),
                            "byte 0x00 (NUL) is not text: the file is damaged, binary or UTF-16 "
                            "without a byte-order mark; save it as CSV in UTF-8");
        m_refused = true;
        return;
    }
    if (utf8) {
        m_encoding = scan.invalid_count() == 0 ? Encoding::utf8 : Encoding::utf8_with_errors;
        for (const BytePosition& at : scan.invalid_utf8())
            m_diags->error(m_file_name, at.line, at.utf8_column,
                           "byte " + hex_byte(at.byte) +
                               " is not valid UTF-8, and the rest of the file is UTF-8; retype "
                               "this character (or save the file as CSV in UTF-8 again)");
        if (scan.invalid_count() > scan.invalid_utf8().size())
            m_diags->error(m_file_name, 0, 0,
                           std::to_string(scan.invalid_count() - scan.invalid_utf8().size()) +
                               " more bytes are not valid UTF-8");
    } else {
        // Read as Windows-1252, every byte is one character, so positions count bytes.
        m_encoding = Encoding::windows_1252;
        const BytePosition& at = scan.invalid_utf8().front();
        m_diags->warning(m_file_name, 0, 0,
                         "not valid UTF-8 (byte " + hex_byte(at.byte) + " at line " +
                             std::to_string(at.line) + ", column " +
                             std::to_string(at.byte_column) + "); read as Windows-1252");
        for (const BytePosition& undefined : scan.undefined_1252())
            m_diags->error(m_file_name, undefined.line, undefined.byte_column,
                           "byte " + hex_byte(undefined.byte) +
                               " is not a character in Windows-1252; the file may use another "
                               "encoding (save it as CSV in UTF-8)");
        if (scan.undefined_1252_count() > scan.undefined_1252().size())
            m_diags->error(
                m_file_name, 0, 0,
                std::to_string(scan.undefined_1252_count() - scan.undefined_1252().size()) +
                    " more bytes are not characters in Windows-1252");
    }
    m_source->rewind();
}

void CsvReader::fill() {
    if (m_pos > 0) {
        m_text.erase(0, m_pos);
        m_pos = 0;
    }
    // As much again as is waiting, so a long record is parsed a bounded number of times, but
    // never much beyond the row limit: memory stays bounded by it.
    const std::size_t waiting = m_text.size();
    const std::size_t room = waiting < k_max_row_bytes ? k_max_row_bytes - waiting + 1 : 1;
    const std::size_t got = read_raw(std::max(k_chunk, std::min(waiting, room)));
    std::string_view raw = m_raw;
    const std::size_t skip = std::min(m_skip, raw.size());
    raw.remove_prefix(skip);
    m_skip -= skip;
    const auto append = [this](std::string_view c, bool valid) {
        m_text.append(valid ? c : k_replacement);
    };
    switch (m_encoding) {
        case Encoding::utf8:
            m_text.append(raw);
            break;
        case Encoding::utf8_with_errors:
            m_splitter.feed(raw, append);
            if (got == 0)
                m_splitter.finish(append);
            break;
        case Encoding::windows_1252:
            m_text += decode_windows_1252(raw, {});
            break;
    }
    m_at_end = got == 0;
}

void CsvReader::refuse_row(int line, int column, const std::string& message) {
    m_diags->root_error(m_file_name, line, column, message);
    m_refused = true;
    m_text.clear();
    m_text.shrink_to_fit();
}

bool CsvReader::next(std::vector<CsvField>& fields) {
    m_malformed = false;
    std::vector<PendingDiagnostic> pending;
    while (!m_refused) {
        const char* const begin = m_text.data();
        Cursor cursor{begin + m_pos, begin + m_text.size(), m_line, m_column};

        // Blank lines; a CR last in the text may be the first half of a CRLF.
        while (cursor.p < cursor.end && is_line_break(*cursor.p) &&
               !(*cursor.p == '\r' && cursor.p + 1 == cursor.end && !m_at_end))
            skip_line_break(cursor);
        m_pos = static_cast<std::size_t>(cursor.p - begin);
        m_line = cursor.line;
        m_column = cursor.column;
        if (cursor.p == cursor.end || is_line_break(*cursor.p)) {
            if (m_at_end)
                break;
            fill();
            continue;
        }

        const Cursor start = cursor;
        pending.clear();
        RecordParser parser(cursor, pending);
        std::size_t count = 0;
        bool too_many_fields = false;
        for (;;) {
            if (count == k_max_row_fields) {
                too_many_fields = true;
                break;
            }
            CsvField& field = next_slot(fields, count++);
            field.line = cursor.line;
            field.column = cursor.column;
            parser.read_field(field.text);
            if (cursor.p == cursor.end)
                break;
            if (*cursor.p == ',') {
                ++cursor.p;
                ++cursor.column;
                continue;
            }
            skip_line_break(cursor);
            break;
        }

        if (too_many_fields) {
            refuse_row(start.line, start.column,
                       "row has more than " + std::to_string(k_max_row_fields) +
                           " fields (the limit for one row); the rest of the file is not read");
            break;
        }
        // The record may go on beyond what has been read: read more and parse it again.
        const bool cut = !m_at_end && (cursor.p == cursor.end || parser.quote_ran_out());
        const std::size_t row_bytes =
            (cut ? m_text.size() : static_cast<std::size_t>(cursor.p - begin)) - m_pos;
        if (row_bytes > k_max_row_bytes) {
            const std::string limit = mebibytes(k_max_row_bytes) + " (the limit for one row)";
            if (cut && parser.quote_ran_out())
                refuse_row(parser.open_quote().line, parser.open_quote().column,
                           "quoted field opened here is still open after " + limit +
                               "; is a closing quote missing? The rest of the file is not read");
            else
                refuse_row(start.line, start.column,
                           "row is longer than " + limit + "; the rest of the file is not read");
            break;
        }
        if (cut) {
            fill();
            continue;
        }

        fields.resize(count);
        m_record_line = start.line;
        for (const PendingDiagnostic& d : pending)
            m_diags->error(m_file_name, d.line, d.column, d.message);
        m_malformed = parser.malformed();
        for (const CsvField& field : fields) {
            if (field.text.size() > k_max_field_bytes) {
                m_diags->error(m_file_name, field.line, field.column,
                               "field is longer than " + mebibytes(k_max_field_bytes) +
                                   " (the limit for one field)");
                m_malformed = true;
            }
        }
        m_pos = static_cast<std::size_t>(cursor.p - begin);
        m_line = cursor.line;
        m_column = cursor.column;
        return true;
    }
    fields.clear();
    return false;
}

}  // namespace homeroom::ingest
