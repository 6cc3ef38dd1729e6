#include "notify/recipient_address.h"

#include <gtest/gtest.h>

namespace homeroom::notify {
namespace {

TEST(RecipientAddress, AcceptsPlainAddrSpecs) {
    for (const char* ok :
         {"ana@example.org", "ana.perez+school@mail.example.org", "o'brien@example.ie",
          "x_y-z@sub-domain.example.co.uk", "a!#$%&'*+/=?^_`{|}~b@example.org", "1@2.io"})
        EXPECT_TRUE(is_plain_addr_spec(ok)) << ok;
}

TEST(RecipientAddress, RefusesEverythingElse) {
    for (const char* bad : {"",
                            "ana",
                            "@example.org",
                            "ana@",
                            "ana@@example.org",
                            "ana@example",
                            ".ana@example.org",
                            "ana.@example.org",
                            "an..a@example.org",
                            "ana@-example.org",
                            "ana@example-.org",
                            "ana@example..org",
                            "ana@example.org.",
                            "Ana <ana@example.org>",
                            "<ana@example.org>",
                            "\"ana\"@example.org",
                            "ana@[192.0.2.1]",
                            "ana(comment)@example.org",
                            "an a@example.org",
                            "ana@example.org\r\n",
                            "ana@exa\nmple.org",
                            "ana@example.org,b@example.org",
                            "ana\x01@example.org",
                            "ñ@example.org",
                            "ana@exámple.org"})
        EXPECT_FALSE(is_plain_addr_spec(bad)) << bad;
    EXPECT_FALSE(is_plain_addr_spec(std::string(65, 'a') + "@example.org"));
    EXPECT_TRUE(is_plain_addr_spec(std::string(64, 'a') + "@example.org"));
    EXPECT_FALSE(is_plain_addr_spec("a@" + std::string(64, 'b') + ".org"));
}

TEST(RecipientAddress, PhoneNumbersAreE164) {
    EXPECT_TRUE(is_e164_number("+15551230001"));
    EXPECT_TRUE(is_e164_number("+442071234567"));
    EXPECT_FALSE(is_e164_number("15551230001"));
    EXPECT_FALSE(is_e164_number("+05551230001"));
    EXPECT_FALSE(is_e164_number("+1555"));
    EXPECT_FALSE(is_e164_number("+1555123000123456"));
    EXPECT_FALSE(is_e164_number("+1 555 123 0001"));
}

TEST(RecipientAddress, UsableAddressesIgnoreSurroundingBlanks) {
    EXPECT_TRUE(is_usable_address(Channel::email, " ana@example.org\t"));
    EXPECT_TRUE(is_usable_address(Channel::sms, " +15551230001 "));
    EXPECT_FALSE(is_usable_address(Channel::sms, "ana@example.org"));
    EXPECT_FALSE(is_usable_address(Channel::email, "+15551230001"));
}

TEST(RecipientAddress, MailboxKeysIgnoreCaseForEmailOnly) {
    EXPECT_EQ(mailbox_key(Channel::email, " Ana@Example.ORG "), "ana@example.org");
    EXPECT_EQ(mailbox_key(Channel::sms, " +15551230001"), "+15551230001");
}

}  // namespace
}  // namespace homeroom::notify
