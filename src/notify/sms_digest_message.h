// One phone's weekly digest as a text message keyed for the outbox: the SMS counterpart of
// digest_message.h. The outbox holds the exact UTF-8 text; the channel picks the coding from it.
#pragma once

#include <optional>
#include <vector>

#include "core/date.h"
#include "core/records.h"
#include "notify/digest_message.h"
#include "notify/recipient_set.h"
#include "notify/sms_text.h"

namespace homeroom::notify {

struct SmsDigestMessage {
    store::NewOutboxMessage message;
    SmsText text;
};

// nullopt when the week has nothing to say and the settings do not send "nothing new".
// With `short_links`, the text links to "<base_url>/s/<code>" and text.links lists the codes,
// which must be recorded (store::OutboxRepository::queue_all) before the text can be sent.
std::optional<SmsDigestMessage> make_sms_digest_message(
    const Recipient& recipient, const Contact& addressed, std::vector<const ChildWeek*> children,
    Date week, int max_segments, const DigestSettings& settings,
    const render::LocalizerSet& localizers, const SmsShortLinks* short_links = nullptr);

}  // namespace homeroom::notify
