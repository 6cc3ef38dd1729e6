#include "notify/dkim_signer.h"

#include "core/ascii_text.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <stdexcept>
#include <vector>

namespace homeroom::notify {
namespace {

constexpr std::size_t k_line_limit = 76;

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Runs of blanks as one space, blanks at both ends dropped.
std::string squeeze_blanks(std::string_view s, bool trim_front) {
    std::string out;
    out.reserve(s.size());
    bool pending = false;
    for (char c : s) {
        if (is_blank(c)) {
            pending = true;
            continue;
        }
        if (pending && (!out.empty() || !trim_front))
            out += ' ';
        pending = false;
        out += c;
    }
    return out;
}

// Letters, digits and hyphens in dot-separated labels of at most 63 characters.
bool is_dns_name(std::string_view name) {
    if (name.empty() || name.size() > 253)
        return false;
    std::size_t label = 0;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = lower(name[i]);
        if (c == '.') {
            if (label == 0 || name[i - 1] == '-')
                return false;
            label = 0;
            continue;
        }
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
        if (c == '-' && label == 0)
            return false;
        if (++label > 63)
            return false;
    }
    return label > 0 && name.back() != '-';
}

std::string base64(const unsigned char* data, std::size_t size) {
    std::string out(4 * ((size + 2) / 3) + 1, '\0');
    const int n =
        EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(size));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

std::string sha256(std::string_view data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("DKIM: SHA-256 failed");
    return std::string(reinterpret_cast<char*>(digest), size);
}

// An encrypted key must fail, not ask for a passphrase on the terminal.
int no_passphrase(char*, int, int, void*) {
    return -1;
}

struct HeaderField {
    std::string name;       // lower case
    std::string_view text;  // the whole field, folded, with its final CRLF
};

std::vector<HeaderField> header_fields(std::string_view headers) {
    std::vector<HeaderField> fields;
    std::size_t start = 0;
    while (start < headers.size()) {
        auto end = headers.find("\r\n", start);
        end = end == std::string_view::npos ? headers.size() : end + 2;
        const auto line = headers.substr(start, end - start);
        if (is_blank(line.front()) && !fields.empty()) {
            auto& last = fields.back();
            last.text = std::string_view(last.text.data(), last.text.size() + line.size());
        } else {
            auto name = line.substr(0, line.find(':'));
            while (!name.empty() && is_blank(name.back())) name.remove_suffix(1);
            fields.push_back({ascii_lower(name), line});
        }
        start = end;
    }
    return fields;
}

// Appends pieces to a header field, breaking the line before a piece that would pass column 76.
class FieldWriter {
  public:
    explicit FieldWriter(std::string_view name) : m_text(name), m_column(name.size()) {}
    void add(std::string_view piece, bool blank_before) {
        if (m_column + (blank_before ? 1 : 0) + piece.size() > k_line_limit) {
            m_text += "\r\n ";
            m_column = 1;
        } else if (blank_before) {
            m_text += ' ';
            ++m_column;
        }
        m_text += piece;
        m_column += piece.size();
    }
    // Base64 may be broken anywhere: fills each line.
    void add_breakable(std::string_view piece) {
        while (!piece.empty()) {
            if (m_column >= k_line_limit) {
                m_text += "\r\n ";
                m_column = 1;
            }
            const auto n = std::min(piece.size(), k_line_limit - m_column);
            m_text += piece.substr(0, n);
            m_column += n;
            piece.remove_prefix(n);
        }
    }
    const std::string& text() const { return m_text; }

  private:
    std::string m_text;
    std::size_t m_column;
};

}  // namespace

std::optional<DkimAlgorithm> parse_dkim_algorithm(std::string_view code) {
    if (code == "rsa-sha256")
        return DkimAlgorithm::rsa_sha256;
    if (code == "ed25519-sha256")
        return DkimAlgorithm::ed25519_sha256;
    return std::nullopt;
}

std::string_view to_code(DkimAlgorithm algorithm) {
    return algorithm == DkimAlgorithm::rsa_sha256 ? "rsa-sha256" : "ed25519-sha256";
}

std::string dkim_relaxed_header(std::string_view field) {
    const auto colon = field.find(':');
    auto name = field.substr(0, colon);
    while (!name.empty() && is_blank(name.back())) name.remove_suffix(1);
    std::string value;
    if (colon != std::string_view::npos) {
        const auto rest = field.substr(colon + 1);
        value.reserve(rest.size());
        for (std::size_t i = 0; i < rest.size(); ++i) {
            if (rest[i] == '\r' && i + 1 < rest.size() && rest[i + 1] == '\n') {
                ++i;  // unfolding: the line break goes, the blank after it stays
                continue;
            }
            value += rest[i];
        }
    }
    std::string out = ascii_lower(name);
    out += ':';
    out += squeeze_blanks(value, true);
    return out + "\r\n";
}

std::string dkim_relaxed_body(std::string_view body) {
    std::string out;
    out.reserve(body.size());
    std::size_t kept = 0;  // out's size up to the last non-empty line
    std::size_t start = 0;
    while (start < body.size()) {
        auto end = body.find("\r\n", start);
        const bool has_break = end != std::string_view::npos;
        if (!has_break)
            end = body.size();
        std::string line = squeeze_blanks(body.substr(start, end - start), false);
        if (!line.empty() && line.back() == ' ')
            line.pop_back();
        out += line;
        out += "\r\n";
        if (!line.empty())
            kept = out.size();
        start = has_break ? end + 2 : end;
    }
    out.resize(kept);
    return out;
}

DkimSigner::DkimSigner(std::string selector, std::string domain, std::string_view pem,
                       std::optional<DkimAlgorithm> algorithm)
    : m_selector(std::move(selector)), m_domain(std::move(domain)) {
    if (!is_dns_name(m_selector))
        throw std::invalid_argument("dkim.selector \"" + m_selector +
                                    "\" is not a DNS name (letters, digits, hyphens, dots)");
    if (!is_dns_name(m_domain) || m_domain.find('.') == std::string::npos)
        throw std::invalid_argument("dkim.domain \"" + m_domain + "\" is not a domain name");
    const bool encrypted = pem.find("ENCRYPTED") != std::string_view::npos;
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), &BIO_free);
    EVP_PKEY* key =
        bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, &no_passphrase, nullptr) : nullptr;
    if (!key)
        throw std::invalid_argument(encrypted
                                        ? "the key is encrypted; DKIM needs it without a "
                                          "passphrase (openssl pkey -in K -out K2)"
                                        : "not a PEM private key (-----BEGIN PRIVATE KEY-----)");
    m_key.reset(key, &EVP_PKEY_free);
    const int type = EVP_PKEY_get_base_id(key);
    if (type == EVP_PKEY_RSA) {
        m_algorithm = DkimAlgorithm::rsa_sha256;
        if (EVP_PKEY_get_bits(key) < 1024)
            throw std::invalid_argument("the RSA key has " +
                                        std::to_string(EVP_PKEY_get_bits(key)) +
                                        " bits; DKIM needs at least 1024 (RFC 8301), 2048 is "
                                        "recommended");
    } else if (type == EVP_PKEY_ED25519) {
        m_algorithm = DkimAlgorithm::ed25519_sha256;
    } else {
        throw std::invalid_argument("the key is neither RSA nor Ed25519");
    }
    if (algorithm && *algorithm != m_algorithm)
        throw std::invalid_argument("dkim.algorithm is " + std::string(to_code(*algorithm)) +
                                    " but the key is for " + std::string(to_code(m_algorithm)));
}

std::string DkimSigner::dns_record() const {
    std::string p;
    if (m_algorithm == DkimAlgorithm::rsa_sha256) {
        unsigned char* der = nullptr;
        const int n = i2d_PUBKEY(m_key.get(), &der);
        if (n <= 0)
            throw std::runtime_error("DKIM: cannot encode the public key");
        p = base64(der, static_cast<std::size_t>(n));
        OPENSSL_free(der);
    } else {
        unsigned char raw[64];
        std::size_t n = sizeof raw;
        if (EVP_PKEY_get_raw_public_key(m_key.get(), raw, &n) != 1)
            throw std::runtime_error("DKIM: cannot encode the public key");
        p = base64(raw, n);
    }
    return std::string("v=DKIM1; k=") +
           (m_algorithm == DkimAlgorithm::rsa_sha256 ? "rsa" : "ed25519") + "; p=" + p;
}

std::string DkimSigner::signature_field(std::string_view message) const {
    auto split = message.find("\r\n\r\n");
    const auto headers =
        message.substr(0, split == std::string_view::npos ? message.size() : split + 2);
    const auto body =
        split == std::string_view::npos ? std::string_view() : message.substr(split + 4);
    const auto fields = header_fields(headers);

    // RFC 6376 §5.4.2: several instances of a field are signed from the last one up.
    std::string hashed;
    std::vector<std::string> names;
    for (const auto name : k_dkim_signed_fields) {
        for (auto it = fields.rbegin(); it != fields.rend(); ++it)
            if (it->name == name) {
                hashed += dkim_relaxed_header(it->text);
                names.emplace_back(name);
            }
        if (!names.empty() && names.back() == name)
            names.emplace_back(name);  // once more: an instance added later breaks it
    }
    if (names.empty())
        throw std::invalid_argument("DKIM: the message has none of the fields to sign");

    const auto body_hash = sha256(dkim_relaxed_body(body));
    FieldWriter f("DKIM-Signature:");
    f.add("v=1;", true);
    f.add("a=" + std::string(to_code(m_algorithm)) + ";", true);
    f.add("c=relaxed/relaxed;", true);
    f.add("d=" + m_domain + ";", true);
    f.add("s=" + m_selector + ";", true);
    for (std::size_t i = 0; i < names.size(); ++i)
        f.add((i == 0 ? "h=" : "") + names[i] + (i + 1 < names.size() ? ":" : ";"), i == 0);
    f.add(
        "bh=" + base64(reinterpret_cast<const unsigned char*>(body_hash.data()), body_hash.size()) +
            ";",
        true);
    f.add("b=", true);
    std::string unsigned_field = dkim_relaxed_header(f.text());
    unsigned_field.resize(unsigned_field.size() - 2);  // §3.7: without its CRLF
    hashed += unsigned_field;

    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    std::vector<unsigned char> signature;
    std::size_t size = 0;
    bool ok = static_cast<bool>(ctx);
    if (m_algorithm == DkimAlgorithm::rsa_sha256) {
        ok = ok &&
             EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, m_key.get()) == 1 &&
             EVP_DigestSignUpdate(ctx.get(), hashed.data(), hashed.size()) == 1 &&
             EVP_DigestSignFinal(ctx.get(), nullptr, &size) == 1;
        signature.resize(size);
        ok = ok && EVP_DigestSignFinal(ctx.get(), signature.data(), &size) == 1;
    } else {
        // RFC 8463: PureEdDSA over the SHA-256 of the data.
        const auto digest = sha256(hashed);
        const auto* data = reinterpret_cast<const unsigned char*>(digest.data());
        ok = ok && EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, m_key.get()) == 1 &&
             EVP_DigestSign(ctx.get(), nullptr, &size, data, digest.size()) == 1;
        signature.resize(size);
        ok = ok && EVP_DigestSign(ctx.get(), signature.data(), &size, data, digest.size()) == 1;
    }
    if (!ok)
        throw std::runtime_error("DKIM: signing failed");
    f.add_breakable(base64(signature.data(), size));
    return f.text() + "\r\n";
}

std::string DkimSigner::sign(std::string_view message) const {
    std::string out = signature_field(message);
    out += message;
    return out;
}

}  // namespace homeroom::notify
