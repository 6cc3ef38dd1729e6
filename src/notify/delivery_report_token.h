// The token in each text's delivery report URL (dlr-url=<dlr_url>?id=ID&t=TOKEN&status=%d), so
// that `homeroom serve`'s /dlr believes only reports about messages it sent: without it anyone
// who can reach /dlr could fail any text (queuing the email fallback) or mark it delivered.
//
// base64url(first 16 bytes of HMAC-SHA256(secret, "delivery-report" LF outbox id)), 22
// characters of [A-Za-z0-9_-], safe in Kannel's dlr-url as it is. Keyed by the site secret like
// the unsubscribe links, so `notify` and `serve` need no new setting to agree on it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace homeroom::notify {

// std::invalid_argument for an empty secret.
std::string make_delivery_report_token(std::string_view secret, std::int64_t outbox_id);

// False for an empty secret and for any token other than the one made for this id and secret;
// compared in constant time.
bool verify_delivery_report_token(std::string_view secret, std::int64_t outbox_id,
                                  std::string_view token);

}  // namespace homeroom::notify
