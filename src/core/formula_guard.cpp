#include "core/formula_guard.h"

namespace homeroom {
namespace {

bool is_plain_number(std::string_view text) {
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '+' || text[i] == '-'))
        ++i;
    bool digits = false, dot = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            digits = true;
        } else if (c == '.' && !dot) {
            dot = true;
        } else {
            return false;
        }
    }
    return digits;
}

}  // namespace

bool starts_like_formula(std::string_view text) {
    if (text.empty())
        return false;
    const auto first = static_cast<unsigned char>(text.front());
    const bool trigger = first == '=' || first == '+' || first == '-' || first == '@' ||
                         first < 0x20 || first == 0x7F;
    return trigger && !is_plain_number(text);
}

std::string neutralize_formula(std::string_view text) {
    if (!starts_like_formula(text))
        return std::string(text);
    std::string out;
    out.reserve(text.size() + 1);
    out += '\'';
    out += text;
    return out;
}

}  // namespace homeroom
