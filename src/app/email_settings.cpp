#include "app/email_settings.h"

#include <Poco/Exception.h>

#include "app/config_values.h"
#include "core/ascii_text.h"
#include "core/errors.h"
#include "notify/recipient_address.h"
#include "site/private_token.h"
#include "store/settings_repository.h"

namespace homeroom::app {
namespace {}  // namespace

notify::MailAddress parse_mail_address(std::string_view text, std::string_view key) {
    notify::MailAddress out;
    const std::string t(trim_blanks(text));
    const auto open = t.rfind('<');
    if (open != std::string::npos && !t.empty() && t.back() == '>') {
        out.display_name = std::string(trim_blanks(std::string_view(t).substr(0, open)));
        if (out.display_name.size() >= 2 && out.display_name.front() == '"' &&
            out.display_name.back() == '"')
            out.display_name = out.display_name.substr(1, out.display_name.size() - 2);
        out.address = t.substr(open + 1, t.size() - open - 2);
    } else {
        out.address = t;
    }
    if (!notify::is_plain_addr_spec(out.address))
        throw UsageError("config: " + std::string(key) +
                         " must be an email address, optionally as \"Name <address>\", not \"" +
                         std::string(text) + "\"");
    return out;
}

EmailSettings read_email_settings(const Poco::Util::AbstractConfiguration& c) {
    EmailSettings s;
    s.transport = c.getString("email.transport", "file");
    if (s.transport != "file" && s.transport != "smtp")
        throw UsageError("config: email.transport must be file or smtp, not \"" + s.transport +
                         "\"");
    const bool smtp = s.transport == "smtp";
    if (smtp && c.getString("email.from", "").empty())
        throw UsageError("config: email.from is required to send email over SMTP");
    s.from = parse_mail_address(
        c.getString("email.from", "Homeroom <homeroom@localhost.localdomain>"), "email.from");
    s.unsubscribe_address =
        parse_mail_address(c.getString("email.unsubscribe_address", s.from.address),
                           "email.unsubscribe_address")
            .address;
    s.send_nothing_new = config_bool(c, "email.send_nothing_new", false);
    s.outbox_dir = c.getString("email.outbox_dir", s.outbox_dir.string());
    s.previews_dir = c.getString("email.previews_dir", s.previews_dir.string());

    s.base_url = c.getString("site.base_url", "");
    if (smtp && s.base_url.empty())
        throw UsageError(
            "config: site.base_url is required to send email over SMTP (the "
            "digests link to the private pages and to the unsubscribe page)");
    if (s.base_url.empty())
        s.base_url = std::string("http://localhost:8025");
    s.district_name = c.getString("site.district_name", "Sample Public Schools");

    auto& m = s.smtp;
    m.host = c.getString("smtp.host", "127.0.0.1");
    m.port = static_cast<std::uint16_t>(config_int(c, "smtp.port", 25, 1, 65535));
    const auto tls = notify::parse_smtp_tls(c.getString("smtp.tls", "none"));
    if (!tls)
        throw UsageError("config: smtp.tls must be none or starttls, not \"" +
                         c.getString("smtp.tls", "") + "\"");
    m.tls = *tls;
    const auto auth = notify::parse_smtp_auth(c.getString("smtp.auth", "auto"));
    if (!auth)
        throw UsageError("config: smtp.auth must be auto, plain or login, not \"" +
                         c.getString("smtp.auth", "") + "\"");
    m.auth = *auth;
    m.username = c.getString("smtp.username", "");
    m.password = c.getString("smtp.password", "");
    m.connections = static_cast<int>(config_int(c, "smtp.connections", 4, 1, 64));
    m.ca_file = c.getString("smtp.ca_file", "");
    m.verify_certificate = config_bool(c, "smtp.verify_certificate", true);
    m.timeout = std::chrono::seconds(config_int(c, "smtp.timeout", 30, 1, 600));
    m.helo_name = c.getString("smtp.helo_name", "localhost");
    m.envelope_from = parse_mail_address(c.getString("email.envelope_from", s.from.address),
                                         "email.envelope_from")
                          .address;
    return s;
}

std::string site_secret(const Poco::Util::AbstractConfiguration& config, store::Database& db) {
    const std::string configured = config.getString("site.secret", "");
    if (!configured.empty())
        return configured;
    return store::SettingsRepository(db).get_or_create("site.secret", site::random_secret());
}

}  // namespace homeroom::app
