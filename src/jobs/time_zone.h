// A named IANA time zone ("America/Detroit") from ICU's database: GCC 12's libstdc++ has no
// std::chrono zone database, and ICU is already linked for formatting.
#pragma once

#include <unicode/uversion.h>

#include <memory>
#include <optional>
#include <string>

#include "jobs/schedule.h"

U_NAMESPACE_BEGIN
class TimeZone;
U_NAMESPACE_END

namespace homeroom::jobs {

class TimeZone {
  public:
    // nullopt for a name ICU does not know.
    static std::optional<TimeZone> find(const std::string& name);
    ~TimeZone();
    TimeZone(TimeZone&&) noexcept;
    TimeZone& operator=(TimeZone&&) noexcept;

    const std::string& name() const { return m_name; }
    int offset_at(UtcSeconds instant) const;
    // For next_run; valid while this object lives.
    ZoneOffsets offsets() const;

  private:
    TimeZone(std::string name, std::unique_ptr<icu::TimeZone> zone);
    std::string m_name;
    std::unique_ptr<icu::TimeZone> m_zone;
};

// "-05:00"
std::string format_offset(int offset_seconds);

}  // namespace homeroom::jobs
