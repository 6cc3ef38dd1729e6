#include "store/sms_inbound_repository.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/errors.h"

namespace homeroom::store {

std::vector<PhoneContact> SmsInboundRepository::contacts_with_mobile(
    std::string_view number) const {
    try {
        SQLite::Statement q(m_db.sql(),
                            "SELECT contact_id, preferred_language FROM contacts "
                            "WHERE snapshot_id = (SELECT snapshot_id FROM snapshots "
                            "                     ORDER BY as_of DESC LIMIT 1) "
                            "AND trim(mobile) = ? ORDER BY contact_id");
        q.bind(1, std::string(number));
        std::vector<PhoneContact> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString()});
        return out;
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot read contacts in " + m_db.path().string() + ": " + e.what());
    }
}

std::set<std::string, std::less<>> SmsInboundRepository::stopped_numbers() const {
    try {
        SQLite::Statement q(m_db.sql(),
                            "SELECT from_number, action FROM sms_inbound "
                            "WHERE action IN ('opt-out', 'opt-in') ORDER BY inbound_id");
        std::set<std::string, std::less<>> out;
        while (q.executeStep()) {
            std::string number = q.getColumn(0).getString();
            const std::string plus = number.starts_with('+') ? number : "+" + number;
            if (q.getColumn(1).getString() == "opt-out") {
                out.insert(number);
                out.insert(plus);
            } else {
                out.erase(number);
                out.erase(plus);
            }
        }
        return out;
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot read the inbound texts in " + m_db.path().string() + ": " + e.what());
    }
}

void SmsInboundRepository::record(const InboundSms& m, TimePoint now) {
    try {
        SQLite::Statement q(m_db.sql(),
                            "INSERT INTO sms_inbound (received_at, from_number, text, action, "
                            "contacts, replied) VALUES (?, ?, ?, ?, ?, ?)");
        q.bind(1, format_utc(now));
        q.bind(2, m.from_number);
        q.bind(3, m.text);
        q.bind(4, m.action);
        q.bind(5, m.contacts);
        q.bind(6, m.replied ? 1 : 0);
        q.exec();
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot record an inbound text in " + m_db.path().string() + ": " + e.what());
    }
}

std::vector<InboundSms> SmsInboundRepository::list() const {
    try {
        SQLite::Statement q(m_db.sql(),
                            "SELECT from_number, text, action, contacts, replied FROM sms_inbound "
                            "ORDER BY inbound_id");
        std::vector<InboundSms> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(),
                           q.getColumn(2).getString(), q.getColumn(3).getString(),
                           q.getColumn(4).getInt() != 0});
        return out;
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot read inbound texts in " + m_db.path().string() + ": " + e.what());
    }
}

}  // namespace homeroom::store
