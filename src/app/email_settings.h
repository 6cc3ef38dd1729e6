// The [email], [smtp] and [site] settings that the notify, serve and demo commands share, read
// and checked in one place. Every bad value is a UsageError naming its key.
//
//   [email] transport = file | smtp          (default file)
//           from = Name <address>            (default "Homeroom <homeroom@localhost.localdomain>";
//                                              required for smtp)
//           envelope_from = address          MAIL FROM, where bounces go (default: from's address)
//           unsubscribe_address = address    mailto: of List-Unsubscribe (default: from's address)
//           send_nothing_new = false         also send a digest when nothing happened
//           outbox_dir = output/outbox       the file transport's folder
//           previews_dir = output/previews   where --dry-run writes previews
//   [smtp]  host, port (25), tls = none | starttls, username, password, auth = auto | plain |
//           login, connections (4), ca_file, verify_certificate (true), timeout (30 s),
//           helo_name (localhost)
//   [site]  base_url (required for smtp; default http://localhost:8025), secret (default: one
//           generated and kept in the database), district_name
//   [serve] listen = 127.0.0.1:8025
#pragma once

#include <Poco/Util/AbstractConfiguration.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "notify/mail_message.h"
#include "notify/smtp_channel.h"
#include "store/database.h"

namespace homeroom::app {

struct EmailSettings {
    std::string transport = "file";
    notify::MailAddress from;
    std::string unsubscribe_address;
    bool send_nothing_new = false;
    std::filesystem::path outbox_dir = "output/outbox";
    std::filesystem::path previews_dir = "output/previews";
    notify::SmtpSettings smtp;
    std::string base_url;
    std::string district_name;
};

EmailSettings read_email_settings(const Poco::Util::AbstractConfiguration& config);

// "Name <address>" or a bare address; UsageError naming `key` otherwise.
notify::MailAddress parse_mail_address(std::string_view text, std::string_view key);

// [site] secret, else the one kept in the database (created on first use), as `build` does: the
// same secret keys page tokens and unsubscribe links, so links in sent mail keep working.
std::string site_secret(const Poco::Util::AbstractConfiguration& config, store::Database& db);

inline constexpr const char* k_default_listen = "127.0.0.1:8025";

}  // namespace homeroom::app
