// Opaque names for private pages: a keyed hash of what the page is about, so that a path
// reveals no student name or SIS id and cannot be guessed without the site secret.
#pragma once

#include <string>
#include <string_view>

namespace homeroom::site {

// HMAC-SHA256(secret, kind + ":" + id), first 128 bits, lower-case base32 (26 characters).
// `kind` separates namespaces ("student", "section", "partner") so ids never collide.
std::string private_token(std::string_view secret, std::string_view kind, std::string_view id);

// HMAC-SHA256 as raw bytes (also used to sign unsubscribe links).
std::string hmac_sha256(std::string_view key, std::string_view message);

// A new random secret (hex of 32 bytes from the system's CSPRNG).
std::string random_secret();

}  // namespace homeroom::site
