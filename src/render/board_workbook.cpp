#include "render/board_workbook.h"

#include <locale.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include "core/errors.h"
#include "render/sheet_names.h"
#include "render/untrusted_text.h"

namespace homeroom::render {
namespace {

constexpr lxw_row_t k_title_row = 0;
constexpr lxw_row_t k_as_of_row = 1;
constexpr lxw_row_t k_header_row = 2;
constexpr lxw_row_t k_first_school_row = 3;
constexpr std::size_t k_max_cell_code_points = 32767;  // Excel's limit for a cell's text
constexpr lxw_color_t k_header_fill = 0xF2F2F2;
constexpr lxw_color_t k_muted_text = 0x595959;

// libxlsxwriter writes numbers with snprintf("%.16G"), which follows LC_NUMERIC: under a
// locale with a decimal comma 0.87 would become "0,87" and corrupt the file. uselocale changes
// the calling thread only, so other threads rendering pages keep theirs.
class ThreadCLocale {
  public:
    ThreadCLocale() : m_c(newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(nullptr))) {
        if (m_c != static_cast<locale_t>(nullptr))
            m_previous = uselocale(m_c);
    }
    ~ThreadCLocale() {
        if (m_c != static_cast<locale_t>(nullptr)) {
            uselocale(m_previous);
            freelocale(m_c);
        }
    }
    ThreadCLocale(const ThreadCLocale&) = delete;
    ThreadCLocale& operator=(const ThreadCLocale&) = delete;

  private:
    locale_t m_c;
    locale_t m_previous = static_cast<locale_t>(nullptr);
};

// Frees the workbook unless workbook_close (which frees it too) has taken it.
class WorkbookHandle {
  public:
    explicit WorkbookHandle(lxw_workbook* workbook) : m_workbook(workbook) {}
    ~WorkbookHandle() {
        if (m_workbook != nullptr)
            lxw_workbook_free(m_workbook);
    }
    WorkbookHandle(const WorkbookHandle&) = delete;
    WorkbookHandle& operator=(const WorkbookHandle&) = delete;

    lxw_workbook* get() const { return m_workbook; }
    lxw_error close() { return workbook_close(std::exchange(m_workbook, nullptr)); }

  private:
    lxw_workbook* m_workbook;
};

void check(lxw_error error, std::string_view what) {
    if (error != LXW_NO_ERROR)
        throw std::runtime_error("cannot write the board workbook (" + std::string(what) +
                                 "): " + lxw_strerror(error));
}

// All text enters the workbook through here: cleaned of bidi controls and control characters,
// cut to Excel's limit, and written as a string, so a name such as "=HYPERLINK(...)" stays text.
void write_text(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, std::string_view text,
                lxw_format* format) {
    const std::string clean =
        truncate_code_points(clean_untrusted_text(text), k_max_cell_code_points);
    check(worksheet_write_string(sheet, row, col, clean.c_str(), format), "text cell");
}

struct Formats {
    lxw_format* title;
    lxw_format* as_of;
    lxw_format* header_first;
    lxw_format* header;
    lxw_format* name;
    lxw_format* count;
    lxw_format* percent;
    lxw_format* marker;
    lxw_format* district_name;
    lxw_format* district_count;
    lxw_format* district_percent;
    lxw_format* district_marker;
    lxw_format* note;
};

Formats make_formats(lxw_workbook* workbook) {
    Formats f{};
    f.title = workbook_add_format(workbook);
    format_set_bold(f.title);
    format_set_font_size(f.title, 14);
    f.as_of = workbook_add_format(workbook);
    format_set_italic(f.as_of);
    format_set_font_color(f.as_of, k_muted_text);
    const auto header = [&](uint8_t align) {
        lxw_format* format = workbook_add_format(workbook);
        format_set_bold(format);
        format_set_text_wrap(format);
        format_set_align(format, align);
        format_set_align(format, LXW_ALIGN_VERTICAL_BOTTOM);
        format_set_bottom(format, LXW_BORDER_THIN);
        format_set_bg_color(format, k_header_fill);
        return format;
    };
    f.header_first = header(LXW_ALIGN_LEFT);
    f.header = header(LXW_ALIGN_RIGHT);
    f.name = workbook_add_format(workbook);
    const auto value = [&](const char* number_format, bool district) {
        lxw_format* format = workbook_add_format(workbook);
        if (number_format != nullptr)
            format_set_num_format(format, number_format);
        else
            format_set_align(format, LXW_ALIGN_RIGHT);
        if (district) {
            format_set_bold(format);
            format_set_top(format, LXW_BORDER_THIN);
        }
        return format;
    };
    f.count = value("#,##0", false);
    f.percent = value("0%", false);
    f.marker = value(nullptr, false);
    f.district_count = value("#,##0", true);
    f.district_percent = value("0%", true);
    f.district_marker = value(nullptr, true);
    f.district_name = workbook_add_format(workbook);
    format_set_bold(f.district_name);
    format_set_top(f.district_name, LXW_BORDER_THIN);
    f.note = workbook_add_format(workbook);
    format_set_text_wrap(f.note);
    format_set_align(f.note, LXW_ALIGN_VERTICAL_TOP);
    return f;
}

void write_cell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col,
                const metrics::PublishedCell& cell, const metrics::SuppressionSettings& settings,
                const Formats& formats, bool district) {
    using Kind = metrics::DisplayValue::Kind;
    switch (cell.value.kind) {
        case Kind::number:
            check(worksheet_write_number(sheet, row, col, static_cast<double>(cell.value.number),
                                         district ? formats.district_count : formats.count),
                  "count");
            return;
        case Kind::percent:
            check(worksheet_write_number(sheet, row, col,
                                         static_cast<double>(cell.value.number) / 100.0,
                                         district ? formats.district_percent : formats.percent),
                  "rate");
            return;
        case Kind::no_data:
        case Kind::below:
        case Kind::above:
        case Kind::suppressed:
            write_text(
                sheet, row, col,
                metrics::to_text(cell.value, settings.suppressed_marker, settings.no_data_marker),
                district ? formats.district_marker : formats.marker);
            return;
    }
}

void write_heading(lxw_worksheet* sheet, const std::string& title, const std::string& as_of,
                   const Formats& formats) {
    check(worksheet_set_row(sheet, k_title_row, 21, nullptr), "row height");
    write_text(sheet, k_title_row, 0, title, formats.title);
    write_text(sheet, k_as_of_row, 0, as_of, formats.as_of);
}

double name_column_width(const BoardWorkbook& workbook) {
    std::size_t longest = code_point_count(workbook.text.school);
    longest = std::max(longest, code_point_count(workbook.text.district));
    for (const std::string& school : workbook.schools)
        longest = std::max(longest, code_point_count(school));
    return std::clamp(static_cast<double>(longest) * 1.1 + 2, 16.0, 60.0);
}

void write_measure(lxw_worksheet* sheet, const BoardWorkbook& workbook, const BoardMeasure& measure,
                   const Formats& formats) {
    const auto last_col = static_cast<lxw_col_t>(metrics::k_subgroup_count);
    write_heading(sheet, measure.title, workbook.text.as_of, formats);

    check(worksheet_set_row(sheet, k_header_row, 48, nullptr), "row height");
    write_text(sheet, k_header_row, 0, workbook.text.school, formats.header_first);
    for (std::size_t g = 0; g < metrics::k_subgroup_count; ++g)
        write_text(sheet, k_header_row, static_cast<lxw_col_t>(g + 1), workbook.text.subgroups[g],
                   formats.header);

    lxw_row_t row = k_first_school_row;
    for (std::size_t s = 0; s < workbook.schools.size(); ++s, ++row) {
        write_text(sheet, row, 0, workbook.schools[s], formats.name);
        for (std::size_t g = 0; g < metrics::k_subgroup_count; ++g)
            write_cell(sheet, row, static_cast<lxw_col_t>(g + 1), measure.table.schools[s][g],
                       workbook.suppression, formats, false);
    }
    write_text(sheet, row, 0, workbook.text.district, formats.district_name);
    for (std::size_t g = 0; g < metrics::k_subgroup_count; ++g)
        write_cell(sheet, row, static_cast<lxw_col_t>(g + 1), measure.table.district[g],
                   workbook.suppression, formats, true);

    check(worksheet_set_column(sheet, 0, 0, name_column_width(workbook), nullptr), "width");
    check(worksheet_set_column(sheet, 1, last_col, 13, nullptr), "width");
    // The headings and the school names stay in view while scrolling.
    worksheet_freeze_panes(sheet, k_first_school_row, 1);
    // Sorting and filtering the schools leaves the district row where it is, below the range.
    if (!workbook.schools.empty())
        check(worksheet_autofilter(sheet, k_header_row, 0, row - 1, last_col), "filter");
    worksheet_set_landscape(sheet);
    worksheet_fit_to_pages(sheet, 1, 0);
    check(worksheet_repeat_rows(sheet, k_header_row, k_header_row), "print titles");
    if (workbook.right_to_left)
        worksheet_right_to_left(sheet);
}

void write_notes(lxw_worksheet* sheet, const BoardWorkbook& workbook, const Formats& formats) {
    write_heading(sheet, workbook.text.notes_title, workbook.text.as_of, formats);
    lxw_row_t row = k_header_row + 1;
    for (const std::string& note : workbook.text.notes)
        write_text(sheet, row++, 0, note, formats.note);
    check(worksheet_set_column(sheet, 0, 0, 100, nullptr), "width");
    if (workbook.right_to_left)
        worksheet_right_to_left(sheet);
}

}  // namespace

void write_board_workbook(const BoardWorkbook& workbook, const std::filesystem::path& path) {
    for (const BoardMeasure& measure : workbook.measures)
        if (measure.table.schools.size() != workbook.schools.size())
            throw std::invalid_argument("board workbook: measure \"" + measure.title + "\" has " +
                                        std::to_string(measure.table.schools.size()) +
                                        " school rows, expected " +
                                        std::to_string(workbook.schools.size()));

    const ThreadCLocale c_locale;
    const std::string filename = path.string();
    // Fails early with the system's reason (libxlsxwriter would only find out at the end, and
    // print its own message to stderr).
    if (!std::ofstream(path, std::ios::binary | std::ios::trunc))
        throw IoError("cannot write " + filename + ": " + std::strerror(errno));
    WorkbookHandle handle(workbook_new(filename.c_str()));
    if (handle.get() == nullptr)
        throw IoError("cannot write " + filename + ": libxlsxwriter could not create a workbook");

    // The only timestamp libxlsxwriter writes (docProps/core.xml); 0 would mean "now", so the
    // epoch itself is written one second later.
    std::string title = clean_untrusted_text(workbook.text.title);
    lxw_doc_properties properties{};
    properties.title = title.data();
    properties.created =
        std::max<std::time_t>(static_cast<std::time_t>(workbook.as_of.days()) * 24 * 60 * 60, 1);
    check(workbook_set_properties(handle.get(), &properties), "properties");

    std::vector<std::string> titles;
    for (const BoardMeasure& measure : workbook.measures) titles.push_back(measure.title);
    titles.push_back(workbook.text.notes_title);
    const std::vector<std::string> names = excel_sheet_names(titles);

    const Formats formats = make_formats(handle.get());
    for (std::size_t i = 0; i < workbook.measures.size(); ++i) {
        lxw_worksheet* sheet = workbook_add_worksheet(handle.get(), names[i].c_str());
        if (sheet == nullptr)
            throw std::runtime_error("cannot add the worksheet \"" + names[i] + "\"");
        write_measure(sheet, workbook, workbook.measures[i], formats);
    }
    lxw_worksheet* notes = workbook_add_worksheet(handle.get(), names.back().c_str());
    if (notes == nullptr)
        throw std::runtime_error("cannot add the worksheet \"" + names.back() + "\"");
    write_notes(notes, workbook, formats);

    const lxw_error error = handle.close();
    if (error != LXW_NO_ERROR)
        throw IoError("cannot write " + filename + ": " + lxw_strerror(error));
}

}  // namespace homeroom::render
