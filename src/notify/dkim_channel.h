// A DeliveryChannel that DKIM-signs (dkim_signer.h) every message on its way to another one
// (SMTP or the folder of .eml files). The outbox keeps the unsigned bytes: a key that is
// replaced signs the messages still queued, and the same bytes and key sign the same way, so a
// message re-sent after a crash is identical.
#pragma once

#include <memory>

#include "notify/delivery_channel.h"
#include "notify/dkim_signer.h"

namespace homeroom::notify {

class DkimChannel : public DeliveryChannel {
  public:
    DkimChannel(std::unique_ptr<DeliveryChannel> inner, DkimSigner signer);

    Channel channel() const override { return m_inner->channel(); }
    // "SMTP server 127.0.0.1:2525, DKIM d=district.example.org s=hr2026".
    std::string description() const override;
    int max_sessions() const override { return m_inner->max_sessions(); }
    std::unique_ptr<DeliverySession> open_session() override;

  private:
    std::unique_ptr<DeliveryChannel> m_inner;
    DkimSigner m_signer;
};

}  // namespace homeroom::notify
