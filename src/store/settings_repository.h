// Key-value settings the tool keeps in its database.
#pragma once

#include <optional>
#include <string>

#include "store/database.h"

namespace homeroom::store {

class SettingsRepository {
  public:
    explicit SettingsRepository(Database& db) : m_db(db) {}
    std::optional<std::string> get(const std::string& key) const;
    void set(const std::string& key, const std::string& value);
    // The stored value, or `fresh_value` stored now (the first writer wins).
    std::string get_or_create(const std::string& key, const std::string& fresh_value);

  private:
    Database& m_db;
};

}  // namespace homeroom::store
