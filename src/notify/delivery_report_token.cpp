#include "notify/delivery_report_token.h"

#include <stdexcept>

#include "core/constant_time.h"
#include "notify/unsubscribe_token.h"
#include "site/private_token.h"

namespace homeroom::notify {
namespace {

constexpr std::size_t k_mac_bytes = 16;  // 128 bits, as the unsubscribe links

}  // namespace

std::string make_delivery_report_token(std::string_view secret, std::int64_t outbox_id) {
    if (secret.empty())
        throw std::invalid_argument("make_delivery_report_token: empty secret");
    return base64url_encode(
        site::hmac_sha256(secret, "delivery-report\n" + std::to_string(outbox_id))
            .substr(0, k_mac_bytes));
}

bool verify_delivery_report_token(std::string_view secret, std::int64_t outbox_id,
                                  std::string_view token) {
    if (secret.empty())
        return false;
    return equal_in_constant_time(token, make_delivery_report_token(secret, outbox_id));
}

}  // namespace homeroom::notify
