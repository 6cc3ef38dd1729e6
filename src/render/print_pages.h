// Print view models: litehtml cannot paginate, so the view model does. A student's report is cut
// into fixed-size `.page` boxes (templates/print/student.mustache): the summary on the first page,
// then the courses, assessments and incidents tables, split between rows when a page is full,
// each part repeating its heading and table header ("continued"). Heights are estimated from the
// print stylesheet's metrics (templates/print/print.css) with a safety margin.
#pragma once

#include <mstch/mstch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "render/localizer.h"
#include "render/pdf_document.h"

namespace homeroom::render {

// Where a report goes by mail: placed for the window of a #10 envelope on the first page.
struct MailingAddress {
    std::string return_lines;        // the school, one line per '\n'
    std::vector<std::string> lines;  // "Parent or guardian of Maya Pérez", street, city
};

struct PrintOptions {
    Paper paper = Paper::letter;
    std::optional<MailingAddress> address;
};

// Adds `pages` (one entry per sheet), `paper` and `page_count` to a student page's context
// (student_page_context). Every table part on a page has `continued` when it carries on from
// the page before.
void paginate_student_report(mstch::map& context, const PrintOptions& options, const Localizer& l);

// Usable height of a page's content, in CSS pixels, below the page header and above the footer.
int page_content_height(Paper paper);

}  // namespace homeroom::render
