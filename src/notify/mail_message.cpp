#include "notify/mail_message.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <algorithm>
#include <cstdio>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <vector>

#include "core/date.h"
#include "core/untrusted_text.h"
#include "notify/recipient_address.h"

namespace homeroom::notify {
namespace {

constexpr std::size_t k_line_limit = 76;  // RFC 2047 / 2045: encoded lines at most 76
constexpr std::string_view k_word_prefix = "=?UTF-8?B?";
constexpr std::string_view k_word_suffix = "?=";
constexpr std::string_view k_replacement = "\xEF\xBF\xBD";  // U+FFFD

// Decodes one UTF-8 sequence at `i`; nullopt (and `length` 1) for an invalid one.
std::optional<char32_t> decode_utf8(std::string_view s, std::size_t i, std::size_t& length) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    length = 1;
    if (b0 < 0x80)
        return b0;
    std::size_t n;
    char32_t cp;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        n = 2;
        cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        n = 3;
        cp = b0 & 0x0F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        n = 4;
        cp = b0 & 0x07;
    } else {
        return std::nullopt;
    }
    if (i + n > s.size())
        return std::nullopt;
    for (std::size_t k = 1; k < n; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80)
            return std::nullopt;
        cp = (cp << 6) | (b & 0x3F);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return std::nullopt;
    length = n;
    return cp;
}

// Valid UTF-8: every invalid byte becomes U+FFFD.
std::string valid_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n;
        if (decode_utf8(s, i, n))
            out.append(s.substr(i, n));
        else
            out.append(k_replacement);
        i += n;
    }
    return out;
}

bool is_printable_ascii(std::string_view s) {
    for (char c : s)
        if (c < 0x20 || c > 0x7E)
            return false;
    return true;
}

std::size_t last_line_length(std::string_view s) {
    const auto nl = s.rfind('\n');
    return nl == std::string_view::npos ? s.size() : s.size() - nl - 1;
}

std::string base64(std::string_view bytes) {
    static constexpr char k_alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 |
                           static_cast<unsigned char>(bytes[i + 1]) << 8 |
                           static_cast<unsigned char>(bytes[i + 2]);
        out += k_alphabet[v >> 18];
        out += k_alphabet[(v >> 12) & 63];
        out += k_alphabet[(v >> 6) & 63];
        out += k_alphabet[v & 63];
    }
    if (i < bytes.size()) {
        unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size())
            v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        out += k_alphabet[v >> 18];
        out += k_alphabet[(v >> 12) & 63];
        out += i + 1 < bytes.size() ? k_alphabet[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

void append_hex(std::string& out, unsigned char c) {
    static constexpr char k_hex[] = "0123456789ABCDEF";
    out += '=';
    out += k_hex[c >> 4];
    out += k_hex[c & 15];
}

bool is_atext(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

// Characters a Q-encoded word may carry as they are, even inside a phrase (RFC 2047 §5.3).
bool is_q_literal(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '!' ||
           c == '*' || c == '+' || c == '-' || c == '/';
}

enum class HeaderContext { unstructured, phrase };

// A word goes out as it is only when it is printable ASCII that cannot be mistaken for an
// encoded word, fits a line, and (in a phrase) is an atom.
bool needs_encoding(std::string_view word, HeaderContext context) {
    if (word.size() > 60 || word.find("=?") != std::string_view::npos)
        return true;
    for (char c : word) {
        if (c < 0x21 || c > 0x7E)
            return true;
        if (context == HeaderContext::phrase && !is_atext(c))
            return true;
    }
    return false;
}

class EncodedWordWriter {
  public:
    EncodedWordWriter(std::string_view run) : m_run(run) {
        std::size_t non_ascii = 0;
        for (char c : run) non_ascii += static_cast<unsigned char>(c) >= 0x80;
        // Mostly-ASCII text stays readable as Q; the rest is shorter as B.
        m_q = non_ascii * 2 <= run.size() - non_ascii;
    }

    // The longest prefix of what is left, cut at a character boundary, whose encoded word
    // is at most `width` characters; prefers to end just after a space. Empty if none fits.
    std::string next_word(std::size_t width) {
        const std::size_t overhead = k_word_prefix.size() + k_word_suffix.size();
        std::size_t end = m_at, cost = 0, after_space = 0;
        while (end < m_run.size()) {
            std::size_t n;
            decode_utf8(m_run, end, n);
            std::size_t c = 0;
            for (std::size_t k = end; k < end + n; ++k)
                c += m_q ? (is_q_literal(static_cast<unsigned char>(m_run[k])) || m_run[k] == ' '
                                ? 1
                                : 3)
                         : 0;
            const std::size_t length =
                m_q ? cost + c : (end + n - m_at + 2) / 3 * 4;  // B: whole groups of 4
            if (overhead + length > width)
                break;
            cost += c;
            end += n;
            if (m_run[end - 1] == ' ')
                after_space = end;
        }
        if (end == m_at)
            return {};
        // Decoders that (wrongly) keep the space between two encoded words then show it
        // between words instead of inside one.
        if (end < m_run.size() && after_space > m_at + (end - m_at) / 2)
            end = after_space;
        const auto chunk = m_run.substr(m_at, end - m_at);
        m_at = end;
        std::string word(m_q ? "=?UTF-8?Q?" : k_word_prefix);
        if (m_q) {
            for (char ch : chunk) {
                const auto c = static_cast<unsigned char>(ch);
                if (c == ' ')
                    word += '_';
                else if (is_q_literal(c))
                    word += ch;
                else
                    append_hex(word, c);
            }
        } else {
            word += base64(chunk);
        }
        word += k_word_suffix;
        return word;
    }
    bool done() const { return m_at >= m_run.size(); }
    // Whether all that is left fits in one encoded word of at most `width` characters.
    bool rest_fits(std::size_t width) const {
        const auto rest = m_run.substr(m_at);
        std::size_t length = 0;
        if (m_q) {
            for (char ch : rest)
                length += is_q_literal(static_cast<unsigned char>(ch)) || ch == ' ' ? 1 : 3;
        } else {
            length = (rest.size() + 2) / 3 * 4;
        }
        return k_word_prefix.size() + k_word_suffix.size() + length <= width;
    }

  private:
    std::string_view m_run;
    std::size_t m_at = 0;
    bool m_q = false;
};

// Words of `text` (clean: single spaces, no control characters) for a header field body
// starting at column `used`: plain words as they are, each run of words that need it as
// encoded words (the spaces inside a run are encoded with it, so RFC 2047 decoders, which
// drop the blanks between adjacent encoded words, give back the exact text). Folded so that
// no line passes 76 characters.
std::string encode_words(std::string_view text, std::size_t used, HeaderContext context) {
    std::vector<std::string_view> words;
    for (std::size_t start = 0; start < text.size();) {
        auto space = text.find(' ', start);
        if (space == std::string_view::npos)
            space = text.size();
        words.push_back(text.substr(start, space - start));
        start = space + 1;
    }
    std::string out;
    std::size_t column = used;
    bool first = true;
    // A plain word is at most 60 characters, so the first one always fits after the name.
    auto put_plain = [&](std::string_view word) {
        if (first) {
            out += word;
            column += word.size();
        } else if (column + 1 + word.size() <= k_line_limit) {
            out += ' ';
            out += word;
            column += 1 + word.size();
        } else {
            out += "\r\n ";
            out += word;
            column = 1 + word.size();
        }
        first = false;
    };
    for (std::size_t i = 0; i < words.size();) {
        if (!needs_encoding(words[i], context)) {
            put_plain(words[i]);
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        while (j < words.size() && needs_encoding(words[j], context)) ++j;
        const auto begin = words[i].data() - text.data();
        const auto end = words[j - 1].data() + words[j - 1].size() - text.data();
        EncodedWordWriter writer(
            text.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin)));
        while (!writer.done()) {
            const std::size_t gap = first ? 0 : 1;
            const std::size_t width = std::min<std::size_t>(
                column + gap < k_line_limit ? k_line_limit - column - gap : 0, 75);
            // Rather than start a run in the last few columns and cut a word in two, move it
            // to the next line when it would fit whole there; a long first run starts at once.
            std::string word;
            if (writer.rest_fits(width) || (first && width >= 40))
                word = writer.next_word(width);
            if (word.empty()) {
                out += "\r\n ";
                column = 1;
                word = writer.next_word(75);
                if (word.empty())
                    throw std::logic_error("encode_words: a character wider than a line");
            } else if (!first) {
                out += ' ';
                ++column;
            }
            out += word;
            column += word.size();
            first = false;
        }
        i = j;
    }
    return out;
}

// A display name: atoms as they are, other short ASCII as a quoted-string, the rest as
// encoded words.
std::string encode_phrase(std::string_view text, std::size_t used) {
    if (is_printable_ascii(text) && text.find("=?") == std::string_view::npos &&
        used + text.size() + 2 <= k_line_limit) {
        bool atoms = true;
        for (char c : text) atoms = atoms && (c == ' ' || is_atext(c));
        if (atoms)
            return std::string(text);
        std::string quoted = "\"";
        for (char c : text) {
            if (c == '"' || c == '\\')
                quoted += '\\';
            quoted += c;
        }
        quoted += '"';
        if (used + quoted.size() <= k_line_limit)
            return quoted;
    }
    return encode_words(text, used, HeaderContext::phrase);
}

std::string address_field(const MailAddress& a, std::string_view field) {
    const auto address = trim_address(a.address);
    if (!is_plain_addr_spec(address))
        throw std::invalid_argument(std::string(field) + " address is not a plain addr-spec");
    const std::string clean = clean_header_text(a.display_name);
    std::string line(field);
    line += ": ";
    if (clean.empty())
        return line + address + "\r\n";
    line += encode_phrase(clean, line.size());
    line += last_line_length(line) + 2 + address.size() + 1 <= k_line_limit ? " <" : "\r\n <";
    return line + address + ">\r\n";
}

bool is_uri_char(char c) {
    return c > 0x20 && c < 0x7F &&
           std::string_view("<>\"\\^`{|} ").find(c) == std::string_view::npos;
}

void check_uri(std::string_view uri, std::initializer_list<std::string_view> schemes,
               std::string_view what) {
    bool scheme_ok = false;
    for (auto s : schemes) scheme_ok = scheme_ok || uri.substr(0, s.size()) == s;
    bool chars_ok = uri.size() <= 900;
    for (char c : uri) chars_ok = chars_ok && is_uri_char(c);
    if (!scheme_ok || !chars_ok)
        throw std::invalid_argument(std::string(what) + " is not a plain URI of the right scheme");
}

std::string lower_hex_sha256(std::string_view text) {
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    sha.update(text.data(), static_cast<unsigned>(text.size()));
    return Poco::DigestEngine::digestToHex(sha.digest());
}

// RFC 2919: a dot-atom with at least one dot ("label.domain"), at most 255 characters.
bool is_list_id(std::string_view id) {
    if (id.empty() || id.size() > 255 || id.find('.') == std::string_view::npos ||
        id.front() == '.' || id.back() == '.' || id.find("..") != std::string_view::npos)
        return false;
    for (char c : id)
        if (c != '.' && !is_atext(c))
            return false;
    return true;
}

std::string list_id_field(std::string_view name, std::string_view id) {
    if (!is_list_id(id))
        throw std::invalid_argument("List-Id is not of the form label.domain");
    const std::string token = "<" + std::string(id) + ">";
    const std::string clean = clean_header_text(name);
    if (clean.empty())
        return fold_structured("List-Id", {token});
    std::string field = "List-Id: " + encode_phrase(clean, 9);
    field += last_line_length(field) + 1 + token.size() <= k_line_limit ? " " : "\r\n ";
    return field + token + "\r\n";
}

// CRLF line ends, valid UTF-8, ending with CRLF.
std::string normalize_body(std::string_view text) {
    const std::string utf8 = valid_utf8(text);
    std::string out;
    out.reserve(utf8.size() + utf8.size() / 32 + 2);
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const char c = utf8[i];
        if (c == '\r') {
            out += "\r\n";
            if (i + 1 < utf8.size() && utf8[i + 1] == '\n')
                ++i;
        } else if (c == '\n') {
            out += "\r\n";
        } else {
            out += c;
        }
    }
    if (out.size() < 2 || out.compare(out.size() - 2, 2, "\r\n") != 0)
        out += "\r\n";
    return out;
}

// Mostly non-ASCII text (Arabic, say) is a third the size in base64 than in quoted-printable;
// mostly ASCII text stays readable in quoted-printable.
std::string body_part(std::string_view content_type, std::string_view text) {
    const std::string body = normalize_body(text);
    std::size_t non_ascii = 0;
    for (char c : body) non_ascii += static_cast<unsigned char>(c) >= 0x80;
    const bool use_base64 = non_ascii * 3 > body.size();
    std::string out = "Content-Type: ";
    out += content_type;
    out += "; charset=UTF-8\r\nContent-Transfer-Encoding: ";
    out += use_base64 ? "base64" : "quoted-printable";
    out += "\r\n\r\n";
    out += use_base64 ? encode_base64_lines(body) : encode_quoted_printable(body);
    return out;
}

}  // namespace

std::string clean_header_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        std::size_t n;
        const auto cp = decode_utf8(text, i, n);
        const bool blank = cp && (*cp <= 0x20 || *cp == 0x7F || (*cp >= 0x80 && *cp <= 0x9F) ||
                                  *cp == 0x2028 || *cp == 0x2029);
        if (blank) {
            if (!out.empty() && out.back() != ' ')
                out += ' ';
        } else if (cp) {
            out.append(text.substr(i, n));
        } else {
            out.append(k_replacement);
        }
        i += n;
    }
    if (!out.empty() && out.back() == ' ')
        out.pop_back();
    // The rule of every output (core/untrusted_text.h): a U+202E in a name would reverse the
    // Subject or To line in the parent's mail client. Nothing else is left for it to drop.
    return clean_untrusted_text(out);
}

std::string encode_unstructured(std::string_view text, std::size_t used) {
    return encode_words(text, used, HeaderContext::unstructured);
}

std::string fold_structured(std::string_view name, const std::vector<std::string>& tokens) {
    std::string out(name);
    out += ':';
    std::size_t column = out.size();
    for (const auto& token : tokens) {
        if (column + 1 + token.size() <= k_line_limit) {
            out += ' ';
            column += 1 + token.size();
        } else {
            out += "\r\n ";
            column = 1 + token.size();
        }
        out += token;
    }
    return out + "\r\n";
}

std::string encode_quoted_printable(std::string_view text) {
    std::string out;
    out.reserve(text.size() * 2);
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find("\r\n", start);
        const bool has_break = end != std::string_view::npos;
        if (!has_break)
            end = text.size();
        const auto line = text.substr(start, end - start);
        std::size_t column = 0;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const auto c = static_cast<unsigned char>(line[i]);
            const bool last = i + 1 == line.size();
            std::string token;
            if (c == ' ' || c == '\t') {
                if (last)  // trailing blanks would be stripped in transit
                    append_hex(token, c);
                else
                    token += static_cast<char>(c);
            } else if (c == '=' || c < 0x21 || c > 0x7E) {
                append_hex(token, c);
            } else if (column == 0 && line.substr(i, 5) == "From ") {
                append_hex(token, c);  // mbox readers would turn it into ">From "
            } else {
                token += static_cast<char>(c);
            }
            if (column + token.size() > k_line_limit - 1) {
                out += "=\r\n";
                column = 0;
            }
            // A line that starts with a dot means something to SMTP; keep it out of the way.
            if (column == 0 && token == ".")
                token = "=2E";
            out += token;
            column += token.size();
        }
        if (has_break)
            out += "\r\n";
        start = has_break ? end + 2 : end;
    }
    return out;
}

std::string encode_base64_lines(std::string_view bytes) {
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 57) {
        out += base64(bytes.substr(i, 57));
        out += "\r\n";
    }
    return out;
}

std::string make_message_id(std::string_view idempotency_key, std::string_view domain) {
    if (!is_plain_addr_spec(std::string("hr@") + std::string(domain)))
        throw std::invalid_argument("Message-ID domain is not a host name");
    return "<hr." + lower_hex_sha256(idempotency_key).substr(0, 32) + "@" + std::string(domain) +
           ">";
}

std::string format_mail_date(std::chrono::sys_seconds time) {
    static constexpr const char* k_days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static constexpr const char* k_months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const auto days = std::chrono::floor<std::chrono::days>(time);
    const auto seconds = (time - days).count();
    const Date d = Date::from_days(static_cast<std::int32_t>(days.time_since_epoch().count()));
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", k_days[d.weekday()],
                  d.day(), k_months[d.month() - 1], d.year(), static_cast<int>(seconds / 3600),
                  static_cast<int>(seconds / 60 % 60), static_cast<int>(seconds % 60));
    return buf;
}

std::string build_mail_message(const MailContent& c) {
    const auto& id = c.message_id;
    if (id.size() < 3 || id.front() != '<' || id.back() != '>' ||
        !is_plain_addr_spec(std::string_view(id).substr(1, id.size() - 2)))
        throw std::invalid_argument("Message-ID is not of the form <local@domain>");
    if (c.date.empty() || !is_printable_ascii(c.date))
        throw std::invalid_argument("Date is empty or not printable ASCII");
    if (!c.unsubscribe_url.empty())
        check_uri(c.unsubscribe_url, {"https://", "http://"}, "unsubscribe URL");
    if (!c.unsubscribe_mailto.empty())
        check_uri(c.unsubscribe_mailto, {"mailto:"}, "unsubscribe mailto");
    // One language tag, or several separated by ", " (RFC 3282: a message in two languages).
    for (std::size_t start = 0; start <= c.language.size() && !c.language.empty();) {
        const auto comma = c.language.find(", ", start);
        const auto tag =
            std::string_view(c.language)
                .substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (tag.empty() || tag.size() > 35 || !std::all_of(tag.begin(), tag.end(), [](char ch) {
                return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                       (ch >= '0' && ch <= '9') || ch == '-';
            }))
            throw std::invalid_argument("Content-Language is not a list of language tags");
        if (comma == std::string::npos)
            break;
        start = comma + 2;
    }

    std::string m;
    m.reserve(c.text_body.size() + c.html_body.size() * 2 + 2048);
    m += "Date: " + c.date + "\r\n";
    m += address_field(c.from, "From");
    m += address_field(c.to, "To");
    m += "Subject: " + encode_unstructured(clean_header_text(c.subject), 9) + "\r\n";
    m += fold_structured("Message-ID", {id});
    m += "MIME-Version: 1.0\r\n";
    if (!c.language.empty())
        m += "Content-Language: " + c.language + "\r\n";
    if (!c.list_id.empty())
        m += list_id_field(c.list_name, c.list_id);
    if (!c.unsubscribe_url.empty() || !c.unsubscribe_mailto.empty()) {
        std::vector<std::string> uris;
        for (const auto* uri : {&c.unsubscribe_url, &c.unsubscribe_mailto})
            if (!uri->empty())
                uris.push_back("<" + *uri + ">");
        for (std::size_t i = 0; i + 1 < uris.size(); ++i) uris[i] += ',';
        m += fold_structured("List-Unsubscribe", uris);
    }
    if (!c.unsubscribe_url.empty())
        m += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
    if (c.auto_generated)
        m += "Auto-Submitted: auto-generated\r\n";

    if (c.html_body.empty()) {
        m += body_part("text/plain", c.text_body);
        return m;
    }
    // "=_" can occur in neither quoted-printable nor base64 text, so no body can contain it.
    const std::string boundary = "=_hr_" + lower_hex_sha256(id).substr(0, 24);
    m += "Content-Type: multipart/alternative;\r\n boundary=\"" + boundary + "\"\r\n\r\n";
    // The CRLF before a delimiter belongs to the delimiter: an extra one keeps each body's
    // own last line end, whatever its encoding.
    m += "--" + boundary + "\r\n" + body_part("text/plain", c.text_body) + "\r\n";
    m += "--" + boundary + "\r\n" + body_part("text/html", c.html_body) + "\r\n";
    m += "--" + boundary + "--\r\n";
    return m;
}

}  // namespace homeroom::notify
