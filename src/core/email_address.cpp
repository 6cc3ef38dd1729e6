#include "core/email_address.h"

#include <unicode/uidna.h>

#include <memory>

namespace homeroom {
namespace {

bool is_atext(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    constexpr std::string_view k_specials = "!#$%&'*+-/=?^_`{|}~";
    return k_specials.find(c) != std::string_view::npos;
}

bool is_ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80)
            return false;
    return true;
}

// Why `local` is not a dot-atom; empty when it is.
std::string local_part_problem(std::string_view local) {
    if (local.empty())
        return "nothing before the @";
    if (local.size() > 64)
        return "more than 64 characters before the @";
    if (local.front() == '.')
        return "a dot at the start";
    if (local.back() == '.')
        return "a dot just before the @";
    if (local.find("..") != std::string_view::npos)
        return "two dots in a row before the @";
    for (unsigned char c : local)
        if (c < 0x80 && c != '.' && !is_atext(static_cast<char>(c)))
            return c <= ' ' || c == 0x7F ? std::string("a space or control character before the @")
                                         : "\"" + std::string(1, static_cast<char>(c)) +
                                               "\" before the @ (only letters, digits and "
                                               "!#$%&'*+-/=?^_`{|}~ and inner dots)";
    return {};
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

// Why `domain` (ASCII) is not a mail host name; empty when it is.
std::string host_problem(std::string_view domain) {
    if (domain.empty())
        return "nothing after the @";
    if (domain.size() > 253)
        return "a domain of more than 253 characters";
    std::size_t start = 0;
    int labels = 0;
    while (true) {
        const auto dot = domain.find('.', start);
        const auto label = domain.substr(start, dot == std::string_view::npos ? dot : dot - start);
        if (!is_host_label(label))
            return "the domain \"" + std::string(domain) +
                   "\" is not a host name (letters, digits and inner hyphens between dots)";
        ++labels;
        if (dot == std::string_view::npos)
            break;
        start = dot + 1;
    }
    // A mail domain has at least two labels; a bare "localhost" is a configuration mistake.
    if (labels < 2)
        return "the domain \"" + std::string(domain) + "\" has no dot";
    return {};
}

// The domain in IDNA A-labels (UTS #46, nontransitional, as browsers and mail systems do);
// empty when ICU finds it invalid.
std::string to_ascii_domain(std::string_view domain) {
    UErrorCode status = U_ZERO_ERROR;
    struct Closer {
        void operator()(UIDNA* p) const { uidna_close(p); }
    };
    std::unique_ptr<UIDNA, Closer> idna(uidna_openUTS46(
        UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ, &status));
    if (U_FAILURE(status))
        return {};
    std::string out(256, '\0');
    UIDNAInfo info = UIDNA_INFO_INITIALIZER;
    const int32_t n =
        uidna_nameToASCII_UTF8(idna.get(), domain.data(), static_cast<int32_t>(domain.size()),
                               out.data(), static_cast<int32_t>(out.size()), &info, &status);
    if (U_FAILURE(status) || info.errors != 0 || n <= 0 || n > 253)
        return {};
    out.resize(static_cast<std::size_t>(n));
    return out;
}

}  // namespace

EmailAddressCheck check_email_address(std::string_view address) {
    while (!address.empty() && (address.front() == ' ' || address.front() == '\t'))
        address.remove_prefix(1);
    while (!address.empty() && (address.back() == ' ' || address.back() == '\t'))
        address.remove_suffix(1);
    EmailAddressCheck check;
    const auto at = address.rfind('@');
    if (at == std::string_view::npos) {
        check.problem = "no @";
        return check;
    }
    if (address.find('@') != at) {
        check.problem = "more than one @";
        return check;
    }
    const auto local = address.substr(0, at);
    const auto domain = address.substr(at + 1);
    if (const auto problem = local_part_problem(local); !problem.empty()) {
        check.problem = problem;
        return check;
    }
    std::string wire_domain(domain);
    if (!is_ascii(domain)) {
        wire_domain = to_ascii_domain(domain);
        if (wire_domain.empty()) {
            check.problem = "the domain \"" + std::string(domain) +
                            "\" is not a valid internationalized domain name";
            return check;
        }
    }
    if (const auto problem = host_problem(wire_domain); !problem.empty()) {
        check.problem = problem;
        return check;
    }
    if (!is_ascii(local)) {
        check.needs_smtputf8 = true;
        check.problem =
            "the part before the @ is not ASCII, which needs SMTPUTF8 (not supported by "
            "Homeroom)";
        return check;
    }
    check.wire = std::string(local) + "@" + wire_domain;
    if (check.wire.size() > 254) {
        check.wire.clear();
        check.problem = "more than 254 characters";
    }
    return check;
}

}  // namespace homeroom
