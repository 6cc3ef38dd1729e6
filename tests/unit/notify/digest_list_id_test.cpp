// The List-Id of the digest emails, from [site] base_url (docs/notify.md).
#include <gtest/gtest.h>

#include "notify/digest_message.h"

namespace homeroom::notify {
namespace {

TEST(DigestListId, IsTheBaseUrlsHostUnderTheDigestLabel) {
    EXPECT_EQ(digest_list_id("https://homeroom.example.org"), "weekly-digest.homeroom.example.org");
    EXPECT_EQ(digest_list_id("https://Homeroom.Example.ORG/"),
              "weekly-digest.homeroom.example.org");
    EXPECT_EQ(digest_list_id("https://user@hr.example.org:8443/district/a?x=1#y"),
              "weekly-digest.hr.example.org");
    EXPECT_EQ(digest_list_id("http://localhost:8025"), "weekly-digest.localhost");
}

TEST(DigestListId, FallsBackToTheUnmanagedLocalhostNamespace) {
    // RFC 2919 §3: no domain of one's own.
    EXPECT_EQ(digest_list_id("http://127.0.0.1:8025"), "weekly-digest.localhost");
    EXPECT_EQ(digest_list_id("http://[::1]:8025/"), "weekly-digest.localhost");
    EXPECT_EQ(digest_list_id(""), "weekly-digest.localhost");
    EXPECT_EQ(digest_list_id("https://bad_host.example.org"), "weekly-digest.localhost");
}

}  // namespace
}  // namespace homeroom::notify
