// One mailbox's weekly digest as the exact bytes to queue: the digest (digest.h) rendered for the
// addressed contact, wrapped in an email (mail_message.h) with its signed unsubscribe link, a
// List-Id (digest_list_id) and "Auto-Submitted: auto-generated", keyed for the outbox. Pure: the
// same inputs give the same bytes. weekly_digests.h runs it for every recipient of a week, on all
// cores; the digest benchmark runs it on synthetic recipients.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/channel.h"
#include "core/date.h"
#include "core/records.h"
#include "notify/child_week.h"
#include "notify/digest.h"
#include "notify/mail_message.h"
#include "notify/recipient_set.h"
#include "render/localizer.h"
#include "render/template_set.h"
#include "store/outbox_repository.h"

namespace homeroom::notify {

inline constexpr const char* k_weekly_digest_kind = "weekly-digest";

struct DigestMailSettings {
    Channel channel = Channel::email;
    MailAddress from;                 // a plain address; its domain names the Message-IDs
    std::string base_url;             // without a trailing slash
    std::string secret;               // signs the unsubscribe link
    std::string unsubscribe_address;  // mailto: of List-Unsubscribe; empty: none
    std::string district_name;
    std::string date_header;  // format_mail_date of the run
    DigestSettings digest;
};

struct DigestMessage {
    store::NewOutboxMessage message;  // key, recipient, subject, bytes, allowed_by
    std::string html;                 // the HTML part, for previews
    bool has_news = false;
};

// nullopt when the week has nothing to say and the settings do not send "nothing new".
// `children` are the recipient's consented children (Recipient::student_ids). `sharing`: the
// other allowed contacts of the mailbox (Recipient::contact_ids); one who reads another language
// than the addressed contact gets the whole digest in theirs too, after it, in the same email
// (the subjects joined by " / ", Content-Language listing both).
std::optional<DigestMessage> make_digest_message(
    const Recipient& recipient, const Contact& addressed, std::vector<const ChildWeek*> children,
    Date week, const DigestMailSettings& settings, const render::LocalizerSet& localizers,
    const render::TemplateSet& templates, const std::vector<const Contact*>& sharing = {});

// Of `sharing`, the first contact of each language (as the site ships it) other than the
// addressed contact's, in order.
std::vector<const Contact*> contacts_in_other_languages(const Contact& addressed,
                                                        const std::vector<const Contact*>& sharing,
                                                        const render::LocalizerSet& localizers);

// The List-Id of the digests (RFC 2919): "weekly-digest.<host of base_url>", lower case,
// without port; "weekly-digest.localhost" when the host is an IP address or missing.
std::string digest_list_id(std::string_view base_url);

// "<base_url>/unsubscribe?t=<token>".
std::string unsubscribe_url(std::string_view base_url, std::string_view token);

}  // namespace homeroom::notify
