#include "site/partner_extracts.h"

#include <algorithm>

#include "partners/shareable_fields.h"

namespace homeroom::site {

PartnerExtracts::PartnerExtracts(const SnapshotTables& tables, const SnapshotIndex& index,
                                 std::string_view only_partner)
    : m_index(index) {
    std::vector<Partner> partners = tables.partners;
    std::sort(partners.begin(), partners.end(),
              [](const Partner& a, const Partner& b) { return a.id < b.id; });
    for (const Partner& p : partners) {
        if (!only_partner.empty() && p.id != only_partner)
            continue;
        PartnerExtract e;
        e.partner = p;
        e.as_of = index.as_of;
        const auto choice = partners::choose_agreement(tables.agreements, p.id, index.as_of);
        if (choice.agreement) {
            e.agreement = *choice.agreement;
            e.state = choice.state;
            if (choice.in_force())
                e.table.fields = partners::ordered_fields(choice.agreement->fields);
        }
        m_extracts.push_back(std::move(e));
    }
    m_rows.resize(m_extracts.size());
    for (const auto& r : tables.rosters) m_rosters[r.student_id].push_back(r);
    for (const auto& c : tables.partner_consents) m_consents[c.student_id].push_back(c);
    for (const auto& l : tables.links) m_links[l.student_id].push_back(l);
    for (const auto& [id, info] : index.section_info) m_course_titles.emplace(id, info.title);
}

bool PartnerExtracts::any_in_force() const {
    return std::any_of(m_extracts.begin(), m_extracts.end(),
                       [](const PartnerExtract& e) { return e.in_force(); });
}

bool PartnerExtracts::concerns(const Student& student) const {
    const auto rosters = m_rosters.find(student.id);
    if (rosters == m_rosters.end())
        return false;
    for (const auto& e : m_extracts)
        if (e.in_force())
            for (const auto& r : rosters->second)
                if (r.partner_id == e.partner.id)
                    return true;
    return false;
}

std::vector<PartnerDecision> PartnerExtracts::decide(
    const StudentRows& rows, const metrics::StudentRecords& records,
    const metrics::StudentIndicators& indicators) const {
    std::vector<PartnerDecision> out;
    const Student& student = rows.student;
    const auto rosters = m_rosters.find(student.id);
    if (rosters == m_rosters.end())
        return out;
    static const std::vector<PartnerConsent> k_no_consents;
    static const std::vector<StudentContact> k_no_links;
    const auto consents = m_consents.find(student.id);
    const auto links = m_links.find(student.id);
    for (std::size_t i = 0; i < m_extracts.size(); ++i) {
        const PartnerExtract& e = m_extracts[i];
        if (!e.in_force())
            continue;
        const bool on_some_roster =
            std::any_of(rosters->second.begin(), rosters->second.end(),
                        [&](const PartnerRosterEntry& r) { return r.partner_id == e.partner.id; });
        if (!on_some_roster)
            continue;
        PartnerDecision d;
        d.partner = i;
        d.decision = partners::decide_inclusion(
            *e.agreement, student, rosters->second,
            links == m_links.end() ? k_no_links : links->second,
            consents == m_consents.end() ? k_no_consents : consents->second, e.as_of);
        if (d.decision.included()) {
            const auto school = m_index.schools.find(student.school_id);
            const partners::StudentFacts facts{
                records, indicators, school == m_index.schools.end() ? "" : school->second.name,
                m_course_titles, rows.profile ? &*rows.profile : nullptr};
            d.row = partners::extract_row(e.table.fields, facts);
        }
        out.push_back(std::move(d));
    }
    return out;
}

void PartnerExtracts::add(std::vector<PartnerDecision> decisions) {
    for (auto& d : decisions) {
        PartnerExtract& e = m_extracts.at(d.partner);
        ++e.decisions[static_cast<std::size_t>(d.decision.inclusion)];
        if (d.row)
            m_rows[d.partner].push_back(
                Collected{std::move(*d.row),
                          {d.decision.consent_by, d.decision.consent_date.value_or(Date())}});
    }
}

std::vector<PartnerExtract> PartnerExtracts::collect() && {
    for (std::size_t i = 0; i < m_extracts.size(); ++i) {
        auto& rows = m_rows[i];
        std::sort(rows.begin(), rows.end(), [](const Collected& a, const Collected& b) {
            return a.row.student_id < b.row.student_id;
        });
        for (auto& c : rows) {
            m_extracts[i].table.rows.push_back(std::move(c.row));
            m_extracts[i].consents.push_back(std::move(c.consent));
        }
    }
    return std::move(m_extracts);
}

}  // namespace homeroom::site
