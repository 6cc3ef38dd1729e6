// "Did you mean ...?" for a misspelt name in a user's file (a settings key, a section, a job
// setting): the known name a few typing mistakes away, if there is exactly one best.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace homeroom {

// The name of `known` closest to `word` by edits (insert, delete, replace, or swap two
// neighbouring characters; case does not count), when it is at most 2 edits away and fewer than
// half of `word`'s length; nullopt when none is that close or two are equally close.
std::optional<std::string> closest_name(std::string_view word,
                                        const std::vector<std::string>& known);

}  // namespace homeroom
