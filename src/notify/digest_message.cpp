#include "notify/digest_message.h"

#include <algorithm>

#include "notify/unsubscribe_token.h"

namespace homeroom::notify {

std::string unsubscribe_url(std::string_view base_url, std::string_view token) {
    return std::string(base_url) + "/unsubscribe?t=" + std::string(token);
}

std::string digest_list_id(std::string_view base_url) {
    std::string_view host = base_url;
    if (const auto scheme = host.find("://"); scheme != std::string_view::npos)
        host.remove_prefix(scheme + 3);
    host = host.substr(0, host.find_first_of("/?#"));
    if (const auto at = host.rfind('@'); at != std::string_view::npos)
        host.remove_prefix(at + 1);
    host = host.substr(0, host.find(':'));  // the port; an IPv6 literal falls back below
    std::string name;
    bool all_digits = true, valid = !host.empty();
    for (char c : host) {
        const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        valid = valid && ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9') ||
                          lower == '-' || lower == '.');
        all_digits = all_digits && ((lower >= '0' && lower <= '9') || lower == '.');
        name += lower;
    }
    valid =
        valid && name.front() != '.' && name.back() != '.' && name.find("..") == std::string::npos;
    // RFC 2919 §3: without a domain of one's own, the unmanaged ".localhost" namespace.
    if (!valid || all_digits)
        name = "localhost";
    return std::string(k_weekly_digest_kind) + "." + name;
}

namespace {

// The inside of <body ...>...</body> of a digest's HTML document.
std::string_view body_content(std::string_view html) {
    const auto open = html.find("<body");
    const auto start = open == std::string_view::npos ? open : html.find('>', open);
    const auto end = html.rfind("</body>");
    if (start == std::string_view::npos || end == std::string_view::npos || end < start)
        return html;
    return html.substr(start + 1, end - start - 1);
}

// A shared mailbox's digest in a second language, after the first: the subjects joined, the
// text parts one after the other, the second HTML body inside the first document in a <div>
// with its own lang and dir.
void append_language(Digest& into, const Digest& other) {
    into.subject += " / " + other.subject;
    into.text_body += "\n\n----------------------------------------\n\n" + other.text_body;
    const auto end = into.html_body.rfind("</body>");
    if (end == std::string::npos)
        return;
    into.html_body.insert(end, "<div lang=\"" + other.language + "\" dir=\"" +
                                   (other.right_to_left ? "rtl" : "ltr") + "\">" +
                                   std::string(body_content(other.html_body)) + "</div>\n");
    into.language += ", " + other.language;
}

}  // namespace

std::vector<const Contact*> contacts_in_other_languages(const Contact& addressed,
                                                        const std::vector<const Contact*>& sharing,
                                                        const render::LocalizerSet& localizers) {
    std::vector<std::string> languages = {localizers.get(addressed.preferred_language).language()};
    std::vector<const Contact*> out;
    for (const Contact* c : sharing) {
        const std::string language = localizers.get(c->preferred_language).language();
        if (std::find(languages.begin(), languages.end(), language) != languages.end())
            continue;
        languages.push_back(language);
        out.push_back(c);
    }
    return out;
}

std::optional<DigestMessage> make_digest_message(const Recipient& r, const Contact& contact,
                                                 std::vector<const ChildWeek*> children, Date week,
                                                 const DigestMailSettings& s,
                                                 const render::LocalizerSet& localizers,
                                                 const render::TemplateSet& templates,
                                                 const std::vector<const Contact*>& sharing) {
    DigestRequest request;
    request.week = week;
    request.recipient_name = contact.first_name + " " + contact.last_name;
    request.language = contact.preferred_language;
    request.district_name = s.district_name;
    request.children = std::move(children);
    request.addressed_to_student = r.addressed_to_student();
    // The confirmation page speaks the digest's language.
    const std::string token = make_unsubscribe_token(
        s.secret, {r.contact_id, s.channel, localizers.get(contact.preferred_language).language()});
    request.unsubscribe_url = unsubscribe_url(s.base_url, token);
    auto digest = build_digest(request, s.digest, localizers, templates);
    if (!digest)
        return std::nullopt;
    // Contacts sharing the mailbox who read another language get the digest in theirs too,
    // each section greeting its own reader.
    for (const Contact* other : contacts_in_other_languages(contact, sharing, localizers)) {
        DigestRequest theirs = request;
        theirs.recipient_name = other->first_name + " " + other->last_name;
        theirs.language = other->preferred_language;
        if (const auto second = build_digest(theirs, s.digest, localizers, templates))
            append_language(*digest, *second);
    }

    DigestMessage out;
    out.has_news = digest->has_news;
    auto& m = out.message;
    m.key = {r.contact_id, week.week_start(), k_weekly_digest_kind, s.channel};
    m.recipient = r.address;
    m.subject = digest->subject;
    m.allowed_by = format_allowed_by(r);
    m.student_ids = r.student_ids;

    MailContent mail;
    mail.from = s.from;
    mail.to = {request.recipient_name, r.address};
    mail.subject = std::move(digest->subject);
    mail.text_body = std::move(digest->text_body);
    mail.html_body = std::move(digest->html_body);
    mail.message_id = make_message_id(store::to_string(m.key),
                                      s.from.address.substr(s.from.address.find('@') + 1));
    mail.date = s.date_header;
    mail.unsubscribe_url = request.unsubscribe_url;
    if (!s.unsubscribe_address.empty())
        mail.unsubscribe_mailto =
            "mailto:" + s.unsubscribe_address + "?subject=unsubscribe%20" + token;
    mail.language = digest->language;
    mail.list_id = digest_list_id(s.base_url);
    mail.list_name = s.district_name;
    mail.auto_generated = true;
    m.body = build_mail_message(mail);
    out.html = std::move(mail.html_body);
    return out;
}

}  // namespace homeroom::notify
