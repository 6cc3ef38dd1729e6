#include "notify/unsubscribe_token.h"

#include <array>
#include <stdexcept>

#include "core/constant_time.h"
#include "site/private_token.h"

namespace homeroom::notify {
namespace {

constexpr std::string_view k_version = "1";
constexpr std::size_t k_mac_bytes = 16;         // 128 bits: forging stays out of reach
constexpr std::size_t k_max_token_size = 1024;  // far beyond any real one; bounds the work

constexpr char k_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string signature(std::string_view secret, std::string_view payload) {
    std::string message = "unsubscribe\n";
    message += payload;
    return site::hmac_sha256(secret, message).substr(0, k_mac_bytes);
}

}  // namespace

std::string base64url_encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() * 4 + 2) / 3);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 |
                           static_cast<unsigned char>(bytes[i + 1]) << 8 |
                           static_cast<unsigned char>(bytes[i + 2]);
        out += k_alphabet[v >> 18 & 63];
        out += k_alphabet[v >> 12 & 63];
        out += k_alphabet[v >> 6 & 63];
        out += k_alphabet[v & 63];
    }
    if (i + 1 == bytes.size()) {
        const unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        out += k_alphabet[v >> 18 & 63];
        out += k_alphabet[v >> 12 & 63];
    } else if (i + 2 == bytes.size()) {
        const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 |
                           static_cast<unsigned char>(bytes[i + 1]) << 8;
        out += k_alphabet[v >> 18 & 63];
        out += k_alphabet[v >> 12 & 63];
        out += k_alphabet[v >> 6 & 63];
    }
    return out;
}

std::optional<std::string> base64url_decode(std::string_view text) {
    if (text.size() % 4 == 1)
        return std::nullopt;
    std::array<int, 256> value{};
    value.fill(-1);
    for (int i = 0; i < 64; ++i) value[static_cast<unsigned char>(k_alphabet[i])] = i;
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : text) {
        const int v = value[static_cast<unsigned char>(c)];
        if (v < 0)
            return std::nullopt;
        buffer = (buffer << 6 | static_cast<unsigned>(v)) & 0xFFFFFF;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>(buffer >> bits & 0xFF);
        }
    }
    // Leftover bits must be zero, so that every byte string has exactly one encoding.
    if (bits > 0 && (buffer & ((1u << bits) - 1)) != 0)
        return std::nullopt;
    return out;
}

std::string make_unsubscribe_token(std::string_view secret, const UnsubscribeSubject& subject) {
    if (secret.empty())
        throw std::invalid_argument("make_unsubscribe_token: empty secret");
    if (subject.contact_id.empty())
        throw std::invalid_argument("make_unsubscribe_token: empty contact id");
    if (subject.contact_id.find('\n') != std::string::npos ||
        subject.language.find('\n') != std::string::npos)
        throw std::invalid_argument("make_unsubscribe_token: a line feed in a field");
    std::string payload = subject.contact_id;
    payload += '\n';
    payload += to_code(subject.channel);
    payload += '\n';
    payload += subject.language;
    std::string token(k_version);
    token += '.';
    token += base64url_encode(payload);
    token += '.';
    token += base64url_encode(signature(secret, payload));
    return token;
}

std::optional<UnsubscribeSubject> verify_unsubscribe_token(std::string_view secret,
                                                           std::string_view token) {
    if (secret.empty() || token.size() > k_max_token_size)
        return std::nullopt;
    const auto dot1 = token.find('.');
    if (dot1 == std::string_view::npos || token.substr(0, dot1) != k_version)
        return std::nullopt;
    const auto dot2 = token.find('.', dot1 + 1);
    if (dot2 == std::string_view::npos)
        return std::nullopt;
    const auto payload = base64url_decode(token.substr(dot1 + 1, dot2 - dot1 - 1));
    const auto mac = base64url_decode(token.substr(dot2 + 1));
    if (!payload || !mac || !equal_in_constant_time(*mac, signature(secret, *payload)))
        return std::nullopt;

    const auto nl1 = payload->find('\n');
    const auto nl2 = nl1 == std::string::npos ? nl1 : payload->find('\n', nl1 + 1);
    if (nl2 == std::string::npos || nl1 == 0)
        return std::nullopt;
    const auto channel = parse_channel(std::string_view(*payload).substr(nl1 + 1, nl2 - nl1 - 1));
    if (!channel)
        return std::nullopt;
    UnsubscribeSubject subject;
    subject.contact_id = payload->substr(0, nl1);
    subject.channel = *channel;
    subject.language = payload->substr(nl2 + 1);
    if (subject.language.find('\n') != std::string::npos)
        return std::nullopt;
    return subject;
}

}  // namespace homeroom::notify
