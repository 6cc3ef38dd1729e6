#include "notify/recipient_address.h"

#include "core/email_address.h"

namespace homeroom::notify {
namespace {

bool is_atext(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    constexpr std::string_view k_specials = "!#$%&'*+-/=?^_`{|}~";
    return k_specials.find(c) != std::string_view::npos;
}

bool is_dot_atom(std::string_view s) {
    if (s.empty() || s.front() == '.' || s.back() == '.')
        return false;
    char previous = 0;
    for (char c : s) {
        if (c == '.') {
            if (previous == '.')
                return false;
        } else if (!is_atext(c)) {
            return false;
        }
        previous = c;
    }
    return true;
}

// Letters, digits and inner hyphens; 1 to 63 characters.
bool is_host_label(std::string_view label) {
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
        return false;
    for (char c : label)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-'))
            return false;
    return true;
}

bool is_host_name(std::string_view domain) {
    if (domain.empty() || domain.size() > 253)
        return false;
    std::size_t start = 0;
    int labels = 0;
    while (true) {
        const auto dot = domain.find('.', start);
        const auto label = domain.substr(start, dot == std::string_view::npos ? dot : dot - start);
        if (!is_host_label(label))
            return false;
        ++labels;
        if (dot == std::string_view::npos)
            break;
        start = dot + 1;
    }
    // A mail domain has at least two labels; a bare "localhost" is a configuration mistake.
    return labels >= 2;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

bool is_plain_addr_spec(std::string_view address) {
    if (address.size() > 254)
        return false;
    const auto at = address.rfind('@');
    if (at == std::string_view::npos)
        return false;
    const auto local = address.substr(0, at);
    return local.size() <= 64 && is_dot_atom(local) && is_host_name(address.substr(at + 1));
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
    return is_e164_number(trim(address));
}

std::string trim_address(std::string_view address) {
    return std::string(trim(address));
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
