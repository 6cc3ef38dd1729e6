// The text rules of core/untrusted_text.h, under the names the render module has always used.
#pragma once

#include "core/untrusted_text.h"

namespace homeroom::render {

using homeroom::clean_untrusted_text;
using homeroom::code_point_count;
using homeroom::escape_html;
using homeroom::escape_markup;
using homeroom::truncate_code_points;

}  // namespace homeroom::render
