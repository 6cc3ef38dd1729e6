#include "render/name_collation.h"

#include <unicode/coll.h>
#include <unicode/stringpiece.h>

#include "render/icu_locale.h"

namespace homeroom::render {

struct NameCollator::Impl {
    std::unique_ptr<icu::Collator> collator;
};

NameCollator::NameCollator(std::string_view language) : m_impl(std::make_unique<Impl>()) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> collator(
        icu::Collator::createInstance(icu_locale(language), status));
    if (U_SUCCESS(status))
        m_impl->collator = std::move(collator);
}

NameCollator::~NameCollator() = default;

int NameCollator::compare(std::string_view a, std::string_view b) const {
    if (m_impl->collator) {
        UErrorCode status = U_ZERO_ERROR;
        const UCollationResult result = m_impl->collator->compareUTF8(
            icu::StringPiece(a.data(), static_cast<std::int32_t>(a.size())),
            icu::StringPiece(b.data(), static_cast<std::int32_t>(b.size())), status);
        if (U_SUCCESS(status) && result != UCOL_EQUAL)
            return result == UCOL_LESS ? -1 : 1;
        if (U_SUCCESS(status))
            return a.compare(b) < 0 ? -1 : (a == b ? 0 : 1);  // equal to ICU: still a fixed order
    }
    return a.compare(b) < 0 ? -1 : (a == b ? 0 : 1);
}

}  // namespace homeroom::render
