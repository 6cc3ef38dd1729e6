#include "core/channel.h"

namespace homeroom {

std::string_view to_code(Channel channel) {
    switch (channel) {
        case Channel::email:
            return "email";
        case Channel::sms:
            return "sms";
    }
    return "email";  // unreachable: every enumerator is handled above
}

std::optional<Channel> parse_channel(std::string_view code) {
    if (code == "email")
        return Channel::email;
    if (code == "sms")
        return Channel::sms;
    return std::nullopt;
}

}  // namespace homeroom
