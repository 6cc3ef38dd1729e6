#include "site/private_token.h"

#include <Poco/RandomStream.h>
#include <Poco/SHA2Engine.h>

#include <algorithm>
#include <array>

namespace homeroom::site {

std::string hmac_sha256(std::string_view key, std::string_view message) {
    constexpr std::size_t k_block = 64;  // SHA-256 block size (RFC 2104)
    std::string k(key);
    if (k.size() > k_block) {
        Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
        sha.update(k);
        const auto& d = sha.digest();
        k.assign(d.begin(), d.end());
    }
    k.resize(k_block, '\0');
    std::string inner_pad(k_block, '\0'), outer_pad(k_block, '\0');
    for (std::size_t i = 0; i < k_block; ++i) {
        inner_pad[i] = static_cast<char>(k[i] ^ 0x36);
        outer_pad[i] = static_cast<char>(k[i] ^ 0x5c);
    }
    Poco::SHA2Engine inner(Poco::SHA2Engine::SHA_256);
    inner.update(inner_pad);
    inner.update(message.data(), static_cast<unsigned>(message.size()));
    const auto inner_digest = inner.digest();
    Poco::SHA2Engine outer(Poco::SHA2Engine::SHA_256);
    outer.update(outer_pad);
    outer.update(inner_digest.data(), static_cast<unsigned>(inner_digest.size()));
    const auto& d = outer.digest();
    return std::string(d.begin(), d.end());
}

namespace {

// The first `bytes` of HMAC(secret, kind:id) in lower-case base32 (RFC 4648 alphabet, the last
// character zero-padded), cut to `chars` characters.
std::string base32_mac(std::string_view secret, std::string_view kind, std::string_view id,
                       std::size_t bytes, std::size_t chars) {
    std::string message(kind);
    message += ':';
    message += id;
    const std::string mac = hmac_sha256(secret, message);
    static constexpr char k_alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (std::size_t i = 0; i < bytes; ++i) {
        buffer = (buffer << 8) | static_cast<unsigned char>(mac[i]);
        bits += 8;
        while (bits >= 5) {
            out += k_alphabet[(buffer >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0)
        out += k_alphabet[(buffer << (5 - bits)) & 31];
    out.resize(std::min(out.size(), chars));
    return out;
}

}  // namespace

std::string private_token(std::string_view secret, std::string_view kind, std::string_view id) {
    return base32_mac(secret, kind, id, 16, 26);  // 128 bits
}

std::string short_link_code(std::string_view secret, std::string_view page_path) {
    return base32_mac(secret, "short-link", page_path, 7, 10);  // 50 of 56 bits
}

std::string family_link_code(std::string_view secret, std::string_view contact_id,
                             std::string_view week) {
    std::string id(contact_id);
    id += ':';
    id += week;
    return base32_mac(secret, "family-link", id, 7, 10);  // 50 of 56 bits
}

std::string random_secret() {
    Poco::RandomInputStream random;
    std::array<unsigned char, 32> bytes{};
    random.read(reinterpret_cast<char*>(bytes.data()), bytes.size());
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char b : bytes) {
        out += k_hex[b >> 4];
        out += k_hex[b & 15];
    }
    return out;
}

}  // namespace homeroom::site
