// Comparing a secret a client sent (a signature, a shared key) with the expected one without
// leaking through the time taken how many leading bytes were right.
#pragma once

#include <string_view>

namespace homeroom {

// True when equal; the time depends only on the sizes (a size mismatch returns at once: the
// sizes of signatures and keys are not secret).
inline bool equal_in_constant_time(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

}  // namespace homeroom
