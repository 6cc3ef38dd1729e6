// Feeds arbitrary bytes to the .po catalog parser (and the first line to the plural expression
// parser) and checks what every caller relies on: it ends without crashing, a refused catalog
// comes with an error that names a line, and an accepted one answers every lookup.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "render/catalog.h"
#include "render/plural_expression.h"

namespace {

void require(bool condition) {
    if (!condition)
        std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace homeroom;
    using namespace homeroom::render;

    const std::string_view text(reinterpret_cast<const char*>(data), size);

    const auto expression = PluralExpression::parse(text.substr(0, text.find('\n')));
    if (expression.expression)
        for (std::uint64_t n : {0ULL, 1ULL, 2ULL, 11ULL, 101ULL, ~0ULL})
            (void)expression.expression->evaluate(n);
    else
        require(!expression.error.message.empty());

    Diagnostics diagnostics;
    const auto catalog = Catalog::parse(text, "fuzz.po", diagnostics);
    if (!catalog) {
        require(diagnostics.has_errors());
        return 0;
    }
    require(!diagnostics.has_errors());
    const int forms = catalog->plural_forms().count;
    require(forms >= 1 && forms <= PluralForms::k_max_count);
    for (const CatalogEntry& entry : catalog->entries()) {
        require(catalog->entry(entry.msgid, entry.context) != nullptr || entry.context.empty());
        (void)catalog->translate(entry.msgid, entry.context);
        for (std::int64_t n : {0, 1, 2, 3, 11, 100, -5})
            (void)catalog->translate_plural(entry.msgid, entry.msgid_plural, n, entry.context);
    }
    return 0;
}
