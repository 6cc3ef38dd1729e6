// What every page shares: language, direction, title, stylesheet, language switcher,
// navigation and footer line.
#pragma once

#include <mstch/mstch.hpp>

#include <string>
#include <vector>

#include "render/localizer.h"

namespace homeroom::render {

struct Link {
    std::string label, href, code;
    bool current = false;
};

struct PageChrome {
    std::string title;
    std::string css_href;
    std::string district_name;
    std::string as_of_line;
    bool is_private = false;
    std::vector<Link> languages;  // label = native name, code = language
    std::vector<Link> nav;
};

// The chrome's keys merged into a page's context.
mstch::map chrome_context(const PageChrome& chrome, const Localizer& l);

}  // namespace homeroom::render
