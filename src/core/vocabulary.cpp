#include "core/vocabulary.h"

#include <stdexcept>
#include <string>

namespace homeroom::vocabulary {

AttendanceStatus attendance_status_from_code(std::string_view code) {
    if (code == "present")
        return AttendanceStatus::present;
    if (code == "excused")
        return AttendanceStatus::excused;
    if (code == "unexcused")
        return AttendanceStatus::unexcused;
    if (code == "tardy")
        return AttendanceStatus::tardy;
    if (code == "partial")
        return AttendanceStatus::partial;
    throw std::invalid_argument("unknown attendance status: " + std::string(code));
}

std::string_view to_code(AttendanceStatus status) {
    switch (status) {
        case AttendanceStatus::present:
            return "present";
        case AttendanceStatus::excused:
            return "excused";
        case AttendanceStatus::unexcused:
            return "unexcused";
        case AttendanceStatus::tardy:
            return "tardy";
        case AttendanceStatus::partial:
            return "partial";
    }
    return "present";
}

}  // namespace homeroom::vocabulary
