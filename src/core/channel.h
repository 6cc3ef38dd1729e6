// The ways a message can reach a contact. Kept in core because both the consent policy (notify)
// and the outbox (store) speak of it, and store sits upstream of notify.
#pragma once

#include <optional>
#include <string_view>

namespace homeroom {

enum class Channel { email, sms };

std::string_view to_code(Channel channel);  // "email" | "sms"
std::optional<Channel> parse_channel(std::string_view code);

}  // namespace homeroom
