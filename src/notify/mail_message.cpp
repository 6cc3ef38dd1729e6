#include "notify/mail_message.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <cstdio>
#include <initializer_list>
#include <optional>
#include <stdexcept>

#include "core/date.h"
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

// Plain words folded at spaces; nullopt when a word cannot fit on a line of its own.
std::optional<std::string> fold_words(std::string_view text, std::size_t used) {
    std::string out;
    std::size_t column = used;
    bool first = true;
    while (!text.empty()) {
        const auto space = text.find(' ');
        const auto word = text.substr(0, space);
        text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
        if (first) {
            if (column + word.size() > k_line_limit)
                return std::nullopt;
            out += word;
            column += word.size();
            first = false;
        } else if (column + 1 + word.size() <= k_line_limit) {
            out += ' ';
            out += word;
            column += 1 + word.size();
        } else {
            if (1 + word.size() > k_line_limit)
                return std::nullopt;
            out += "\r\n ";
            out += word;
            column = 1 + word.size();
        }
    }
    return out;
}

// RFC 2047 B-encoded words, one per line after the first, each cut at a character boundary
// so that no word holds half a character.
std::string encoded_words(std::string_view text, std::size_t used) {
    const std::size_t overhead = k_word_prefix.size() + k_word_suffix.size();
    std::string out;
    std::size_t column = used;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t room = column + overhead < k_line_limit
                                     ? (k_line_limit - column - overhead) / 4 * 3
                                     : 0;
        std::size_t end = i;
        while (end < text.size()) {
            std::size_t n;
            decode_utf8(text, end, n);
            if (end + n - i > room)
                break;
            end += n;
        }
        if (end == i) {  // not even one character fits on this line: start a new one
            if (column == 1)
                throw std::logic_error("encoded_words: a character wider than a line");
            out += "\r\n ";
            column = 1;
            continue;
        }
        std::string word(k_word_prefix);
        word += base64(text.substr(i, end - i));
        word += k_word_suffix;
        out += word;
        column += word.size();
        i = end;
        if (i < text.size()) {
            out += "\r\n ";
            column = 1;
        }
    }
    return out;
}

bool is_atext_or_space(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ')
        return true;
    return std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

// A display name as an RFC 5322 phrase: atoms as they are, other ASCII as a quoted-string,
// anything else (or anything too long for a line) as encoded words.
std::string encode_phrase(std::string_view text, std::size_t used) {
    if (is_printable_ascii(text) && text.find("=?") == std::string_view::npos) {
        bool atoms = true;
        for (char c : text) atoms = atoms && is_atext_or_space(c);
        if (atoms) {
            if (auto folded = fold_words(text, used))
                return *folded;
        } else {
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
    }
    return encoded_words(text, used);
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

void append_hex(std::string& out, unsigned char c) {
    static constexpr char k_hex[] = "0123456789ABCDEF";
    out += '=';
    out += k_hex[c >> 4];
    out += k_hex[c & 15];
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
    return out;
}

std::string encode_unstructured(std::string_view text, std::size_t used) {
    if (is_printable_ascii(text) && text.find("=?") == std::string_view::npos)
        if (auto folded = fold_words(text, used))
            return *folded;
    return encoded_words(text, used);
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
    for (char ch : c.language)
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '-') ||
            c.language.size() > 35)
            throw std::invalid_argument("Content-Language is not a language tag");

    std::string m;
    m.reserve(c.text_body.size() + c.html_body.size() * 2 + 2048);
    m += "Date: " + c.date + "\r\n";
    m += address_field(c.from, "From");
    m += address_field(c.to, "To");
    m += "Subject: " + encode_unstructured(clean_header_text(c.subject), 9) + "\r\n";
    m += "Message-ID: " + id + "\r\n";
    m += "MIME-Version: 1.0\r\n";
    if (!c.language.empty())
        m += "Content-Language: " + c.language + "\r\n";
    if (!c.unsubscribe_url.empty() || !c.unsubscribe_mailto.empty()) {
        std::string value;
        for (const auto* uri : {&c.unsubscribe_url, &c.unsubscribe_mailto}) {
            if (uri->empty())
                continue;
            value += value.empty() ? "List-Unsubscribe: <" : ",\r\n <";
            value += *uri + ">";
        }
        m += value + "\r\n";
    }
    if (!c.unsubscribe_url.empty())
        m += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";

    if (c.html_body.empty()) {
        m += body_part("text/plain", c.text_body);
        return m;
    }
    // "=_" can occur in neither quoted-printable nor base64 text, so no body can contain it.
    const std::string boundary = "=_hr_" + lower_hex_sha256(id).substr(0, 24);
    m += "Content-Type: multipart/alternative;\r\n boundary=\"" + boundary + "\"\r\n\r\n";
    m += "--" + boundary + "\r\n" + body_part("text/plain", c.text_body);
    m += "--" + boundary + "\r\n" + body_part("text/html", c.html_body);
    m += "--" + boundary + "--\r\n";
    return m;
}

}  // namespace homeroom::notify
