#include "ingest/oneroster_bundle.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/ascii_text.h"
#include "core/errors.h"
#include "core/vocabulary.h"
#include "ingest/csv_reader.h"
#include "ingest/field_rules.h"
#include "ingest/regular_file.h"
#include "ingest/table_reader.h"

namespace homeroom::ingest {
namespace fs = std::filesystem;

const std::vector<std::string>& oneroster_bundle_files() {
    static const std::vector<std::string> k_files = {
        "manifest.csv", "orgs.csv",  "academicSessions.csv", "courses.csv",
        "classes.csv",  "users.csv", "demographics.csv",     "enrollments.csv"};
    return k_files;
}

bool has_oneroster_manifest(const fs::path& dir) {
    return check_bundle_file(dir / "manifest.csv").state != FileState::missing;
}

namespace {

constexpr std::array<std::string_view, 6> k_org_types = {"department", "district", "local",
                                                         "national",   "school",   "state"};
constexpr std::array<std::string_view, 8> k_roles = {
    "administrator", "aide", "guardian", "parent", "proctor", "relative", "student", "teacher"};
constexpr std::array<std::string_view, 4> k_session_types = {"gradingPeriod", "schoolYear",
                                                             "semester", "term"};
constexpr std::array<std::string_view, 2> k_class_types = {"homeroom", "scheduled"};
constexpr std::array<std::string_view, 4> k_enrollment_roles = {"administrator", "proctor",
                                                                "student", "teacher"};
constexpr std::array<std::string_view, 3> k_statuses = {"active", "tobedeleted", "inactive"};
constexpr std::size_t k_ids_shown = 10;

// "prefferedGivenName" is a misspelling of the 1.2 name "preferredFirstName": exports mix the
// vCard words (given, family) with OneRoster's (first, last).
std::string oneroster_spelling(std::string_view header) {
    std::string out(header);
    auto swap_word = [&](std::string_view from, std::string_view to) {
        std::string lowered = out;
        for (char& c : lowered)
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c - 'A' + 'a');
        if (const auto at = lowered.find(from); at != std::string::npos)
            out.replace(at, from.size(), to);
    };
    if (out.size() > 9)  // not givenName itself
        swap_word("givenname", "FirstName");
    if (out.size() > 10)
        swap_word("familyname", "LastName");
    return out;
}

std::vector<std::string> split_list(std::string_view s) {
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from <= s.size() && !s.empty()) {
        auto to = s.find(',', from);
        if (to == std::string_view::npos)
            to = s.size();
        std::string_view item = s.substr(from, to - from);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        if (!item.empty())
            out.emplace_back(item);
        from = to + 1;
    }
    return out;
}

// OneRoster (CEDS) grade codes to the native grades; nullopt for grades the native set lacks.
std::optional<std::string> native_grade(std::string_view g) {
    if (g == "PK" || g == "TK")
        return "PK";
    if (g == "KG")
        return "K";
    if (g.size() == 2 && g[0] >= '0' && g[0] <= '1' && g[1] >= '0' && g[1] <= '9') {
        const int n = (g[0] - '0') * 10 + (g[1] - '0');
        if (n >= 1 && n <= 12)
            return std::to_string(n);
    }
    return std::nullopt;
}

// A class's subject: the SCED code's subject area (its first two digits) when one is given,
// else a word of its subject names, else "other" (docs/oneroster.md).
std::string native_subject(const std::vector<std::string>& codes,
                           const std::vector<std::string>& names) {
    for (const auto& code : codes) {
        if (code.size() < 2)
            continue;
        const std::string area = code.substr(0, 2);
        if (area == "01")
            return "ela";
        if (area == "02")
            return "math";
        if (area == "03")
            return "science";
        if (area == "04")
            return "social_studies";
        if (area == "05")
            return "arts";
        if (area == "06")
            return "world_language";
        if (area == "08")
            return "physical_education";
    }
    static const std::array<std::pair<std::string_view, std::string_view>, 14> k_words = {{
        {"physical education", "physical_education"},
        {"math", "math"},
        {"algebra", "math"},
        {"geometry", "math"},
        {"english", "ela"},
        {"language arts", "ela"},
        {"reading", "ela"},
        {"science", "science"},
        {"biology", "science"},
        {"social studies", "social_studies"},
        {"history", "social_studies"},
        {"art", "arts"},
        {"music", "arts"},
        {"spanish", "world_language"},
    }};
    for (const auto& name : names) {
        const std::string n = ascii_lower(name);
        for (const auto& [word, subject] : k_words)
            if (n.find(word) != std::string::npos)
                return std::string(subject);
    }
    return "other";
}

struct Position {
    int line = 0, column = 0;
};

struct OrgInfo {
    std::string type;
};

struct SessionInfo {
    std::string type;
    Date start, end;
};

struct CourseInfo {
    std::string code, title;
    std::vector<std::string> subject_codes, subjects;
};

struct ClassInfo {
    std::size_t section = 0;  // index in m_sections (scheduled classes)
    bool homeroom = false;
    std::string title;
    std::optional<Date> term_start;
    bool has_primary = false;
};

struct PendingStudent {
    Student record;
    Position at;  // of its sourcedId in users.csv
    bool has_birth = false;
    Position birth_at;
    std::optional<Date> first_enrollment;
};

struct UserInfo {
    std::string role;
    std::size_t index = 0;  // in the vector of its kind (students, contacts, staff)
};

struct AgentRef {
    std::string from, to;
    Position at;
};

// Hands the native gap files' records on, except their links: those are merged with the
// export's own (a row of student_contacts.csv gives the rights of a link agents already made).
class GapSink : public RecordSink {
  public:
    explicit GapSink(RecordSink& sink) : m_sink(sink) {}
    std::vector<StudentContact> links;
    std::vector<Contact> contacts;  // completed by contacts.csv

    void put(const School& r) override { m_sink.put(r); }
    void put(const StaffMember& r) override { m_sink.put(r); }
    void put(const Student& r) override { m_sink.put(r); }
    void put(const Contact& r) override { contacts.push_back(r); }
    void put(const StudentContact& r) override { links.push_back(r); }
    void put(const CalendarDay& r) override { m_sink.put(r); }
    void put(const MarkingPeriod& r) override { m_sink.put(r); }
    void put(const AttendanceRecord& r) override { m_sink.put(r); }
    void put(const Section& r) override { m_sink.put(r); }
    void put(const SectionEnrollment& r) override { m_sink.put(r); }
    void put(const Mark& r) override { m_sink.put(r); }
    void put(const AssessmentResult& r) override { m_sink.put(r); }
    void put(const Incident& r) override { m_sink.put(r); }
    void put(const DisciplineAction& r) override { m_sink.put(r); }
    void put(const Partner& r) override { m_sink.put(r); }
    void put(const PartnerRosterEntry& r) override { m_sink.put(r); }
    void put(const Agreement& r) override { m_sink.put(r); }
    void put(const PartnerConsent& r) override { m_sink.put(r); }
    void put(const LearnerProfile& r) override { m_sink.put(r); }

  private:
    RecordSink& m_sink;
};

class OneRosterReader {
  public:
    OneRosterReader(fs::path dir, Date as_of, RecordSink& sink, Diagnostics& diags,
                    const ImportProgress& progress)
        : m_dir(std::move(dir)),
          m_as_of(as_of),
          m_sink(sink),
          m_diags(diags),
          m_progress(progress) {}

    BundleCounts run();

  private:
    template <std::size_t N, typename RowFn>
    void read_file(const std::string& name, bool required, const std::array<ColumnSpec, N>& columns,
                   RowFn&& on_row);

    void manifest(), orgs(), sessions(), courses(), classes(), users(), demographics(),
        enrollments(), agents(), finish();

    // "COLUMN: no KIND with sourcedId "ID" in FILE"; quiet when that row was refused.
    bool ref(TableReader& t, std::size_t column, const std::string& id, bool found,
             std::string_view kind, std::string_view file);
    // Reads `status`: bulk files hold active rows only.
    void status(TableReader& t, std::size_t column);
    std::optional<bool> flag(TableReader& t, std::size_t column);
    void refuse(std::string_view kind, const std::string& id) {
        m_refused.insert(std::string(kind) + '\x1f' + id);
    }
    bool was_refused(std::string_view kind, const std::string& id) const {
        return m_refused_kinds.count(std::string(kind)) > 0 ||
               m_refused.count(std::string(kind) + '\x1f' + id) > 0;
    }

    fs::path m_dir;
    Date m_as_of;
    RecordSink& m_sink;
    Diagnostics& m_diags;
    const ImportProgress& m_progress;
    BundleCounts m_counts;

    std::set<std::string> m_absent;  // files the manifest marks "absent"
    std::unordered_map<std::string, OrgInfo> m_orgs;
    std::unordered_map<std::string, SessionInfo> m_sessions;
    std::unordered_map<std::string, CourseInfo> m_courses;
    std::unordered_map<std::string, ClassInfo> m_classes;
    std::unordered_map<std::string, UserInfo> m_users;
    std::unordered_set<std::string> m_demographics, m_enrollment_keys, m_link_keys;
    std::vector<School> m_schools;
    std::vector<MarkingPeriod> m_periods;
    std::vector<Section> m_sections;
    std::vector<StaffMember> m_staff;
    std::vector<PendingStudent> m_students;
    std::vector<Contact> m_contacts;
    std::vector<StudentContact> m_links;
    std::vector<SectionEnrollment> m_enrollments;
    std::vector<AgentRef> m_agent_refs;
    std::unordered_set<std::string> m_refused, m_refused_kinds;
};

template <std::size_t N, typename RowFn>
void OneRosterReader::read_file(const std::string& name, bool required,
                                const std::array<ColumnSpec, N>& columns, RowFn&& on_row) {
    static const std::unordered_map<std::string, std::string> k_kinds = {
        {"orgs.csv", "org"},
        {"academicSessions.csv", "academic session"},
        {"courses.csv", "course"},
        {"classes.csv", "class"},
        {"users.csv", "user"}};
    auto refuse_file = [&] {
        if (const auto it = k_kinds.find(name); it != k_kinds.end())
            m_refused_kinds.insert(it->second);
    };
    std::size_t rows = 0;
    const fs::path path = m_dir / name;
    const FileCheck check = check_bundle_file(path);
    if (check.state == FileState::not_regular) {
        m_diags.root_error(name, 0, 0, check.problem);
        refuse_file();
        m_counts.rows_per_file.emplace_back(name, 0);
        return;
    }
    if (check.state == FileState::missing || m_absent.count(name)) {
        if (required) {
            m_diags.root_error(name, 0, 0,
                               check.state == FileState::missing
                                   ? "required file is missing from the OneRoster export"
                                   : "required file is marked absent in manifest.csv");
            refuse_file();
        }
        m_counts.rows_per_file.emplace_back(name, 0);
        return;
    }
    CsvReader csv = CsvReader::open(path, name, m_diags);
    TableReader table(csv, columns, m_diags, &oneroster_spelling);
    while (table.next_row()) {
        if (on_row(table))
            ++rows;
        if (m_progress && rows % 65536 == 0)
            m_progress(name, rows, false);
    }
    if (!table.header_ok() || csv.refused())
        refuse_file();
    if (m_progress)
        m_progress(name, rows, true);
    m_counts.rows_per_file.emplace_back(name, rows);
}

bool OneRosterReader::ref(TableReader& t, std::size_t column, const std::string& id, bool found,
                          std::string_view kind, std::string_view file) {
    if (id.empty() || found)
        return found;
    if (was_refused(kind, id))
        t.fail_quietly();
    else
        t.error(column, "no " + std::string(kind) + " with sourcedId \"" + id + "\" in " +
                            std::string(file));
    return false;
}

void OneRosterReader::status(TableReader& t, std::size_t column) {
    if (!t.present(column))
        return;
    const std::string s = t.code(column, k_statuses);
    if (s == "tobedeleted" || s == "inactive")
        t.error(column, "\"" + s +
                            "\" belongs in a delta export (processingMode delta), which this "
                            "version does not apply yet; a bulk file holds active rows only");
}

std::optional<bool> OneRosterReader::flag(TableReader& t, std::size_t column) {
    if (!t.present(column))
        return std::nullopt;
    const std::string v = ascii_lower(t.raw(column));
    if (v == "true")
        return true;
    if (v == "false")
        return false;
    t.error(column, "\"" + std::string(t.raw(column)) + "\" is not true or false");
    return std::nullopt;
}

void OneRosterReader::manifest() {
    enum : std::size_t { property, value };
    static constexpr std::array<ColumnSpec, 2> k_columns = {
        {{"propertyName", true}, {"value", true}}};
    bool version_seen = false;
    read_file("manifest.csv", true, k_columns, [&](TableReader& t) {
        const std::string name(t.raw(property));
        const std::string v(t.raw(value));
        if (name == "oneroster.version") {
            version_seen = true;
            if (v == "1.2")
                t.error(value,
                        "\"1.2\": OneRoster 1.2 exports are not read yet; this version reads 1.1");
            else if (v != "1.1")
                t.error(value, "\"" + v + "\" is not a OneRoster version (1.1 or 1.2)");
        } else if (name.rfind("file.", 0) == 0) {
            const std::string file = name.substr(5) + ".csv";
            if (v == "absent") {
                m_absent.insert(file);
            } else if (v == "delta") {
                t.error(value, "\"delta\": delta exports are not applied yet; export " + file +
                                   " with processingMode bulk");
            } else if (v != "bulk") {
                t.error(value, "\"" + v + "\" is not one of: absent, bulk, delta");
            }
        }
        return t.row_ok();
    });
    if (!version_seen && m_refused_kinds.empty() && !m_diags.has_errors())
        m_diags.root_error("manifest.csv", 0, 0,
                           "oneroster.version is missing: a OneRoster export names its version "
                           "(1.1 or 1.2)");
}

void OneRosterReader::orgs() {
    enum : std::size_t { id, status_, modified, name, type, identifier, parent };
    static constexpr std::array<ColumnSpec, 7> k_columns = {{{"sourcedId", true},
                                                             {"status", false},
                                                             {"dateLastModified", false},
                                                             {"name", true},
                                                             {"type", true},
                                                             {"identifier", false},
                                                             {"parentSourcedId", false}}};
    struct Parent {
        std::string org, parent;
        Position at;
    };
    std::vector<Parent> parents;
    read_file("orgs.csv", true, k_columns, [&](TableReader& t) {
        const std::string sid = t.id(id);
        status(t, status_);
        School s;
        s.id = sid;
        s.name = t.text(name);
        const std::string kind = t.code(type, k_org_types);
        const std::string up = t.id(parent);
        if (!sid.empty() && m_orgs.count(sid))
            t.error(id, "duplicate sourcedId \"" + sid + "\"");
        if (!t.row_ok()) {
            refuse("org", sid);
            return false;
        }
        if (!up.empty()) {
            const auto [l, c] = t.position(parent);
            parents.push_back({sid, up, {l, c}});
        }
        m_orgs.emplace(sid, OrgInfo{kind});
        if (kind == "school") {
            s.level = "other";
            m_schools.push_back(std::move(s));
        }
        return true;
    });
    for (const auto& p : parents)
        if (!m_orgs.count(p.parent) && !was_refused("org", p.parent))
            m_diags.error(
                "orgs.csv", p.at.line, p.at.column,
                "parentSourcedId: no org with sourcedId \"" + p.parent + "\" in orgs.csv");
}

void OneRosterReader::sessions() {
    enum : std::size_t { id, status_, modified, title, type, start, end, parent, year };
    static constexpr std::array<ColumnSpec, 9> k_columns = {{{"sourcedId", true},
                                                             {"status", false},
                                                             {"dateLastModified", false},
                                                             {"title", true},
                                                             {"type", true},
                                                             {"startDate", true},
                                                             {"endDate", true},
                                                             {"parentSourcedId", false},
                                                             {"schoolYear", true}}};
    struct Parent {
        std::string parent;
        Position at;
    };
    std::vector<Parent> parents;
    read_file("academicSessions.csv", false, k_columns, [&](TableReader& t) {
        const std::string sid = t.id(id);
        status(t, status_);
        const std::string name = t.text(title);
        const std::string kind = t.code(type, k_session_types);
        const auto s = t.date(start);
        const auto e = t.date(end);
        if (s && e && *e < *s)
            t.error(end, e->to_string() + " is before startDate " + s->to_string());
        const std::string up = t.id(parent);
        t.integer(year, 1900, 2100);
        if (!sid.empty() && m_sessions.count(sid))
            t.error(id, "duplicate sourcedId \"" + sid + "\"");
        if (!t.row_ok()) {
            refuse("academic session", sid);
            return false;
        }
        if (!up.empty()) {
            const auto [l, c] = t.position(parent);
            parents.push_back({up, {l, c}});
        }
        m_sessions.emplace(sid, SessionInfo{kind, *s, *e});
        if (kind == "gradingPeriod")
            m_periods.push_back(MarkingPeriod{sid, name, *s, *e});
        return true;
    });
    for (const auto& p : parents)
        if (!m_sessions.count(p.parent) && !was_refused("academic session", p.parent))
            m_diags.error("academicSessions.csv", p.at.line, p.at.column,
                          "parentSourcedId: no academic session with sourcedId \"" + p.parent +
                              "\" in academicSessions.csv");
}

void OneRosterReader::courses() {
    enum : std::size_t {
        id,
        status_,
        modified,
        year,
        title,
        code,
        grades,
        org,
        subjects,
        subject_codes
    };
    static constexpr std::array<ColumnSpec, 10> k_columns = {{{"sourcedId", true},
                                                              {"status", false},
                                                              {"dateLastModified", false},
                                                              {"schoolYearSourcedId", false},
                                                              {"title", true},
                                                              {"courseCode", false},
                                                              {"grades", false},
                                                              {"orgSourcedId", true},
                                                              {"subjects", false},
                                                              {"subjectCodes", false}}};
    read_file("courses.csv", false, k_columns, [&](TableReader& t) {
        const std::string sid = t.id(id);
        status(t, status_);
        const std::string y = t.id(year);
        ref(t, year, y, m_sessions.count(y) > 0, "academic session", "academicSessions.csv");
        CourseInfo c;
        c.title = t.text(title);
        c.code = t.text(code);
        if (!is_valid_id(c.code))
            c.code = sid;
        const std::string o = t.id(org);
        ref(t, org, o, m_orgs.count(o) > 0, "org", "orgs.csv");
        c.subjects = split_list(t.text(subjects));
        c.subject_codes = split_list(t.text(subject_codes));
        if (!sid.empty() && m_courses.count(sid))
            t.error(id, "duplicate sourcedId \"" + sid + "\"");
        if (!t.row_ok()) {
            refuse("course", sid);
            return false;
        }
        m_courses.emplace(sid, std::move(c));
        return true;
    });
}

void OneRosterReader::classes() {
    enum : std::size_t {
        id,
        status_,
        modified,
        title,
        grades,
        course,
        code,
        type,
        location,
        school,
        terms,
        subjects,
        subject_codes,
        periods
    };
    static constexpr std::array<ColumnSpec, 14> k_columns = {{{"sourcedId", true},
                                                              {"status", false},
                                                              {"dateLastModified", false},
                                                              {"title", true},
                                                              {"grades", false},
                                                              {"courseSourcedId", true},
                                                              {"classCode", false},
                                                              {"classType", true},
                                                              {"location", false},
                                                              {"schoolSourcedId", true},
                                                              {"termSourcedIds", true},
                                                              {"subjects", false},
                                                              {"subjectCodes", false},
                                                              {"periods", false}}};
    read_file("classes.csv", false, k_columns, [&](TableReader& t) {
        const std::string sid = t.id(id);
        status(t, status_);
        ClassInfo c;
        c.title = t.text(title);
        const std::string course_id = t.id(course);
        const auto crs = m_courses.find(course_id);
        ref(t, course, course_id, crs != m_courses.end(), "course", "courses.csv");
        c.homeroom = t.code(type, k_class_types) == "homeroom";
        const std::string school_id = t.id(school);
        const auto org = m_orgs.find(school_id);
        if (ref(t, school, school_id, org != m_orgs.end(), "org", "orgs.csv") &&
            org->second.type != "school")
            t.error(school, "org \"" + school_id + "\" is a " + org->second.type +
                                " in orgs.csv, not a school");
        for (const auto& term : split_list(t.text(terms))) {
            const auto s = m_sessions.find(term);
            if (ref(t, terms, term, s != m_sessions.end(), "academic session",
                    "academicSessions.csv") &&
                (!c.term_start || s->second.start < *c.term_start))
                c.term_start = s->second.start;
        }
        if (!c.term_start && t.row_ok())
            t.error(terms, "a class needs at least one term (a sourcedId in academicSessions.csv)");
        const auto own_subjects = split_list(t.text(subjects));
        const auto own_codes = split_list(t.text(subject_codes));
        if (!sid.empty() && m_classes.count(sid))
            t.error(id, "duplicate sourcedId \"" + sid + "\"");
        if (!t.row_ok()) {
            refuse("class", sid);
            return false;
        }
        if (!c.homeroom) {
            Section s;
            s.id = sid;
            s.school_id = school_id;
            s.course_code = crs->second.code;
            s.course_title = crs->second.title;
            auto codes = own_codes;
            codes.insert(codes.end(), crs->second.subject_codes.begin(),
                         crs->second.subject_codes.end());
            auto names = own_subjects;
            names.insert(names.end(), crs->second.subjects.begin(), crs->second.subjects.end());
            s.subject = native_subject(codes, names);
            c.section = m_sections.size();
            m_sections.push_back(std::move(s));
        }
        m_classes.emplace(sid, std::move(c));
        return true;
    });
}

void OneRosterReader::users() {
    enum : std::size_t {
        id,
        status_,
        modified,
        enabled,
        orgs_,
        role,
        username,
        user_ids,
        given,
        family,
        middle,
        identifier,
        email,
        sms,
        phone,
        agents_,
        grades,
        password,
        preferred
    };
    static constexpr std::array<ColumnSpec, 19> k_columns = {{{"sourcedId", true},
                                                              {"status", false},
                                                              {"dateLastModified", false},
                                                              {"enabledUser", false},
                                                              {"orgSourcedIds", true},
                                                              {"role", true},
                                                              {"username", false},
                                                              {"userIds", false},
                                                              {"givenName", true},
                                                              {"familyName", true},
                                                              {"middleName", false},
                                                              {"identifier", false},
                                                              {"email", false},
                                                              {"sms", false},
                                                              {"phone", false},
                                                              {"agentSourcedIds", false},
                                                              {"grades", false},
                                                              {"password", false},
                                                              {"preferredFirstName", false}}};
    read_file("users.csv", true, k_columns, [&](TableReader& t) {
        const std::string sid = t.id(id);
        const auto [id_line, id_column] = t.position(id);
        status(t, status_);
        std::string school_id;
        for (const auto& o : split_list(t.text(orgs_))) {
            const auto org = m_orgs.find(o);
            if (ref(t, orgs_, o, org != m_orgs.end(), "org", "orgs.csv") &&
                org->second.type == "school" && school_id.empty())
                school_id = o;
        }
        const std::string r = t.code(role, k_roles);
        const std::string first = t.text(given);
        const std::string last = t.text(family);
        const std::string middle_name = t.text(middle);
        const std::string address = t.email(email);
        const std::string mobile = t.phone(sms);
        const std::string grade_list = t.text(grades);
        const std::string preferred_name = t.text(preferred);
        const std::string agent_list = t.text(agents_);
        const bool needs_school = r == "student" || r == "teacher" || r == "administrator" ||
                                  r == "aide" || r == "proctor";
        if (needs_school && school_id.empty() && t.row_ok())
            t.error(orgs_, "a " + r +
                               " needs a school: none of these orgs is of type school in "
                               "orgs.csv");
        std::string grade;
        if (r == "student") {
            const auto list = split_list(grade_list);
            if (list.empty()) {
                t.error(grades, "a student needs a grade (PK, TK, KG, 01 to 12)");
            } else if (const auto g = native_grade(list.front())) {
                grade = *g;
            } else {
                t.error(grades, "\"" + list.front() +
                                    "\" is not a grade Homeroom reads (PK, TK, KG, 01 to 12)");
            }
        }
        if (!sid.empty() && m_users.count(sid))
            t.error(id, "duplicate sourcedId \"" + sid + "\"");
        if (!t.row_ok()) {
            refuse("user", sid);
            return false;
        }
        const auto [agents_line, agents_column] = t.position(agents_);
        for (const auto& a : split_list(agent_list))
            m_agent_refs.push_back({sid, a, {agents_line, agents_column}});
        if (r == "student") {
            PendingStudent p;
            Student& s = p.record;
            s.id = sid;
            s.school_id = school_id;
            s.first_name = first;
            s.middle_name = middle_name;
            s.last_name = last;
            s.preferred_name = preferred_name;
            s.grade = grade;
            s.gender = "X";
            s.race_ethnicity = "not_reported";
            s.home_language = "en";
            p.at = {id_line, id_column};
            m_users.emplace(sid, UserInfo{r, m_students.size()});
            m_students.push_back(std::move(p));
        } else if (r == "parent" || r == "guardian" || r == "relative") {
            Contact c;
            c.id = sid;
            c.first_name = first;
            c.last_name = last;
            c.email = address;
            c.mobile = mobile;
            c.preferred_language = "en";
            c.preferred_channel = "none";  // consent is never inferred (docs/oneroster.md)
            m_users.emplace(sid, UserInfo{r, m_contacts.size()});
            m_contacts.push_back(std::move(c));
        } else {
            StaffMember s;
            s.id = sid;
            s.school_id = school_id;
            s.first_name = first;
            s.last_name = last;
            s.email = address;
            s.role = r == "teacher" || r == "administrator" ? r : "other";
            m_users.emplace(sid, UserInfo{r, m_staff.size()});
            m_staff.push_back(std::move(s));
        }
        return true;
    });
}

// Links students and contacts named in either one's agentSourcedIds (once per pair).
void OneRosterReader::agents() {
    auto is_contact = [](const std::string& role) {
        return role == "parent" || role == "guardian" || role == "relative";
    };
    for (const auto& a : m_agent_refs) {
        const auto to = m_users.find(a.to);
        if (to == m_users.end()) {
            if (!was_refused("user", a.to))
                m_diags.error(
                    "users.csv", a.at.line, a.at.column,
                    "agentSourcedIds: no user with sourcedId \"" + a.to + "\" in users.csv");
            continue;
        }
        const UserInfo& from = m_users.at(a.from);
        const UserInfo* student = nullptr;
        const UserInfo* contact = nullptr;
        if (from.role == "student" && is_contact(to->second.role)) {
            student = &from;
            contact = &to->second;
        } else if (is_contact(from.role) && to->second.role == "student") {
            student = &to->second;
            contact = &from;
        } else {
            if (from.role == "student" || to->second.role == "student")
                m_diags.error("users.csv", a.at.line, a.at.column,
                              "agentSourcedIds: \"" + a.to + "\" is a " + to->second.role +
                                  " in users.csv; a student's agents are parents, guardians or "
                                  "relatives");
            continue;  // agents between adults (e.g. an aide's) are not links to a child
        }
        StudentContact l;
        l.student_id = m_students[student->index].record.id;
        l.contact_id = m_contacts[contact->index].id;
        if (!m_link_keys.insert(l.student_id + '\x1f' + l.contact_id).second)
            continue;
        l.relationship = contact->role == "guardian" ? "guardian" : "other";
        m_links.push_back(std::move(l));
    }
}

void OneRosterReader::demographics() {
    enum : std::size_t {
        id,
        status_,
        modified,
        birth,
        sex,
        indian,
        asian,
        black,
        pacific,
        white,
        two,
        hispanic,
        country,
        state,
        city,
        residence
    };
    static constexpr std::array<ColumnSpec, 16> k_columns = {
        {{"sourcedId", true},
         {"status", false},
         {"dateLastModified", false},
         {"birthDate", false},
         {"sex", false},
         {"americanIndianOrAlaskaNative", false},
         {"asian", false},
         {"blackOrAfricanAmerican", false},
         {"nativeHawaiianOrOtherPacificIslander", false},
         {"white", false},
         {"demographicRaceTwoOrMoreRaces", false},
         {"hispanicOrLatinoEthnicity", false},
         {"countryOfBirthCode", false},
         {"stateOfBirthAbbreviation", false},
         {"cityOfBirth", false},
         {"publicSchoolResidenceStatus", false}}};
    static constexpr std::array<std::string_view, 4> k_sexes = {"female", "male", "other",
                                                                "unspecified"};
    read_file("demographics.csv", false, k_columns, [&](TableReader& t) {
        const std::string sid = t.id(id);
        status(t, status_);
        const auto user = m_users.find(sid);
        ref(t, id, sid, user != m_users.end(), "user", "users.csv");
        const auto b = t.date(birth);
        if (b && *b > m_as_of)
            t.error(birth, b->to_string() + " is after the snapshot date " + m_as_of.to_string());
        const std::string s = t.present(sex) ? t.code(sex, k_sexes) : std::string();
        static constexpr std::array<std::pair<std::size_t, std::string_view>, 5> k_races = {{
            {indian, "american_indian"},
            {asian, "asian"},
            {black, "black"},
            {pacific, "pacific_islander"},
            {white, "white"},
        }};
        std::string race = "not_reported";
        int flags = 0;
        for (const auto& [column, code] : k_races)
            if (flag(t, column).value_or(false)) {
                race = std::string(code);
                ++flags;
            }
        if (flag(t, two).value_or(false) || flags >= 2)
            race = "two_or_more";
        if (flag(t, hispanic).value_or(false))
            race = "hispanic";
        if (!sid.empty() && !m_demographics.insert(sid).second)
            t.error(id, "duplicate sourcedId \"" + sid + "\"");
        if (!t.row_ok()) {
            refuse("demographics", sid);  // its own error says what is wrong with the birth date
            return false;
        }
        if (user->second.role != "student")
            return true;  // only students' demographics are kept
        PendingStudent& p = m_students[user->second.index];
        p.record.gender = s == "female" ? "F" : s == "male" ? "M" : "X";
        p.record.race_ethnicity = race;
        if (b) {
            p.record.birth_date = *b;
            p.has_birth = true;
            const auto [l, c] = t.position(birth);
            p.birth_at = {l, c};
        }
        return true;
    });
}

void OneRosterReader::enrollments() {
    enum : std::size_t { id, status_, modified, class_, school, user, role, primary, begin, end };
    static constexpr std::array<ColumnSpec, 10> k_columns = {{{"sourcedId", true},
                                                              {"status", false},
                                                              {"dateLastModified", false},
                                                              {"classSourcedId", true},
                                                              {"schoolSourcedId", true},
                                                              {"userSourcedId", true},
                                                              {"role", true},
                                                              {"primary", false},
                                                              {"beginDate", false},
                                                              {"endDate", false}}};
    std::unordered_set<std::string> ids;
    read_file("enrollments.csv", false, k_columns, [&](TableReader& t) {
        const std::string sid = t.id(id);
        status(t, status_);
        const std::string class_id = t.id(class_);
        const auto cls = m_classes.find(class_id);
        ref(t, class_, class_id, cls != m_classes.end(), "class", "classes.csv");
        const std::string school_id = t.id(school);
        ref(t, school, school_id, m_orgs.count(school_id) > 0, "org", "orgs.csv");
        const std::string user_id = t.id(user);
        const auto usr = m_users.find(user_id);
        ref(t, user, user_id, usr != m_users.end(), "user", "users.csv");
        const std::string r = t.code(role, k_enrollment_roles);
        const bool is_primary = flag(t, primary).value_or(false);
        const auto in = t.date(begin);
        const auto out = t.date(end);
        if (in && out && *out < *in)
            t.error(end, out->to_string() + " is before beginDate " + in->to_string());
        const auto is_staff = [](const std::string& x) {
            return x == "teacher" || x == "administrator" || x == "aide" || x == "proctor";
        };
        if (usr != m_users.end() && !r.empty() &&
            (r == "student" ? usr->second.role != "student" : !is_staff(usr->second.role)))
            t.error(role, "\"" + r + "\" does not match user \"" + user_id + "\", a " +
                              usr->second.role + " in users.csv");
        if (!sid.empty() && !ids.insert(sid).second)
            t.error(id, "duplicate sourcedId \"" + sid + "\"");
        if (!t.row_ok())
            return false;
        ClassInfo& c = cls->second;
        if (r == "student") {
            PendingStudent& p = m_students[usr->second.index];
            if (c.homeroom) {
                p.record.homeroom = c.title;
                return true;
            }
            if (!m_enrollment_keys.insert(class_id + '\x1f' + user_id).second) {
                t.error(user, "duplicate enrollment of student \"" + user_id + "\" in class \"" +
                                  class_id + "\"");
                return false;
            }
            SectionEnrollment e;
            e.section_id = class_id;
            e.student_id = user_id;
            e.entry_date = in ? *in : *c.term_start;
            e.exit_date = out;
            if (!p.first_enrollment || e.entry_date < *p.first_enrollment)
                p.first_enrollment = e.entry_date;
            m_enrollments.push_back(std::move(e));
        } else if (r == "teacher" && !c.homeroom && (is_primary || !c.has_primary) &&
                   (is_primary || m_sections[c.section].staff_id.empty())) {
            m_sections[c.section].staff_id = user_id;
            c.has_primary = c.has_primary || is_primary;
        }
        return true;
    });
}

void OneRosterReader::finish() {
    // A school year covering the snapshot date: the entry date of a student without classes.
    std::optional<Date> year_start;
    for (const auto& [sid, s] : m_sessions)
        if (s.type == "schoolYear" && s.start <= m_as_of && m_as_of <= s.end &&
            (!year_start || s.start < *year_start))
            year_start = s.start;
    std::vector<std::string> no_birth;
    std::size_t no_birth_count = 0;
    for (auto& p : m_students) {
        Student& s = p.record;
        if (!p.has_birth) {
            if (was_refused("demographics", s.id))
                continue;
            if (++no_birth_count <= k_ids_shown)
                no_birth.push_back(s.id);
            continue;
        }
        if (p.first_enrollment)
            s.entry_date = *p.first_enrollment;
        else if (year_start)
            s.entry_date = *year_start;
        else {
            m_diags.error("users.csv", p.at.line, p.at.column,
                          "sourcedId: student \"" + s.id +
                              "\" has no entry date: no enrollment in enrollments.csv and no "
                              "schoolYear in academicSessions.csv covering " +
                              m_as_of.to_string());
            continue;
        }
        if (s.birth_date >= s.entry_date)
            m_diags.error("demographics.csv", p.birth_at.line, p.birth_at.column,
                          "birthDate: " + s.birth_date.to_string() +
                              " is not before the student's entry date " +
                              s.entry_date.to_string());
    }
    if (no_birth_count > 0) {
        std::string list;
        for (const auto& id : no_birth) list += (list.empty() ? "" : ", ") + id;
        if (no_birth_count > no_birth.size())
            list += ", ...";
        m_diags.error("demographics.csv", 0, 0,
                      std::to_string(no_birth_count) +
                          (no_birth_count == 1 ? " student has" : " students have") +
                          " no birthDate, so the 18+ rule cannot be checked: " + list);
    }
    if (m_diags.has_errors())
        return;  // nothing is handed on from a refused export (gap files are read once it is)

    // The native files beside the export, checked against what it defined.
    KnownRecords known;
    for (const auto& s : m_schools) known.schools.push_back(s.id);
    for (const auto& s : m_staff) known.staff.push_back(s.id);
    for (const auto& p : m_students) known.students.push_back(p.record);
    known.contacts = m_contacts;
    for (const auto& l : m_links) known.links.emplace_back(l.student_id, l.contact_id);
    GapSink gap(m_sink);
    BundleCounts gap_counts = read_native_gap_files(m_dir, m_as_of, known, gap, m_diags);
    for (auto& row : gap_counts.rows_per_file) m_counts.rows_per_file.push_back(std::move(row));
    if (m_diags.has_errors())
        return;
    std::unordered_map<std::string, std::size_t> contact_index;
    for (std::size_t i = 0; i < m_contacts.size(); ++i) contact_index.emplace(m_contacts[i].id, i);
    for (auto& c : gap.contacts) m_contacts[contact_index.at(c.id)] = std::move(c);
    std::unordered_set<std::string> granted;  // pairs student_contacts.csv gives
    for (const auto& l : gap.links) granted.insert(l.student_id + '\x1f' + l.contact_id);
    std::erase_if(m_links, [&](const StudentContact& l) {
        return granted.count(l.student_id + '\x1f' + l.contact_id) > 0;
    });
    for (auto& l : gap.links) m_links.push_back(std::move(l));

    // What is left without consent or rights: never inferred from a roster link.
    std::unordered_set<std::string> linked, with_consent, with_rights;
    for (const auto& c : m_contacts)
        if (c.email_consent || c.sms_consent)
            with_consent.insert(c.id);
    for (const auto& l : m_links) {
        linked.insert(l.contact_id);
        if (l.educational_rights)
            with_rights.insert(l.contact_id);
    }
    std::size_t no_consent = 0, no_rights = 0;
    for (const auto& id : linked) {
        no_consent += with_consent.count(id) == 0;
        no_rights += with_rights.count(id) == 0;
    }
    if (no_consent > 0 || no_rights > 0)
        m_diags.warning("users.csv", 0, 0,
                        "of " + std::to_string(linked.size()) + " contacts linked to students, " +
                            std::to_string(no_consent) + " have no email or SMS consent and " +
                            std::to_string(no_rights) +
                            " no educational rights: OneRoster does not carry them and Homeroom "
                            "never infers them (docs/oneroster.md)");

    for (const auto& s : m_schools) m_sink.put(s);
    for (const auto& s : m_staff) m_sink.put(s);
    for (const auto& p : m_students) m_sink.put(p.record);
    for (const auto& c : m_contacts) m_sink.put(c);
    for (const auto& l : m_links) m_sink.put(l);
    for (const auto& p : m_periods) m_sink.put(p);
    for (const auto& s : m_sections) m_sink.put(s);
    for (const auto& e : m_enrollments) m_sink.put(e);
}

BundleCounts OneRosterReader::run() {
    std::error_code ec;
    if (!fs::is_directory(m_dir, ec))
        throw NoInputError("cannot read bundle " + m_dir.string() + ": not a folder");
    const auto& files = oneroster_bundle_files();
    std::set<std::string> known(files.begin(), files.end());
    std::set<std::string> unknown;
    for (const auto& entry : fs::directory_iterator(m_dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (entry.path().extension() == ".csv" && !known.count(name))
            unknown.insert(name);
    }
    const auto& native = native_bundle_files();
    const auto& gap = native_gap_files();
    for (const auto& name : unknown) {
        if (std::find(gap.begin(), gap.end(), name) != gap.end())
            continue;  // read by the native rules once the export is
        m_diags.warning(name, 0, 0,
                        std::find(native.begin(), native.end(), name) != native.end()
                            ? "not read beside a OneRoster export (the export's own files give "
                              "these records); ignored"
                            : "not a file of a OneRoster 1.1 export; ignored");
    }
    manifest();
    if (m_diags.has_errors())
        return std::move(m_counts);  // not an export this version can read
    orgs();
    sessions();
    courses();
    classes();
    users();
    agents();
    demographics();
    enrollments();
    finish();
    return std::move(m_counts);
}

}  // namespace

BundleCounts read_oneroster_bundle(const fs::path& dir, Date as_of, RecordSink& sink,
                                   Diagnostics& diags, const ImportProgress& progress) {
    OneRosterReader reader(dir, as_of, sink, diags, progress);
    return reader.run();
}

}  // namespace homeroom::ingest
