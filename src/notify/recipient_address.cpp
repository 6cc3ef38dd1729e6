#include "notify/recipient_address.h"

#include "core/ascii_text.h"
#include "core/email_address.h"

namespace homeroom::notify {
namespace {}  // namespace

bool is_plain_addr_spec(std::string_view address) {
    // The import's rule, with nothing to trim and nothing to convert: ASCII as it stands.
    const auto check = check_email_address(address);
    return check.usable() && check.wire == address;
}

bool is_e164_number(std::string_view number) {
    if (number.size() < 9 || number.size() > 16 || number[0] != '+' || number[1] == '0')
        return false;
    for (std::size_t i = 1; i < number.size(); ++i)
        if (number[i] < '0' || number[i] > '9')
            return false;
    return true;
}

bool is_usable_address(Channel channel, std::string_view address) {
    if (channel == Channel::email)
        return check_email_address(address).usable();
    return is_e164_number(trim_blanks(address));
}

std::string trim_address(std::string_view address) {
    return std::string(trim_blanks(address));
}

std::string wire_address(Channel channel, std::string_view address) {
    if (channel == Channel::email)
        if (auto check = check_email_address(address); check.usable())
            return std::move(check.wire);
    return trim_address(address);
}

std::string mailbox_key(Channel channel, std::string_view address) {
    std::string key = wire_address(channel, address);
    if (channel == Channel::email)
        for (char& c : key)
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c - 'A' + 'a');
    return key;
}

}  // namespace homeroom::notify
