#include "store/short_link_repository.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>

#include "core/errors.h"

namespace homeroom::store {

bool is_short_link_code(std::string_view code) {
    if (code.size() != 10)
        return false;
    for (char c : code)
        if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7')))
            return false;
    return true;
}

bool ShortLinkRepository::remember(std::string_view code, std::string_view target, TimePoint now) {
    try {
        SQLite::Statement insert(m_db.sql(),
                                 "INSERT INTO short_links (code, target, created_at) VALUES "
                                 "(?, ?, ?) ON CONFLICT (code) DO NOTHING");
        insert.bind(1, std::string(code));
        insert.bind(2, std::string(target));
        insert.bind(3, format_utc(now));
        if (insert.exec() == 1)
            return true;
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot record a short link in " + m_db.path().string() + ": " + e.what());
    }
    const auto known = find(code);
    return known && *known == target;
}

std::optional<std::string> ShortLinkRepository::find(std::string_view code) const {
    try {
        SQLite::Statement q(m_db.sql(), "SELECT target FROM short_links WHERE code = ?");
        q.bind(1, std::string(code));
        if (!q.executeStep())
            return std::nullopt;
        return q.getColumn(0).getString();
    } catch (const SQLite::Exception& e) {
        throw IoError("cannot read short links in " + m_db.path().string() + ": " + e.what());
    }
}

std::set<std::string, std::less<>> ShortLinkRepository::collisions(
    const std::vector<ShortLink>& links) const {
    std::set<std::string, std::less<>> out;
    std::map<std::string, std::string, std::less<>> seen;
    for (const auto& link : links) {
        const auto [it, inserted] = seen.emplace(link.code, link.target);
        if (!inserted && it->second != link.target)
            out.insert(link.code);
    }
    for (const auto& [code, target] : seen) {
        const auto known = find(code);
        if (known && *known != target)
            out.insert(code);
    }
    return out;
}

}  // namespace homeroom::store
