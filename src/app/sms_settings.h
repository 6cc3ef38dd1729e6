// The [sms] and [kannel] settings that notify and serve share, read and checked in one place.
// Every bad value is a UsageError naming its key.
//
//   [sms]    transport = file | kannel       (default file: texts become files in outbox_dir)
//            from = 12345                    the sender shown on phones (Kannel's "from")
//            quiet_start = 21:00             no texts from quiet_start ...
//            quiet_end = 08:00               ... to quiet_end, district time; equal: none
//            time_zone = America/New_York    the district's zone (default [site] time_zone,
//                                             else America/New_York)
//            max_segments = 2                the budget of one digest, 1 to 10
//            outbox_dir = output/sms         the file transport's folder
//            help_text = ...                 the answer to HELP (default: a sentence naming
//                                             [site] district_name)
//   [kannel] url = http://127.0.0.1:13013/cgi-bin/sendsms, username, password,
//            dlr_url = http://127.0.0.1:8025/dlr (where Kannel reaches `homeroom serve`;
//            empty: no delivery reports; each report carries a token signed with the site
//            secret), connections = 4, timeout = 30 (seconds),
//            mo_secret = ... (the key= Kannel's sms-service get-url passes to /mo: 16 or more
//            of A-Z a-z 0-9 - _; unset: /mo refuses every inbound text),
//            mo_allow_from = 127.0.0.1 (the addresses /mo takes texts from, comma-separated)
#pragma once

#include <Poco/Util/AbstractConfiguration.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "notify/delivery_channel.h"
#include "notify/kannel_channel.h"
#include "notify/quiet_hours.h"

namespace homeroom::app {

struct SmsSettings {
    std::string transport = "file";
    std::string from;
    notify::QuietHours quiet;
    std::string time_zone = "America/New_York";
    int max_segments = 2;
    std::filesystem::path outbox_dir = "output/sms";
    std::string help_text;
    notify::KannelSettings kannel;
    std::string mo_secret;
    std::vector<std::string> mo_allow_from = {"127.0.0.1"};  // as Poco prints them
};

SmsSettings read_sms_settings(const Poco::Util::AbstractConfiguration& config);

// The zone's UTC offset at an instant (ICU, jobs/time_zone.h); UsageError for an unknown zone.
notify::UtcOffsetAt zone_offsets(const std::string& time_zone);

// The configured transport: Kannel (its delivery reports signed with `site_secret`) or a folder
// of .txt files.
std::unique_ptr<notify::DeliveryChannel> make_sms_channel(const SmsSettings& settings,
                                                          std::string_view site_secret);

}  // namespace homeroom::app
