#include "sample/oneroster_bundle_writer.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <string_view>
#include <system_error>

#include "core/errors.h"

namespace homeroom::sample {
namespace fs = std::filesystem;

namespace {

struct FileSpec {
    const char* name;
    std::initializer_list<std::string_view> columns;
};

const std::array<FileSpec, 8> k_specs = {{
    {"manifest.csv", {"propertyName", "value"}},
    {"orgs.csv",
     {"sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId"}},
    {"academicSessions.csv",
     {"sourcedId", "status", "dateLastModified", "title", "type", "startDate", "endDate",
      "parentSourcedId", "schoolYear"}},
    {"courses.csv",
     {"sourcedId", "status", "dateLastModified", "schoolYearSourcedId", "title", "courseCode",
      "grades", "orgSourcedId", "subjects", "subjectCodes"}},
    {"classes.csv",
     {"sourcedId", "status", "dateLastModified", "title", "grades", "courseSourcedId", "classCode",
      "classType", "location", "schoolSourcedId", "termSourcedIds", "subjects", "subjectCodes",
      "periods"}},
    {"users.csv",
     {"sourcedId", "status", "dateLastModified", "enabledUser", "orgSourcedIds", "role", "username",
      "userIds", "givenName", "familyName", "middleName", "identifier", "email", "sms", "phone",
      "agentSourcedIds", "grades", "password", "preferredFirstName"}},
    {"demographics.csv",
     {"sourcedId", "status", "dateLastModified", "birthDate", "sex", "americanIndianOrAlaskaNative",
      "asian", "blackOrAfricanAmerican", "nativeHawaiianOrOtherPacificIslander", "white",
      "demographicRaceTwoOrMoreRaces", "hispanicOrLatinoEthnicity", "countryOfBirthCode",
      "stateOfBirthAbbreviation", "cityOfBirth", "publicSchoolResidenceStatus"}},
    {"enrollments.csv",
     {"sourcedId", "status", "dateLastModified", "classSourcedId", "schoolSourcedId",
      "userSourcedId", "role", "primary", "beginDate", "endDate"}},
}};

// What the native bundle writer gives that a OneRoster export does not carry.
constexpr std::array<std::string_view, 11> k_gap_files = {
    "student_contacts.csv", "calendar.csv",           "attendance.csv",      "assessments.csv",
    "incidents.csv",        "discipline_actions.csv", "partners.csv",        "partner_rosters.csv",
    "agreements.csv",       "partner_consents.csv",   "learner_profiles.csv"};

// The channel and consent of a contact, beside users.csv (which has the names, email and sms).
const std::initializer_list<std::string_view> k_contact_columns = {
    "contact_id",      "preferred_language", "preferred_channel", "email_consent", "sms_consent",
    "email_opted_out", "sms_opted_out",      "address",           "city",          "state",
    "postal_code"};

std::string grade_code(const std::string& g) {
    if (g == "K")
        return "KG";
    if (g == "PK")
        return "PK";
    return g.size() == 1 ? "0" + g : g;
}

// The SCED subject area the reader maps back (docs/oneroster.md); "other" has none.
std::string_view sced_code(const std::string& subject) {
    if (subject == "ela")
        return "01001";
    if (subject == "math")
        return "02001";
    if (subject == "science")
        return "03001";
    if (subject == "social_studies")
        return "04001";
    if (subject == "arts")
        return "05001";
    if (subject == "world_language")
        return "06001";
    if (subject == "physical_education")
        return "08001";
    return "";
}

std::string_view user_role(const std::string& staff_role) {
    if (staff_role == "teacher")
        return "teacher";
    if (staff_role == "other")
        return "aide";
    return "administrator";  // principal, assistant principal, counselor, administrator
}

const char* yn(bool b) {
    return b ? "Y" : "N";
}

const char* tf(bool b) {
    return b ? "true" : "false";
}

}  // namespace

OneRosterBundleWriter::OneRosterBundleWriter(const fs::path& dir)
    : m_dir(dir), m_native_dir(dir / ".native-files") {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw IoError("cannot write " + dir.string() + ": " + ec.message());
    for (const auto& spec : k_specs) {
        auto w = std::make_unique<CsvWriter>(dir / spec.name);
        w->row(spec.columns);
        m_files.emplace(spec.name, std::move(w));
    }
    auto contacts = std::make_unique<CsvWriter>(dir / "contacts.csv");
    contacts->row(k_contact_columns);
    m_files.emplace("contacts.csv", std::move(contacts));
    m_native = std::make_unique<NativeBundleWriter>(m_native_dir);
    file("orgs.csv").row({k_district_id, "", "", "Sample District", "district", "", ""});
}

OneRosterBundleWriter::~OneRosterBundleWriter() {
    if (!m_closed) {
        std::error_code ec;
        fs::remove_all(m_native_dir, ec);
    }
}

void OneRosterBundleWriter::close() {
    if (m_year_start && m_year_end) {
        const std::string end_year = std::to_string(m_year_end->year());
        file("academicSessions.csv")
            .row({k_school_year_id, "", "", std::to_string(m_year_end->year() - 1) + "-" + end_year,
                  "schoolYear", m_year_start->to_string(), m_year_end->to_string(), "", end_year});
    }
    CsvWriter& manifest = file("manifest.csv");
    manifest.row({"manifest.version", "1.0"});
    manifest.row({"oneroster.version", "1.1"});
    for (const auto& spec : k_specs) {
        const std::string_view name = spec.name;
        if (name != "manifest.csv")
            manifest.row({"file." + std::string(name.substr(0, name.size() - 4)), "bulk"});
    }
    for (const char* absent : {"categories", "lineItems", "results"})
        manifest.row({std::string("file.") + absent, "absent"});
    for (auto& [name, w] : m_files) w->close();
    m_native->close();
    for (const auto& [name, rows] : m_native->rows_per_file())
        if (std::find(k_gap_files.begin(), k_gap_files.end(), name) != k_gap_files.end())
            m_native_rows.emplace_back(name, rows);
    std::error_code ec;
    for (const auto& name : k_gap_files) {
        fs::rename(m_native_dir / name, m_dir / name, ec);
        if (ec)
            throw IoError("cannot write " + (m_dir / name).string() + ": " + ec.message());
    }
    fs::remove_all(m_native_dir, ec);
    if (ec)
        throw IoError("cannot remove " + m_native_dir.string() + ": " + ec.message());
    m_closed = true;
}

std::vector<std::pair<std::string, std::size_t>> OneRosterBundleWriter::rows_per_file() const {
    std::vector<std::pair<std::string, std::size_t>> rows;
    for (const auto& spec : k_specs)
        rows.emplace_back(spec.name, m_files.at(spec.name)->rows_written() - 1);
    rows.emplace_back("contacts.csv", m_files.at("contacts.csv")->rows_written() - 1);
    for (const auto& row : m_native_rows) rows.push_back(row);
    return rows;
}

void OneRosterBundleWriter::put(const School& s) {
    file("orgs.csv").row({s.id, "", "", s.name, "school", "", k_district_id});
}

void OneRosterBundleWriter::put(const StaffMember& s) {
    file("users.csv")
        .row({s.id, "", "", "true", s.school_id, user_role(s.role), "", "", s.first_name,
              s.last_name, "", "", s.email, "", "", "", "", "", ""});
}

std::string OneRosterBundleWriter::homeroom_class(const std::string& school_id,
                                                  const std::string& title) {
    const auto key = std::make_pair(school_id, title);
    if (const auto it = m_homerooms.find(key); it != m_homerooms.end())
        return it->second;
    const std::string course = "homeroom-" + school_id;
    if (m_courses.insert(course).second)
        file("courses.csv")
            .row({course, "", "", k_school_year_id, "Homeroom", "", "", school_id, "", ""});
    const std::string id = "homeroom-" + std::to_string(m_homerooms.size() + 1);
    file("classes.csv")
        .row({id, "", "", title, "", course, "", "homeroom", "", school_id, k_school_year_id, "",
              "", ""});
    m_homerooms.emplace(key, id);
    return id;
}

void OneRosterBundleWriter::put(const Student& s) {
    file("users.csv")
        .row({s.id, "", "", "true", s.school_id, "student", "", "", s.first_name, s.last_name,
              s.middle_name, "", "", "", "", "", grade_code(s.grade), "", s.preferred_name});
    const std::string& r = s.race_ethnicity;
    file("demographics.csv")
        .row({s.id, "", "", s.birth_date.to_string(),
              s.gender == "F"   ? "female"
              : s.gender == "M" ? "male"
                                : "unspecified",
              tf(r == "american_indian"), tf(r == "asian"), tf(r == "black"),
              tf(r == "pacific_islander"), tf(r == "white"), tf(r == "two_or_more"),
              tf(r == "hispanic"), "", "", "", ""});
    if (!s.homeroom.empty())
        file("enrollments.csv")
            .row({"enrollment-" + std::to_string(++m_enrollments), "", "",
                  homeroom_class(s.school_id, s.homeroom), s.school_id, s.id, "student", "false",
                  "", ""});
}

void OneRosterBundleWriter::put(const Contact& c) {
    file("users.csv")
        .row({c.id, "", "", "true", k_district_id, "parent", "", "", c.first_name, c.last_name, "",
              "", c.email, c.mobile, "", "", "", "", ""});
    file("contacts.csv")
        .row({c.id, c.preferred_language, c.preferred_channel, yn(c.email_consent),
              yn(c.sms_consent), yn(c.email_opted_out), yn(c.sms_opted_out), c.address, c.city,
              c.state, c.postal_code});
}

void OneRosterBundleWriter::put(const MarkingPeriod& p) {
    if (!m_year_start || p.start_date < *m_year_start)
        m_year_start = p.start_date;
    if (!m_year_end || *m_year_end < p.end_date)
        m_year_end = p.end_date;
    file("academicSessions.csv")
        .row({p.id, "", "", p.name, "gradingPeriod", p.start_date.to_string(),
              p.end_date.to_string(), k_school_year_id, std::to_string(p.end_date.year())});
}

void OneRosterBundleWriter::put(const Section& s) {
    const std::string course = "course-" + s.school_id + "-" + s.course_code;
    const std::string_view code = sced_code(s.subject);
    const std::string_view names = code.empty() ? std::string_view(s.subject) : std::string_view();
    if (m_courses.insert(course).second)
        file("courses.csv")
            .row({course, "", "", k_school_year_id, s.course_title, s.course_code, "", s.school_id,
                  "", ""});
    file("classes.csv")
        .row({s.id, "", "", s.course_title, "", course, "", "scheduled", "", s.school_id,
              k_school_year_id, names, code, ""});
    m_section_school.emplace(s.id, s.school_id);
    if (!s.staff_id.empty())
        file("enrollments.csv")
            .row({"enrollment-" + std::to_string(++m_enrollments), "", "", s.id, s.school_id,
                  s.staff_id, "teacher", "true", "", ""});
}

void OneRosterBundleWriter::put(const SectionEnrollment& e) {
    const std::string exit = e.exit_date ? e.exit_date->to_string() : std::string();
    file("enrollments.csv")
        .row({"enrollment-" + std::to_string(++m_enrollments), "", "", e.section_id,
              m_section_school.at(e.section_id), e.student_id, "student", "false",
              e.entry_date.to_string(), exit});
}

void OneRosterBundleWriter::put(const Mark&) {}  // no results.csv yet (docs/oneroster.md)

void OneRosterBundleWriter::put(const StudentContact& r) {
    m_native->put(r);
}
void OneRosterBundleWriter::put(const CalendarDay& r) {
    m_native->put(r);
}
void OneRosterBundleWriter::put(const AttendanceRecord& r) {
    m_native->put(r);
}
void OneRosterBundleWriter::put(const AssessmentResult& r) {
    m_native->put(r);
}
void OneRosterBundleWriter::put(const Incident& r) {
    m_native->put(r);
}
void OneRosterBundleWriter::put(const DisciplineAction& r) {
    m_native->put(r);
}
void OneRosterBundleWriter::put(const Partner& r) {
    m_native->put(r);
}
void OneRosterBundleWriter::put(const PartnerRosterEntry& r) {
    m_native->put(r);
}
void OneRosterBundleWriter::put(const Agreement& r) {
    m_native->put(r);
}
void OneRosterBundleWriter::put(const PartnerConsent& r) {
    m_native->put(r);
}
void OneRosterBundleWriter::put(const LearnerProfile& r) {
    m_native->put(r);
}

}  // namespace homeroom::sample
