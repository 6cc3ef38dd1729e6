#include "app/settings_keys.h"

namespace homeroom::app {

const std::vector<SettingsSection>& settings_sections() {
    static const std::vector<SettingsSection> k_sections = {
        {"store", {"db"}},
        {"site",
         {"base_url", "district_name", "locales", "out", "secret", "templates", "time_zone"}},
        {"exports", {"out"}},
        {"pdf", {"enabled", "paper"}},
        {"email",
         {"envelope_from", "from", "outbox_dir", "previews_dir", "send_nothing_new", "transport",
          "unsubscribe_address"}},
        {"dkim", {"algorithm", "domain", "key", "selector"}},
        {"smtp",
         {"auth", "ca_file", "connections", "helo_name", "host", "password", "port", "timeout",
          "tls", "username", "verify_certificate"}},
        {"sms",
         {"from", "help_text", "max_segments", "outbox_dir", "quiet_end", "quiet_start",
          "time_zone", "transport"}},
        {"kannel",
         {"connections", "dlr_url", "mo_allow_from", "mo_secret", "password", "timeout", "url",
          "username"}},
        {"serve", {"listen"}},
        {"jobs", {"dir"}},
    };
    return k_sections;
}

}  // namespace homeroom::app
