// The default transport: each message becomes a file in a folder (output/outbox/), for
// previews, demos and districts that hand files to their own mail system.
//
// File names are "<week>-<outbox id, 8 digits>.eml" (".txt" for SMS): nothing of a student or
// contact appears in them. Writing is atomic (temporary file, then rename) and idempotent: a
// message sent again after a crash replaces its own file, so this channel never duplicates.
#pragma once

#include <filesystem>

#include "notify/delivery_channel.h"

namespace homeroom::notify {

class FileChannel : public DeliveryChannel {
  public:
    explicit FileChannel(std::filesystem::path folder, Channel channel = Channel::email);

    Channel channel() const override { return m_channel; }
    std::string description() const override;
    int max_sessions() const override { return 1; }
    // Creates the folder; IoError("cannot create folder F: why").
    std::unique_ptr<DeliverySession> open_session() override;

    // The file a message goes to.
    std::filesystem::path path_for(const OutgoingMessage& message) const;

  private:
    std::filesystem::path m_folder;
    Channel m_channel;
};

}  // namespace homeroom::notify
