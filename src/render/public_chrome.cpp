#include "render/public_chrome.h"

#include <algorithm>

#include "render/untrusted_text.h"

namespace homeroom::render {

std::string language_root(std::string_view file) {
    std::string out;
    for (std::size_t n = static_cast<std::size_t>(std::count(file.begin(), file.end(), '/')); n > 0;
         --n)
        out += "../";
    return out;
}

std::string public_footer_line(Date as_of, const Localizer& l) {
    return l.text("Data as of") + " " + l.date(as_of, DateStyle::long_form) + " · Homeroom";
}

PageChrome public_chrome(const PublicPageSpot& spot, std::string title,
                         std::string_view district_name, Date as_of, const Localizer& l,
                         const LocalizerSet& languages) {
    const std::string root = language_root(spot.file);
    const std::string district = clean_untrusted_text(district_name);
    PageChrome chrome;
    chrome.title = clean_untrusted_text(title) + " · " + district;
    chrome.css_href = root + "../assets/site.css";
    chrome.district_name = district;
    chrome.as_of_line = public_footer_line(as_of, l);
    chrome.is_private = false;
    for (const auto& lang : languages.languages())
        chrome.languages.push_back(Link{languages.native_name(lang),
                                        root + "../" + lang + "/" + spot.file, lang,
                                        lang == l.language()});
    chrome.nav = {
        Link{l.text("Schools"), root + "index.html", "", spot.section == PublicSection::home},
        Link{l.text("District summary"), root + "district.html", "",
             spot.section == PublicSection::district},
        Link{l.text("About the data"), root + "about.html", "",
             spot.section == PublicSection::about}};
    return chrome;
}

}  // namespace homeroom::render
