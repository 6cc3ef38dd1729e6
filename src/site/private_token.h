// Opaque names for private pages: a keyed hash of what the page is about, so that a path
// reveals no student name or SIS id and cannot be guessed without the site secret.
#pragma once

#include <string>
#include <string_view>

namespace homeroom::site {

// HMAC-SHA256(secret, kind + ":" + id), first 128 bits, lower-case base32 (26 characters).
// `kind` separates namespaces ("student", "section", "partner") so ids never collide.
std::string private_token(std::string_view secret, std::string_view kind, std::string_view id);

// The code of a short link (docs/sms.md, "/s/<code>"): HMAC-SHA256(secret, "short-link:" +
// page_path), first 50 bits, lower-case base32 (10 characters of [a-z2-7]). `page_path` is the
// page relative to the site ("private/students/<xx>/<token>.en.html"), so the same page always gets
// the same code. 50 bits are not collision-free over a large site: the store refuses a code that
// already names another page (store/short_link_repository.h) and the text keeps the full URL.
std::string short_link_code(std::string_view secret, std::string_view page_path);

// The code of a family link (docs/sms.md, "Family links"): one short link for all the children
// of a text that cannot carry one link per child. HMAC-SHA256(secret, "family-link:" + contact
// id + ":" + week), 10 characters like short_link_code; its own prefix, so it never equals the
// code of a page. The same contact and week always get the same code.
std::string family_link_code(std::string_view secret, std::string_view contact_id,
                             std::string_view week);

// HMAC-SHA256 as raw bytes (also used to sign unsubscribe links).
std::string hmac_sha256(std::string_view key, std::string_view message);

// A new random secret (hex of 32 bytes from the system's CSPRNG).
std::string random_secret();

}  // namespace homeroom::site
