#include "store/opt_out_repository.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/errors.h"

namespace homeroom::store {

OptOutResult OptOutRepository::record(std::string_view contact_id, Channel channel,
                                      std::string_view source, TimePoint now) {
    try {
        SQLite::Statement q(m_db.sql(),
                            "INSERT INTO opt_outs (contact_id, channel, recorded_at, source) "
                            "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
        q.bind(1, std::string(contact_id));
        q.bind(2, std::string(to_code(channel)));
        q.bind(3, format_utc(now));
        q.bind(4, std::string(source));
        return q.exec() == 1 ? OptOutResult::recorded : OptOutResult::already_recorded;
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot record an opt-out in " + m_db.path().string() + ": " + e.what());
    }
}

bool OptOutRepository::remove(std::string_view contact_id, Channel channel) {
    try {
        SQLite::Statement q(m_db.sql(),
                            "DELETE FROM opt_outs WHERE contact_id = ? AND channel = ?");
        q.bind(1, std::string(contact_id));
        q.bind(2, std::string(to_code(channel)));
        return q.exec() == 1;
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot remove an opt-out in " + m_db.path().string() + ": " + e.what());
    }
}

bool OptOutRepository::is_opted_out(std::string_view contact_id, Channel channel) const {
    try {
        SQLite::Statement q(m_db.sql(),
                            "SELECT 1 FROM opt_outs WHERE contact_id = ? AND channel = ?");
        q.bind(1, std::string(contact_id));
        q.bind(2, std::string(to_code(channel)));
        return q.executeStep();
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot read opt-outs in " + m_db.path().string() + ": " + e.what());
    }
}

std::set<std::string, std::less<>> OptOutRepository::contacts(Channel channel) const {
    try {
        SQLite::Statement q(m_db.sql(), "SELECT contact_id FROM opt_outs WHERE channel = ?");
        q.bind(1, std::string(to_code(channel)));
        std::set<std::string, std::less<>> out;
        while (q.executeStep()) out.insert(q.getColumn(0).getString());
        return out;
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot read opt-outs in " + m_db.path().string() + ": " + e.what());
    }
}

std::map<std::string, std::string, std::less<>> OptOutRepository::sources(Channel channel) const {
    try {
        SQLite::Statement q(m_db.sql(),
                            "SELECT contact_id, source FROM opt_outs WHERE channel = ?");
        q.bind(1, std::string(to_code(channel)));
        std::map<std::string, std::string, std::less<>> out;
        while (q.executeStep()) out.emplace(q.getColumn(0).getString(), q.getColumn(1).getString());
        return out;
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot read opt-outs in " + m_db.path().string() + ": " + e.what());
    }
}

}  // namespace homeroom::store
