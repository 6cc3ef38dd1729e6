// The token of an unsubscribe link (<base_url>/unsubscribe?t=TOKEN): it names the contact, the
// channel and the language of the confirmation page, and is signed with the site secret so that
// nobody can unsubscribe someone else by editing a link.
//
// Format: "1." base64url(contact_id LF channel LF language) "." base64url(first 16 bytes of
// HMAC-SHA256(secret, "unsubscribe" LF payload)), without padding: URL-safe as it is. The
// payload is signed, not encrypted: the contact's SIS id is readable by whoever holds the link,
// which is the contact's own mailbox.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/channel.h"

namespace homeroom::notify {

struct UnsubscribeSubject {
    std::string contact_id;
    Channel channel = Channel::email;
    std::string language;  // of the pages `homeroom serve` answers with; may be empty

    friend bool operator==(const UnsubscribeSubject&, const UnsubscribeSubject&) = default;
};

// std::invalid_argument for an empty secret or contact id, or a field holding a line feed.
std::string make_unsubscribe_token(std::string_view secret, const UnsubscribeSubject& subject);

// nullopt for anything not made by make_unsubscribe_token with this secret: malformed, too long,
// altered, or signed with another secret. The signature is compared in constant time.
std::optional<UnsubscribeSubject> verify_unsubscribe_token(std::string_view secret,
                                                           std::string_view token);

// base64url without padding (RFC 4648 §5), exposed for tests.
std::string base64url_encode(std::string_view bytes);
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace homeroom::notify
