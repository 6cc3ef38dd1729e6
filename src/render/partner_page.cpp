#include "render/partner_page.h"

#include "partners/shareable_fields.h"

namespace homeroom::render {

mstch::map partner_page_context(const PartnerPageData& d, const PageChrome& chrome,
                                const Localizer& l) {
    mstch::map c = chrome_context(chrome, l);
    c["partner_name"] = d.partner.name;
    c["partner_kind"] = d.partner.kind;
    c["as_of_text"] = l.date(d.as_of, DateStyle::long_form);
    c["in_force"] = d.agreement != nullptr;
    c["no_agreement_text"] = l.text(
        "No data-sharing agreement with this partner is in force on this date: nothing is shared.");
    if (d.agreement == nullptr)
        return c;
    c["agreement_id"] = d.agreement->id;
    c["purpose"] = d.agreement->purpose;
    c["dates_text"] = l.date(d.agreement->start_date, DateStyle::long_form) + " – " +
                      l.date(d.agreement->end_date, DateStyle::long_form);
    std::string fields;
    mstch::array headers;
    for (const auto& field : d.table.fields) {
        const std::string label = l.text(partners::field_label(field));
        fields += (fields.empty() ? "" : ", ") + label;
        headers.push_back(mstch::map{{"label", label}, {"field", field}});
    }
    c["fields_text"] = fields;
    c["headers"] = headers;
    mstch::array rows;
    for (const auto& row : d.table.rows) {
        mstch::array cells;
        for (const auto& value : row.values)
            cells.push_back(mstch::map{{"value", value.empty() ? std::string("–") : value}});
        rows.push_back(mstch::map{{"cells", cells}});
    }
    c["rows"] = rows;
    c["student_count_text"] =
        l.plural("%d student", "%d students", static_cast<long long>(d.table.rows.size()));
    return c;
}

}  // namespace homeroom::render
