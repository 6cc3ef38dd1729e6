#include "store/schema.h"

namespace homeroom::store {

// Every table of a snapshot has a primary key that starts with snapshot_id (WITHOUT ROWID),
// so a snapshot's rows are one contiguous range: cheap to read together and to replace.
// Dates are ISO text so the file stays readable with the sqlite3 shell.
static constexpr std::string_view k_migration_1 = R"SQL(
CREATE TABLE snapshots (
    snapshot_id  INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: later stages refer to it
    as_of        TEXT NOT NULL UNIQUE,
    fingerprint  TEXT NOT NULL,
    imported_at  TEXT NOT NULL,
    row_count    INTEGER NOT NULL
);
CREATE TABLE schools (
    snapshot_id INTEGER NOT NULL, school_id TEXT NOT NULL, name TEXT NOT NULL, level TEXT NOT NULL,
    address TEXT, city TEXT, state TEXT, postal_code TEXT, phone TEXT,
    PRIMARY KEY (snapshot_id, school_id)) WITHOUT ROWID;
CREATE TABLE staff (
    snapshot_id INTEGER NOT NULL, staff_id TEXT NOT NULL, school_id TEXT NOT NULL,
    first_name TEXT NOT NULL, last_name TEXT NOT NULL, email TEXT, role TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, staff_id)) WITHOUT ROWID;
CREATE TABLE students (
    snapshot_id INTEGER NOT NULL, student_id TEXT NOT NULL, school_id TEXT NOT NULL,
    first_name TEXT NOT NULL, middle_name TEXT, last_name TEXT NOT NULL, preferred_name TEXT,
    birth_date TEXT NOT NULL, grade TEXT NOT NULL, gender TEXT NOT NULL,
    race_ethnicity TEXT NOT NULL, english_learner INTEGER NOT NULL,
    special_education INTEGER NOT NULL, economically_disadvantaged INTEGER NOT NULL,
    home_language TEXT NOT NULL, entry_date TEXT NOT NULL, exit_date TEXT, homeroom TEXT,
    cohort_year INTEGER,
    PRIMARY KEY (snapshot_id, student_id)) WITHOUT ROWID;
CREATE TABLE contacts (
    snapshot_id INTEGER NOT NULL, contact_id TEXT NOT NULL, first_name TEXT NOT NULL,
    last_name TEXT NOT NULL, email TEXT, mobile TEXT, preferred_language TEXT NOT NULL,
    preferred_channel TEXT NOT NULL, email_consent INTEGER NOT NULL, sms_consent INTEGER NOT NULL,
    email_opted_out INTEGER NOT NULL, sms_opted_out INTEGER NOT NULL,
    address TEXT, city TEXT, state TEXT, postal_code TEXT,
    PRIMARY KEY (snapshot_id, contact_id)) WITHOUT ROWID;
CREATE TABLE student_contacts (
    snapshot_id INTEGER NOT NULL, student_id TEXT NOT NULL, contact_id TEXT NOT NULL,
    relationship TEXT NOT NULL, educational_rights INTEGER NOT NULL, lives_with INTEGER NOT NULL,
    no_contact INTEGER NOT NULL, student_consent INTEGER,
    PRIMARY KEY (snapshot_id, student_id, contact_id)) WITHOUT ROWID;
CREATE TABLE calendar_days (
    snapshot_id INTEGER NOT NULL, school_id TEXT NOT NULL, date TEXT NOT NULL,
    instructional INTEGER NOT NULL,
    PRIMARY KEY (snapshot_id, school_id, date)) WITHOUT ROWID;
CREATE TABLE marking_periods (
    snapshot_id INTEGER NOT NULL, marking_period_id TEXT NOT NULL, name TEXT NOT NULL,
    start_date TEXT NOT NULL, end_date TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, marking_period_id)) WITHOUT ROWID;
CREATE TABLE sections (
    snapshot_id INTEGER NOT NULL, section_id TEXT NOT NULL, school_id TEXT NOT NULL,
    course_code TEXT NOT NULL, course_title TEXT NOT NULL, subject TEXT NOT NULL, staff_id TEXT,
    PRIMARY KEY (snapshot_id, section_id)) WITHOUT ROWID;
CREATE TABLE section_enrollments (
    snapshot_id INTEGER NOT NULL, section_id TEXT NOT NULL, student_id TEXT NOT NULL,
    entry_date TEXT NOT NULL, exit_date TEXT,
    PRIMARY KEY (snapshot_id, section_id, student_id)) WITHOUT ROWID;
CREATE TABLE attendance (
    snapshot_id INTEGER NOT NULL, student_id TEXT NOT NULL, date TEXT NOT NULL,
    status TEXT NOT NULL, minutes_missed INTEGER NOT NULL,
    PRIMARY KEY (snapshot_id, student_id, date)) WITHOUT ROWID;
CREATE TABLE marks (
    snapshot_id INTEGER NOT NULL, student_id TEXT NOT NULL, section_id TEXT NOT NULL,
    marking_period_id TEXT NOT NULL, letter TEXT, percent REAL, comment TEXT,
    PRIMARY KEY (snapshot_id, student_id, section_id, marking_period_id)) WITHOUT ROWID;
CREATE TABLE assessments (
    snapshot_id INTEGER NOT NULL, student_id TEXT NOT NULL, test TEXT NOT NULL,
    subject TEXT NOT NULL, date TEXT NOT NULL, scale_score INTEGER,
    performance_level INTEGER NOT NULL, proficient INTEGER NOT NULL,
    PRIMARY KEY (snapshot_id, student_id, test, subject, date)) WITHOUT ROWID;
CREATE TABLE incidents (
    snapshot_id INTEGER NOT NULL, incident_id TEXT NOT NULL, student_id TEXT NOT NULL,
    school_id TEXT NOT NULL, date TEXT NOT NULL, type TEXT NOT NULL, description TEXT,
    PRIMARY KEY (snapshot_id, incident_id)) WITHOUT ROWID;
CREATE TABLE discipline_actions (
    snapshot_id INTEGER NOT NULL, incident_id TEXT NOT NULL, seq INTEGER NOT NULL,
    action TEXT NOT NULL, days REAL NOT NULL,
    PRIMARY KEY (snapshot_id, incident_id, seq)) WITHOUT ROWID;
CREATE TABLE partners (
    snapshot_id INTEGER NOT NULL, partner_id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT,
    contact_email TEXT,
    PRIMARY KEY (snapshot_id, partner_id)) WITHOUT ROWID;
CREATE TABLE partner_rosters (
    snapshot_id INTEGER NOT NULL, partner_id TEXT NOT NULL, student_id TEXT NOT NULL,
    start_date TEXT NOT NULL, end_date TEXT,
    PRIMARY KEY (snapshot_id, partner_id, student_id, start_date)) WITHOUT ROWID;
CREATE TABLE agreements (
    snapshot_id INTEGER NOT NULL, agreement_id TEXT NOT NULL, partner_id TEXT NOT NULL,
    purpose TEXT NOT NULL, fields TEXT NOT NULL, start_date TEXT NOT NULL, end_date TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, agreement_id)) WITHOUT ROWID;
CREATE TABLE partner_consents (
    snapshot_id INTEGER NOT NULL, student_id TEXT NOT NULL, partner_id TEXT NOT NULL,
    contact_id TEXT NOT NULL, granted INTEGER NOT NULL, date TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, student_id, partner_id, contact_id, date)) WITHOUT ROWID;
CREATE TABLE learner_profiles (
    snapshot_id INTEGER NOT NULL, student_id TEXT NOT NULL, strengths TEXT, needs TEXT,
    interests TEXT, goals TEXT,
    PRIMARY KEY (snapshot_id, student_id)) WITHOUT ROWID;
)SQL";

// The outbox: one row per message to send, keyed by its idempotency key (contact, week, kind,
// channel) so that queuing again is a no-op, and also unique per mailbox (channel, address,
// week, kind) so that contacts sharing an address never get the same digest twice. The
// status values and their transitions are core/message_status.h's; body holds the exact
// bytes to send (the RFC 5322 message for email), so a retry re-sends the same bytes.
// Timestamps are UTC "YYYY-MM-DDTHH:MM:SSZ", which sort as text.
static constexpr std::string_view k_migration_2 = R"SQL(
CREATE TABLE outbox (
    outbox_id       INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id      TEXT NOT NULL,
    week            TEXT NOT NULL,  -- the Monday of the ISO week, YYYY-MM-DD
    kind            TEXT NOT NULL,  -- e.g. weekly-digest
    channel         TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
    recipient       TEXT NOT NULL,  -- email address or E.164 number
    subject         TEXT NOT NULL,
    body            BLOB NOT NULL,
    allowed_by      TEXT NOT NULL,  -- the consent rules that allowed it
    status          TEXT NOT NULL DEFAULT 'created' CHECK (status IN ('created', 'sending',
                        'sent', 'delivered', 'temporary-failure', 'technical-failure',
                        'permanent-failure', 'cancelled')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    claim_token     TEXT,           -- the run that claimed it while status = 'sending'
    last_error      TEXT,
    provider_id     TEXT,           -- the server's answer on acceptance (queue id)
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    sent_at         TEXT,
    UNIQUE (contact_id, week, kind, channel)
);
CREATE UNIQUE INDEX outbox_one_per_mailbox ON outbox (channel, lower(recipient), week, kind);
CREATE INDEX outbox_due ON outbox (channel, status, next_attempt_at);
CREATE INDEX outbox_by_week ON outbox (week, channel, status);
)SQL";

// Settings the tool keeps for itself (e.g. a generated site secret, so page tokens stay stable).
static constexpr std::string_view k_migration_3 = R"SQL(
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
)SQL";

// Opt-outs the tool itself received (an unsubscribe link, later an SMS STOP), kept apart from the
// snapshots so that the next import, whose contacts.csv may not know of them yet, cannot undo
// them. One row per contact and channel; the first opt-out's time and source are kept.
static constexpr std::string_view k_migration_4 = R"SQL(
CREATE TABLE opt_outs (
    contact_id  TEXT NOT NULL,
    channel     TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
    recorded_at TEXT NOT NULL,  -- UTC YYYY-MM-DDTHH:MM:SSZ
    source      TEXT NOT NULL,  -- e.g. one-click, confirmation-page
    PRIMARY KEY (contact_id, channel)
) WITHOUT ROWID;
)SQL";

// The ledger of scheduled job runs (jobs/*.ini): one row per run and per step. A run left
// `running` by a process that died is marked `crashed` by the next run of the job, which then
// skips the steps the crashed run had finished.
static constexpr std::string_view k_migration_jobs = R"SQL(
CREATE TABLE job_runs (
    run_id         INTEGER PRIMARY KEY AUTOINCREMENT,
    job            TEXT NOT NULL,
    started_at     TEXT NOT NULL,  -- UTC YYYY-MM-DDTHH:MM:SSZ
    finished_at    TEXT,
    status         TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'crashed')),
    pid            INTEGER NOT NULL,
    resumes_run_id INTEGER REFERENCES job_runs (run_id),
    message        TEXT
);
CREATE INDEX job_runs_by_job ON job_runs (job, run_id);
CREATE TABLE job_steps (
    run_id      INTEGER NOT NULL REFERENCES job_runs (run_id),
    step        INTEGER NOT NULL,
    action      TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    status      TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'crashed',
                                                'skipped')),
    counts      TEXT NOT NULL DEFAULT '',  -- what the step reported
    PRIMARY KEY (run_id, step)
) WITHOUT ROWID;
)SQL";

// Claiming due messages (OutboxRepository::claim_due) takes the oldest pending ones by id. With
// only outbox_due, SQLite gathered every pending row and sorted it for each claim of 16, which
// made sending 80,000 queued digests slow down as it went (quadratic). This partial index holds
// only the pending rows, in id order, so a claim reads the first few and stops. Its WHERE must
// stay textually the list claim_due builds from allowed_sources(sending), in k_message_statuses
// order, or SQLite will not use it.
static constexpr std::string_view k_migration_outbox_pending = R"SQL(
CREATE INDEX outbox_pending ON outbox (channel, outbox_id)
    WHERE status IN ('created', 'sending', 'temporary-failure');
)SQL";

// The disclosure log (FERPA 34 CFR 99.32): every partner extract, what it held and under which
// agreement (disclosures), and each student it was about (disclosure_students), written in the
// transaction that decides the export (store/disclosure_log.h). Never updated or deleted by the
// tool: it is the record a parent may ask to inspect.
static constexpr std::string_view k_migration_disclosures = R"SQL(
CREATE TABLE disclosures (
    disclosure_id INTEGER PRIMARY KEY AUTOINCREMENT,
    partner_id    TEXT NOT NULL,
    partner_name  TEXT NOT NULL,
    agreement_id  TEXT NOT NULL,
    purpose       TEXT NOT NULL,
    fields        TEXT NOT NULL,  -- ';'-separated, in docs/partners.md order
    as_of         TEXT NOT NULL,  -- the date the extract is as of, YYYY-MM-DD
    recorded_at   TEXT NOT NULL,  -- UTC YYYY-MM-DDTHH:MM:SSZ
    files         TEXT NOT NULL,  -- the files written, ';'-separated
    student_count INTEGER NOT NULL
);
CREATE INDEX disclosures_by_partner ON disclosures (partner_id, disclosure_id);
CREATE TABLE disclosure_students (
    disclosure_id INTEGER NOT NULL REFERENCES disclosures (disclosure_id),
    student_id    TEXT NOT NULL,
    consent_by    TEXT NOT NULL,  -- 'student' or the contact id whose consent allowed it
    consent_date  TEXT NOT NULL,
    PRIMARY KEY (disclosure_id, student_id)
) WITHOUT ROWID;
CREATE INDEX disclosure_students_by_student ON disclosure_students (student_id, disclosure_id);
)SQL";

// Text messages received from the SMS gateway (`homeroom serve` /mo): what arrived and what was
// done about it (opt-out, opt-in, help, ignored), kept as evidence of every STOP honoured.
static constexpr std::string_view k_migration_sms_inbound = R"SQL(
CREATE TABLE sms_inbound (
    inbound_id  INTEGER PRIMARY KEY AUTOINCREMENT,
    received_at TEXT NOT NULL,  -- UTC YYYY-MM-DDTHH:MM:SSZ
    from_number TEXT NOT NULL,
    text        TEXT NOT NULL,
    action      TEXT NOT NULL,  -- opt-out | opt-in | help | none
    contacts    TEXT NOT NULL,  -- the contact ids it applied to, comma-separated
    replied     INTEGER NOT NULL
);
)SQL";

// Short links of the SMS digests (docs/sms.md): `homeroom serve` answers GET /s/<code> with a
// redirect to <base_url>/<target>. A code is an HMAC of the target (site/private_token.h), so
// the same page keeps its code; rows are never changed or removed by Homeroom.
static constexpr std::string_view k_migration_short_links = R"SQL(
CREATE TABLE short_links (
    code       TEXT PRIMARY KEY,  -- 10 characters of [a-z2-7]
    target     TEXT NOT NULL,     -- the page relative to base_url (see the next migration)
    created_at TEXT NOT NULL      -- UTC YYYY-MM-DDTHH:MM:SSZ
);
)SQL";

// Student pages moved from private/students/<token>/<lang>.html to
// private/students/<first two characters of the token>/<token>.<lang>.html (site_builder.h):
// links already sent by text message keep working. A token is 26 characters (private_token.h).
static constexpr std::string_view k_migration_student_page_paths = R"SQL(
UPDATE short_links
   SET target = 'private/students/' || substr(target, 18, 2) || '/' || substr(target, 18, 26) ||
                '.' || substr(target, 45)
 WHERE target GLOB 'private/students/??????????????????????????/*.html';  -- 26 '?
)SQL";

// Which students a queued message names (comma-separated ids, sorted), so that before it is sent
// it can be checked against the latest snapshot (notify/outbox_recheck.h): a no-contact order or
// a withdrawn consent for one child rebuilds or cancels the message. revision says why a pending
// message was last rebuilt. Rows queued before this migration have '' (unknown: rebuilt).
static constexpr std::string_view k_migration_outbox_students = R"SQL(
ALTER TABLE outbox ADD COLUMN student_ids TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN revision TEXT;
)SQL";

// Delivery reports that overtook the recording of their send (audit B.7): Kannel can report on a
// text before notify has committed it `sent`, and `serve` no longer keeps the report waiting
// (a waiting report held one of serve's threads, and Kannel gave up on the busy server). The
// report is kept here while the message is `sending`; OutboxRepository::mark_sent applies it in
// the same commit and removes it. A message that is never recorded sent keeps its row.
static constexpr std::string_view k_migration_early_dlr = R"SQL(
CREATE TABLE early_delivery_reports (
    outbox_id   INTEGER PRIMARY KEY,  -- outbox.outbox_id
    status      TEXT NOT NULL CHECK (status IN ('delivered', 'permanent-failure')),
    detail      TEXT NOT NULL,        -- becomes outbox.last_error, as for a report in time
    received_at TEXT NOT NULL         -- UTC YYYY-MM-DDTHH:MM:SSZ
);
)SQL";

const std::vector<std::string_view>& schema_migrations() {
    // In the order they were added; append only (a database records how many it has applied).
    static const std::vector<std::string_view> k_migrations = {
        // clang-format off
        k_migration_1,
        k_migration_2,
        k_migration_3,
        k_migration_4,
        k_migration_jobs,
        k_migration_outbox_pending,
        k_migration_disclosures,
        k_migration_sms_inbound,
        k_migration_short_links,
        k_migration_student_page_paths,
        k_migration_outbox_students,
        k_migration_early_dlr,
        // clang-format on
    };
    return k_migrations;
}

const std::vector<std::string_view>& snapshot_tables() {
    static const std::vector<std::string_view> k_tables = {"schools",
                                                           "staff",
                                                           "students",
                                                           "contacts",
                                                           "student_contacts",
                                                           "calendar_days",
                                                           "marking_periods",
                                                           "sections",
                                                           "section_enrollments",
                                                           "attendance",
                                                           "marks",
                                                           "assessments",
                                                           "incidents",
                                                           "discipline_actions",
                                                           "partners",
                                                           "partner_rosters",
                                                           "agreements",
                                                           "partner_consents",
                                                           "learner_profiles"};
    return k_tables;
}

}  // namespace homeroom::store
