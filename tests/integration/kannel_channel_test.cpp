// notify::KannelChannel against a real Kannel (tests/servers/kannel.py): every boundary case of
// the encoding table reaches the fake SMSC with its exact text in the coding chosen for it, and
// Kannel's answers map to outcomes.
#include "notify/kannel_channel.h"

#include <gtest/gtest.h>

#include "core/errors.h"
#include "kannel_test_server.h"
#include "notify/sms_encoding.h"

namespace homeroom::notify {
namespace {

using testing::KannelTestServer;

std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

KannelSettings settings_for(const KannelTestServer& k) {
    KannelSettings s;
    s.url = k.sendsms_url();
    s.username = KannelTestServer::username();
    s.password = KannelTestServer::password();
    s.from = "12345";
    s.connections = 2;
    s.timeout = std::chrono::seconds(10);
    return s;
}

TEST(KannelChannel, EveryBoundaryCaseArrivesIntactInItsCoding) {
    KannelTestServer kannel({{}, "+1555999"});
    KannelChannel channel(settings_for(kannel));
    auto session = channel.open_session();
    const std::vector<std::string> texts = {
        repeat("a", 159),
        repeat("b", 160),
        repeat("c", 161),
        "Fees: \xE2\x82\xAC"
        "5 [x] {y} ~z | ^ \\ " +
            repeat("d", 140),  // extension characters
        "\xC2\xA3\xC3\xA9\xC3\xA8\xC3\xB1\xC3\x9C\xC3\x87 \xCE\x94\xCE\xA9 @_",  // GSM basic
        repeat("\xC3\xA1", 70),
        repeat("\xC3\xA1", 71),
        "\xD9\x84\xD9\x8A\xD9\x86\xD8\xA7: \xD8\xBA\xD9\x8A\xD8\xA7\xD8\xA8 "
        "\xD9\x88\xD8\xA7\xD8\xAD"
        "\xD8\xAF. https://homeroom.example.org/s/x7k2mq4abz",  // a digest with its short link
        "Family \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 "
        "\xF0\x9F\x98\x80 " +
            repeat("\xF0\x9F\x8E\x89", 40),  // joiners, surrogate pairs, 2 parts
    };
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const std::string to = "+155501000" + std::to_string(10 + i);
        const auto outcome =
            session->send({static_cast<std::int64_t>(i + 1), Date(), to, texts[i]});
        EXPECT_EQ(outcome.result, DeliveryResult::sent) << outcome.detail;
        EXPECT_EQ(outcome.detail.rfind("202 0: Accepted", 0), 0u) << outcome.detail;
    }
    ASSERT_TRUE(kannel.wait_for(texts.size(), std::chrono::seconds(15))) << kannel.log();
    const auto got = kannel.received();
    for (std::size_t i = 0; i < texts.size(); ++i) {
        SCOPED_TRACE(i);
        const std::string to = "+155501000" + std::to_string(10 + i);
        const auto it = std::find_if(got.begin(), got.end(),
                                     [&](const testing::ReceivedSms& m) { return m.to == to; });
        ASSERT_NE(it, got.end());
        EXPECT_EQ(it->text, texts[i]);
        EXPECT_EQ(it->coding, measure_sms(texts[i]).coding == SmsCoding::gsm7 ? "text" : "ucs-2");
    }

    // Audit E.21: Kannel cuts a UCS-2 text every 67 units; the text as Homeroom prepares it
    // has no emoji cut in two (each part is whole UTF-16 on its own).
    const std::string a = "\xC3\xA1", grin = "\xF0\x9F\x98\x80";
    const std::string audit = prepare_sms_text(repeat(a, 66) + grin + repeat(a, 10));
    ASSERT_EQ(session->send({50, Date(), "+15550109999", audit}).result, DeliveryResult::sent);
    ASSERT_TRUE(kannel.wait_for(texts.size() + 1, std::chrono::seconds(15))) << kannel.log();
    const auto all = kannel.received();
    const auto split = std::find_if(all.begin(), all.end(), [](const testing::ReceivedSms& m) {
        return m.to == "+15550109999";
    });
    ASSERT_NE(split, all.end());
    EXPECT_EQ(split->text, audit);
    ASSERT_EQ(split->parts.size(), 2u);
    for (const auto& part : split->parts) {
        ASSERT_EQ(part.size() % 2, 0u);
        const auto last = static_cast<unsigned char>(part[part.size() - 2]);
        const auto first = static_cast<unsigned char>(part[0]);
        EXPECT_FALSE(last >= 0xD8 && last <= 0xDB) << "a part ends with a high surrogate";
        EXPECT_FALSE(first >= 0xDC && first <= 0xDF) << "a part starts with a low surrogate";
    }
    EXPECT_EQ(split->parts[1].substr(0, 4), std::string("\xD8\x3D\xDE\x00", 4));  // U+1F600

    // A refused number is a permanent failure; refused credentials stop the run instead (the
    // district's configuration, not the parent's number: no text is failed for good).
    const auto refused = session->send({100, Date(), "+15559990001", "x"});
    EXPECT_EQ(refused.result, DeliveryResult::permanent_failure);
    EXPECT_NE(refused.detail.find("403"), std::string::npos) << refused.detail;
    KannelSettings wrong = settings_for(kannel);
    wrong.password = "nope";
    KannelChannel bad(wrong);
    try {
        bad.open_session()->send({101, Date(), "+15550100001", "x"});
        ADD_FAILURE() << "a wrong password must throw UnavailableError";
    } catch (const UnavailableError& e) {
        EXPECT_NE(std::string(e.what()).find("refused the sendsms credentials"), std::string::npos)
            << e.what();
    }
    session->close();

    // A gateway that is gone: nothing can be opened.
    kannel.stop();
    EXPECT_THROW(channel.open_session(), UnavailableError);
}

}  // namespace
}  // namespace homeroom::notify
