#include "render/pdf_document.h"

#include <cairo-pdf.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/errors.h"
#include "render/pdf_bidi.h"
#include "render/pdf_container.h"
#include "render/pdf_flow.h"

namespace homeroom::render {
namespace {

constexpr double k_points_per_px = 72.0 / 96.0;
constexpr int k_flow_margin = 48;  // half an inch around a flowing document

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in)
        throw IoError("cannot read " + p.string());
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::atomic<std::size_t> g_generation{1};

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

Paper parse_paper(const std::string& name) {
    std::string n;
    for (char c : name) n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (n == "letter" || n == "us-letter")
        return Paper::letter;
    if (n == "a4")
        return Paper::a4;
    throw UsageError("unknown paper size \"" + name + "\" (letter or a4)");
}

int paper_width_px(Paper p) {
    return p == Paper::a4 ? 794 : 816;
}
int paper_height_px(Paper p) {
    return p == Paper::a4 ? 1123 : 1056;
}

PdfStyles::PdfStyles(const std::filesystem::path& print_dir, const std::vector<std::string>& sheets)
    : m_generation(g_generation++) {
    for (const auto& sheet : sheets) m_css += read_file(print_dir / sheet) + "\n";
}

PdfStyles::PdfStyles(std::string master_css, std::string print_css)
    : m_css(std::move(master_css) + "\n" + print_css), m_generation(g_generation++) {}

struct PdfWriter::Impl {
    const PdfStyles& styles;
    PdfMetadata meta;
    std::string bytes;
    cairo_surface_t* surface = nullptr;
    int pages = 0;
    double last_w, last_h;
    std::vector<MissingGlyphs> missing;

    Impl(const PdfStyles& s, const PdfMetadata& m) : styles(s), meta(m) {
        last_w = paper_width_px(meta.paper) * k_points_per_px;
        last_h = paper_height_px(meta.paper) * k_points_per_px;
        surface = cairo_pdf_surface_create_for_stream(append_bytes, &bytes, last_w, last_h);
        // Same input, same bytes: the dates come from the as-of date, never from the clock.
        const std::string date = meta.created.to_string() + "T00:00:00Z";
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Homeroom");
        if (!meta.title.empty())
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, meta.title.c_str());
    }
    ~Impl() {
        if (surface)
            cairo_surface_destroy(surface);
    }
    // A page of `w`×`h` CSS pixels, drawn in CSS pixels.
    cairo_t* begin_page(int w, int h) {
        last_w = w * k_points_per_px;
        last_h = h * k_points_per_px;
        cairo_pdf_surface_set_size(surface, last_w, last_h);
        pdf::thread_engine().take_missing();  // nothing from before this page counts
        cairo_t* cr = cairo_create(surface);
        cairo_scale(cr, k_points_per_px, k_points_per_px);
        cairo_rectangle(cr, 0, 0, w, h);
        cairo_clip(cr);
        return cr;
    }
    void end_page(cairo_t* cr) {
        cairo_show_page(cr);
        const cairo_status_t status = cairo_status(cr);
        cairo_destroy(cr);
        if (status != CAIRO_STATUS_SUCCESS)
            throw IoError(std::string("PDF drawing failed: ") + cairo_status_to_string(status));
        ++pages;
        const auto drawn = pdf::thread_engine().take_missing();
        if (!drawn.empty())
            missing.push_back(MissingGlyphs{pages, {drawn.begin(), drawn.end()}});
    }
};

int PdfWriter::append_flow(litehtml::document& doc, pdf::Container& container, int width,
                           int height) {
    // No page boxes: cut the laid-out document into sheets inside the page margins, never inside
    // a table row, paragraph, list item, image or figure (pdf_flow.h), repeating a table's header
    // rows on a sheet that starts inside its body.
    const auto sheets = pdf::plan_sheets(pdf::flow_layout(doc), height - 2 * k_flow_margin);
    for (const auto& sheet : sheets) {
        cairo_t* cr = m->begin_page(width, height);
        container.set_cairo(cr);
        int at = k_flow_margin;
        // Draws the document from `top` to `bottom` at `at` on the sheet. litehtml draws every
        // box that touches its clip, edges included: its clip is 1 px inside cairo's, so that a
        // row ending where the band starts is not drawn again (invisibly, but into the text).
        auto band = [&](int top, int bottom) {
            cairo_save(cr);
            cairo_rectangle(cr, 0, at, width, bottom - top);
            cairo_clip(cr);
            const litehtml::position clip(0, at + 1, width, std::max(0, bottom - top - 2));
            doc.draw(reinterpret_cast<litehtml::uint_ptr>(cr), k_flow_margin, at - top, &clip);
            cairo_restore(cr);
            at += bottom - top;
        };
        if (sheet.header)
            band(sheet.header->top, sheet.header->bottom);
        band(sheet.top, sheet.bottom);
        m->end_page(cr);
    }
    return static_cast<int>(sheets.size());
}

PdfWriter::PdfWriter(const PdfStyles& styles, const PdfMetadata& meta)
    : m(std::make_unique<Impl>(styles, meta)) {}

PdfWriter::~PdfWriter() = default;

int PdfWriter::append(const std::string& html) {
    if (!m->surface)
        throw std::logic_error("PdfWriter::append after finish");
    pdf::PdfEngine& engine = pdf::thread_engine();
    engine.trim();
    const int width = paper_width_px(m->meta.paper);
    const int height = paper_height_px(m->meta.paper);
    pdf::Container container(engine, width, height, m->meta.language);
    auto& context = engine.html_context(m->styles.css(), m->styles.generation());
    auto doc = litehtml::document::createFromUTF8(html.c_str(), &container, &context);
    const auto pages = doc->root()->select_all(".page");
    // A flowing document is laid out inside the margins; page boxes have their own.
    if (pages.empty())
        container.set_client_width(width - 2 * k_flow_margin);
    doc->render(pages.empty() ? width - 2 * k_flow_margin : width);
    pdf::reorder_bidi(*doc);

    if (pages.empty())
        return append_flow(*doc, container, width, height);
    for (const auto& el : pages) {
        const auto p = el->get_placement();
        const int top = p.y - el->padding_top() - el->border_top();
        const int box_height = p.height + el->padding_top() + el->padding_bottom() +
                               el->border_top() + el->border_bottom();
        cairo_t* cr = m->begin_page(width, box_height);
        container.set_cairo(cr);
        const litehtml::position clip(0, 0, width, box_height);
        doc->draw(reinterpret_cast<litehtml::uint_ptr>(cr), 0, -top, &clip);
        m->end_page(cr);
    }
    return static_cast<int>(pages.size());
}

void PdfWriter::blank_page() {
    cairo_pdf_surface_set_size(m->surface, m->last_w, m->last_h);
    cairo_t* cr = cairo_create(m->surface);
    m->end_page(cr);
}

int PdfWriter::pages() const {
    return m->pages;
}

const std::vector<MissingGlyphs>& PdfWriter::missing_glyphs() const {
    return m->missing;
}

std::string code_point_name(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

std::string PdfWriter::finish() {
    if (!m->surface)
        throw std::logic_error("PdfWriter::finish twice");
    cairo_surface_finish(m->surface);
    const cairo_status_t status = cairo_surface_status(m->surface);
    cairo_surface_destroy(m->surface);
    m->surface = nullptr;
    if (status != CAIRO_STATUS_SUCCESS)
        throw IoError(std::string("PDF output failed: ") + cairo_status_to_string(status));
    return std::move(m->bytes);
}

std::string html_to_pdf(const PdfStyles& styles, const std::string& html, const PdfMetadata& meta,
                        std::vector<MissingGlyphs>* missing) {
    PdfWriter writer(styles, meta);
    writer.append(html);
    if (missing)
        *missing = writer.missing_glyphs();
    return writer.finish();
}

}  // namespace homeroom::render
