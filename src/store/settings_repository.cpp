#include "store/settings_repository.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/errors.h"

namespace homeroom::store {

std::optional<std::string> SettingsRepository::get(const std::string& key) const {
    try {
        SQLite::Statement q(m_db.sql(), "SELECT value FROM settings WHERE key = ?");
        q.bind(1, key);
        if (q.executeStep())
            return q.getColumn(0).getString();
        return std::nullopt;
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot read settings from " + m_db.path().string() + ": " + e.what());
    }
}

void SettingsRepository::set(const std::string& key, const std::string& value) {
    try {
        SQLite::Statement q(m_db.sql(),
                            "INSERT INTO settings (key, value) VALUES (?, ?) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        q.bind(1, key);
        q.bind(2, value);
        q.exec();
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot write settings to " + m_db.path().string() + ": " + e.what());
    }
}

std::string SettingsRepository::get_or_create(const std::string& key,
                                              const std::string& fresh_value) {
    try {
        SQLite::Statement q(m_db.sql(),
                            "INSERT INTO settings (key, value) VALUES (?, ?) "
                            "ON CONFLICT (key) DO NOTHING");
        q.bind(1, key);
        q.bind(2, fresh_value);
        q.exec();
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot write settings to " + m_db.path().string() + ": " + e.what());
    }
    return *get(key);
}

}  // namespace homeroom::store
