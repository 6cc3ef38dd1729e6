#include "app/site_localizers.h"

#include "core/errors.h"

namespace homeroom::app {

SiteLocalizers load_site_localizers(CommandContext& ctx, const std::filesystem::path& folder) {
    Diagnostics diagnostics;
    SiteLocalizers out{render::CatalogLocalizerSet::load(folder, diagnostics)};
    if (!diagnostics.items().empty())
        ctx.err << diagnostics.format(50);
    if (diagnostics.has_errors())
        throw DataError("homeroom: the catalogs in " + folder.string() +
                        " were refused: " + std::to_string(diagnostics.error_count()) +
                        (diagnostics.error_count() == 1 ? " error" : " errors") +
                        " (homeroom check lists them)");
    return out;
}

}  // namespace homeroom::app
