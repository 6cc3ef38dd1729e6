#include "render/page_chrome.h"

namespace homeroom::render {

mstch::map chrome_context(const PageChrome& chrome, const Localizer& l) {
    mstch::array languages;
    for (const auto& link : chrome.languages)
        languages.push_back(mstch::map{{"name", link.label},
                                       {"href", link.href},
                                       {"code", link.code},
                                       {"current", link.current}});
    mstch::array nav;
    for (const auto& link : chrome.nav)
        nav.push_back(
            mstch::map{{"label", link.label}, {"href", link.href}, {"current", link.current}});
    return mstch::map{{"lang", l.language()},
                      {"dir", std::string(l.right_to_left() ? "rtl" : "ltr")},
                      {"title", chrome.title},
                      {"css_href", chrome.css_href},
                      {"district_name", chrome.district_name},
                      {"as_of_line", chrome.as_of_line},
                      {"private", chrome.is_private},
                      {"has_languages", chrome.languages.size() > 1},
                      {"languages", languages},
                      {"has_nav", !chrome.nav.empty()},
                      {"nav", nav}};
}

}  // namespace homeroom::render
