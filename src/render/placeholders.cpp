#include "render/placeholders.h"

namespace homeroom::render {

namespace {

template <typename Values>
std::string fill(std::string_view pattern, const Values& values) {
    std::string out;
    out.reserve(pattern.size() + 16);
    std::size_t next = 0;  // the value a plain %d / %s takes
    std::size_t i = 0;
    while (i < pattern.size()) {
        const char c = pattern[i];
        if (c != '%' || i + 1 >= pattern.size()) {
            out += c;
            ++i;
            continue;
        }
        const char spec = pattern[i + 1];
        if (spec == '%') {
            out += '%';
            i += 2;
            continue;
        }
        if (spec == 'd' || spec == 's') {
            if (next < values.size())
                out += std::string_view(values.begin()[next]);
            else
                out += pattern.substr(i, 2);
            ++next;
            i += 2;
            continue;
        }
        // %N$d / %N$s with N from 1 to 9.
        if (spec >= '1' && spec <= '9' && i + 3 < pattern.size() && pattern[i + 2] == '$' &&
            (pattern[i + 3] == 'd' || pattern[i + 3] == 's')) {
            const auto index = static_cast<std::size_t>(spec - '1');
            if (index < values.size())
                out += std::string_view(values.begin()[index]);
            else
                out += pattern.substr(i, 4);
            i += 4;
            continue;
        }
        out += c;
        ++i;
    }
    return out;
}

}  // namespace

std::string fill_placeholders(std::string_view pattern, std::span<const std::string> values) {
    return fill(pattern, values);
}

std::string fill_placeholders(std::string_view pattern,
                              std::initializer_list<std::string_view> values) {
    return fill(pattern, values);
}

}  // namespace homeroom::render
