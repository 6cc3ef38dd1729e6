#include "ingest/text_encoding.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <limits>

namespace homeroom::ingest {

namespace {

constexpr std::uint64_t k_high_bits = 0x8080808080808080ULL;

// Positions stop growing at the largest int rather than overflow on a multi-gigabyte line.
void advance(int& position, int by) {
    position = position > std::numeric_limits<int>::max() - by ? std::numeric_limits<int>::max()
                                                               : position + by;
}

bool is_continuation(unsigned char byte) {
    return (byte & 0xC0) == 0x80;
}

// Windows-1252 0x80..0x9F; the rest of the upper half equals Latin-1 (U+00A0..U+00FF).
// 0 marks the undefined bytes.
constexpr std::array<char16_t, 32> k_windows_1252_high = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  //
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       //
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  //
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

void append_utf8(std::string& out, char32_t code_point) {
    if (code_point < 0x80) {
        out += static_cast<char>(code_point);
    } else if (code_point < 0x800) {
        out += static_cast<char>(0xC0 | (code_point >> 6));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else {
        // Windows-1252 never needs more than three bytes.
        out += static_cast<char>(0xE0 | (code_point >> 12));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    }
}

}  // namespace

std::size_t find_invalid_utf8(std::string_view bytes) {
    const auto* const data = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t size = bytes.size();
    std::size_t i = 0;
    while (i < size) {
        // Exports are mostly ASCII: skip it eight bytes at a time.
        while (i + 8 <= size) {
            std::uint64_t chunk;
            std::memcpy(&chunk, data + i, sizeof chunk);
            if (chunk & k_high_bits)
                break;
            i += 8;
        }
        if (i >= size)
            break;
        const unsigned char lead = data[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        // Allowed range of the second byte and length of the sequence (Unicode Table 3-7).
        std::size_t length = 0;
        unsigned char second_min = 0x80, second_max = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0)
                second_min = 0xA0;  // overlong
            if (lead == 0xED)
                second_max = 0x9F;  // surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0)
                second_min = 0x90;  // overlong
            if (lead == 0xF4)
                second_max = 0x8F;  // above U+10FFFF
        } else {
            return i;  // continuation byte without a lead, or a byte never used in UTF-8
        }
        if (i + length > size)
            return i;
        if (data[i + 1] < second_min || data[i + 1] > second_max)
            return i;
        for (std::size_t k = 2; k < length; ++k)
            if (!is_continuation(data[i + k]))
                return i;
        i += length;
    }
    return std::string_view::npos;
}

bool is_undefined_in_windows_1252(unsigned char byte) {
    return byte == 0x81 || byte == 0x8D || byte == 0x8F || byte == 0x90 || byte == 0x9D;
}

std::string decode_windows_1252(std::string_view bytes,
                                const std::function<void(std::size_t offset)>& on_undefined_byte) {
    std::string out;
    // Non-ASCII is rare in these files, so a little headroom avoids most regrowth.
    out.reserve(bytes.size() + bytes.size() / 16 + 16);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        if (byte < 0x80) {
            out += static_cast<char>(byte);
        } else if (byte >= 0xA0) {
            append_utf8(out, byte);
        } else if (const char16_t mapped = k_windows_1252_high[byte - 0x80]; mapped != 0) {
            append_utf8(out, mapped);
        } else {
            append_utf8(out, 0xFFFD);
            if (on_undefined_byte)
                on_undefined_byte(i);
        }
    }
    return out;
}

std::size_t count_code_points(std::string_view utf8) {
    std::size_t count = 0;
    for (const char c : utf8) count += !is_continuation(static_cast<unsigned char>(c));
    return count;
}

TextPosition PositionFinder::find(std::size_t offset) {
    if (offset > m_text.size())
        offset = m_text.size();
    for (; m_offset < offset; ++m_offset) {
        const char c = m_text[m_offset];
        if (c == '\r') {
            ++m_position.line;
            m_position.column = 1;
        } else if (c == '\n') {
            // The LF of a CRLF belongs to the line break the CR already counted.
            if (m_offset == 0 || m_text[m_offset - 1] != '\r') {
                ++m_position.line;
                m_position.column = 1;
            }
        } else if (m_unit == ColumnUnit::byte || !is_continuation(static_cast<unsigned char>(c))) {
            ++m_position.column;
        }
    }
    return m_position;
}

bool Utf8Splitter::start(unsigned char lead) {
    // Allowed range of the second byte and length of the sequence (Unicode Table 3-7).
    m_low = 0x80;
    m_high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        m_need = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        m_need = 2;
        if (lead == 0xE0)
            m_low = 0xA0;  // overlong
        if (lead == 0xED)
            m_high = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        m_need = 3;
        if (lead == 0xF0)
            m_low = 0x90;  // overlong
        if (lead == 0xF4)
            m_high = 0x8F;  // above U+10FFFF
    } else {
        return false;
    }
    return true;
}

bool EncodingScan::feed(std::string_view bytes) {
    if (m_nul)
        return false;
    const auto on = [this](std::string_view c, bool valid) { on_char(c, valid); };
    std::size_t i = 0;
    while (i < bytes.size() && !m_nul) {
        if (m_splitter.idle()) {
            // Printable ASCII, most of any export, only moves the columns.
            std::size_t j = i;
            while (j < bytes.size() && static_cast<unsigned char>(bytes[j]) >= 0x20 &&
                   static_cast<unsigned char>(bytes[j]) < 0x80)
                ++j;
            if (j > i) {
                const int run = static_cast<int>(j - i);
                advance(m_at.utf8_column, run);
                advance(m_at.byte_column, run);
                m_after_cr = false;
                i = j;
                continue;
            }
        }
        m_splitter.feed(bytes.substr(i, 1), on);
        ++i;
    }
    return !m_nul;
}

void EncodingScan::finish() {
    if (!m_nul)
        m_splitter.finish([this](std::string_view c, bool valid) { on_char(c, valid); });
}

void EncodingScan::on_char(std::string_view bytes, bool valid) {
    if (m_nul)
        return;
    const char first = bytes.front();
    if (first == '\r' || (first == '\n' && !m_after_cr)) {
        advance(m_at.line, 1);
        m_at.utf8_column = m_at.byte_column = 1;
        m_after_cr = first == '\r';
        return;
    }
    m_after_cr = false;
    if (first == '\n')
        return;  // the LF of a CRLF
    if (first == '\0') {
        m_nul = m_at;
        m_nul->byte = 0;
        return;
    }
    if (bytes.size() > 1 && valid)
        ++m_valid_multibyte;
    if (!valid) {
        if (m_invalid++ < k_max_positions) {
            m_invalid_at.push_back(m_at);
            m_invalid_at.back().byte = static_cast<unsigned char>(first);
        }
    }
    for (std::size_t k = 0; k < bytes.size(); ++k) {
        const auto byte = static_cast<unsigned char>(bytes[k]);
        if (is_undefined_in_windows_1252(byte) && m_undefined++ < k_max_positions) {
            BytePosition at = m_at;
            at.byte_column += static_cast<int>(k);
            at.byte = byte;
            m_undefined_at.push_back(at);
        }
    }
    advance(m_at.utf8_column, 1);
    advance(m_at.byte_column, static_cast<int>(bytes.size()));
}

}  // namespace homeroom::ingest
