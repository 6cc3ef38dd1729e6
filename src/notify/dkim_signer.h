// DKIM signatures (RFC 6376) for outgoing email, with OpenSSL: rsa-sha256 (RFC 8301: keys of
// 1024 bits at least; 2048 recommended) or ed25519-sha256 (RFC 8463), relaxed/relaxed
// canonicalization, no l= (the whole body is covered) and no t= (the same message and key give
// the same bytes, so a message re-sent after a crash is identical).
//
// h= names every field of k_dkim_signed_fields the message has (From, To, Subject, Date,
// Message-ID, MIME-Version, Content-Type, Content-Language, List-Id, List-Unsubscribe,
// List-Unsubscribe-Post, Auto-Submitted: RFC 8058 §4 requires the two List-Unsubscribe fields)
// once per instance and then once more, so that a field added on the way (a second From, a
// forged List-Unsubscribe) breaks the signature instead of riding on it.
//
// The canonicalization functions are pure and exposed for tests (RFC 6376 §3.4.5's example).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct evp_pkey_st;  // OpenSSL's EVP_PKEY

namespace homeroom::notify {

enum class DkimAlgorithm { rsa_sha256, ed25519_sha256 };
std::optional<DkimAlgorithm> parse_dkim_algorithm(std::string_view code);  // "rsa-sha256" | ...
std::string_view to_code(DkimAlgorithm algorithm);

inline constexpr std::string_view k_dkim_signed_fields[] = {"from",
                                                            "to",
                                                            "subject",
                                                            "date",
                                                            "message-id",
                                                            "mime-version",
                                                            "content-type",
                                                            "content-language",
                                                            "list-id",
                                                            "list-unsubscribe",
                                                            "list-unsubscribe-post",
                                                            "auto-submitted"};

// RFC 6376 §3.4.2: one header field ("Name: value", folded or not, with or without its final
// CRLF) as "name:value\r\n": name lower-cased, unfolded, runs of blanks as one space, blanks
// around the colon and at the end dropped.
std::string dkim_relaxed_header(std::string_view field);
// RFC 6376 §3.4.4: blanks at line ends dropped, other runs of blanks as one space, empty lines
// at the end dropped; a non-empty body ends with CRLF. Expects CRLF line ends.
std::string dkim_relaxed_body(std::string_view body);

class DkimSigner {
  public:
    // `pem`: a PEM private key (PKCS#8 or traditional RSA, unencrypted). std::invalid_argument
    // saying why for anything else: not a key, encrypted, RSA under 1024 bits, a key type other
    // than RSA or Ed25519, one that differs from `algorithm`, or a selector or domain that is
    // not a DNS name.
    DkimSigner(std::string selector, std::string domain, std::string_view pem,
               std::optional<DkimAlgorithm> algorithm = std::nullopt);

    DkimAlgorithm algorithm() const { return m_algorithm; }
    const std::string& selector() const { return m_selector; }
    const std::string& domain() const { return m_domain; }
    // The TXT record to publish at <selector>._domainkey.<domain>: "v=DKIM1; k=rsa; p=...".
    std::string dns_record() const;

    // "DKIM-Signature: ...\r\n" for `message` (CRLF line ends, headers, empty line, body),
    // folded at 76 characters. Thread-safe.
    std::string signature_field(std::string_view message) const;
    // The message with its signature as the first header field.
    std::string sign(std::string_view message) const;

  private:
    std::string m_selector, m_domain;
    DkimAlgorithm m_algorithm;
    std::shared_ptr<evp_pkey_st> m_key;  // OpenSSL's EVP_PKEY, read-only once loaded
};

}  // namespace homeroom::notify
