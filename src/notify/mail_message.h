// The bytes of one email (RFC 5322 + MIME), built from values: multipart/alternative with a
// plain-text and an HTML part, UTF-8, CRLF line ends, every line at most 76 characters — with
// one exception: a single token that cannot be cut (a URI in List-Unsubscribe, which RFC 2369
// forbids folding inside its angle brackets, or a long address or Message-ID) and is longer
// than that goes alone on its own continuation line (" <https://...>,"), never after other
// text. Structured fields fold at the blanks between their tokens.
// Pure: the same content gives the same bytes (the boundary and Message-ID derive from the
// inputs), so a message queued once can be re-sent identically after a crash.
//
// Untrusted text never becomes structure: in display names and the subject every control
// character (CR and LF included) becomes a space, bidi overrides and isolates are dropped and
// invalid UTF-8 becomes U+FFFD before encoding; addresses, Message-ID and unsubscribe links are
// validated and refused (std::invalid_argument) rather than repaired.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace homeroom::notify {

struct MailAddress {
    std::string display_name;  // any UTF-8; may be empty
    std::string address;       // a plain addr-spec (recipient_address.h)
};

struct MailContent {
    MailAddress from, to;
    std::string subject;     // any UTF-8
    std::string text_body;   // UTF-8; line ends may be LF or CRLF
    std::string html_body;   // UTF-8; empty: a single text/plain message
    std::string message_id;  // "<local@domain>", see make_message_id
    std::string date;        // RFC 5322 date-time, see format_mail_date
    // RFC 2369 / RFC 8058. The URL (https:// or http://) is the one-click POST target; with it
    // the message also carries "List-Unsubscribe-Post: List-Unsubscribe=One-Click".
    std::string unsubscribe_url;     // empty: none
    std::string unsubscribe_mailto;  // "mailto:..."; empty: none
    std::string language;            // Content-Language, e.g. "ar" or "es, en"; empty: omitted
    // RFC 2919 "List-Id: <list_name> <<list_id>>"; list_id is a dot-atom such as
    // "weekly-digest.homeroom.example.org", list_name any UTF-8 (may be empty). Empty: omitted.
    std::string list_id;
    std::string list_name;
    // RFC 3834 "Auto-Submitted: auto-generated": vacation responders and other robots do not
    // answer the message.
    bool auto_generated = false;
};

// "<hr.<32 hex digits of SHA-256(key)>@domain>": the same key always gives the same id, and
// the key (which names a contact) cannot be read back from it.
std::string make_message_id(std::string_view idempotency_key, std::string_view domain);

// RFC 5322 date-time in UTC: "Mon, 19 Jan 2026 07:00:00 +0000".
std::string format_mail_date(std::chrono::sys_seconds time);

// Throws std::invalid_argument for an address that is not a plain addr-spec, a malformed
// Message-ID or date, or an unsubscribe link that is not a plain http(s)/mailto URI.
std::string build_mail_message(const MailContent& content);

// The building blocks, exposed for tests.
// Valid UTF-8 with controls (C0, DEL, C1, U+2028/9) as spaces, runs of spaces collapsed, trimmed,
// and without bidi embeddings, overrides and isolates (core/untrusted_text.h).
std::string clean_header_text(std::string_view text);
// Header field body for `text` (already clean) starting at column `used`: printable ASCII
// words as they are, each run of other words as RFC 2047 encoded words ("=?UTF-8?Q?...?=" for
// mostly-ASCII runs, "=?UTF-8?B?...?=" otherwise; never splitting a character), folded so that
// no line passes 76 characters.
std::string encode_unstructured(std::string_view text, std::size_t used);
// A structured header field "Name: tok1 tok2 ...\r\n": tokens separated by one blank, folded
// before a token that would pass column 76; a token that does not fit even on a line of its own
// starts a continuation line by itself (even the first one: "Name:\r\n <long>\r\n").
std::string fold_structured(std::string_view name, const std::vector<std::string>& tokens);
std::string encode_quoted_printable(std::string_view text);  // CRLF line ends in and out
std::string encode_base64_lines(std::string_view bytes);     // 76-character lines, CRLF

}  // namespace homeroom::notify
