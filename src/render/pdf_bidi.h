// Internal to the PDF renderer: litehtml 0.6 lays every line out left to right in logical order.
// After render(), reorder_bidi() mirrors the boxes of right-to-left blocks (table cells, floats)
// and reorders the words of each line by the Unicode bidi algorithm (fribidi levels, rule L2),
// so that Arabic reads right to left and embedded Latin text and numbers stay left to right.
#pragma once

#include <litehtml/litehtml.h>

namespace homeroom::render::pdf {

void reorder_bidi(litehtml::document& doc);

}  // namespace homeroom::render::pdf
