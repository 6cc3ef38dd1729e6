#include "notify/sms_digest_message.h"

namespace homeroom::notify {

std::optional<SmsDigestMessage> make_sms_digest_message(const Recipient& r, const Contact& contact,
                                                        std::vector<const ChildWeek*> children,
                                                        Date week, int max_segments,
                                                        const DigestSettings& settings,
                                                        const render::LocalizerSet& localizers,
                                                        const SmsShortLinks* short_links) {
    SmsTextRequest request;
    request.language = contact.preferred_language;
    request.children = std::move(children);
    request.max_segments = max_segments;
    request.short_links = short_links;
    request.contact_id = r.contact_id;
    request.week = week.week_start().to_string();
    auto text = build_sms_text(request, settings, localizers);
    if (!text)
        return std::nullopt;
    SmsDigestMessage out;
    auto& m = out.message;
    m.key = {r.contact_id, week.week_start(), k_weekly_digest_kind, Channel::sms};
    m.recipient = r.address;
    m.subject = "text " + std::string(to_code(text->measure.coding)) + ", " +
                std::to_string(text->measure.segments) +
                (text->measure.segments == 1 ? " segment" : " segments") +
                (text->shortened ? ", shortened" : "") +
                (text->family_link ? ", family link" : "") +
                (text->over_budget ? ", over budget" : "");
    m.body = text->text;
    m.allowed_by = format_allowed_by(r);
    m.student_ids = r.student_ids;
    out.text = std::move(*text);
    return out;
}

}  // namespace homeroom::notify
