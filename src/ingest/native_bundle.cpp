#include "ingest/native_bundle.h"

#include <array>
#include <cstdint>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/errors.h"
#include "core/vocabulary.h"
#include "ingest/csv_reader.h"
#include "ingest/regular_file.h"
#include "ingest/table_reader.h"

namespace homeroom::ingest {
namespace fs = std::filesystem;
namespace vocab = homeroom::vocabulary;

const std::vector<std::string>& native_bundle_files() {
    static const std::vector<std::string> k_files = {"schools.csv",
                                                     "staff.csv",
                                                     "students.csv",
                                                     "contacts.csv",
                                                     "student_contacts.csv",
                                                     "calendar.csv",
                                                     "marking_periods.csv",
                                                     "sections.csv",
                                                     "section_enrollments.csv",
                                                     "attendance.csv",
                                                     "marks.csv",
                                                     "assessments.csv",
                                                     "incidents.csv",
                                                     "discipline_actions.csv",
                                                     "partners.csv",
                                                     "partner_rosters.csv",
                                                     "agreements.csv",
                                                     "partner_consents.csv",
                                                     "learner_profiles.csv"};
    return k_files;
}

const std::vector<std::string>& native_gap_files() {
    static const std::vector<std::string> k_files = {
        "contacts.csv",           "student_contacts.csv", "calendar.csv",
        "attendance.csv",         "assessments.csv",      "incidents.csv",
        "discipline_actions.csv", "partners.csv",         "partner_rosters.csv",
        "agreements.csv",         "partner_consents.csv", "learner_profiles.csv"};
    return k_files;
}

std::size_t BundleCounts::total_rows() const {
    std::size_t n = 0;
    for (const auto& [file, rows] : rows_per_file) n += rows;
    return n;
}

namespace {

constexpr std::array<std::string_view, 15> k_letters = {
    "A+", "A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D+", "D", "D-", "F", "P", "I"};

std::uint64_t pack(std::uint64_t a, std::uint64_t b) {
    return (a << 32) | (b & 0xFFFFFFFFu);
}

struct StudentInfo {
    std::uint32_t index;
    std::string school_id;
    Date entry, birth;
    std::optional<Date> exit;
};

struct ContactInfo {
    bool has_email, has_mobile;
};

// One pass over the bundle; the sets below hold the keys later files may refer to.
class BundleReader {
  public:
    BundleReader(fs::path dir, Date as_of, RecordSink& sink, Diagnostics& diags,
                 const ImportProgress& progress)
        : m_dir(std::move(dir)),
          m_as_of(as_of),
          m_sink(sink),
          m_diags(diags),
          m_progress(progress) {}

    BundleCounts run();
    // Beside a OneRoster export: only the gap files, references checked against `known`.
    BundleCounts run_gap_files(const KnownRecords& known);

  private:
    template <std::size_t N, typename RowFn>
    void read_file(const std::string& name, bool required, const std::array<ColumnSpec, N>& columns,
                   RowFn&& on_row);

    void schools(), staff(), students(), contacts(), student_contacts(), calendar(),
        marking_periods(), sections(), section_enrollments(), attendance(), marks(), assessments(),
        incidents(), discipline_actions(), partners(), partner_rosters(), agreements(),
        partner_consents(), learner_profiles(), contact_consents();

    // Reference checks: report "COLUMN: no X with id "..." in FILE" and return null/false.
    const StudentInfo* student_ref(TableReader& t, std::size_t column, const std::string& id);
    bool ref(TableReader& t, std::size_t column, const std::string& id, bool found,
             std::string_view what, std::string_view file);
    void not_after_as_of(TableReader& t, std::size_t column, const std::optional<Date>& d);
    void duplicate(TableReader& t, std::size_t column, const std::string& what,
                   std::string_view key);

    fs::path m_dir;
    Date m_as_of;
    RecordSink& m_sink;
    Diagnostics& m_diags;
    const ImportProgress& m_progress;
    BundleCounts m_counts;

    std::unordered_set<std::string> m_schools, m_staff, m_marking_periods_set, m_incidents,
        m_partners, m_agreements, m_profiles, m_assessment_keys, m_roster_keys, m_consent_keys;
    std::unordered_map<std::string, StudentInfo> m_students;
    std::unordered_map<std::string, ContactInfo> m_contacts;
    std::unordered_set<std::string> m_links;                    // student \x1f contact
    std::unordered_set<std::string> m_links_read;               // those of student_contacts.csv
    std::unordered_map<std::string, Contact> m_known_contacts;  // a OneRoster export's
    bool m_gap_files_only = false;  // beside a OneRoster export: a missing file is no news
    // Where references point, as diagnostics name them.
    struct Files {
        std::string schools = "schools.csv", staff = "staff.csv", students = "students.csv",
                    contacts = "contacts.csv", links = "student_contacts.csv";
    } m_files;
    std::unordered_map<std::string, std::unordered_map<std::int32_t, bool>> m_calendar;
    std::unordered_map<std::string, std::uint32_t> m_sections, m_periods;
    std::unordered_set<std::uint64_t> m_enrollments, m_attendance_keys;
    std::unordered_set<std::uint64_t> m_mark_keys;
    // Ids of rows that were refused: later references to them fail quietly.
    std::unordered_set<std::string> m_refused;
    void refuse(std::string_view kind, const std::string& id) {
        if (!id.empty())
            m_refused.insert(std::string(kind) + '\x1f' + id);
    }
    bool was_refused(std::string_view kind, const std::string& id) const {
        return file_refused(kind) || m_refused.count(std::string(kind) + '\x1f' + id) > 0;
    }
    // Files refused as a whole (not readable as a table, or cut short): every id they hold is
    // treated as a refused row's, by the kind of record they define.
    std::unordered_set<std::string> m_refused_kinds;
    bool file_refused(std::string_view kind) const {
        return m_refused_kinds.count(std::string(kind)) > 0;
    }
    void refuse_file(const std::string& name);
};

void BundleReader::refuse_file(const std::string& name) {
    // The kind of record each file defines, as references to it name it.
    static const std::unordered_map<std::string, std::string> k_kinds = {
        {"schools.csv", "school"},
        {"staff.csv", "staff member"},
        {"students.csv", "student"},
        {"contacts.csv", "contact"},
        {"student_contacts.csv", "link"},
        {"calendar.csv", "calendar"},
        {"marking_periods.csv", "marking period"},
        {"sections.csv", "section"},
        {"section_enrollments.csv", "enrollment"},
        {"incidents.csv", "incident"},
        {"partners.csv", "partner"}};
    if (const auto it = k_kinds.find(name); it != k_kinds.end())
        m_refused_kinds.insert(it->second);
}

template <std::size_t N, typename RowFn>
void BundleReader::read_file(const std::string& name, bool required,
                             const std::array<ColumnSpec, N>& columns, RowFn&& on_row) {
    const fs::path path = m_dir / name;
    std::size_t rows = 0;
    const FileCheck check = check_bundle_file(path);
    if (check.state == FileState::not_regular) {
        m_diags.root_error(name, 0, 0, check.problem);
        refuse_file(name);
        m_counts.rows_per_file.emplace_back(name, 0);
        return;
    }
    if (check.state == FileState::missing) {
        if (m_gap_files_only) {
            return;
        } else if (required) {
            m_diags.root_error(name, 0, 0, "required file is missing from the bundle");
            refuse_file(name);
        } else {
            m_diags.warning(name, 0, 0, "not in the bundle; read as an empty table");
        }
        m_counts.rows_per_file.emplace_back(name, 0);
        return;
    }
    CsvReader csv = CsvReader::open(path, name, m_diags);
    TableReader table(csv, columns, m_diags);
    while (table.next_row()) {
        if (on_row(table))
            ++rows;
        if (m_progress && rows % 65536 == 0)
            m_progress(name, rows, false);
    }
    if (!table.header_ok() || csv.refused())
        refuse_file(name);
    if (m_progress)
        m_progress(name, rows, true);
    m_counts.rows_per_file.emplace_back(name, rows);
}

const StudentInfo* BundleReader::student_ref(TableReader& t, std::size_t column,
                                             const std::string& id) {
    if (id.empty())
        return nullptr;
    const auto it = m_students.find(id);
    if (it == m_students.end()) {
        if (was_refused("student", id))
            t.fail_quietly();
        else
            t.error(column, "no student with id \"" + id + "\" in " + m_files.students);
        return nullptr;
    }
    return &it->second;
}

bool BundleReader::ref(TableReader& t, std::size_t column, const std::string& id, bool found,
                       std::string_view what, std::string_view file) {
    if (id.empty())
        return false;
    if (!found && was_refused(what, id))
        t.fail_quietly();
    else if (!found)
        t.error(column,
                "no " + std::string(what) + " with id \"" + id + "\" in " + std::string(file));
    return found;
}

void BundleReader::not_after_as_of(TableReader& t, std::size_t column,
                                   const std::optional<Date>& d) {
    if (d && *d > m_as_of)
        t.error(column, d->to_string() + " is after the snapshot date " + m_as_of.to_string());
}

void BundleReader::duplicate(TableReader& t, std::size_t column, const std::string& what,
                             std::string_view key) {
    t.error(column, "duplicate " + what + " " + std::string(key));
}

void BundleReader::schools() {
    enum : std::size_t { id, name, level, address, city, state, postal, phone };
    static constexpr std::array<ColumnSpec, 8> k_columns = {{{"school_id", true},
                                                             {"name", true},
                                                             {"level", true},
                                                             {"address", false},
                                                             {"city", false},
                                                             {"state", false},
                                                             {"postal_code", false},
                                                             {"phone", false}}};
    read_file("schools.csv", true, k_columns, [&](TableReader& t) {
        School s;
        s.id = t.id(id);
        s.name = t.text(name);
        s.level = t.code(level, vocab::k_school_levels);
        s.address = t.text(address);
        s.city = t.text(city);
        s.state = t.text(state);
        s.postal_code = t.text(postal);
        s.phone = t.text(phone);
        if (!s.id.empty() && !m_schools.insert(s.id).second)
            duplicate(t, id, "school_id", "\"" + s.id + "\"");
        if (!t.row_ok()) {
            refuse("school", s.id);
            return false;
        }
        m_sink.put(s);
        return true;
    });
}

void BundleReader::staff() {
    enum : std::size_t { id, school, first, last, email, role };
    static constexpr std::array<ColumnSpec, 6> k_columns = {{{"staff_id", true},
                                                             {"school_id", true},
                                                             {"first_name", true},
                                                             {"last_name", true},
                                                             {"email", false},
                                                             {"role", true}}};
    read_file("staff.csv", false, k_columns, [&](TableReader& t) {
        StaffMember s;
        s.id = t.id(id);
        s.school_id = t.id(school);
        ref(t, school, s.school_id, m_schools.count(s.school_id) > 0, "school", m_files.schools);
        s.first_name = t.text(first);
        s.last_name = t.text(last);
        s.email = t.email(email);
        s.role = t.code(role, vocab::k_staff_roles);
        if (!s.id.empty() && !m_staff.insert(s.id).second)
            duplicate(t, id, "staff_id", "\"" + s.id + "\"");
        if (!t.row_ok()) {
            refuse("staff member", s.id);
            return false;
        }
        m_sink.put(s);
        return true;
    });
}

void BundleReader::students() {
    enum : std::size_t {
        id,
        school,
        first,
        middle,
        last,
        preferred,
        birth,
        grade,
        gender,
        race,
        el,
        sped,
        econ,
        language,
        entry,
        exit,
        homeroom,
        cohort
    };
    static constexpr std::array<ColumnSpec, 18> k_columns = {{{"student_id", true},
                                                              {"school_id", true},
                                                              {"first_name", true},
                                                              {"middle_name", false},
                                                              {"last_name", true},
                                                              {"preferred_name", false},
                                                              {"birth_date", true},
                                                              {"grade", true},
                                                              {"gender", true},
                                                              {"race_ethnicity", true},
                                                              {"english_learner", true},
                                                              {"special_education", true},
                                                              {"economically_disadvantaged", true},
                                                              {"home_language", false},
                                                              {"entry_date", true},
                                                              {"exit_date", false},
                                                              {"homeroom", false},
                                                              {"cohort_year", false}}};
    read_file("students.csv", true, k_columns, [&](TableReader& t) {
        Student s;
        s.id = t.id(id);
        s.school_id = t.id(school);
        ref(t, school, s.school_id, m_schools.count(s.school_id) > 0, "school", m_files.schools);
        s.first_name = t.text(first);
        s.middle_name = t.text(middle);
        s.last_name = t.text(last);
        s.preferred_name = t.text(preferred);
        const auto b = t.date(birth);
        not_after_as_of(t, birth, b);
        s.grade = t.code(grade, vocab::k_grades);
        s.gender = t.code(gender, vocab::k_genders);
        s.race_ethnicity = t.code(race, vocab::k_race_ethnicities);
        s.english_learner = t.boolean(el).value_or(false);
        s.special_education = t.boolean(sped).value_or(false);
        s.economically_disadvantaged = t.boolean(econ).value_or(false);
        s.home_language = t.present(language) ? t.language(language) : "en";
        const auto e = t.date(entry);
        not_after_as_of(t, entry, e);
        if (b && e && *b >= *e)
            t.error(birth, b->to_string() + " is not before entry_date " + e->to_string());
        s.exit_date = t.date(exit);
        if (e && s.exit_date && *s.exit_date < *e)
            t.error(exit, s.exit_date->to_string() + " is before entry_date " + e->to_string());
        s.homeroom = t.text(homeroom);
        if (auto c = t.integer(cohort, 1900, 2100))
            s.cohort_year = static_cast<int>(*c);
        if (!s.id.empty() && m_students.count(s.id))
            duplicate(t, id, "student_id", "\"" + s.id + "\"");
        if (!t.row_ok()) {
            refuse("student", s.id);
            return false;
        }
        s.birth_date = *b;
        s.entry_date = *e;
        m_students.emplace(s.id, StudentInfo{static_cast<std::uint32_t>(m_students.size()),
                                             s.school_id, s.entry_date, s.birth_date, s.exit_date});
        m_sink.put(s);
        return true;
    });
}

// contacts.csv's columns. In a native bundle the names are required; beside a OneRoster export
// users.csv gives them, and the file is there for the channel and its consent.
namespace contact_column {
enum : std::size_t {
    id,
    first,
    last,
    email,
    mobile,
    language,
    channel,
    email_consent,
    sms_consent,
    email_out,
    sms_out,
    address,
    city,
    state,
    postal
};
}  // namespace contact_column

constexpr std::array<ColumnSpec, 15> contact_columns(bool beside_oneroster) {
    return {{{"contact_id", true},
             {"first_name", !beside_oneroster},
             {"last_name", !beside_oneroster},
             {"email", false},
             {"mobile", false},
             {"preferred_language", false},
             {"preferred_channel", beside_oneroster},
             {"email_consent", false},
             {"sms_consent", false},
             {"email_opted_out", false},
             {"sms_opted_out", false},
             {"address", false},
             {"city", false},
             {"state", false},
             {"postal_code", false}}};
}

void BundleReader::contacts() {
    using namespace contact_column;
    static constexpr auto k_columns = contact_columns(false);
    read_file("contacts.csv", false, k_columns, [&](TableReader& t) {
        Contact c;
        c.id = t.id(id);
        c.first_name = t.text(first);
        c.last_name = t.text(last);
        c.email = t.email(email);
        c.mobile = t.phone(mobile);
        c.preferred_language = t.present(language) ? t.language(language) : "en";
        c.preferred_channel = t.present(channel) ? t.code(channel, vocab::k_channels) : "email";
        c.email_consent = t.boolean(email_consent).value_or(false);
        c.sms_consent = t.boolean(sms_consent).value_or(false);
        c.email_opted_out = t.boolean(email_out).value_or(false);
        c.sms_opted_out = t.boolean(sms_out).value_or(false);
        c.address = t.text(address);
        c.city = t.text(city);
        c.state = t.text(state);
        c.postal_code = t.text(postal);
        const bool wants_email = c.preferred_channel == "email" || c.preferred_channel == "both";
        const bool wants_sms = c.preferred_channel == "sms" || c.preferred_channel == "both";
        if (wants_email && !t.present(email))
            t.error(channel, "\"" + c.preferred_channel + "\" needs an email address");
        if (wants_sms && !t.present(mobile))
            t.error(channel, "\"" + c.preferred_channel + "\" needs a mobile number");
        if (!c.id.empty() && m_contacts.count(c.id))
            duplicate(t, id, "contact_id", "\"" + c.id + "\"");
        if (!t.row_ok()) {
            refuse("contact", c.id);
            return false;
        }
        m_contacts.emplace(c.id, ContactInfo{!c.email.empty(), !c.mobile.empty()});
        m_sink.put(c);
        return true;
    });
}

// Beside a OneRoster export: contacts.csv gives what users.csv cannot, the channel and its
// consent, for contacts the export defined. Names, email and mobile, when given, replace the
// export's; absent, the export's stay.
void BundleReader::contact_consents() {
    using namespace contact_column;
    static constexpr auto k_columns = contact_columns(true);
    std::unordered_set<std::string> seen;
    read_file("contacts.csv", false, k_columns, [&](TableReader& t) {
        const std::string contact_id = t.id(id);
        const auto known = m_known_contacts.find(contact_id);
        ref(t, id, contact_id, known != m_known_contacts.end(), "contact", m_files.contacts);
        Contact c = known != m_known_contacts.end() ? known->second : Contact{};
        if (t.present(first))
            c.first_name = t.text(first);
        if (t.present(last))
            c.last_name = t.text(last);
        if (t.present(email))
            c.email = t.email(email);
        if (t.present(mobile))
            c.mobile = t.phone(mobile);
        if (t.present(language))
            c.preferred_language = t.language(language);
        c.preferred_channel = t.code(channel, vocab::k_channels);
        c.email_consent = t.boolean(email_consent).value_or(false);
        c.sms_consent = t.boolean(sms_consent).value_or(false);
        c.email_opted_out = t.boolean(email_out).value_or(false);
        c.sms_opted_out = t.boolean(sms_out).value_or(false);
        if (t.present(address))
            c.address = t.text(address);
        if (t.present(city))
            c.city = t.text(city);
        if (t.present(state))
            c.state = t.text(state);
        if (t.present(postal))
            c.postal_code = t.text(postal);
        const bool wants_email = c.preferred_channel == "email" || c.preferred_channel == "both";
        const bool wants_sms = c.preferred_channel == "sms" || c.preferred_channel == "both";
        if (known != m_known_contacts.end() && wants_email && c.email.empty())
            t.error(channel, "\"" + c.preferred_channel +
                                 "\" needs an email address (none here or in users.csv)");
        if (known != m_known_contacts.end() && wants_sms && c.mobile.empty())
            t.error(channel, "\"" + c.preferred_channel +
                                 "\" needs a mobile number (none here or as sms in users.csv)");
        if (!contact_id.empty() && !seen.insert(contact_id).second)
            duplicate(t, id, "contact_id", "\"" + contact_id + "\"");
        if (!t.row_ok())
            return false;
        m_contacts[contact_id] = ContactInfo{!c.email.empty(), !c.mobile.empty()};
        m_sink.put(c);
        return true;
    });
}

void BundleReader::student_contacts() {
    enum : std::size_t { student, contact, relationship, rights, lives, no_contact, consent };
    static constexpr std::array<ColumnSpec, 7> k_columns = {{{"student_id", true},
                                                             {"contact_id", true},
                                                             {"relationship", true},
                                                             {"educational_rights", true},
                                                             {"lives_with", false},
                                                             {"no_contact", false},
                                                             {"student_consent", false}}};
    read_file("student_contacts.csv", false, k_columns, [&](TableReader& t) {
        StudentContact l;
        l.student_id = t.id(student);
        student_ref(t, student, l.student_id);
        l.contact_id = t.id(contact);
        ref(t, contact, l.contact_id, m_contacts.count(l.contact_id) > 0, "contact",
            m_files.contacts);
        l.relationship = t.code(relationship, vocab::k_relationships);
        l.educational_rights = t.boolean(rights).value_or(false);
        l.lives_with = t.boolean(lives).value_or(false);
        l.no_contact = t.boolean(no_contact).value_or(false);
        l.student_consent = t.boolean(consent);
        if (!t.row_ok()) {
            refuse("link", l.student_id + '\x1f' + l.contact_id);
            return false;
        }
        m_links.insert(l.student_id + '\x1f' + l.contact_id);
        if (!m_links_read.insert(l.student_id + '\x1f' + l.contact_id).second) {
            duplicate(t, contact, "link of student \"" + l.student_id + "\" and contact",
                      "\"" + l.contact_id + "\"");
            return false;
        }
        m_sink.put(l);
        return true;
    });
}

void BundleReader::calendar() {
    enum : std::size_t { school, date, instructional };
    static constexpr std::array<ColumnSpec, 3> k_columns = {
        {{"school_id", true}, {"date", true}, {"instructional", false}}};
    read_file("calendar.csv", false, k_columns, [&](TableReader& t) {
        CalendarDay d;
        d.school_id = t.id(school);
        ref(t, school, d.school_id, m_schools.count(d.school_id) > 0, "school", m_files.schools);
        const auto day = t.date(date);
        d.instructional = t.boolean(instructional).value_or(true);
        if (!t.row_ok())
            return false;
        d.date = *day;
        if (!m_calendar[d.school_id].emplace(d.date.days(), d.instructional).second) {
            duplicate(t, date, "calendar day",
                      d.date.to_string() + " for school \"" + d.school_id + "\"");
            return false;
        }
        m_sink.put(d);
        return true;
    });
}

void BundleReader::marking_periods() {
    enum : std::size_t { id, name, start, end };
    static constexpr std::array<ColumnSpec, 4> k_columns = {
        {{"marking_period_id", true}, {"name", true}, {"start_date", true}, {"end_date", true}}};
    read_file("marking_periods.csv", false, k_columns, [&](TableReader& t) {
        MarkingPeriod p;
        p.id = t.id(id);
        p.name = t.text(name);
        const auto s = t.date(start);
        const auto e = t.date(end);
        if (s && e && *e < *s)
            t.error(end, e->to_string() + " is before start_date " + s->to_string());
        if (!p.id.empty() && m_periods.count(p.id))
            duplicate(t, id, "marking_period_id", "\"" + p.id + "\"");
        if (!t.row_ok()) {
            refuse("marking period", p.id);
            return false;
        }
        p.start_date = *s;
        p.end_date = *e;
        m_periods.emplace(p.id, static_cast<std::uint32_t>(m_periods.size()));
        m_sink.put(p);
        return true;
    });
}

void BundleReader::sections() {
    enum : std::size_t { id, school, course, title, subject, teacher };
    static constexpr std::array<ColumnSpec, 6> k_columns = {{{"section_id", true},
                                                             {"school_id", true},
                                                             {"course_code", true},
                                                             {"course_title", true},
                                                             {"subject", true},
                                                             {"staff_id", false}}};
    read_file("sections.csv", false, k_columns, [&](TableReader& t) {
        Section s;
        s.id = t.id(id);
        s.school_id = t.id(school);
        ref(t, school, s.school_id, m_schools.count(s.school_id) > 0, "school", m_files.schools);
        s.course_code = t.id(course);
        s.course_title = t.text(title);
        s.subject = t.code(subject, vocab::k_subjects);
        s.staff_id = t.id(teacher);
        ref(t, teacher, s.staff_id, m_staff.count(s.staff_id) > 0, "staff member", m_files.staff);
        if (!s.id.empty() && m_sections.count(s.id))
            duplicate(t, id, "section_id", "\"" + s.id + "\"");
        if (!t.row_ok()) {
            refuse("section", s.id);
            return false;
        }
        m_sections.emplace(s.id, static_cast<std::uint32_t>(m_sections.size()));
        m_sink.put(s);
        return true;
    });
}

void BundleReader::section_enrollments() {
    enum : std::size_t { section, student, entry, exit };
    static constexpr std::array<ColumnSpec, 4> k_columns = {
        {{"section_id", true}, {"student_id", true}, {"entry_date", true}, {"exit_date", false}}};
    read_file("section_enrollments.csv", false, k_columns, [&](TableReader& t) {
        SectionEnrollment e;
        e.section_id = t.id(section);
        const auto sec = m_sections.find(e.section_id);
        ref(t, section, e.section_id, sec != m_sections.end(), "section", "sections.csv");
        e.student_id = t.id(student);
        const StudentInfo* st = student_ref(t, student, e.student_id);
        const auto in = t.date(entry);
        e.exit_date = t.date(exit);
        if (in && e.exit_date && *e.exit_date < *in)
            t.error(exit, e.exit_date->to_string() + " is before entry_date " + in->to_string());
        if (!t.row_ok())
            return false;
        if (!m_enrollments.insert(pack(sec->second, st->index)).second) {
            duplicate(t, student, "enrollment of student \"" + e.student_id + "\" in section",
                      "\"" + e.section_id + "\"");
            return false;
        }
        e.entry_date = *in;
        m_sink.put(e);
        return true;
    });
}

void BundleReader::attendance() {
    enum : std::size_t { student, date, status, minutes };
    static constexpr std::array<ColumnSpec, 4> k_columns = {
        {{"student_id", true}, {"date", true}, {"status", true}, {"minutes_missed", false}}};
    read_file("attendance.csv", false, k_columns, [&](TableReader& t) {
        AttendanceRecord a;
        a.student_id = t.id(student);
        const StudentInfo* st = student_ref(t, student, a.student_id);
        const auto day = t.date(date);
        not_after_as_of(t, date, day);
        const std::string code = t.code(status, vocab::k_attendance_statuses);
        a.minutes_missed = static_cast<int>(t.integer(minutes, 0, 600).value_or(0));
        if (st && day) {
            const auto cal = m_calendar.find(st->school_id);
            if (file_refused("calendar")) {
                t.fail_quietly();
            } else if (cal != m_calendar.end()) {
                const auto it = cal->second.find(day->days());
                if (it == cal->second.end() || !it->second)
                    t.error(date, day->to_string() + " is not an instructional day of school \"" +
                                      st->school_id + "\"");
            }
            if (*day < st->entry || (st->exit && *day > *st->exit))
                t.error(date, day->to_string() + " is outside the student's enrollment (" +
                                  st->entry.to_string() + " to " +
                                  (st->exit ? st->exit->to_string() : std::string("now")) + ")");
        }
        if (!t.row_ok())
            return false;
        if (!m_attendance_keys.insert(pack(st->index, static_cast<std::uint32_t>(day->days())))
                 .second) {
            duplicate(t, date, "attendance for student \"" + a.student_id + "\" on",
                      day->to_string());
            return false;
        }
        a.date = *day;
        a.status = vocab::attendance_status_from_code(code);
        m_sink.put(a);
        return true;
    });
}

void BundleReader::marks() {
    enum : std::size_t { student, section, period, letter, percent, comment };
    static constexpr std::array<ColumnSpec, 6> k_columns = {{{"student_id", true},
                                                             {"section_id", true},
                                                             {"marking_period_id", true},
                                                             {"letter", false},
                                                             {"percent", false},
                                                             {"comment", false}}};
    read_file("marks.csv", false, k_columns, [&](TableReader& t) {
        Mark m;
        m.student_id = t.id(student);
        const StudentInfo* st = student_ref(t, student, m.student_id);
        m.section_id = t.id(section);
        const auto sec = m_sections.find(m.section_id);
        ref(t, section, m.section_id, sec != m_sections.end(), "section", "sections.csv");
        m.marking_period_id = t.id(period);
        const auto per = m_periods.find(m.marking_period_id);
        ref(t, period, m.marking_period_id, per != m_periods.end(), "marking period",
            "marking_periods.csv");
        m.letter = t.code(letter, k_letters);
        m.percent = t.number(percent, 0, 100);
        m.comment = t.longtext(comment);
        if (!t.present(letter) && !t.present(percent))
            t.row_error("a mark needs a letter, a percent or both");
        if (st && sec != m_sections.end() && !m_enrollments.count(pack(sec->second, st->index)) &&
            file_refused("enrollment"))
            t.fail_quietly();
        else if (st && sec != m_sections.end() &&
                 !m_enrollments.count(pack(sec->second, st->index)))
            t.error(student, "student \"" + m.student_id + "\" is not enrolled in section \"" +
                                 m.section_id + "\" (section_enrollments.csv)");
        if (!t.row_ok())
            return false;
        const std::uint64_t key =
            (std::uint64_t{st->index} << 40) | (std::uint64_t{sec->second} << 16) | per->second;
        if (!m_mark_keys.insert(key).second) {
            duplicate(t, period,
                      "mark for student \"" + m.student_id + "\" in section \"" + m.section_id +
                          "\" for marking period",
                      "\"" + m.marking_period_id + "\"");
            return false;
        }
        m_sink.put(m);
        return true;
    });
}

void BundleReader::assessments() {
    enum : std::size_t { student, test, subject, date, score, level, proficient };
    static constexpr std::array<ColumnSpec, 7> k_columns = {{{"student_id", true},
                                                             {"test", true},
                                                             {"subject", true},
                                                             {"date", true},
                                                             {"scale_score", false},
                                                             {"performance_level", true},
                                                             {"proficient", true}}};
    read_file("assessments.csv", false, k_columns, [&](TableReader& t) {
        AssessmentResult a;
        a.student_id = t.id(student);
        student_ref(t, student, a.student_id);
        a.test = t.text(test);
        a.subject = t.code(subject, vocab::k_subjects);
        const auto d = t.date(date);
        not_after_as_of(t, date, d);
        if (auto s = t.integer(score, -1000000, 1000000))
            a.scale_score = static_cast<int>(*s);
        a.performance_level = static_cast<int>(t.integer(level, 1, 5).value_or(0));
        a.proficient = t.boolean(proficient).value_or(false);
        if (!t.row_ok())
            return false;
        a.date = *d;
        if (!m_assessment_keys
                 .insert(a.student_id + '\x1f' + a.test + '\x1f' + a.subject + '\x1f' +
                         a.date.to_string())
                 .second) {
            duplicate(t, test, "result of student \"" + a.student_id + "\" for",
                      "\"" + a.test + "\" " + a.subject + " on " + a.date.to_string());
            return false;
        }
        m_sink.put(a);
        return true;
    });
}

void BundleReader::incidents() {
    enum : std::size_t { id, student, school, date, type, description };
    static constexpr std::array<ColumnSpec, 6> k_columns = {{{"incident_id", true},
                                                             {"student_id", true},
                                                             {"school_id", true},
                                                             {"date", true},
                                                             {"type", true},
                                                             {"description", false}}};
    read_file("incidents.csv", false, k_columns, [&](TableReader& t) {
        Incident i;
        i.id = t.id(id);
        i.student_id = t.id(student);
        student_ref(t, student, i.student_id);
        i.school_id = t.id(school);
        ref(t, school, i.school_id, m_schools.count(i.school_id) > 0, "school", m_files.schools);
        const auto d = t.date(date);
        not_after_as_of(t, date, d);
        i.type = t.code(type, vocab::k_incident_types);
        i.description = t.longtext(description);
        if (!i.id.empty() && m_incidents.count(i.id))
            duplicate(t, id, "incident_id", "\"" + i.id + "\"");
        if (!t.row_ok()) {
            refuse("incident", i.id);
            return false;
        }
        i.date = *d;
        m_incidents.insert(i.id);
        m_sink.put(i);
        return true;
    });
}

void BundleReader::discipline_actions() {
    enum : std::size_t { incident, action, days };
    static constexpr std::array<ColumnSpec, 3> k_columns = {
        {{"incident_id", true}, {"action", true}, {"days", false}}};
    read_file("discipline_actions.csv", false, k_columns, [&](TableReader& t) {
        DisciplineAction a;
        a.incident_id = t.id(incident);
        ref(t, incident, a.incident_id, m_incidents.count(a.incident_id) > 0, "incident",
            "incidents.csv");
        a.action = t.code(action, vocab::k_discipline_actions);
        a.days = t.number(days, 0, 365).value_or(0);
        if ((a.action == "in_school_suspension" || a.action == "out_of_school_suspension") &&
            t.row_ok() && a.days <= 0)
            t.error(days, "a suspension needs a number of days greater than 0");
        if (!t.row_ok())
            return false;
        m_sink.put(a);
        return true;
    });
}

void BundleReader::partners() {
    enum : std::size_t { id, name, kind, email };
    static constexpr std::array<ColumnSpec, 4> k_columns = {
        {{"partner_id", true}, {"name", true}, {"kind", false}, {"contact_email", false}}};
    read_file("partners.csv", false, k_columns, [&](TableReader& t) {
        Partner p;
        p.id = t.id(id);
        p.name = t.text(name);
        p.kind = t.text(kind);
        p.contact_email = t.email(email);
        if (!p.id.empty() && !m_partners.insert(p.id).second)
            duplicate(t, id, "partner_id", "\"" + p.id + "\"");
        if (!t.row_ok()) {
            refuse("partner", p.id);
            return false;
        }
        m_sink.put(p);
        return true;
    });
}

void BundleReader::partner_rosters() {
    enum : std::size_t { partner, student, start, end };
    static constexpr std::array<ColumnSpec, 4> k_columns = {
        {{"partner_id", true}, {"student_id", true}, {"start_date", true}, {"end_date", false}}};
    read_file("partner_rosters.csv", false, k_columns, [&](TableReader& t) {
        PartnerRosterEntry r;
        r.partner_id = t.id(partner);
        ref(t, partner, r.partner_id, m_partners.count(r.partner_id) > 0, "partner",
            "partners.csv");
        r.student_id = t.id(student);
        student_ref(t, student, r.student_id);
        const auto s = t.date(start);
        r.end_date = t.date(end);
        if (s && r.end_date && *r.end_date < *s)
            t.error(end, r.end_date->to_string() + " is before start_date " + s->to_string());
        if (!t.row_ok())
            return false;
        r.start_date = *s;
        if (!m_roster_keys.insert(r.partner_id + '\x1f' + r.student_id + '\x1f' + s->to_string())
                 .second) {
            duplicate(t, start,
                      "roster entry of student \"" + r.student_id + "\" with partner \"" +
                          r.partner_id + "\" starting",
                      s->to_string());
            return false;
        }
        m_sink.put(r);
        return true;
    });
}

void BundleReader::agreements() {
    enum : std::size_t { id, partner, purpose, fields, start, end };
    static constexpr std::array<ColumnSpec, 6> k_columns = {{{"agreement_id", true},
                                                             {"partner_id", true},
                                                             {"purpose", true},
                                                             {"fields", true},
                                                             {"start_date", true},
                                                             {"end_date", true}}};
    read_file("agreements.csv", false, k_columns, [&](TableReader& t) {
        Agreement a;
        a.id = t.id(id);
        a.partner_id = t.id(partner);
        ref(t, partner, a.partner_id, m_partners.count(a.partner_id) > 0, "partner",
            "partners.csv");
        a.purpose = t.text(purpose);
        const std::string list = t.text(fields);
        std::set<std::string> seen;
        std::size_t from = 0;
        while (!list.empty() && from <= list.size()) {
            auto to = list.find(';', from);
            if (to == std::string::npos)
                to = list.size();
            std::string field = list.substr(from, to - from);
            while (!field.empty() && field.front() == ' ') field.erase(0, 1);
            while (!field.empty() && field.back() == ' ') field.pop_back();
            if (!vocab::contains(vocab::k_shareable_fields, field))
                t.error(fields,
                        "\"" + field + "\" is not a shareable field (see docs/data-format.md)");
            else if (seen.insert(field).second)
                a.fields.push_back(field);
            from = to + 1;
        }
        const auto s = t.date(start);
        const auto e = t.date(end);
        if (s && e && *e < *s)
            t.error(end, e->to_string() + " is before start_date " + s->to_string());
        if (!a.id.empty() && !m_agreements.insert(a.id).second)
            duplicate(t, id, "agreement_id", "\"" + a.id + "\"");
        if (!t.row_ok())
            return false;
        a.start_date = *s;
        a.end_date = *e;
        m_sink.put(a);
        return true;
    });
}

void BundleReader::partner_consents() {
    enum : std::size_t { student, partner, contact, granted, date };
    static constexpr std::array<ColumnSpec, 5> k_columns = {{{"student_id", true},
                                                             {"partner_id", true},
                                                             {"contact_id", false},
                                                             {"granted", true},
                                                             {"date", true}}};
    read_file("partner_consents.csv", false, k_columns, [&](TableReader& t) {
        PartnerConsent c;
        c.student_id = t.id(student);
        student_ref(t, student, c.student_id);
        c.partner_id = t.id(partner);
        ref(t, partner, c.partner_id, m_partners.count(c.partner_id) > 0, "partner",
            "partners.csv");
        c.contact_id = t.id(contact);
        const std::string link = c.student_id + '\x1f' + c.contact_id;
        if (!c.contact_id.empty() && !c.student_id.empty() && !m_links.count(link) &&
            was_refused("link", link))
            t.fail_quietly();
        else if (!c.contact_id.empty() && !c.student_id.empty() && !m_links.count(link))
            t.error(contact, "contact \"" + c.contact_id + "\" is not linked to student \"" +
                                 c.student_id + "\" in " + m_files.links);
        c.granted = t.boolean(granted).value_or(false);
        const auto d = t.date(date);
        not_after_as_of(t, date, d);
        if (!t.row_ok())
            return false;
        c.date = *d;
        if (!m_consent_keys
                 .insert(c.student_id + '\x1f' + c.partner_id + '\x1f' + c.contact_id + '\x1f' +
                         d->to_string())
                 .second) {
            duplicate(t, date, "consent record for student \"" + c.student_id + "\" on",
                      d->to_string());
            return false;
        }
        m_sink.put(c);
        return true;
    });
}

void BundleReader::learner_profiles() {
    enum : std::size_t { student, strengths, needs, interests, goals };
    static constexpr std::array<ColumnSpec, 5> k_columns = {{{"student_id", true},
                                                             {"strengths", false},
                                                             {"needs", false},
                                                             {"interests", false},
                                                             {"goals", false}}};
    read_file("learner_profiles.csv", false, k_columns, [&](TableReader& t) {
        LearnerProfile p;
        p.student_id = t.id(student);
        student_ref(t, student, p.student_id);
        p.strengths = t.longtext(strengths);
        p.needs = t.longtext(needs);
        p.interests = t.longtext(interests);
        p.goals = t.longtext(goals);
        if (!p.student_id.empty() && !m_profiles.insert(p.student_id).second)
            duplicate(t, student, "learner profile for student", "\"" + p.student_id + "\"");
        if (!t.row_ok())
            return false;
        m_sink.put(p);
        return true;
    });
}

BundleCounts BundleReader::run() {
    std::error_code ec;
    if (!fs::is_directory(m_dir, ec))
        throw NoInputError("cannot read bundle " + m_dir.string() + ": not a folder");
    std::set<std::string> known(native_bundle_files().begin(), native_bundle_files().end());
    std::set<std::string> unknown;
    for (const auto& entry : fs::directory_iterator(m_dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (entry.path().extension() == ".csv" && !known.count(name))
            unknown.insert(name);
    }
    for (const auto& name : unknown)
        m_diags.warning(name, 0, 0, "not a file of the native bundle; ignored");

    schools();
    staff();
    students();
    contacts();
    student_contacts();
    calendar();
    marking_periods();
    sections();
    section_enrollments();
    attendance();
    marks();
    assessments();
    incidents();
    discipline_actions();
    partners();
    partner_rosters();
    agreements();
    partner_consents();
    learner_profiles();
    return std::move(m_counts);
}

BundleCounts BundleReader::run_gap_files(const KnownRecords& known) {
    m_gap_files_only = true;
    m_files = {"orgs.csv", "users.csv", "users.csv", "users.csv",
               "student_contacts.csv or agentSourcedIds in users.csv"};
    m_schools.insert(known.schools.begin(), known.schools.end());
    m_staff.insert(known.staff.begin(), known.staff.end());
    for (const auto& s : known.students)
        m_students.emplace(s.id, StudentInfo{static_cast<std::uint32_t>(m_students.size()),
                                             s.school_id, s.entry_date, s.birth_date, s.exit_date});
    for (const auto& c : known.contacts) {
        m_contacts.emplace(c.id, ContactInfo{!c.email.empty(), !c.mobile.empty()});
        m_known_contacts.emplace(c.id, c);
    }
    contact_consents();
    for (const auto& [student, contact] : known.links) m_links.insert(student + '\x1f' + contact);
    student_contacts();
    calendar();
    attendance();
    assessments();
    incidents();
    discipline_actions();
    partners();
    partner_rosters();
    agreements();
    partner_consents();
    learner_profiles();
    return std::move(m_counts);
}

}  // namespace

BundleCounts read_native_gap_files(const fs::path& dir, Date as_of, const KnownRecords& known,
                                   RecordSink& sink, Diagnostics& diags,
                                   const ImportProgress& progress) {
    BundleReader reader(dir, as_of, sink, diags, progress);
    return reader.run_gap_files(known);
}

BundleCounts read_native_bundle(const fs::path& dir, Date as_of, RecordSink& sink,
                                Diagnostics& diags, const ImportProgress& progress) {
    BundleReader reader(dir, as_of, sink, diags, progress);
    return reader.run();
}

}  // namespace homeroom::ingest
