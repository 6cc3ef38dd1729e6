#include "site/private_token.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <set>

namespace homeroom::site {
namespace {

std::string hex(const std::string& bytes) {
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        out += k_hex[c >> 4];
        out += k_hex[c & 15];
    }
    return out;
}

TEST(HmacSha256, MatchesRfc4231TestCase2) {
    EXPECT_EQ(hex(hmac_sha256("Jefe", "what do ya want for nothing?")),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(HmacSha256, HashesKeysLongerThanABlock) {
    // RFC 4231 test case 6: a 131-byte key.
    EXPECT_EQ(hex(hmac_sha256(std::string(131, '\xaa'),
                              "Test Using Larger Than Block-Size Key - Hash Key First")),
              "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(PrivateToken, IsStableLowercaseBase32WithoutTheId) {
    const auto t = private_token("secret", "student", "100234");
    EXPECT_EQ(t, private_token("secret", "student", "100234"));
    EXPECT_EQ(t.size(), 26u);
    for (char c : t) EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7')) << t;
    EXPECT_EQ(t.find("100234"), std::string::npos);
}

TEST(PrivateToken, DependsOnTheSecretTheKindAndTheId) {
    std::set<std::string> tokens{
        private_token("secret", "student", "1"), private_token("other", "student", "1"),
        private_token("secret", "section", "1"), private_token("secret", "student", "2")};
    EXPECT_EQ(tokens.size(), 4u);
}

TEST(RandomSecret, Is64HexCharactersAndDiffersEachTime) {
    const auto a = random_secret(), b = random_secret();
    EXPECT_EQ(a.size(), 64u);
    EXPECT_NE(a, b);
}

TEST(ShortLinkCode, IsTenCharactersOfLowercaseBase32AndStable) {
    const std::string code = short_link_code("secret", "private/students/abc/en.html");
    EXPECT_EQ(code.size(), 10u);
    EXPECT_EQ(code.find_first_not_of("abcdefghijklmnopqrstuvwxyz234567"), std::string::npos)
        << code;
    EXPECT_EQ(code, short_link_code("secret", "private/students/abc/en.html"));
    // The first 10 characters of the base32 of HMAC(secret, "short-link:" + path).
    const std::string mac = hmac_sha256("secret", "short-link:private/students/abc/en.html");
    static constexpr char k_alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    std::uint64_t bits = 0;
    for (int i = 0; i < 7; ++i) bits = (bits << 8) | static_cast<unsigned char>(mac[i]);
    std::string expected;
    for (int i = 0; i < 10; ++i) expected += k_alphabet[(bits >> (51 - 5 * i)) & 31];
    EXPECT_EQ(code, expected);
}

TEST(ShortLinkCode, DiffersByLanguageStudentAndSecret) {
    std::set<std::string> codes;
    for (const char* secret : {"s1", "s2"})
        for (const char* student : {"tok1", "tok2"})
            for (const char* lang : {"en", "es", "ar"})
                codes.insert(short_link_code(
                    secret, std::string("private/students/") + student + "/" + lang + ".html"));
    EXPECT_EQ(codes.size(), 12u);
}

}  // namespace
}  // namespace homeroom::site
