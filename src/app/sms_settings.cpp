#include "app/sms_settings.h"

#include <Poco/Net/IPAddress.h>
#include <Poco/StringTokenizer.h>

#include <memory>
#include <stdexcept>

#include "app/config_values.h"
#include "core/errors.h"
#include "jobs/time_zone.h"
#include "notify/file_channel.h"

namespace homeroom::app {
namespace {

int get_minute(const Poco::Util::AbstractConfiguration& c, const std::string& key, int fallback) {
    const std::string text = c.getString(key, "");
    if (text.empty())
        return fallback;
    const auto m = notify::parse_minute_of_day(text);
    if (!m)
        throw UsageError("config: " + key + " must be a time of day HH:MM, not \"" + text + "\"");
    return *m;
}

// Kannel's get-url carries the key as written: only characters that need no escaping in a URL,
// and enough of them not to be guessed.
bool is_usable_mo_secret(std::string_view key) {
    if (key.size() < 16)
        return false;
    for (char c : key)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_'))
            return false;
    return true;
}

std::vector<std::string> parse_addresses(const std::string& key, const std::string& text) {
    std::vector<std::string> out;
    Poco::StringTokenizer items(
        text, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    for (const auto& item : items) {
        Poco::Net::IPAddress address;
        if (!Poco::Net::IPAddress::tryParse(item, address))
            throw UsageError("config: " + key + ": \"" + item + "\" is not an IP address");
        out.push_back(address.toString());
    }
    if (out.empty())
        throw UsageError("config: " + key + " names no address");
    return out;
}

}  // namespace

SmsSettings read_sms_settings(const Poco::Util::AbstractConfiguration& c) {
    SmsSettings s;
    s.transport = c.getString("sms.transport", "file");
    if (s.transport != "file" && s.transport != "kannel")
        throw UsageError("config: sms.transport must be file or kannel, not \"" + s.transport +
                         "\"");
    s.from = c.getString("sms.from", "");
    s.quiet.start_minute = get_minute(c, "sms.quiet_start", s.quiet.start_minute);
    s.quiet.end_minute = get_minute(c, "sms.quiet_end", s.quiet.end_minute);
    s.time_zone = c.getString("sms.time_zone", c.getString("site.time_zone", s.time_zone));
    if (!jobs::TimeZone::find(s.time_zone))
        throw UsageError("config: sms.time_zone: unknown time zone \"" + s.time_zone + "\"");
    s.max_segments = static_cast<int>(config_int(c, "sms.max_segments", 2, 1, 10));
    s.outbox_dir = c.getString("sms.outbox_dir", s.outbox_dir.string());
    const std::string district = c.getString("site.district_name", "Sample Public Schools");
    s.help_text = c.getString("sms.help_text", "");

    auto& k = s.kannel;
    k.url = c.getString("kannel.url", k.url);
    k.username = c.getString("kannel.username", "");
    k.password = c.getString("kannel.password", "");
    k.from = s.from;
    k.dlr_url = c.getString("kannel.dlr_url", "");
    k.connections = static_cast<int>(config_int(c, "kannel.connections", 4, 1, 64));
    k.timeout = std::chrono::seconds(config_int(c, "kannel.timeout", 30, 1, 600));
    s.mo_secret = c.getString("kannel.mo_secret", "");
    if (!s.mo_secret.empty() && !is_usable_mo_secret(s.mo_secret))
        throw UsageError(
            "config: kannel.mo_secret must be 16 or more of A-Z a-z 0-9 - _ (it goes into "
            "Kannel's get-url as it is)");
    s.mo_allow_from =
        parse_addresses("kannel.mo_allow_from", c.getString("kannel.mo_allow_from", "127.0.0.1"));
    if (s.transport == "kannel") {
        try {
            notify::parse_kannel_url(k.url);
        } catch (const std::invalid_argument& e) {
            throw UsageError(std::string("config: kannel.url: ") + e.what());
        }
    }
    return s;
}

notify::UtcOffsetAt zone_offsets(const std::string& time_zone) {
    auto zone = jobs::TimeZone::find(time_zone);
    if (!zone)
        throw UsageError("unknown time zone \"" + time_zone + "\"");
    auto shared = std::make_shared<jobs::TimeZone>(std::move(*zone));
    return [shared](std::int64_t t) { return shared->offset_at(t); };
}

std::unique_ptr<notify::DeliveryChannel> make_sms_channel(const SmsSettings& s,
                                                          std::string_view site_secret) {
    if (s.transport == "kannel") {
        notify::KannelSettings kannel = s.kannel;
        kannel.report_secret = site_secret;
        return std::make_unique<notify::KannelChannel>(std::move(kannel));
    }
    return std::make_unique<notify::FileChannel>(s.outbox_dir, Channel::sms);
}

}  // namespace homeroom::app
