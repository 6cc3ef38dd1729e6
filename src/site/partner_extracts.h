// The extracts of a snapshot's community partners (docs/partners.md): for each partner, the
// agreement in force on the snapshot's date, the students it may receive data about (the
// inclusion rule of partners/partner_inclusion.h) and their rows of allowed fields. Shared by
// `homeroom export partner` and the partner pages of `homeroom build`. Students are added one at
// a time from any number of threads (decide() is const); collect() merges the results.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/student_rows.h"
#include "metrics/student_indicators.h"
#include "partners/extract_rows.h"
#include "partners/partner_inclusion.h"
#include "site/snapshot_index.h"

namespace homeroom::site {

struct PartnerExtract {
    Partner partner;
    // The agreement in force, or the one that explains why there is none (null: no agreement).
    std::optional<Agreement> agreement;
    partners::AgreementState state = partners::AgreementState::expired;
    Date as_of;
    partners::ExtractTable table;  // empty unless the agreement is in force
    // Per row of `table`: whose consent allowed it ("student" or a contact id) and its date.
    std::vector<std::pair<std::string, Date>> consents;
    // Students of the partner's roster (any dates) by inclusion decision.
    std::array<std::size_t, partners::k_inclusion_count> decisions{};

    bool in_force() const { return agreement && state == partners::AgreementState::in_force; }
};

// One student's outcome for one partner.
struct PartnerDecision {
    std::size_t partner = 0;  // index into the extracts
    partners::InclusionDecision decision;
    std::optional<partners::ExtractRow> row;  // when included
};

class PartnerExtracts {
  public:
    // Every partner of the snapshot, or only `only_partner` (an id) when not empty.
    PartnerExtracts(const SnapshotTables& tables, const SnapshotIndex& index,
                    std::string_view only_partner = {});

    // Whether any partner's agreement is in force (otherwise no student needs deciding).
    bool any_in_force() const;
    // Whether the student is on some roster (any dates) of a partner with an agreement in force;
    // cheap, so that indicators are computed only for those.
    bool concerns(const Student& student) const;

    // Thread-safe. Needs the student's indicators only when concerns(student).
    std::vector<PartnerDecision> decide(const StudentRows& rows,
                                        const metrics::StudentRecords& records,
                                        const metrics::StudentIndicators& indicators) const;
    // Not thread-safe: call from one thread (or under a lock).
    void add(std::vector<PartnerDecision> decisions);

    // The extracts, partners by id, rows by student id.
    std::vector<PartnerExtract> collect() &&;

  private:
    const SnapshotIndex& m_index;
    struct Collected {
        partners::ExtractRow row;
        std::pair<std::string, Date> consent;
    };
    std::vector<PartnerExtract> m_extracts;
    std::map<std::string, std::vector<PartnerRosterEntry>, std::less<>> m_rosters;  // by student
    std::map<std::string, std::vector<PartnerConsent>, std::less<>> m_consents;     // by student
    std::map<std::string, std::vector<StudentContact>, std::less<>> m_links;        // by student
    std::map<std::string, std::string, std::less<>> m_course_titles;
    std::vector<std::vector<Collected>> m_rows;  // per extract
};

}  // namespace homeroom::site
