#include "store/short_link_repository.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <map>

#include "core/errors.h"
#include "core/hex_digit.h"

namespace homeroom::store {

bool is_short_link_code(std::string_view code) {
    if (code.size() != 10)
        return false;
    for (char c : code)
        if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7')))
            return false;
    return true;
}

namespace {

void append_escaped(std::string& out, std::string_view text) {
    static constexpr char k_hex[] = "0123456789ABCDEF";
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7F || c == '%') {
            out += '%';
            out += k_hex[c >> 4];
            out += k_hex[c & 15];
        } else {
            out += ch;
        }
    }
}

std::optional<std::string> unescaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        if (i + 2 >= text.size())
            return std::nullopt;
        const int hi = hex_digit_value(text[i + 1]), lo = hex_digit_value(text[i + 2]);
        if (hi < 0 || lo < 0)
            return std::nullopt;
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return out;
}

}  // namespace

std::string encode_short_link_choices(const std::vector<ShortLinkChoice>& choices) {
    std::string out(k_short_link_choices_prefix);
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (i > 0)
            out += '\n';
        append_escaped(out, choices[i].label);
        out += '\t';
        append_escaped(out, choices[i].target);
    }
    return out;
}

std::optional<std::vector<ShortLinkChoice>> decode_short_link_choices(std::string_view target) {
    if (target.substr(0, k_short_link_choices_prefix.size()) != k_short_link_choices_prefix)
        return std::nullopt;
    target.remove_prefix(k_short_link_choices_prefix.size());
    std::vector<ShortLinkChoice> out;
    while (!target.empty()) {
        const auto end = std::min(target.find('\n'), target.size());
        const std::string_view line = target.substr(0, end);
        target.remove_prefix(std::min(target.size(), end + 1));
        const auto tab = line.find('\t');
        if (tab == std::string_view::npos)
            return std::nullopt;
        auto label = unescaped(line.substr(0, tab));
        auto page = unescaped(line.substr(tab + 1));
        if (!label || !page || page->empty())
            return std::nullopt;
        out.push_back({std::move(*label), std::move(*page)});
    }
    if (out.empty())
        return std::nullopt;
    return out;
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
