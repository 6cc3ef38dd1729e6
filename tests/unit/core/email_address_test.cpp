// The one email address rule of import and notify (audit F.26: the import accepted seven
// addresses notify would never use, and those contacts silently got nothing).
#include "core/email_address.h"

#include <gtest/gtest.h>

namespace homeroom {
namespace {

TEST(EmailAddress, PlainAddressesAreSentAsTheyAre) {
    const auto a = check_email_address("  ana.perez+school@Mail.Example.org ");
    EXPECT_TRUE(a.usable()) << a.problem;
    EXPECT_EQ(a.wire, "ana.perez+school@Mail.Example.org");
    EXPECT_TRUE(check_email_address("o'brien@example.ie").usable());
}

// The A-labels are those of Python's own IDNA codec ("bücher.example".encode("idna")).
TEST(EmailAddress, AnInternationalDomainIsSentInItsALabels) {
    const auto a = check_email_address(
        "user@b\xC3\xBC"
        "cher.example");
    EXPECT_TRUE(a.usable()) << a.problem;
    EXPECT_EQ(a.wire, "user@xn--bcher-kva.example");
    const auto jp = check_email_address(
        "info@\xE3\x83\x89\xE3\x83\xA1\xE3\x82\xA4\xE3\x83\xB3\xE5\x90\x8D\xE4\xBE\x8B.jp");
    EXPECT_EQ(jp.wire, "info@xn--eckwd4c7cu47r2wf.jp") << jp.problem;
}

TEST(EmailAddress, ANonAsciiLocalPartIsWellFormedButNeedsSmtputf8) {
    const auto a = check_email_address(
        "jos\xC3\xA9.n\xC3\xBA\xC3\xB1"
        "ez@example.org");
    EXPECT_FALSE(a.usable());
    EXPECT_TRUE(a.needs_smtputf8);
    EXPECT_EQ(a.problem,
              "the part before the @ is not ASCII, which needs SMTPUTF8 (not supported by "
              "Homeroom)");
}

TEST(EmailAddress, EachBrokenRuleIsNamed) {
    const std::pair<const char*, const char*> cases[] = {
        {"a..b@example.org", "two dots in a row before the @"},
        {".lead@example.org", "a dot at the start"},
        {"trail.@example.org", "a dot just before the @"},
        {"@example.org", "nothing before the @"},
        {"ana@", "nothing after the @"},
        {"ana.example.org", "no @"},
        {"a@b@example.org", "more than one @"},
        {"ana@localhost", "the domain \"localhost\" has no dot"},
        {"ana@exa_mple.org",
         "the domain \"exa_mple.org\" is not a host name (letters, digits and inner hyphens "
         "between dots)"},
        {"ana@[127.0.0.1]",
         "the domain \"[127.0.0.1]\" is not a host name (letters, digits and inner hyphens "
         "between dots)"},
        {"\"ana\"@example.org",
         "\"\"\" before the @ (only letters, digits and !#$%&'*+-/=?^_`{|}~ and inner dots)"},
        {"an a@example.org", "a space or control character before the @"},
    };
    for (const auto& [address, problem] : cases) {
        const auto c = check_email_address(address);
        EXPECT_FALSE(c.usable()) << address;
        EXPECT_FALSE(c.needs_smtputf8) << address;
        EXPECT_EQ(c.problem, problem) << address;
    }
    EXPECT_EQ(check_email_address(std::string(65, 'a') + "@example.org").problem,
              "more than 64 characters before the @");
}

}  // namespace
}  // namespace homeroom
