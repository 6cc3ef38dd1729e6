// Loads the locales/ catalogs for a site build and reports problems in them.
#pragma once

#include <filesystem>
#include <memory>

#include "app/command.h"
#include "render/catalog_localizer.h"

namespace homeroom::app {

struct SiteLocalizers {
    std::unique_ptr<render::CatalogLocalizerSet> set;
};

// Prints every catalog diagnostic. Throws DataError (exit 65) when a catalog has an error: a
// language left out would be published in English, and a build would remove its pages as out
// of date, so nothing is built or sent until the catalog is fixed.
SiteLocalizers load_site_localizers(CommandContext& ctx, const std::filesystem::path& folder);

}  // namespace homeroom::app
