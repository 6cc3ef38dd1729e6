#include "core/closest_name.h"

#include <algorithm>
#include <cctype>
#include <limits>

namespace homeroom {
namespace {

// Optimal string alignment distance: Levenshtein plus the swap of two neighbours, the commonest
// slip of the fingers ("emial", "secert"), ignoring case ("Site" is [site]). Names are short, so
// the full table is fine.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    const auto same = [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    };
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = same(a[i - 1], b[j - 1]) ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && same(a[i - 1], b[j - 2]) && same(a[i - 2], b[j - 1]))
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

}  // namespace

std::optional<std::string> closest_name(std::string_view word,
                                        const std::vector<std::string>& known) {
    std::size_t best = std::numeric_limits<std::size_t>::max();
    const std::string* found = nullptr;
    bool tie = false;
    for (const auto& name : known) {
        const std::size_t d = edit_distance(word, name);
        if (d < best) {
            best = d;
            found = &name;
            tie = false;
        } else if (d == best) {
            tie = true;
        }
    }
    if (!found || tie || best > 2 || 2 * best >= word.size())
        return std::nullopt;
    return *found;
}

}  // namespace homeroom
