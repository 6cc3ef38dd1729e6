// Messages built and read back as a mail client would: headers, parts, subjects in Arabic
// and Spanish, line lengths, and text that tries to become a header.
#include "notify/mail_message.h"

#include <gtest/gtest.h>

#include "mail_parsing.h"

namespace homeroom::notify {
namespace {

using homeroom::testing::decode_header;
using homeroom::testing::parse_mail;
using namespace std::chrono_literals;

std::string unfold(std::string s) {
    for (std::size_t at; (at = s.find("\r\n")) != std::string::npos;) s.erase(at, 2);
    return s;
}

// 2026-01-19 07:00:00 UTC, a Monday.
const std::chrono::sys_seconds k_monday_7am{1768806000s};

MailContent sample() {
    MailContent c;
    c.from = {"Lincoln Public Schools", "digest@district.example.org"};
    c.to = {"Ana Pérez", "ana.perez@example.org"};
    c.subject = "Weekly update for Sofia and Mateo";
    c.text_body = "Hello Ana,\n\nSofia was absent on Tuesday.\n";
    c.html_body = "<!doctype html><p>Hello Ana,</p><p>Sofia was absent on Tuesday.</p>";
    c.message_id = make_message_id("C1/2026-01-19/weekly-digest/email", "district.example.org");
    c.date = format_mail_date(k_monday_7am);
    c.unsubscribe_url = "https://homeroom.example.org/unsubscribe/tok123";
    c.unsubscribe_mailto = "mailto:unsubscribe@district.example.org?subject=tok123";
    c.language = "en";
    return c;
}

void expect_well_formed(const std::string& m) {
    std::size_t start = 0;
    while (start < m.size()) {
        const auto end = m.find("\r\n", start);
        ASSERT_NE(end, std::string::npos) << "the message must end with CRLF";
        const auto line = m.substr(start, end - start);
        EXPECT_LE(line.size(), 76u) << line;
        for (char c : line) {
            EXPECT_TRUE(c >= 0x20 && c < 0x7F) << "byte " << static_cast<int>(c) << " in " << line;
        }
        start = end + 2;
    }
}

TEST(MailMessage, ReadsBackWithEveryHeaderAndBothParts) {
    const auto c = sample();
    const auto bytes = build_mail_message(c);
    expect_well_formed(bytes);
    const auto m = parse_mail(bytes);
    EXPECT_EQ(m.raw("date"), "Mon, 19 Jan 2026 07:00:00 +0000");
    EXPECT_EQ(m.raw("from"), "Lincoln Public Schools <digest@district.example.org>");
    EXPECT_EQ(decode_header(m.raw("to")), "Ana Pérez <ana.perez@example.org>");
    EXPECT_EQ(decode_header(m.raw("subject")), c.subject);
    EXPECT_EQ(m.raw("message-id"), c.message_id);
    EXPECT_EQ(m.raw("mime-version"), "1.0");
    EXPECT_EQ(m.raw("content-language"), "en");
    EXPECT_EQ(m.raw("list-unsubscribe"),
              "<https://homeroom.example.org/unsubscribe/tok123>, "
              "<mailto:unsubscribe@district.example.org?subject=tok123>");
    EXPECT_EQ(m.raw("list-unsubscribe-post"), "List-Unsubscribe=One-Click");
    EXPECT_EQ(m.content_type.rfind("multipart/alternative", 0), 0u) << m.content_type;
    ASSERT_EQ(m.parts.size(), 2u);
    EXPECT_EQ(m.parts[0].content_type, "text/plain; charset=UTF-8");
    EXPECT_EQ(m.parts[0].content, "Hello Ana,\r\n\r\nSofia was absent on Tuesday.\r\n");
    EXPECT_EQ(m.parts[1].content_type, "text/html; charset=UTF-8");
    EXPECT_EQ(m.parts[1].content, c.html_body + "\r\n");
    for (const char* name : {"date", "from", "to", "subject", "message-id", "bcc", "cc"})
        EXPECT_LE(m.count(name), 1u) << name;
    EXPECT_EQ(m.count("bcc"), 0u);
}

TEST(MailMessage, ArabicSubjectNameAndBodyRoundTrip) {
    auto c = sample();
    c.to = {"ماريا الحسيني", "maria@example.org"};
    c.subject = "التقرير الأسبوعي عن ابنتك سارة: الغياب والدرجات والملاحظات الجديدة لهذا الأسبوع";
    c.text_body = "مرحبا ماريا،\nغابت سارة يوم الثلاثاء.\n";
    c.html_body = "<html dir=\"rtl\" lang=\"ar\"><p>مرحبا ماريا،</p></html>";
    c.language = "ar";
    const auto bytes = build_mail_message(c);
    expect_well_formed(bytes);
    const auto m = parse_mail(bytes);
    EXPECT_EQ(decode_header(m.raw("subject")), c.subject);
    EXPECT_EQ(decode_header(m.raw("to")), "ماريا الحسيني <maria@example.org>");
    ASSERT_EQ(m.parts.size(), 2u);
    EXPECT_EQ(m.parts[0].transfer_encoding, "base64");  // mostly non-ASCII
    EXPECT_EQ(m.parts[0].content, "مرحبا ماريا،\r\nغابت سارة يوم الثلاثاء.\r\n");
    EXPECT_EQ(m.parts[1].content, c.html_body + "\r\n");
}

TEST(MailMessage, SpanishSubjectKeepsPlainWordsPlainAndFoldsLongLines) {
    auto c = sample();
    c.subject =
        "Resumen semanal de José y Ñandú — año 2026: ausencias, calificaciones, "
        "incidentes y más noticias de la escuela";
    c.text_body = std::string(200, 'x') + " ñ =\nlínea con espacio final \n.punto\nFrom here\n";
    const auto bytes = build_mail_message(c);
    expect_well_formed(bytes);
    const auto m = parse_mail(bytes);
    EXPECT_EQ(decode_header(m.raw("subject")), c.subject);
    EXPECT_NE(m.raw("subject").find("Resumen semanal de "), std::string::npos);
    EXPECT_EQ(m.parts[0].transfer_encoding, "quoted-printable");
    EXPECT_EQ(
        m.parts[0].content,
        std::string(200, 'x') + " ñ =\r\nlínea con espacio final \r\n.punto\r\nFrom here\r\n");
    // Trailing blanks, a leading dot and a leading "From " are encoded, not left to transit.
    EXPECT_NE(bytes.find("final=20\r\n"), std::string::npos);
    EXPECT_NE(bytes.find("\r\n=2Epunto\r\n"), std::string::npos);
    EXPECT_NE(bytes.find("\r\n=46rom here\r\n"), std::string::npos);
}

TEST(MailMessage, ANameOrSubjectCannotInjectAHeader) {
    auto c = sample();
    c.to.display_name = "Eve\r\nBcc: x@example.com";
    c.from.display_name = "School\nX-Evil: 1";
    c.subject = "Hi\r\nBcc: y@example.com\r\n\r\nbody";
    const auto bytes = build_mail_message(c);
    expect_well_formed(bytes);
    EXPECT_EQ(bytes.find("\r\nBcc:"), std::string::npos);
    EXPECT_EQ(bytes.find("\r\nX-Evil:"), std::string::npos);
    const auto m = parse_mail(bytes);
    EXPECT_EQ(m.count("bcc"), 0u);
    EXPECT_EQ(m.count("x-evil"), 0u);
    EXPECT_EQ(m.raw("to"), "\"Eve Bcc: x@example.com\" <ana.perez@example.org>");
    EXPECT_EQ(decode_header(m.raw("subject")), "Hi Bcc: y@example.com body");
    EXPECT_EQ(m.raw("from"), "\"School X-Evil: 1\" <digest@district.example.org>");
}

TEST(MailMessage, BidiOverridesInANameOrSubjectAreDropped) {
    auto c = sample();
    const std::string rlo = "\xE2\x80\xAE", pdi = "\xE2\x81\xA9";  // U+202E, U+2069
    c.to.display_name = "Ana " + rlo + "zeréP" + pdi;
    c.subject = "Weekly update: " + rlo + "ayaM";
    const auto m = parse_mail(build_mail_message(c));
    EXPECT_EQ(decode_header(m.raw("to")), "Ana zeréP <ana.perez@example.org>");
    EXPECT_EQ(decode_header(m.raw("subject")), "Weekly update: ayaM");
    EXPECT_EQ(clean_header_text("a\xE2\x80\xAA"
                                "b\xE2\x81\xA6"
                                "c"),
              "abc");
    EXPECT_EQ(clean_header_text("\xE2\x80\x8F"
                                "x"),
              "\xE2\x80\x8F"
              "x");  // RLM is legitimate
}

TEST(MailMessage, RefusesAnAddressThatIsNotAPlainAddrSpec) {
    for (const char* bad :
         {"eve@example.org\r\nBcc: x@example.com", "Eve <eve@example.org>",
          "eve@example.org, x@example.com", "eve", "", "eve@localhost", "\"eve\"@example.org",
          "eve@[127.0.0.1]", "ev e@example.org", "évé@example.org", "eve@example.org>"}) {
        auto c = sample();
        c.to.address = bad;
        EXPECT_THROW(build_mail_message(c), std::invalid_argument) << bad;
        auto d = sample();
        d.from.address = bad;
        EXPECT_THROW(build_mail_message(d), std::invalid_argument) << bad;
    }
}

TEST(MailMessage, RefusesUnsubscribeLinksThatAreNotPlainUris) {
    for (const char* bad : {"javascript:alert(1)", "https://x.example.org/a b",
                            "https://x.example.org/>\r\nBcc: x@example.com", "ftp://x.example.org/",
                            "https://x.example.org/<"}) {
        auto c = sample();
        c.unsubscribe_url = bad;
        EXPECT_THROW(build_mail_message(c), std::invalid_argument) << bad;
    }
    auto c = sample();
    c.unsubscribe_mailto = "https://not-a-mailto.example.org/";
    EXPECT_THROW(build_mail_message(c), std::invalid_argument);
}

TEST(MailMessage, RefusesAMalformedMessageIdOrDate) {
    auto c = sample();
    c.message_id = "no-brackets@example.org";
    EXPECT_THROW(build_mail_message(c), std::invalid_argument);
    c = sample();
    c.message_id = "<a@b.example.org>\r\nBcc: x@example.com";
    EXPECT_THROW(build_mail_message(c), std::invalid_argument);
    c = sample();
    c.date = "Mon, 19 Jan 2026\r\nBcc: x@example.com";
    EXPECT_THROW(build_mail_message(c), std::invalid_argument);
    c = sample();
    c.language = "en\r\nBcc: x";
    EXPECT_THROW(build_mail_message(c), std::invalid_argument);
}

TEST(MailMessage, WithoutUnsubscribeLinksThereAreNoListHeaders) {
    auto c = sample();
    c.unsubscribe_url.clear();
    c.unsubscribe_mailto.clear();
    const auto m = parse_mail(build_mail_message(c));
    EXPECT_EQ(m.count("list-unsubscribe"), 0u);
    EXPECT_EQ(m.count("list-unsubscribe-post"), 0u);
    c.unsubscribe_mailto = "mailto:u@district.example.org";
    const auto only_mailto = parse_mail(build_mail_message(c));
    EXPECT_EQ(only_mailto.raw("list-unsubscribe"), "<mailto:u@district.example.org>");
    EXPECT_EQ(only_mailto.count("list-unsubscribe-post"), 0u);  // RFC 8058 needs the URL
}

// The header section of a message, as it is.
std::string header_section(const std::string& m) {
    return m.substr(0, m.find("\r\n\r\n") + 2);
}

// A real digest's unsubscribe links (a token of 64 characters) are longer than a line: each goes
// alone on a continuation line, and every other line keeps to 76 characters.
TEST(MailMessage, LongUnsubscribeLinksEachGoAloneOnAContinuationLine) {
    auto c = sample();
    const std::string token = "1.QzAxCmVtYWlsCmVz.fvOLNQUpNLnJKuIeWPJ4yg";
    c.unsubscribe_url = "https://homeroom.riverside.example.org/unsubscribe?t=" + token;
    c.unsubscribe_mailto =
        "mailto:unsubscribe@riverside.example.org?subject=unsubscribe%20" + token;
    const auto bytes = build_mail_message(c);
    const auto headers = header_section(bytes);
    EXPECT_NE(headers.find("\r\nList-Unsubscribe:\r\n <" + c.unsubscribe_url + ">,\r\n <" +
                           c.unsubscribe_mailto + ">\r\nList-Unsubscribe-Post: "),
              std::string::npos)
        << headers;
    std::size_t start = 0;
    while (start < headers.size()) {
        const auto end = headers.find("\r\n", start);
        const auto line = headers.substr(start, end - start);
        const bool lone_token =
            line.size() > 1 && line[0] == ' ' && line.find(' ', 1) == std::string::npos;
        EXPECT_TRUE(line.size() <= 76 || lone_token) << line.size() << ": " << line;
        start = end + 2;
    }
    EXPECT_EQ(parse_mail(bytes).raw("list-unsubscribe"),
              "<" + c.unsubscribe_url + ">, <" + c.unsubscribe_mailto + ">");
}

TEST(MailMessage, ShortUnsubscribeLinksShareTheFirstLine) {
    auto c = sample();
    c.unsubscribe_url = "https://hr.example.org/u?t=1";
    c.unsubscribe_mailto = "mailto:u@hr.example.org";
    EXPECT_NE(build_mail_message(c).find("\r\nList-Unsubscribe: <https://hr.example.org/u?t=1>, "
                                         "<mailto:u@hr.example.org>\r\n"),
              std::string::npos);
}

TEST(MailHeaders, StructuredFieldsFoldAtBlanksOnly) {
    EXPECT_EQ(fold_structured("Message-ID", {"<a@b.example>"}), "Message-ID: <a@b.example>\r\n");
    const std::string long_token(80, 'x');
    EXPECT_EQ(fold_structured("List-Unsubscribe", {long_token + ",", "<y>"}),
              "List-Unsubscribe:\r\n " + long_token + ",\r\n <y>\r\n");
    EXPECT_EQ(fold_structured("X", {std::string(70, 'a'), "bbbb", "cccc"}),
              "X: " + std::string(70, 'a') + "\r\n bbbb cccc\r\n");
}

TEST(MailMessage, ListIdAndAutoSubmittedWhenAsked) {
    auto c = sample();
    const auto plain = header_section(build_mail_message(c));
    EXPECT_EQ(plain.find("List-Id:"), std::string::npos);
    EXPECT_EQ(plain.find("Auto-Submitted:"), std::string::npos);
    c.list_id = "weekly-digest.homeroom.example.org";
    c.list_name = "Lincoln Public Schools";
    c.auto_generated = true;
    const auto headers = header_section(build_mail_message(c));
    EXPECT_NE(headers.find("\r\nContent-Language: en\r\nList-Id: Lincoln Public Schools "
                           "<weekly-digest.homeroom.example.org>\r\nList-Unsubscribe: "),
              std::string::npos)
        << headers;
    EXPECT_NE(headers.find("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"
                           "Auto-Submitted: auto-generated\r\nContent-Type: "),
              std::string::npos)
        << headers;
    // A name that is not an atom is encoded as any phrase; no name: the id alone.
    c.list_name = "Écoles \"publiques\"\r\nBcc: x@example.org";
    const auto m = parse_mail(build_mail_message(c));
    EXPECT_EQ(decode_header(m.raw("list-id")),
              "Écoles \"publiques\" Bcc: x@example.org <weekly-digest.homeroom.example.org>");
    EXPECT_EQ(m.count("bcc"), 0u);
    c.list_name.clear();
    EXPECT_NE(build_mail_message(c).find("\r\nList-Id: <weekly-digest.homeroom.example.org>\r\n"),
              std::string::npos);
    for (const char* bad : {"localhost", "a..b", ".a.b", "a b.c", "a.b>\r\nBcc: x"}) {
        c.list_id = bad;
        EXPECT_THROW(build_mail_message(c), std::invalid_argument) << bad;
    }
}

TEST(MailMessage, WithoutHtmlItIsASingleTextPart) {
    auto c = sample();
    c.html_body.clear();
    const auto m = parse_mail(build_mail_message(c));
    EXPECT_EQ(m.content_type, "text/plain; charset=UTF-8");
    ASSERT_EQ(m.parts.size(), 1u);
    EXPECT_EQ(m.parts[0].content, "Hello Ana,\r\n\r\nSofia was absent on Tuesday.\r\n");
}

TEST(MailMessage, TheSameContentGivesTheSameBytes) {
    EXPECT_EQ(build_mail_message(sample()), build_mail_message(sample()));
    auto other = sample();
    other.message_id = make_message_id("C2/2026-01-19/weekly-digest/email", "district.example.org");
    EXPECT_NE(build_mail_message(other), build_mail_message(sample()));
}

TEST(MailMessage, MessageIdIsDeterministicAndHidesTheKey) {
    const auto a = make_message_id("C1/2026-01-19/weekly-digest/email", "district.example.org");
    EXPECT_EQ(a, make_message_id("C1/2026-01-19/weekly-digest/email", "district.example.org"));
    EXPECT_NE(a, make_message_id("C1/2026-01-26/weekly-digest/email", "district.example.org"));
    EXPECT_EQ(a.size(), std::string("<hr.@district.example.org>").size() + 32);
    EXPECT_EQ(a.find("C1"), std::string::npos);
    EXPECT_THROW(make_message_id("k", "bad domain"), std::invalid_argument);
    EXPECT_THROW(make_message_id("k", "x.org>\r\nBcc: y"), std::invalid_argument);
}

TEST(MailMessage, DatesAreRfc5322InUtc) {
    EXPECT_EQ(format_mail_date(k_monday_7am), "Mon, 19 Jan 2026 07:00:00 +0000");
    EXPECT_EQ(format_mail_date(std::chrono::sys_seconds{0s}), "Thu, 01 Jan 1970 00:00:00 +0000");
    EXPECT_EQ(format_mail_date(std::chrono::sys_days{std::chrono::year{2028} / 2 / 29} + 86399s),
              "Tue, 29 Feb 2028 23:59:59 +0000");
}

TEST(MailHeaders, CleaningTurnsControlsIntoSingleSpacesAndRepairsUtf8) {
    EXPECT_EQ(clean_header_text("  a\r\n\tb\x01"
                                "c\x7f "),
              "a b c");
    EXPECT_EQ(clean_header_text("x\xC2\x85y"), "x y");      // NEL (U+0085)
    EXPECT_EQ(clean_header_text("x\xE2\x80\xA8y"), "x y");  // LINE SEPARATOR
    EXPECT_EQ(clean_header_text("bad \xFF byte"), "bad \xEF\xBF\xBD byte");
    EXPECT_EQ(clean_header_text("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
    EXPECT_EQ(clean_header_text("ok ñ"), "ok ñ");
}

TEST(MailHeaders, EncodedWordsNeverSplitACharacterAndFitTheLine) {
    std::string text;
    for (int i = 0; i < 60; ++i) text += "ج😀é";  // 2-, 4- and 2-byte characters, no spaces
    const auto encoded = encode_unstructured(text, 9);
    std::size_t start = 0, column = 9;
    while (start < encoded.size()) {
        auto end = encoded.find("\r\n", start);
        if (end == std::string::npos)
            end = encoded.size();
        EXPECT_LE(column + end - start, 76u);
        column = 0;
        start = end + 2;
    }
    // Each word decodes to whole characters on its own.
    std::size_t at = 0;
    while ((at = encoded.find("=?UTF-8?", at)) != std::string::npos) {
        const auto end = encoded.find("?=", at + 10);
        const auto piece = decode_header(encoded.substr(at, end + 2 - at));
        EXPECT_EQ(clean_header_text(piece), piece);  // no U+FFFD: nothing was cut
        at = end;
    }
    EXPECT_EQ(decode_header(unfold(encoded)), text);
    EXPECT_EQ(encoded.rfind("=?UTF-8?B?", 0), 0u);  // starts on the Subject line itself
}

TEST(MailHeaders, TextThatLooksEncodedIsEncodedSoItReadsBackAsWritten) {
    const std::string tricky = "=?UTF-8?B?SGk=?= is not a greeting";
    EXPECT_EQ(decode_header(encode_unstructured(tricky, 9)), tricky);
}

TEST(QuotedPrintable, KeepsLinesShortAndEncodesWhatTransitCouldChange) {
    const std::string long_line(300, 'a');
    const auto qp = encode_quoted_printable(long_line + "\r\nend \r\n");
    std::size_t start = 0;
    while (start < qp.size()) {
        const auto end = qp.find("\r\n", start);
        EXPECT_LE(end - start, 76u);
        start = end + 2;
    }
    EXPECT_NE(qp.find("end=20\r\n"), std::string::npos);
    EXPECT_EQ(encode_quoted_printable("a=b\r\n"), "a=3Db\r\n");
    EXPECT_EQ(encode_quoted_printable("caf\xC3\xA9\r\n"), "caf=C3=A9\r\n");
}

TEST(Base64Lines, AreAtMost76CharactersEach) {
    const auto b64 = encode_base64_lines(std::string(200, '\xAB'));
    EXPECT_EQ(b64.substr(0, 78).find("\r\n"), 76u);
    EXPECT_EQ(b64.back(), '\n');
}

}  // namespace
}  // namespace homeroom::notify
