#include "notify/file_channel.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "core/errors.h"

namespace homeroom::notify {
namespace {

class FileSession : public DeliverySession {
  public:
    explicit FileSession(const FileChannel& channel) : m_channel(channel) {}

    DeliveryOutcome send(const OutgoingMessage& message) override {
        const auto path = m_channel.path_for(message);
        auto temporary = path;
        temporary.replace_filename(".tmp-" + path.filename().string());
        {
            std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
            out.write(message.body.data(), static_cast<std::streamsize>(message.body.size()));
            out.flush();
            if (!out)
                throw IoError("cannot write " + temporary.string() + ": " + std::strerror(errno));
        }
        std::error_code ec;
        std::filesystem::rename(temporary, path, ec);
        if (ec)
            throw IoError("cannot write " + path.string() + ": " + ec.message());
        return {DeliveryResult::sent, path.filename().string()};
    }
    void close() noexcept override {}

  private:
    const FileChannel& m_channel;
};

}  // namespace

FileChannel::FileChannel(std::filesystem::path folder, Channel channel)
    : m_folder(std::move(folder)), m_channel(channel) {}

std::string FileChannel::description() const {
    return "folder " + m_folder.string();
}

std::unique_ptr<DeliverySession> FileChannel::open_session() {
    std::error_code ec;
    std::filesystem::create_directories(m_folder, ec);
    if (ec)
        throw IoError("cannot create folder " + m_folder.string() + ": " + ec.message());
    return std::make_unique<FileSession>(*this);
}

std::filesystem::path FileChannel::path_for(const OutgoingMessage& message) const {
    char name[64];
    std::snprintf(name, sizeof name, "%s-%08lld.%s", message.week.to_string().c_str(),
                  static_cast<long long>(message.outbox_id),
                  m_channel == Channel::email ? "eml" : "txt");
    return m_folder / name;
}

}  // namespace homeroom::notify
