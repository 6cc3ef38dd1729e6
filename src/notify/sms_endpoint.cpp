#include "notify/sms_endpoint.h"

#include <algorithm>

#include "core/constant_time.h"
#include "core/message_status.h"
#include "notify/delivery_report_token.h"
#include "store/opt_out_repository.h"
#include "store/outbox_repository.h"
#include "store/sms_inbound_repository.h"

namespace homeroom::notify {
namespace {

std::chrono::sys_seconds system_now() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string fill(std::string text, std::string_view name, std::string_view value) {
    const std::string tag = "{{" + std::string(name) + "}}";
    for (auto at = text.find(tag); at != std::string::npos; at = text.find(tag, at + value.size()))
        text.replace(at, tag.size(), value);
    return text;
}

HttpResponse plain(int status, std::string body) {
    HttpResponse r;
    r.status = status;
    r.content_type = "text/plain; charset=utf-8";
    r.body = std::move(body);
    return r;
}

std::string query(const HttpRequest& r, const std::string& name) {
    const auto it = r.query.find(name);
    if (it != r.query.end())
        return it->second;
    const auto f = r.form.find(name);
    return f != r.form.end() ? f->second : std::string();
}

}  // namespace

SmsKeyword parse_sms_keyword(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && !is_ascii_letter(text[i])) {
        // Only blanks and ASCII punctuation may come before the keyword.
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80 || (c >= '0' && c <= '9'))
            return SmsKeyword::none;
        ++i;
    }
    std::string word;
    while (i < text.size() && is_ascii_letter(text[i]))
        word += static_cast<char>(text[i++] & ~0x20);  // upper case
    if (i < text.size() &&
        (static_cast<unsigned char>(text[i]) >= 0x80 || (text[i] >= '0' && text[i] <= '9')))
        return SmsKeyword::none;  // "STOPx1", "Stopé": not the keyword
    for (const char* k : {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"})
        if (word == k)
            return SmsKeyword::stop;
    for (const char* k : {"START", "UNSTOP", "YES"})
        if (word == k)
            return SmsKeyword::start;
    if (word == "HELP")
        return SmsKeyword::help;
    return SmsKeyword::none;
}

SmsEndpoint::SmsEndpoint(store::Database& db, const render::LocalizerSet& localizers,
                         std::string district_name, std::string help_text, SmsGatewayAccess access,
                         std::function<std::chrono::sys_seconds()> clock)
    : m_db(db),
      m_localizers(localizers),
      m_district_name(std::move(district_name)),
      m_help_text(std::move(help_text)),
      m_access(std::move(access)),
      m_clock(clock ? std::move(clock) : system_now) {}

void SmsEndpoint::add_routes(RouteTable& routes) {
    for (const char* method : {"GET", "POST"}) {
        routes.add(method, "/dlr", [this](const HttpRequest& r) { return delivery_report(r); });
        routes.add(method, "/mo", [this](const HttpRequest& r) { return inbound(r); });
    }
}

HttpResponse SmsEndpoint::delivery_report(const HttpRequest& request) {
    const std::string id_text = query(request, "id"), status_text = query(request, "status");
    long long id = 0;
    int status = 0;
    try {
        std::size_t used = 0;
        id = std::stoll(id_text, &used);
        if (used != id_text.size())
            return plain(400, "bad id\n");
        status = std::stoi(status_text, &used);
        if (used != status_text.size())
            return plain(400, "bad status\n");
    } catch (const std::exception&) {
        return plain(400, "id and status are required\n");
    }
    if (!verify_delivery_report_token(m_access.report_secret, id, query(request, "t"))) {
        if (on_event)
            on_event("refused a delivery report for message " + id_text + " from " +
                     request.client_address + ": missing or wrong token");
        return plain(403, "not a delivery report we asked for\n");
    }
    MessageStatus to;
    if (status == 1)
        to = MessageStatus::delivered;
    else if (status == 2 || status == 16)
        to = MessageStatus::permanent_failure;
    else
        return plain(200, "ok\n");  // buffered or accepted by the SMSC: nothing to record
    const std::string detail = "delivery report " + std::to_string(status) +
                               (status == 1 ? " (delivered)" : " (undeliverable)");

    // Never waits: a report that overtakes the recording of its send (Kannel can answer within
    // milliseconds) is kept for mark_sent to apply. Waiting here held one of the server's
    // threads per report and made Kannel give up on reports of a busy send.
    std::lock_guard lock(m_db_mutex);
    store::OutboxRepository outbox(m_db);
    auto message = outbox.find(id);
    if (!message || message->key.channel != Channel::sms) {
        if (on_event)
            on_event("delivery report for unknown message " + id_text);
        return plain(200, "ok\n");
    }
    if (message->status == MessageStatus::sending) {
        if (outbox.hold_delivery_report(id, to, detail, m_clock())) {
            if (on_event)
                on_event("delivery report: message " + id_text +
                         " sending, kept until its send is recorded (" + detail + ")");
            return plain(200, "ok\n");
        }
        message = outbox.find(id);  // its send was recorded in the meantime
    }
    const bool changed = outbox.transition(id, to, m_clock(), detail);
    if (on_event)
        on_event("delivery report: message " + id_text + " " +
                 std::string(to_code(message->status)) + " -> " +
                 (changed ? std::string(to_code(to)) : "unchanged") + " (" + detail + ")");
    return plain(200, "ok\n");
}

HttpResponse SmsEndpoint::inbound(const HttpRequest& request) {
    const bool allowed_address =
        std::find(m_access.mo_allow_from.begin(), m_access.mo_allow_from.end(),
                  request.client_address) != m_access.mo_allow_from.end();
    if (m_access.mo_secret.empty() || !allowed_address ||
        !equal_in_constant_time(query(request, "key"), m_access.mo_secret)) {
        if (on_event)
            on_event("refused an inbound text from " + request.client_address +
                     (m_access.mo_secret.empty() ? ": [kannel] mo_secret is not set"
                      : allowed_address          ? ": missing or wrong key"
                                                 : ": address not in [kannel] mo_allow_from"));
        return plain(403, "not from the SMS gateway\n");
    }
    std::string from = query(request, "from");
    const std::string text = query(request, "text");
    while (!from.empty() && from.back() == ' ') from.pop_back();
    while (!from.empty() && from.front() == ' ') from.erase(0, 1);
    if (from.empty())
        return plain(400, "from is required\n");
    const SmsKeyword keyword = parse_sms_keyword(text);

    std::lock_guard lock(m_db_mutex);
    store::SmsInboundRepository inbound_repo(m_db);
    auto contacts = inbound_repo.contacts_with_mobile(from);
    if (contacts.empty() && from.front() != '+')
        contacts = inbound_repo.contacts_with_mobile("+" + from);
    const auto now = m_clock();
    store::InboundSms log{from, text, "none", "", false};
    for (const auto& c : contacts) log.contacts += (log.contacts.empty() ? "" : ",") + c.contact_id;

    std::string reply;
    const render::Localizer& l = m_localizers.get(
        contacts.empty() ? std::string("en") : contacts.front().preferred_language);
    // A STOP or START is logged as such even from a number no contact has (yet): the number's
    // latest one decides whether it may be texted (SmsInboundRepository::stopped_numbers).
    if (keyword == SmsKeyword::stop)
        log.action = "opt-out";
    else if (keyword == SmsKeyword::start)
        log.action = "opt-in";
    if (!contacts.empty() && keyword == SmsKeyword::stop) {
        store::OptOutRepository opt_outs(m_db);
        store::OutboxRepository outbox(m_db);
        bool changed = false;
        for (const auto& c : contacts) {
            changed |= opt_outs.record(c.contact_id, Channel::sms, store::k_sms_stop_source, now) ==
                       store::OptOutResult::recorded;
            outbox.cancel_pending(c.contact_id, Channel::sms, now, "opted out by SMS STOP");
        }
        if (changed)
            // TRANSLATORS: the one answer to an SMS STOP; {{district}} is the district's name.
            reply = fill(l.text("{{district}}: you will get no more text messages from us. Reply "
                                "START to get them again."),
                         "district", m_district_name);
    } else if (!contacts.empty() && keyword == SmsKeyword::start) {
        store::OptOutRepository opt_outs(m_db);
        bool changed = false;
        for (const auto& c : contacts) changed |= opt_outs.remove(c.contact_id, Channel::sms);
        if (changed)
            // TRANSLATORS: the answer to an SMS START; {{district}} is the district's name.
            reply = fill(l.text("{{district}}: you will get our text messages again. Reply STOP "
                                "to stop them."),
                         "district", m_district_name);
    } else if (!contacts.empty() && keyword == SmsKeyword::help) {
        log.action = "help";
        reply = !m_help_text.empty()
                    ? m_help_text
                    // TRANSLATORS: the answer to an SMS HELP; {{district}} is the district's name.
                    : fill(l.text("{{district}}: weekly school updates about your children. Reply "
                                  "STOP to stop these texts, START to get them again."),
                           "district", m_district_name);
    }
    std::string event = "inbound text from " + from + ": " + log.action + " (" +
                        (contacts.empty() ? std::string("unknown number") : log.contacts) + ")";
    if (!reply.empty() && send_reply) {
        const DeliveryOutcome outcome = send_reply(from, reply);
        log.replied = outcome.result == DeliveryResult::sent;
        event += log.replied ? ", answered" : ", answer failed: " + outcome.detail;
    }
    inbound_repo.record(log, now);
    if (on_event)
        on_event(event);
    return plain(200, "");
}

}  // namespace homeroom::notify
