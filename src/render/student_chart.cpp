#include "render/student_chart.h"

#include "render/svg_chart.h"

namespace homeroom::render {

std::string base64(std::string_view bytes) {
    static constexpr char k_alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    // Written through a pointer into a string sized once: a chart is ~8 KB on every page.
    std::string out((bytes.size() + 2) / 3 * 4, '=');
    char* o = out.data();
    const auto* in = reinterpret_cast<const unsigned char*>(bytes.data());
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned v = (in[i] << 16) | (in[i + 1] << 8) | in[i + 2];
        *o++ = k_alphabet[(v >> 18) & 63];
        *o++ = k_alphabet[(v >> 12) & 63];
        *o++ = k_alphabet[(v >> 6) & 63];
        *o++ = k_alphabet[v & 63];
    }
    if (i < bytes.size()) {  // one or two bytes left; the '=' padding is already there
        unsigned v = in[i] << 16;
        if (i + 1 < bytes.size())
            v |= in[i + 1] << 8;
        *o++ = k_alphabet[(v >> 18) & 63];
        *o++ = k_alphabet[(v >> 12) & 63];
        if (i + 1 < bytes.size())
            *o = k_alphabet[(v >> 6) & 63];
    }
    return out;
}

std::string weekly_attendance_chart_uri(const std::vector<metrics::WeekAttendance>& weeks,
                                        const Localizer& l) {
    if (weeks.empty())
        return {};
    BarChart chart;
    chart.labels.title = l.text("Days absent, week by week");
    chart.labels.summary = l.text("Each bar is one school week: days absent out of school days.");
    chart.labels.x_axis = l.text("Week of");
    chart.labels.y_axis = l.text("Days");
    chart.labels.no_data = l.text("No school days");
    chart.labels.gap_note = l.text("A gap is a week without school days.");
    chart.value_name = l.text("Days absent");
    chart.out_of_name = l.text("School days");
    for (const auto& w : weeks) {
        BarDatum bar;
        bar.label = l.date(w.week_start, DateStyle::short_numeric);
        if (w.counts.enrolled_days > 0) {
            bar.value = ChartValue::of(w.counts.absences());
            bar.out_of = w.counts.enrolled_days;
        } else {
            bar.value = ChartValue::gap();
        }
        chart.bars.push_back(std::move(bar));
    }
    chart.axis.min = 0;
    chart.axis.max = 5;
    chart.axis.step = 1;
    ChartOptions options;
    options.id = "weeks";
    options.right_to_left = l.right_to_left();
    options.language = l.language();
    options.width = 720;
    options.draw_title = false;       // the page's figcaption says it
    options.describe_values = false;  // the table below the chart lists them
    return "data:image/svg+xml;base64," + base64(bar_chart_svg(chart, options));
}

}  // namespace homeroom::render
