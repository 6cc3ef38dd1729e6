// DKIM canonicalization against RFC 6376's own example, and the signature field as a verifier
// and a mail server meet it: its tags, what it covers, its line lengths, and the keys refused.
// (tests/integration/dkim_cli_test.cpp checks the signatures with an independent verifier.)
#include "notify/dkim_signer.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <map>
#include <memory>
#include <stdexcept>

#include "notify/mail_message.h"

namespace homeroom::notify {
namespace {

using namespace std::chrono_literals;

// A fresh private key as PEM (PKCS#8).
std::string make_pem(const char* type, std::size_t bits = 0) {
    EVP_PKEY* key = bits ? EVP_PKEY_Q_keygen(nullptr, nullptr, type, bits)
                         : EVP_PKEY_Q_keygen(nullptr, nullptr, type);
    if (!key)
        throw std::runtime_error("keygen failed");
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    EVP_PKEY_free(key);
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(n));
}

const std::string& rsa_pem() {
    static const std::string pem = make_pem("RSA", 2048);
    return pem;
}
const std::string& ed25519_pem() {
    static const std::string pem = make_pem("ED25519");
    return pem;
}

std::string message() {
    MailContent c;
    c.from = {"Riverside Public Schools", "digest@riverside.example.org"};
    c.to = {"Ana Pérez", "ana.perez@example.org"};
    c.subject = "Weekly update for Sofia";
    c.text_body = "Hello Ana,\n\nSofia was absent on Tuesday.\n";
    c.html_body = "<p>Hello Ana,</p>";
    c.message_id = make_message_id("C1/2026-01-19/weekly-digest/email", "riverside.example.org");
    c.date = format_mail_date(std::chrono::sys_seconds{1768806000s});
    c.unsubscribe_url = "https://homeroom.example.org/unsubscribe?t=1.abc";
    c.unsubscribe_mailto = "mailto:unsubscribe@riverside.example.org?subject=unsubscribe%201.abc";
    c.language = "en";
    c.list_id = "weekly-digest.homeroom.example.org";
    c.list_name = "Riverside Public Schools";
    c.auto_generated = true;
    return build_mail_message(c);
}

// The tag=value pairs of an unfolded signature field.
std::map<std::string, std::string> tags(std::string field) {
    for (std::size_t at; (at = field.find("\r\n ")) != std::string::npos;) field.erase(at, 3);
    field = field.substr(field.find(':') + 1);
    std::map<std::string, std::string> out;
    std::size_t start = 0;
    while (start < field.size()) {
        auto end = field.find(';', start);
        if (end == std::string::npos)
            end = field.size();
        auto tag = field.substr(start, end - start);
        tag.erase(0, tag.find_first_not_of(' '));
        const auto eq = tag.find('=');
        if (eq != std::string::npos)
            out[tag.substr(0, eq)] = tag.substr(eq + 1);
        start = end + 1;
    }
    return out;
}

// RFC 6376 §3.4.5, the example of relaxed canonicalization.
TEST(DkimCanonicalization, RelaxedHeadersAsInRfc6376Example) {
    EXPECT_EQ(dkim_relaxed_header("A: X\r\n"), "a:X\r\n");
    EXPECT_EQ(dkim_relaxed_header("B : Y\t\r\n\tZ  \r\n"), "b:Y Z\r\n");
}

TEST(DkimCanonicalization, RelaxedBodyAsInRfc6376Example) {
    EXPECT_EQ(dkim_relaxed_body(" C \r\nD \t E\r\n\r\n\r\n"), " C\r\nD E\r\n");
}

TEST(DkimCanonicalization, RelaxedBodyEdgeCases) {
    EXPECT_EQ(dkim_relaxed_body(""), "");
    EXPECT_EQ(dkim_relaxed_body("\r\n\r\n"), "");  // only empty lines: empty
    EXPECT_EQ(dkim_relaxed_body("no line end"), "no line end\r\n");
    EXPECT_EQ(dkim_relaxed_body("a\r\n\r\nb  \t\r\n"), "a\r\n\r\nb\r\n");  // inner empty lines kept
}

TEST(DkimCanonicalization, RelaxedHeaderUnfoldsAndLowercasesTheNameOnly) {
    EXPECT_EQ(dkim_relaxed_header("List-Unsubscribe:\r\n <https://x.example/U>,\r\n <mailto:a@b>"),
              "list-unsubscribe:<https://x.example/U>, <mailto:a@b>\r\n");
    EXPECT_EQ(dkim_relaxed_header("Subject:   Mixed   Case  "), "subject:Mixed Case\r\n");
}

TEST(DkimSigner, SignsTheRfc8058FieldsWithEachAlgorithm) {
    const auto m = message();
    for (const auto* pem : {&rsa_pem(), &ed25519_pem()}) {
        const DkimSigner signer("hr2026", "riverside.example.org", *pem);
        const auto field = signer.signature_field(m);
        SCOPED_TRACE(field);
        ASSERT_EQ(field.rfind("DKIM-Signature: v=1; a=", 0), 0u);
        ASSERT_EQ(field.substr(field.size() - 2), "\r\n");
        // Folded: no line passes 76 characters, every continuation starts with a blank.
        std::size_t start = 0;
        while (start < field.size()) {
            const auto end = field.find("\r\n", start);
            EXPECT_LE(end - start, 76u);
            if (start > 0) {
                EXPECT_EQ(field[start], ' ');
            }
            start = end + 2;
        }
        const auto t = tags(field);
        EXPECT_EQ(t.at("a"), pem == &rsa_pem() ? "rsa-sha256" : "ed25519-sha256");
        EXPECT_EQ(t.at("c"), "relaxed/relaxed");
        EXPECT_EQ(t.at("d"), "riverside.example.org");
        EXPECT_EQ(t.at("s"), "hr2026");
        EXPECT_EQ(t.at("h"),
                  "from:from:to:to:subject:subject:date:date:message-id:message-id:"
                  "mime-version:mime-version:content-type:content-type:content-language:"
                  "content-language:list-id:list-id:list-unsubscribe:list-unsubscribe:"
                  "list-unsubscribe-post:list-unsubscribe-post:auto-submitted:auto-submitted");
        EXPECT_EQ(t.count("l"), 0u);  // the whole body is covered
        EXPECT_EQ(t.count("t"), 0u);
        // The same bytes and key: the same signature (a message re-sent after a crash).
        EXPECT_EQ(signer.signature_field(m), field);
        EXPECT_EQ(signer.sign(m), field + m);
    }
}

TEST(DkimSigner, BodyHashIsTheRelaxedBodysSha256) {
    // RFC 6376 §3.4.4: an empty body hashes as the empty string; SHA-256("") in base64.
    const DkimSigner signer("s1", "example.org", ed25519_pem());
    const auto t = tags(signer.signature_field("From: a@example.org\r\n\r\n\r\n\r\n"));
    EXPECT_EQ(t.at("bh"), "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    EXPECT_EQ(t.at("h"), "from:from");
}

TEST(DkimSigner, ChangedBodyChangesTheBodyHash) {
    const DkimSigner signer("s1", "example.org", rsa_pem());
    const auto a = tags(signer.signature_field("From: a@example.org\r\n\r\nHello\r\n"));
    const auto b = tags(signer.signature_field("From: a@example.org\r\n\r\nHello  \r\n\r\n"));
    const auto c = tags(signer.signature_field("From: a@example.org\r\n\r\nHallo\r\n"));
    EXPECT_EQ(a.at("bh"), b.at("bh"));  // relaxed: trailing blanks and empty lines do not count
    EXPECT_NE(a.at("bh"), c.at("bh"));
}

TEST(DkimSigner, PublishesTheRecordOfItsPublicKey) {
    const DkimSigner rsa("s1", "example.org", rsa_pem());
    EXPECT_EQ(rsa.dns_record().rfind("v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A", 0), 0u)
        << rsa.dns_record();
    const DkimSigner ed("s1", "example.org", ed25519_pem());
    EXPECT_EQ(ed.dns_record().rfind("v=DKIM1; k=ed25519; p=", 0), 0u);
    EXPECT_EQ(ed.dns_record().size(), std::string("v=DKIM1; k=ed25519; p=").size() + 44);
}

std::string refusal(const std::string& selector, const std::string& domain, const std::string& pem,
                    std::optional<DkimAlgorithm> algorithm = std::nullopt) {
    try {
        DkimSigner(selector, domain, pem, algorithm);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "accepted";
}

TEST(DkimSigner, RefusesKeysAndNamesThatCannotWork) {
    EXPECT_EQ(refusal("s1", "example.org", "hello"),
              "not a PEM private key (-----BEGIN PRIVATE KEY-----)");
    EXPECT_EQ(refusal("s1", "example.org", make_pem("RSA", 512)),
              "the RSA key has 512 bits; DKIM needs at least 1024 (RFC 8301), 2048 is recommended");
    EXPECT_EQ(refusal("s1", "example.org", make_pem("X25519")),
              "the key is neither RSA nor Ed25519");
    EXPECT_EQ(refusal("s1", "example.org", rsa_pem(), DkimAlgorithm::ed25519_sha256),
              "dkim.algorithm is ed25519-sha256 but the key is for rsa-sha256");
    EXPECT_EQ(refusal("s 1", "example.org", rsa_pem()),
              "dkim.selector \"s 1\" is not a DNS name (letters, digits, hyphens, dots)");
    EXPECT_EQ(refusal("s1", "localhost", rsa_pem()),
              "dkim.domain \"localhost\" is not a domain name");
    EXPECT_EQ(refusal("s1", "example.org", rsa_pem()), "accepted");
    EXPECT_EQ(refusal("s1", "example.org", ed25519_pem(), DkimAlgorithm::ed25519_sha256),
              "accepted");
}

TEST(DkimSigner, RefusesAnEncryptedKeyWithoutAskingForAPassphrase) {
    EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    char pass[] = "secret";
    PEM_write_bio_PKCS8PrivateKey(bio.get(), key, EVP_aes_256_cbc(), pass, 6, nullptr, nullptr);
    EVP_PKEY_free(key);
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    EXPECT_EQ(refusal("s1", "example.org", std::string(data, static_cast<std::size_t>(n))),
              "the key is encrypted; DKIM needs it without a passphrase (openssl pkey -in K -out "
              "K2)");
}

}  // namespace
}  // namespace homeroom::notify
