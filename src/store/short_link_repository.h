// The short links of SMS digests (migration short_links, docs/sms.md): a code of 10 characters
// that `homeroom serve` turns into a redirect to a page of the site (GET /s/<code>). The code is an
// HMAC of the page (site::short_link_code), so recording the same link again changes nothing.
//
// Collisions: 50-bit codes can collide on a very large site. remember() never overwrites a code
// that names another page: it returns false, and the caller keeps the full URL in that text
// (notify/weekly_digests.cpp checks a batch with collisions() before queuing it).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"
#include "store/outbox_repository.h"  // TimePoint

namespace homeroom::store {

struct ShortLink {
    std::string code;    // [a-z2-7]{10}
    std::string target;  // relative to base_url, e.g. "private/students/<xx>/<token>.en.html"
    friend bool operator==(const ShortLink&, const ShortLink&) = default;
};

// Every function throws IoError("cannot ... short links in DB: why") when SQLite fails.
// Statements run in the caller's transaction when there is one.
class ShortLinkRepository {
  public:
    explicit ShortLinkRepository(Database& db) : m_db(db) {}

    // INSERT OR IGNORE: true when the code now names `target` (new, or recorded before with the
    // same target); false when the code already names a different target (a collision: nothing
    // is changed and the caller must not use the code).
    bool remember(std::string_view code, std::string_view target, TimePoint now);
    // The target of a code; nullopt when unknown.
    std::optional<std::string> find(std::string_view code) const;
    // The codes of `links` that cannot be recorded: already naming another target in the
    // table, or given two different targets within `links`.
    std::set<std::string, std::less<>> collisions(const std::vector<ShortLink>& links) const;

  private:
    Database& m_db;
};

// A well-formed code: exactly 10 characters of [a-z2-7].
bool is_short_link_code(std::string_view code);

// A family link (docs/sms.md, "Family links"): one code for several pages, answered by `serve`
// with a page to choose from instead of a redirect. Its choices are kept in the same `target`
// column, encoded, so the table, remember(), collisions() and the single-row atomicity of a
// link stay as they are (no migration):
//
//   "choose:" label "\t" target { "\n" label "\t" target }
//
// with '%', TAB, CR, LF and the other C0 controls of labels and targets written as %XX. A page
// path never starts with "choose:", so a target is either a page or a list of choices.
struct ShortLinkChoice {
    std::string label;   // the child's first name (data: escaped wherever it is shown)
    std::string target;  // relative to base_url, e.g. "private/students/<xx>/<token>.ar.html"
    friend bool operator==(const ShortLinkChoice&, const ShortLinkChoice&) = default;
};

inline constexpr std::string_view k_short_link_choices_prefix = "choose:";

std::string encode_short_link_choices(const std::vector<ShortLinkChoice>& choices);
// The choices of a family link's target; nullopt for a plain page's target or a malformed list.
std::optional<std::vector<ShortLinkChoice>> decode_short_link_choices(std::string_view target);

}  // namespace homeroom::store
