// Opt-outs recorded by Homeroom itself (migration 4): a parent who used the unsubscribe link, later
// an SMS STOP. The consent check honours them on top of the opted-out flags of the latest import,
// so an import made from an SIS that has not heard of the opt-out yet cannot undo it.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

#include "core/channel.h"
#include "store/database.h"
#include "store/outbox_repository.h"  // TimePoint

namespace homeroom::store {

// The source of an opt-out that arrived as a texted STOP (notify/sms_endpoint.h).
inline constexpr std::string_view k_sms_stop_source = "sms-stop";

enum class OptOutResult { recorded, already_recorded };

// Every function throws IoError("cannot ... opt-outs in DB: why") when SQLite fails.
class OptOutRepository {
  public:
    explicit OptOutRepository(Database& db) : m_db(db) {}

    // `source` says how it arrived ("one-click", "confirmation-page"); the first record is kept.
    OptOutResult record(std::string_view contact_id, Channel channel, std::string_view source,
                        TimePoint now);
    // Withdraws an opt-out (an SMS START); false when there was none.
    bool remove(std::string_view contact_id, Channel channel);
    bool is_opted_out(std::string_view contact_id, Channel channel) const;
    // Every contact opted out of `channel`.
    std::set<std::string, std::less<>> contacts(Channel channel) const;
    // The same, each with the source of its opt-out ("sms-stop" for a texted STOP).
    std::map<std::string, std::string, std::less<>> sources(Channel channel) const;

  private:
    Database& m_db;
};

}  // namespace homeroom::store
