#include "notify/file_channel.h"

#include <gtest/gtest.h>

#include "core/errors.h"
#include "temp_dir.h"

namespace homeroom::notify {
namespace {

using homeroom::testing::read_file;
using homeroom::testing::TempDir;

TEST(FileChannel, WritesEachMessageToAFileNamedWithoutPersonalData) {
    TempDir dir;
    FileChannel channel(dir / "output" / "outbox");
    auto session = channel.open_session();
    const std::string body = "Subject: x\r\n\r\nhello\r\n";
    const auto outcome = session->send({42, Date::from_ymd(2026, 1, 19), "ana@example.org", body});
    EXPECT_EQ(outcome.result, DeliveryResult::sent);
    EXPECT_EQ(outcome.detail, "2026-01-19-00000042.eml");
    EXPECT_EQ(read_file(dir / "output" / "outbox" / "2026-01-19-00000042.eml"), body);
    int files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir / "output" / "outbox")) {
        ++files;
        EXPECT_EQ(e.path().filename().string().find("ana"), std::string::npos);
    }
    EXPECT_EQ(files, 1);  // no temporary file left behind
}

TEST(FileChannel, SendingAgainReplacesTheSameFile) {
    TempDir dir;
    FileChannel channel(dir.path());
    auto session = channel.open_session();
    session->send({7, Date::from_ymd(2026, 1, 19), "a@example.org", "first"});
    session->send({7, Date::from_ymd(2026, 1, 19), "a@example.org", "second"});
    EXPECT_EQ(read_file(dir / "2026-01-19-00000007.eml"), "second");
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()),
                            std::filesystem::directory_iterator()),
              1);
}

TEST(FileChannel, SmsMessagesAreTextFiles) {
    TempDir dir;
    FileChannel channel(dir.path(), Channel::sms);
    EXPECT_EQ(channel.channel(), Channel::sms);
    EXPECT_EQ(channel.path_for({3, Date::from_ymd(2026, 1, 19), "+15551230001", ""}).filename(),
              "2026-01-19-00000003.txt");
}

TEST(FileChannel, AnUnwritableFolderIsAnIoError) {
    TempDir dir;
    homeroom::testing::write_file(dir / "file", "x");
    FileChannel channel(dir / "file" / "outbox");
    EXPECT_THROW(channel.open_session(), IoError);
}

}  // namespace
}  // namespace homeroom::notify
