// What counts as a usable address on each channel, and the form in which two addresses are
// "the same mailbox" (for one message per address per week).
#pragma once

#include <string>
#include <string_view>

#include "core/channel.h"

namespace homeroom::notify {

// A plain RFC 5322 addr-spec with a dot-atom local part and a host name domain, exactly as
// core/email_address.h accepts it with nothing to trim or convert
// ("ana.perez+school@mail.example.org"): no display name, no quoted local part, no comments,
// no IP literal, no whitespace or control characters, ASCII only, at most 254 characters.
// Anything else is refused rather than guessed at, so an address can never smuggle a header.
bool is_plain_addr_spec(std::string_view address);

// E.164: '+', a non-zero digit, then 7 to 14 more digits.
bool is_e164_number(std::string_view number);

// Whether `address` (surrounding blanks ignored) is usable on `channel`: for email, the one rule
// the import checks too (core/email_address.h).
bool is_usable_address(Channel channel, std::string_view address);

// The address without surrounding blanks.
std::string trim_address(std::string_view address);

// The address as it is sent: trimmed, and for a usable email address its domain in IDNA A-labels
// ("user@xn--bcher-kva.example" for "user@bücher.example").
std::string wire_address(Channel channel, std::string_view address);

// The identity of a mailbox: the wire address, and for email lower-cased (domains are
// case-insensitive and in practice so are local parts; treating "Ana@X.org" and "ana@x.org" as one
// mailbox errs toward sending one message rather than two).
std::string mailbox_key(Channel channel, std::string_view address);

}  // namespace homeroom::notify
