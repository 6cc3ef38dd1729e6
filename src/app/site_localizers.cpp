#include "app/site_localizers.h"

namespace homeroom::app {

SiteLocalizers load_site_localizers(CommandContext& ctx, const std::filesystem::path& folder) {
    Diagnostics diagnostics;
    SiteLocalizers out{render::CatalogLocalizerSet::load(folder, diagnostics)};
    if (!diagnostics.items().empty())
        ctx.err << diagnostics.format(20);
    return out;
}

}  // namespace homeroom::app
