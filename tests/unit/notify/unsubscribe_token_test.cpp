#include "notify/unsubscribe_token.h"

#include <gtest/gtest.h>

namespace homeroom::notify {
namespace {

const std::string k_secret = "0123456789abcdef0123456789abcdef";

TEST(UnsubscribeToken, RoundTripsContactChannelAndLanguage) {
    const UnsubscribeSubject s{"C-0042/é", Channel::email, "ar"};
    const auto token = make_unsubscribe_token(k_secret, s);
    EXPECT_EQ(token.rfind("1.", 0), 0u);
    for (char c : token)
        EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')
            << token;
    EXPECT_EQ(verify_unsubscribe_token(k_secret, token), s);
    const UnsubscribeSubject sms{"C7", Channel::sms, ""};
    EXPECT_EQ(verify_unsubscribe_token(k_secret, make_unsubscribe_token(k_secret, sms)), sms);
}

TEST(UnsubscribeToken, RefusesEveryAlteration) {
    const auto token = make_unsubscribe_token(k_secret, {"C1", Channel::email, "en"});
    EXPECT_FALSE(verify_unsubscribe_token("another secret", token));
    EXPECT_FALSE(verify_unsubscribe_token(k_secret, ""));
    EXPECT_FALSE(verify_unsubscribe_token(k_secret, token + "A"));
    EXPECT_FALSE(verify_unsubscribe_token(k_secret, "2" + token.substr(1)));
    for (std::size_t i = 2; i < token.size(); ++i) {
        if (token[i] == '.')
            continue;
        std::string forged = token;
        forged[i] = forged[i] == 'A' ? 'B' : 'A';
        EXPECT_FALSE(verify_unsubscribe_token(k_secret, forged)) << "position " << i;
    }
    // Another contact's payload with this contact's signature.
    const auto other = make_unsubscribe_token(k_secret, {"C2", Channel::email, "en"});
    const std::string swapped = other.substr(0, other.rfind('.')) + token.substr(token.rfind('.'));
    EXPECT_FALSE(verify_unsubscribe_token(k_secret, swapped));
    EXPECT_FALSE(verify_unsubscribe_token(k_secret, std::string(5000, 'A')));
}

TEST(UnsubscribeToken, RefusesUnusableInput) {
    EXPECT_THROW(make_unsubscribe_token("", {"C1", Channel::email, ""}), std::invalid_argument);
    EXPECT_THROW(make_unsubscribe_token(k_secret, {"", Channel::email, ""}), std::invalid_argument);
    EXPECT_THROW(make_unsubscribe_token(k_secret, {"C1\nsms", Channel::email, ""}),
                 std::invalid_argument);
    EXPECT_FALSE(verify_unsubscribe_token("", "1.a.b"));
}

TEST(UnsubscribeToken, Base64UrlFollowsRfc4648WithoutPadding) {
    const std::pair<const char*, const char*> vectors[] = {
        {"", ""},           {"f", "Zg"},          {"fo", "Zm8"},          {"foo", "Zm9v"},
        {"foob", "Zm9vYg"}, {"fooba", "Zm9vYmE"}, {"foobar", "Zm9vYmFy"}, {"\xfb\xff", "-_8"}};
    for (const auto& [plain, encoded] : vectors) {
        EXPECT_EQ(base64url_encode(plain), encoded);
        EXPECT_EQ(base64url_decode(encoded), std::string(plain));
    }
    EXPECT_FALSE(base64url_decode("Zm9v="));
    EXPECT_FALSE(base64url_decode("Z"));
    EXPECT_FALSE(base64url_decode("Zh"));  // leftover bits set: not the canonical "Zg"
    EXPECT_FALSE(base64url_decode("Zm+v"));
}

}  // namespace
}  // namespace homeroom::notify
