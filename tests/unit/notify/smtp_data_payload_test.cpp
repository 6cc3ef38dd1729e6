// The DATA phase's transparency rules, the one piece of SMTP delivery without a server.
#include <gtest/gtest.h>

#include "notify/smtp_channel.h"

namespace homeroom::notify {
namespace {

TEST(SmtpDataPayload, DoublesLeadingDotsAndEndsWithCrlf) {
    EXPECT_EQ(smtp_data_payload("a\r\n.\r\n..b\r\nc.d\r\n"), "a\r\n..\r\n...b\r\nc.d\r\n");
    EXPECT_EQ(smtp_data_payload(".first\r\nlast"), "..first\r\nlast\r\n");
    EXPECT_EQ(smtp_data_payload(""), "");
}

TEST(SmtpDataPayload, BareLineFeedsAndCarriageReturnsBecomeCrlf) {
    EXPECT_EQ(smtp_data_payload("a\nb\rc\r\n.d\n"), "a\r\nb\r\nc\r\n..d\r\n");
}

TEST(SmtpTls, ParsesTheConfigValues) {
    EXPECT_EQ(parse_smtp_tls("none"), SmtpTls::none);
    EXPECT_EQ(parse_smtp_tls("starttls"), SmtpTls::starttls);
    EXPECT_EQ(parse_smtp_tls("tls"), std::nullopt);
}

TEST(SmtpChannel, RefusesSettingsThatCannotWork) {
    SmtpSettings s;
    s.envelope_from = "bounces@district.example.org";
    EXPECT_NO_THROW(SmtpChannel{s});
    auto bad = s;
    bad.envelope_from = "x@y.org>\r\nRCPT TO:<victim@example.org";
    EXPECT_THROW(SmtpChannel{bad}, std::invalid_argument);
    bad = s;
    bad.connections = 0;
    EXPECT_THROW(SmtpChannel{bad}, std::invalid_argument);
    bad = s;
    bad.helo_name = "host\r\nMAIL FROM:<x@y.org>";
    EXPECT_THROW(SmtpChannel{bad}, std::invalid_argument);
}

}  // namespace
}  // namespace homeroom::notify
