#include "notify/dkim_channel.h"

namespace homeroom::notify {
namespace {

class DkimSession : public DeliverySession {
  public:
    DkimSession(std::unique_ptr<DeliverySession> inner, const DkimSigner& signer)
        : m_inner(std::move(inner)), m_signer(signer) {}

    DeliveryOutcome send(const OutgoingMessage& message) override {
        const std::string signed_body = m_signer.sign(message.body);
        OutgoingMessage out = message;
        out.body = signed_body;
        return m_inner->send(out);
    }
    void close() noexcept override { m_inner->close(); }

  private:
    std::unique_ptr<DeliverySession> m_inner;
    const DkimSigner& m_signer;
};

}  // namespace

DkimChannel::DkimChannel(std::unique_ptr<DeliveryChannel> inner, DkimSigner signer)
    : m_inner(std::move(inner)), m_signer(std::move(signer)) {}

std::string DkimChannel::description() const {
    return m_inner->description() + ", DKIM d=" + m_signer.domain() + " s=" + m_signer.selector();
}

std::unique_ptr<DeliverySession> DkimChannel::open_session() {
    return std::make_unique<DkimSession>(m_inner->open_session(), m_signer);
}

}  // namespace homeroom::notify
