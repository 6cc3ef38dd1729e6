#include "app/config_values.h"

#include <Poco/Exception.h>

#include <stdexcept>

#include "core/errors.h"

namespace homeroom::app {

long long config_int(const Poco::Util::AbstractConfiguration& c, const std::string& key,
                     long long fallback, long long min, long long max) {
    const std::string text = c.getString(key, "");
    if (text.empty())
        return fallback;
    try {
        std::size_t used = 0;
        const long long v = std::stoll(text, &used);
        if (used == text.size() && v >= min && v <= max)
            return v;
    } catch (const std::exception&) {
    }
    throw UsageError("config: " + key + " must be a whole number from " + std::to_string(min) +
                     " to " + std::to_string(max) + ", not \"" + text + "\"");
}

bool config_bool(const Poco::Util::AbstractConfiguration& c, const std::string& key,
                 bool fallback) {
    try {
        return c.getBool(key, fallback);
    } catch (const Poco::Exception&) {
        throw UsageError("config: " + key + " must be true or false, not \"" +
                         c.getString(key, "") + "\"");
    }
}

}  // namespace homeroom::app
