// Byte-level facts about text files: is it UTF-8, what Windows-1252 bytes mean in UTF-8, and
// where (line, character column) a byte offset lies. Pure functions over bytes, no I/O.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace homeroom::ingest {

// Offset of the first byte that does not belong to a well-formed UTF-8 sequence (overlong
// forms, surrogates and code points above U+10FFFF are ill-formed), or npos if `bytes` is
// valid UTF-8. For a truncated sequence this is the offset of its lead byte, the byte a user
// sees as the odd character (0xE9 for the "é" of a Windows-1252 "José").
std::size_t find_invalid_utf8(std::string_view bytes);

// The five bytes Windows-1252 leaves undefined: 0x81, 0x8D, 0x8F, 0x90, 0x9D.
bool is_undefined_in_windows_1252(unsigned char byte);

// Windows-1252 bytes as UTF-8. An undefined byte becomes U+FFFD and is reported with its
// offset in `bytes` to `on_undefined_byte`, in increasing offset order.
std::string decode_windows_1252(std::string_view bytes,
                                const std::function<void(std::size_t offset)>& on_undefined_byte);

// Number of code points in valid UTF-8 text (the "characters" a column number counts).
std::size_t count_code_points(std::string_view utf8);

enum class ColumnUnit {
    byte,        // single-byte encodings such as Windows-1252: one byte, one character
    code_point,  // UTF-8
};

struct TextPosition {
    int line = 1;    // 1-based; CRLF, LF and a lone CR each end a line
    int column = 1;  // 1-based character column
};

// Turns byte offsets into positions in one pass, so reporting many positions in a large
// file stays linear. Offsets must be asked for in non-decreasing order and should be at the
// start of a character.
class PositionFinder {
  public:
    PositionFinder(std::string_view text, ColumnUnit unit) : m_text(text), m_unit(unit) {}
    TextPosition find(std::size_t offset);

  private:
    std::string_view m_text;
    ColumnUnit m_unit;
    std::size_t m_offset = 0;
    TextPosition m_position;
};

}  // namespace homeroom::ingest
