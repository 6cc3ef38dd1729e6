// homeroom check: are the templates valid and is every language complete?
#include <set>

#include "app/command.h"
#include "app/command_line.h"
#include "app/exit_codes.h"
#include "app/resource_paths.h"
#include "core/errors.h"
#include "render/catalog.h"
#include "render/template_set.h"
#include "render/translation_check.h"

namespace homeroom::app {

int run_check(CommandContext& ctx, const std::vector<std::string>& args) {
    CommandLine cl("check", "",
                   "Validate the templates and the translation catalogs: template syntax, .po "
                   "syntax, and for each language the texts that are missing, untranslated or "
                   "fuzzy (they are shown in English). Exit 65 when a template or catalog is "
                   "broken, or with --strict when a language is incomplete.");
    cl.value("templates", "DIR", "the templates folder (default: found like `build` finds it)")
        .value("locales", "DIR", "the catalogs folder (default: found like `build` finds it)")
        .flag("strict", "also fail when a language is incomplete")
        .flag("verbose", "list every missing or untranslated text");
    if (!cl.parse(args, ctx.out))
        return k_exit_ok;
    const auto templates_dir =
        find_resource_dir(cl.get("templates", ctx.config.getString("site.templates", "")),
                          "templates", "student.mustache");
    const auto locales_dir = find_resource_dir(
        cl.get("locales", ctx.config.getString("site.locales", "")), "locales", "messages.pot");

    bool broken = false;
    std::vector<std::string> template_errors;
    const render::TemplateSet templates(templates_dir, &template_errors);
    for (const auto& e : template_errors) ctx.err << "templates/" << e << "\n";
    broken |= !template_errors.empty();

    Diagnostics diags;
    std::set<render::MessageKey> used;
    for (const auto& [name, source] : templates.all())
        for (const auto& m :
             render::find_template_messages(source, "templates/" + name + ".mustache", diags))
            used.insert(render::MessageKey{"", m.msgid});
    // Texts the C++ code asks for are listed in messages.pot by scripts/extract-messages.py.
    Diagnostics pot_diags;  // the template has no Plural-Forms header of its own, by design
    if (auto pot = render::Catalog::load(locales_dir / "messages.pot", pot_diags))
        for (const auto& key : render::message_keys(*pot)) used.insert(key);
    if (pot_diags.has_errors())
        ctx.err << pot_diags.format(20);
    broken |= pot_diags.has_errors();
    const auto catalogs = render::Catalogs::load(locales_dir, diags);
    if (!diags.items().empty())
        ctx.err << diags.format(50);
    broken |= diags.has_errors();

    ctx.out << "templates: " << templates.all().size() << " in " << templates_dir.string() << ", "
            << template_errors.size() << (template_errors.size() == 1 ? " error" : " errors")
            << "\n"
            << "texts used: " << used.size() << "\n";
    bool incomplete = false;
    for (const auto& report : render::check_translations(used, catalogs)) {
        ctx.out << report.language << ": ";
        if (report.complete()) {
            ctx.out << "complete";
        } else {
            incomplete = true;
            ctx.out << report.missing.size() << " missing, " << report.untranslated.size()
                    << " untranslated, " << report.fuzzy.size() << " fuzzy (shown in English)";
        }
        if (!report.unused.empty())
            ctx.out << "; " << report.unused.size() << " unused";
        ctx.out << "\n";
        if (cl.has("verbose")) {
            for (const auto& k : report.missing) ctx.out << "  missing: " << k.msgid << "\n";
            for (const auto& k : report.untranslated)
                ctx.out << "  untranslated: " << k.msgid << "\n";
            for (const auto& k : report.fuzzy) ctx.out << "  fuzzy: " << k.msgid << "\n";
        }
    }
    if (broken)
        throw DataError("check failed: fix the errors above");
    if (incomplete && cl.has("strict"))
        throw DataError("check failed: some languages are incomplete (--strict)");
    return k_exit_ok;
}

}  // namespace homeroom::app
