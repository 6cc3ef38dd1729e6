// Byte-level facts about text files: is it UTF-8, what Windows-1252 bytes mean in UTF-8, and
// where (line, character column) a byte offset lies. Pure functions over bytes, no I/O.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// Splits UTF-8 into characters as it streams in: a well-formed sequence is one character, and so
// is each maximal ill-formed part (what a decoder replaces with one U+FFFD: "\xE2\x82" before
// an ASCII byte is one, a stray continuation byte is one). A sequence cut by the end of one
// chunk is completed by the next.
class Utf8Splitter {
  public:
    // Calls on_char(std::string_view bytes, bool valid) for each character completed.
    template <typename OnChar>
    void feed(std::string_view bytes, OnChar&& on_char) {
        std::size_t i = 0;
        while (i < bytes.size()) {
            const auto byte = static_cast<unsigned char>(bytes[i]);
            if (m_need == 0) {
                if (byte < 0x80 || !start(byte)) {
                    on_char(bytes.substr(i, 1), byte < 0x80);
                } else {
                    m_sequence[0] = bytes[i];
                    m_size = 1;
                }
                ++i;
                continue;
            }
            if (byte < m_low || byte > m_high) {
                m_need = 0;
                on_char(std::string_view(m_sequence, m_size), false);
                continue;  // this byte starts afresh
            }
            m_sequence[m_size++] = bytes[i++];
            m_low = 0x80;
            m_high = 0xBF;
            if (--m_need == 0)
                on_char(std::string_view(m_sequence, m_size), true);
        }
    }
    // At the end of the text: a sequence still open is one ill-formed character.
    template <typename OnChar>
    void finish(OnChar&& on_char) {
        if (m_need > 0) {
            m_need = 0;
            on_char(std::string_view(m_sequence, m_size), false);
        }
    }

    bool idle() const { return m_need == 0; }  // no sequence open

  private:
    bool start(unsigned char lead);  // sets what must follow `lead`; false if it never leads
    char m_sequence[4] = {};
    std::size_t m_size = 0;
    int m_need = 0;
    unsigned char m_low = 0x80, m_high = 0xBF;
};

// Where a byte that matters lies, counted both ways because the encoding is settled only once
// the whole file was seen.
struct BytePosition {
    int line = 1;
    int utf8_column = 1;  // read as UTF-8 (an ill-formed part counts as one character)
    int byte_column = 1;  // read as Windows-1252 (one byte, one character)
    unsigned char byte = 0;
};

// One pass over a file's bytes, as they stream in, to settle its encoding before it is parsed:
// a NUL byte means it is not text; UTF-8 when it is mostly valid UTF-8 (at least as many
// well-formed multi-byte characters as ill-formed parts: on a tie an error is safer than silently
// garbled names), and then each ill-formed part is an error at its position; Windows-1252
// otherwise.
class EncodingScan {
  public:
    static constexpr std::size_t k_max_positions = 20;  // kept of each kind below

    // False once a NUL byte was seen: the rest need not be read.
    bool feed(std::string_view bytes);
    void finish();

    const std::optional<BytePosition>& nul() const { return m_nul; }
    bool is_utf8() const { return m_invalid == 0 || m_valid_multibyte >= m_invalid; }
    std::size_t invalid_count() const { return m_invalid; }
    std::size_t undefined_1252_count() const { return m_undefined; }
    const std::vector<BytePosition>& invalid_utf8() const { return m_invalid_at; }
    const std::vector<BytePosition>& undefined_1252() const { return m_undefined_at; }

  private:
    void on_char(std::string_view bytes, bool valid);

    Utf8Splitter m_splitter;
    BytePosition m_at;
    bool m_after_cr = false;
    std::size_t m_valid_multibyte = 0, m_invalid = 0, m_undefined = 0;
    std::optional<BytePosition> m_nul;
    std::vector<BytePosition> m_invalid_at, m_undefined_at;
};

}  // namespace homeroom::ingest
