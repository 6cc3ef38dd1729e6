#include "core/csv_writer.h"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <ostream>

#include "core/errors.h"
#include "core/formula_guard.h"

namespace homeroom {
namespace {

bool needs_quotes(std::string_view text) {
    if (text.empty())
        return false;
    // Readers trim surrounding spaces from unquoted fields; quoting keeps them.
    if (text.front() == ' ' || text.back() == ' ' || text.front() == '\t' || text.back() == '\t')
        return true;
    return text.find_first_of(",\"\r\n") != std::string_view::npos;
}

}  // namespace

void CsvWriter::FileCloser::operator()(std::FILE* f) const {
    if (f)
        std::fclose(f);
}

CsvWriter::CsvWriter(std::ostream& out, CsvWriterOptions options, std::string name)
    : m_options(std::move(options)), m_name(std::move(name)), m_stream(&out) {
    m_buffer.reserve(k_buffer_limit + 1024);
}

CsvWriter::CsvWriter(const std::filesystem::path& path, CsvWriterOptions options)
    : m_options(std::move(options)), m_name(path.string()) {
    errno = 0;
    m_file.reset(std::fopen(path.c_str(), "wb"));
    if (!m_file)
        throw IoError("cannot write " + m_name + ": " +
                      (errno ? std::strerror(errno) : "cannot open the file"));
    m_buffer.reserve(k_buffer_limit + 1024);
}

CsvWriter::~CsvWriter() {
    try {
        flush();
    } catch (...) {  // NOLINT(bugprone-empty-catch): destructors never throw; close() reports
    }
}

std::string CsvWriter::encode(std::string_view text, const CsvWriterOptions& options) {
    std::string value;
    if (options.neutralize_formulas && starts_like_formula(text)) {
        value.reserve(text.size() + 1);
        value += '\'';
        value += text;
        text = value;
    }
    if (!needs_quotes(text))
        return std::string(text);
    std::string out;
    out.reserve(text.size() + 8);
    out += '"';
    for (const char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

void CsvWriter::begin_field() {
    if (m_fields_in_row++ > 0)
        m_buffer += ',';
}

void CsvWriter::append_encoded(std::string_view text) {
    if (text.empty())
        return;
    m_row_has_text = true;
    if (m_options.neutralize_formulas && starts_like_formula(text)) {
        m_buffer += encode(text, m_options);
        return;
    }
    if (!needs_quotes(text)) {
        m_buffer += text;
        return;
    }
    m_buffer += '"';
    std::size_t from = 0;
    for (std::size_t quote = text.find('"'); quote != std::string_view::npos;
         quote = text.find('"', from)) {
        m_buffer.append(text.data() + from, quote - from + 1);
        m_buffer += '"';
        from = quote + 1;
    }
    m_buffer.append(text.data() + from, text.size() - from);
    m_buffer += '"';
}

CsvWriter& CsvWriter::field(std::string_view text) {
    begin_field();
    append_encoded(text);
    return *this;
}

CsvWriter& CsvWriter::field(std::int64_t number) {
    begin_field();
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof digits, number);
    m_buffer.append(digits, result.ptr);
    m_row_has_text = true;
    return *this;
}

CsvWriter& CsvWriter::end_row() {
    // A lone empty field would be an empty line, which readers skip as blank.
    if (m_fields_in_row == 1 && !m_row_has_text)
        m_buffer += "\"\"";
    m_buffer += m_options.line_ending;
    m_fields_in_row = 0;
    m_row_has_text = false;
    ++m_rows;
    if (m_buffer.size() >= k_buffer_limit)
        flush();
    return *this;
}

CsvWriter& CsvWriter::row(std::initializer_list<std::string_view> fields) {
    for (const auto f : fields) field(f);
    return end_row();
}

void CsvWriter::write_out(const char* data, std::size_t size) {
    if (m_stream) {
        m_stream->write(data, static_cast<std::streamsize>(size));
        if (!*m_stream)
            throw IoError("cannot write " + m_name + ": the stream refused the data");
        return;
    }
    if (!m_file)
        throw IoError("cannot write " + m_name + ": the file is closed");
    errno = 0;
    if (std::fwrite(data, 1, size, m_file.get()) != size)
        throw IoError("cannot write " + m_name + ": " +
                      (errno ? std::strerror(errno) : "short write"));
}

void CsvWriter::flush() {
    if (m_buffer.empty())
        return;
    // Clear first so a failed write is not retried by the destructor.
    std::string pending;
    pending.swap(m_buffer);
    m_buffer.reserve(k_buffer_limit + 1024);
    write_out(pending.data(), pending.size());
}

void CsvWriter::close() {
    flush();
    if (m_stream) {
        m_stream->flush();
        if (!*m_stream)
            throw IoError("cannot write " + m_name + ": the stream refused the data");
        return;
    }
    if (!m_file)
        return;
    std::FILE* f = m_file.release();
    errno = 0;
    const bool flushed = std::fflush(f) == 0;
    const int flush_errno = errno;
    const bool closed = std::fclose(f) == 0;
    if (!flushed || !closed)
        throw IoError("cannot write " + m_name + ": " +
                      std::strerror(flush_errno ? flush_errno
                                    : errno     ? errno
                                                : EIO));
}

}  // namespace homeroom
