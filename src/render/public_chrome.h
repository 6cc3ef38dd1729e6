// The header, navigation, language switcher and footer of a public page (page_chrome.h), with
// links relative to the page so that the site works from any folder of any host.
#pragma once

#include <string>
#include <string_view>

#include "core/date.h"
#include "render/localizer.h"
#include "render/page_chrome.h"

namespace homeroom::render {

enum class PublicSection { home, school, district, about };

struct PublicPageSpot {
    // The page's path inside its language's folder: "index.html", "schools/lincoln.html".
    std::string file;
    PublicSection section = PublicSection::home;
};

// "../" once per folder between the page and its language's folder public/<lang>/.
std::string language_root(std::string_view file);

// The chrome of `spot` in the language of `l`: the switcher links to the same page in every
// language of `languages`.
PageChrome public_chrome(const PublicPageSpot& spot, std::string title,
                         std::string_view district_name, Date as_of, const Localizer& l,
                         const LocalizerSet& languages);

// "Data as of September 26, 2025 · Homeroom".
std::string public_footer_line(Date as_of, const Localizer& l);

}  // namespace homeroom::render
