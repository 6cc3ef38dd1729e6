// Text messages received from the SMS gateway and the contacts a phone number belongs to: what
// `homeroom serve` needs to honour STOP, START and HELP (migration sms_inbound).
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"
#include "store/outbox_repository.h"  // TimePoint

namespace homeroom::store {

struct PhoneContact {
    std::string contact_id;
    std::string preferred_language;
};

struct InboundSms {
    std::string from_number, text, action, contacts;
    bool replied = false;
};

// Every function throws IoError("cannot ... in DB: why") when SQLite fails.
class SmsInboundRepository {
  public:
    explicit SmsInboundRepository(Database& db) : m_db(db) {}

    // The contacts of the newest snapshot whose mobile is `number` (surrounding blanks
    // ignored), by contact id.
    std::vector<PhoneContact> contacts_with_mobile(std::string_view number) const;
    void record(const InboundSms& message, TimePoint now);
    // The numbers whose latest STOP or START was a STOP: an opt-out belongs to the phone number,
    // so it holds even when a later import files that number under another contact id. Each
    // number is given as received and with a leading '+' (the gateway may drop it).
    std::set<std::string, std::less<>> stopped_numbers() const;
    std::vector<InboundSms> list() const;  // oldest first

  private:
    Database& m_db;
};

}  // namespace homeroom::store
