// The view model of a partner's private report card page (templates/partner.mustache): the
// agreement in force and, for each included student, exactly the fields it allows, as in the
// partner's extract. Without an agreement in force the page says so and lists nobody.
#pragma once

#include <mstch/mstch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/records.h"
#include "partners/extract_rows.h"
#include "render/localizer.h"
#include "render/page_chrome.h"

namespace homeroom::render {

struct PartnerPageData {
    const Partner& partner;
    const Agreement* agreement = nullptr;  // the agreement in force, or null
    Date as_of;
    const partners::ExtractTable& table;  // empty without an agreement in force
};

mstch::map partner_page_context(const PartnerPageData& data, const PageChrome& chrome,
                                const Localizer& l);

}  // namespace homeroom::render
