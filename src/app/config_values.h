// Typed reads of the INI settings (`--config FILE`), each refusing a bad value with a UsageError
// that names the key: "config: smtp.port must be a whole number from 1 to 65535, not "x"".
#pragma once

#include <Poco/Util/AbstractConfiguration.h>

#include <string>

namespace homeroom::app {

// `fallback` when the key is absent or empty.
long long config_int(const Poco::Util::AbstractConfiguration& c, const std::string& key,
                     long long fallback, long long min, long long max);
bool config_bool(const Poco::Util::AbstractConfiguration& c, const std::string& key, bool fallback);

}  // namespace homeroom::app
