#include "render/partner_extract_files.h"

#include <locale.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <utility>

#include "core/csv_writer.h"
#include "core/errors.h"
#include "core/formula_guard.h"
#include "partners/shareable_fields.h"
#include "render/untrusted_text.h"

namespace homeroom::render {
namespace {

constexpr std::size_t k_max_cell_code_points = 32767;  // Excel's limit for a cell's text

class Workbook {
  public:
    explicit Workbook(const std::string& filename) : m_filename(filename) {
        m_workbook = workbook_new(filename.c_str());
        if (m_workbook == nullptr)
            throw IoError("cannot write " + filename + ": libxlsxwriter could not create it");
    }
    ~Workbook() {
        if (m_workbook != nullptr)
            lxw_workbook_free(m_workbook);
    }
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    lxw_workbook* get() const { return m_workbook; }
    void close() {
        const lxw_error error = workbook_close(std::exchange(m_workbook, nullptr));
        if (error != LXW_NO_ERROR)
            throw IoError("cannot write " + m_filename + ": " + lxw_strerror(error));
    }

  private:
    std::string m_filename;
    lxw_workbook* m_workbook = nullptr;
};

void check(lxw_error error, std::string_view what) {
    if (error != LXW_NO_ERROR)
        throw IoError("cannot write the partner workbook (" + std::string(what) +
                      "): " + lxw_strerror(error));
}

// Every cell is a string (worksheet_write_string never makes a formula), and neutralised again
// in case cleaning exposed a leading trigger.
void write_text(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, std::string_view text,
                lxw_format* format) {
    const std::string clean = neutralize_formula(
        truncate_code_points(clean_untrusted_text(text), k_max_cell_code_points));
    check(worksheet_write_string(sheet, row, col, clean.c_str(), format), "text cell");
}

}  // namespace

void write_partner_workbook(const partners::ExtractTable& table, const PartnerFileInfo& info,
                            const std::filesystem::path& path) {
    // libxlsxwriter prints numbers through LC_NUMERIC; only strings are written here, but the
    // column widths are numbers too.
    const locale_t c_locale = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(nullptr));
    const locale_t previous =
        c_locale != static_cast<locale_t>(nullptr) ? uselocale(c_locale) : nullptr;
    struct Restore {
        locale_t c, previous;
        ~Restore() {
            if (c != static_cast<locale_t>(nullptr)) {
                uselocale(previous);
                freelocale(c);
            }
        }
    } restore{c_locale, previous};

    const std::string filename = path.string();
    if (!std::ofstream(path, std::ios::binary | std::ios::trunc))
        throw IoError("cannot write " + filename + ": " + std::strerror(errno));
    Workbook workbook(filename);

    std::string title = clean_untrusted_text("Partner extract: " + info.partner_name);
    std::string subject =
        clean_untrusted_text("Agreement " + info.agreement_id + ": " + info.purpose + " (as of " +
                             info.as_of.to_string() + ")");
    lxw_doc_properties properties{};
    properties.title = title.data();
    properties.subject = subject.data();
    properties.created =
        std::max<std::time_t>(static_cast<std::time_t>(info.as_of.days()) * 24 * 60 * 60, 1);
    check(workbook_set_properties(workbook.get(), &properties), "properties");

    lxw_format* header = workbook_add_format(workbook.get());
    format_set_bold(header);
    format_set_bottom(header, LXW_BORDER_THIN);
    lxw_format* wrap = workbook_add_format(workbook.get());
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);

    lxw_worksheet* data = workbook_add_worksheet(workbook.get(), "Data");
    if (data == nullptr)
        throw IoError("cannot write " + filename + ": cannot add the Data sheet");
    for (std::size_t c = 0; c < table.fields.size(); ++c)
        write_text(data, 0, static_cast<lxw_col_t>(c), table.fields[c], header);
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        for (std::size_t c = 0; c < table.fields.size(); ++c)
            write_text(data, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c),
                       table.rows[r].values.at(c), nullptr);
    if (!table.fields.empty()) {
        check(worksheet_set_column(data, 0, static_cast<lxw_col_t>(table.fields.size() - 1), 24,
                                   nullptr),
              "width");
        worksheet_freeze_panes(data, 1, 0);
    }

    lxw_worksheet* cards = workbook_add_worksheet(workbook.get(), "Report cards");
    if (cards == nullptr)
        throw IoError("cannot write " + filename + ": cannot add the Report cards sheet");
    lxw_row_t row = 0;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        write_text(
            cards, row++, 0,
            "Report card " + std::to_string(r + 1) + " of " + std::to_string(table.rows.size()),
            header);
        for (std::size_t c = 0; c < table.fields.size(); ++c) {
            write_text(cards, row, 0, partners::field_label(table.fields[c]), nullptr);
            write_text(cards, row, 1, table.rows[r].values.at(c), wrap);
            ++row;
        }
        ++row;
    }
    check(worksheet_set_column(cards, 0, 0, 24, nullptr), "width");
    check(worksheet_set_column(cards, 1, 1, 80, nullptr), "width");

    workbook.close();
}

void write_partner_csv(const partners::ExtractTable& table, const std::filesystem::path& path) {
    CsvWriterOptions options;
    options.neutralize_formulas = true;  // values already are; this also covers the header
    options.line_ending = "\r\n";        // what spreadsheets write and expect
    CsvWriter csv(path, options);
    for (const auto& field : table.fields) csv.field(field);
    csv.end_row();
    for (const auto& row : table.rows) {
        // Cleaned like the workbook's cells; the writer then neutralises a leading trigger.
        for (const auto& value : row.values) csv.field(clean_untrusted_text(value));
        csv.end_row();
    }
    csv.close();
}

}  // namespace homeroom::render
