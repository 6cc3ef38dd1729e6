// [dkim]: optional DKIM signing of every email Homeroom sends (notify/dkim_signer.h).
//
//   [dkim] selector = hr2026                  the DNS record is <selector>._domainkey.<domain>
//          domain = riverside.example.org     d=; email.from's domain or one of its parents
//          key = /etc/homeroom/dkim.pem       a PEM private key, RSA (2048 bits) or Ed25519
//          algorithm = rsa-sha256 | ed25519-sha256   (default: the key's)
//
// No [dkim] keys: no signing. Some but not all of selector, domain and key, or a key that is not
// usable, is a UsageError (exit 64); a key file that is missing or unreadable a NoInputError
// (exit 66) naming its path — both before anything is queued or sent. A relative key path is
// taken from the working folder, as every path of the settings file.
#pragma once

#include <Poco/Util/AbstractConfiguration.h>

#include <filesystem>
#include <optional>
#include <ostream>

#include "notify/dkim_signer.h"
#include "notify/mail_message.h"

namespace homeroom::app {

// `from`: [email] from, whose domain d= must cover (DMARC alignment). `config_file` (--config)
// gives the errors their FILE:LINE:COLUMN ("h.ini:14:7: error: dkim.key: cannot read ...").
// A key file that other users can read is used, with a warning on `warnings`.
std::optional<notify::DkimSigner> load_dkim_settings(
    const Poco::Util::AbstractConfiguration& config, const notify::MailAddress& from,
    const std::filesystem::path& config_file, std::ostream& warnings);

}  // namespace homeroom::app
