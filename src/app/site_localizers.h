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

// Prints each catalog diagnostic as a warning line; a broken catalog is left out (its language
// falls back to English) rather than stopping the build.
SiteLocalizers load_site_localizers(CommandContext& ctx, const std::filesystem::path& folder);

}  // namespace homeroom::app
