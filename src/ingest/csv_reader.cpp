#include "ingest/csv_reader.h"

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string_view>

#include "core/errors.h"
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

// Parses one record's fields; lives only for one call of next() so the cursor stays in
// registers instead of being written back to the reader on every byte.
class RecordParser {
  public:
    RecordParser(Cursor& cursor, const std::string& file_name, Diagnostics& diags)
        : m_cur(cursor), m_file_name(file_name), m_diags(diags) {}

    bool malformed() const { return m_malformed; }

    // Reads the field starting at the cursor; stops at the delimiter, a line break or the end.
    void read_field(std::string& out) {
        if (m_cur.p < m_cur.end && *m_cur.p == '"') {
            read_quoted(out);
        } else {
            read_unquoted(out);
        }
    }

    // Consumes CRLF, LF or a lone CR.
    void skip_line_break() {
        if (*m_cur.p == '\r' && m_cur.p + 1 < m_cur.end && m_cur.p[1] == '\n')
            ++m_cur.p;
        ++m_cur.p;
        ++m_cur.line;
        m_cur.column = 1;
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
        m_diags.error(m_file_name, line, column, message);
        m_malformed = true;
    }

    Cursor& m_cur;
    const std::string& m_file_name;
    Diagnostics& m_diags;
    bool m_malformed = false;
};

// The next slot of `fields`, emptied but keeping its string's capacity from earlier records.
CsvField& next_slot(std::vector<CsvField>& fields, std::size_t index) {
    if (index == fields.size())
        fields.emplace_back();
    CsvField& field = fields[index];
    field.text.clear();
    return field;
}

}  // namespace

CsvReader::CsvReader(std::string bytes, std::string file_name, Diagnostics& diags)
    : m_file_name(std::move(file_name)), m_diags(&diags) {
    // UTF-16 (Excel's "Unicode Text") or a spreadsheet saved under a .csv name: decoding it
    // byte by byte would bury the one useful message under thousands of wrong ones.
    if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                              (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
        m_diags->error(m_file_name, 1, 0,
                       "file looks like UTF-16 (it starts with a UTF-16 byte-order mark); "
                       "save it as CSV in UTF-8");
        return;
    }
    if (std::memchr(bytes.data(), '\0', bytes.size()) != nullptr) {
        m_diags->error(m_file_name, 1, 0,
                       "file looks like UTF-16 or binary (it contains NUL bytes), not text; "
                       "save it as CSV in UTF-8");
        return;
    }
    if (std::string_view(bytes).starts_with(k_utf8_bom))
        bytes.erase(0, k_utf8_bom.size());

    const std::size_t invalid = find_invalid_utf8(bytes);
    if (invalid == std::string_view::npos) {
        m_text = std::move(bytes);
        return;
    }

    // Read as Windows-1252, every byte is one character, so positions count bytes.
    m_windows_1252 = true;
    PositionFinder positions(bytes, ColumnUnit::byte);
    const TextPosition at = positions.find(invalid);
    m_diags->warning(m_file_name, 0, 0,
                     "not valid UTF-8 (byte " +
                         hex_byte(static_cast<unsigned char>(bytes[invalid])) + " at line " +
                         std::to_string(at.line) + ", column " + std::to_string(at.column) +
                         "); read as Windows-1252");
    m_text = decode_windows_1252(bytes, [&](std::size_t offset) {
        const TextPosition where = positions.find(offset);
        m_diags->error(m_file_name, where.line, where.column,
                       "byte " + hex_byte(static_cast<unsigned char>(bytes[offset])) +
                           " is not a character in Windows-1252; the file may use another "
                           "encoding (save it as CSV in UTF-8)");
    });
}

CsvReader CsvReader::open(const std::filesystem::path& path, std::string file_name,
                          Diagnostics& diags) {
    const auto fail = [&](int error) {
        throw IoError("cannot read " + path.string() + ": " + std::strerror(error));
    };
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                         &std::fclose);
    if (!file)
        fail(errno);

    std::string bytes;
    std::error_code size_error;
    const auto expected_size = std::filesystem::file_size(path, size_error);
    if (!size_error)
        bytes.reserve(expected_size);

    // Read in chunks rather than trust the size: the file may change or be a pipe.
    std::array<char, 1 << 16> chunk;
    for (;;) {
        const std::size_t got = std::fread(chunk.data(), 1, chunk.size(), file.get());
        bytes.append(chunk.data(), got);
        if (got < chunk.size()) {
            if (std::ferror(file.get()))
                fail(errno);
            break;
        }
    }
    return CsvReader(std::move(bytes), std::move(file_name), diags);
}

bool CsvReader::next(std::vector<CsvField>& fields) {
    m_malformed = false;
    Cursor cursor{m_text.data() + m_pos, m_text.data() + m_text.size(), m_line, m_column};
    RecordParser parser(cursor, m_file_name, *m_diags);

    while (cursor.p < cursor.end && is_line_break(*cursor.p)) parser.skip_line_break();
    bool found = cursor.p < cursor.end;
    if (found) {
        m_record_line = cursor.line;
        std::size_t count = 0;
        for (;;) {
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
            parser.skip_line_break();
            break;
        }
        fields.resize(count);
        m_malformed = parser.malformed();
    } else {
        fields.clear();
    }

    m_pos = static_cast<std::size_t>(cursor.p - m_text.data());
    m_line = cursor.line;
    m_column = cursor.column;
    return found;
}

}  // namespace homeroom::ingest
