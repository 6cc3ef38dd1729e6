// The one rule for email addresses, used by the import (an address notify could never use is
// refused or warned about at its line) and by notify (which sends to exactly what the rule
// accepts). Usable is a plain RFC 5321 address: a dot-atom before the @ in ASCII, a host name of
// two labels or more after it, at most 254 characters, nothing else (no display name, quoted
// local part, comment or IP literal — an address can never smuggle a header). An internationalized
// domain ("user@bücher.example") is usable: it is sent in IDNA's A-labels ("xn--bcher-kva"),
// which every relay understands. A local part that is not ASCII ("josé@example.org") would need
// SMTPUTF8 (RFC 6531), which Homeroom does not speak: well formed, but not usable.
#pragma once

#include <string>
#include <string_view>

namespace homeroom {

struct EmailAddressCheck {
    std::string wire;     // usable: the address as it is sent (trimmed, domain in A-labels)
    std::string problem;  // not usable: why ("two dots in a row before the @")
    // Well formed but its local part is not ASCII: it needs SMTPUTF8, which is not supported.
    bool needs_smtputf8 = false;

    bool usable() const { return problem.empty(); }
};

// Surrounding blanks are ignored.
EmailAddressCheck check_email_address(std::string_view address);

}  // namespace homeroom
