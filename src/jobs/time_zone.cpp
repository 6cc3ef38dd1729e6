#include "jobs/time_zone.h"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <cstdlib>

namespace homeroom::jobs {

std::optional<TimeZone> TimeZone::find(const std::string& name) {
    std::unique_ptr<icu::TimeZone> zone(
        icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(name)));
    icu::UnicodeString id;
    // ICU answers an unknown name with "Etc/Unknown" rather than an error.
    if (!zone || zone->getID(id) == icu::UnicodeString(UCAL_UNKNOWN_ZONE_ID))
        return std::nullopt;
    return TimeZone(name, std::move(zone));
}

TimeZone::TimeZone(std::string name, std::unique_ptr<icu::TimeZone> zone)
    : m_name(std::move(name)), m_zone(std::move(zone)) {}
TimeZone::~TimeZone() = default;
TimeZone::TimeZone(TimeZone&&) noexcept = default;
TimeZone& TimeZone::operator=(TimeZone&&) noexcept = default;

int TimeZone::offset_at(UtcSeconds instant) const {
    int32_t raw = 0, dst = 0;
    UErrorCode status = U_ZERO_ERROR;
    m_zone->getOffset(static_cast<UDate>(instant) * 1000.0, false, raw, dst, status);
    if (U_FAILURE(status))
        return 0;
    return (raw + dst) / 1000;
}

ZoneOffsets TimeZone::offsets() const {
    return [this](UtcSeconds instant) { return offset_at(instant); };
}

std::string format_offset(int offset_seconds) {
    const int minutes = std::abs(offset_seconds) / 60;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", offset_seconds < 0 ? '-' : '+', minutes / 60,
                  minutes % 60);
    return buf;
}

}  // namespace homeroom::jobs
