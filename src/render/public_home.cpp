#include "render/public_home.h"

#include <algorithm>
#include <cmath>

#include "render/code_labels.h"
#include "render/decimal_text.h"
#include "render/public_chrome.h"
#include "render/public_figure_text.h"
#include "render/public_labels.h"
#include "render/untrusted_text.h"

namespace homeroom::render {
namespace {

using metrics::Measure;
using metrics::MeasureId;

std::string percent_text(double ratio, const Localizer& l) {
    return l.percent(ratio, 0);
}

// "English language arts or Mathematics", "A, B or C".
std::string either_of(const std::vector<std::string>& items, const Localizer& l) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += i + 1 == items.size() ? " " + l.text("or") + " " : ", ";
        out += items[i];
    }
    return out;
}

}  // namespace

mstch::map home_page_context(const HomePageData& d, const PageChrome& chrome, const Localizer& l,
                             const metrics::SuppressionSettings& settings) {
    mstch::map c = chrome_context(chrome, l);
    const PublicFigures& f = d.figures;
    c["as_of_text"] = l.date(f.as_of, DateStyle::long_form);
    c["about_href"] = std::string("about.html");
    const auto district = district_row(f, std::nullopt);
    mstch::array cards{
        mstch::map{{"label", l.text("Schools")},
                   {"value", figure_context({metrics::DisplayValue::Kind::number,
                                             static_cast<std::int64_t>(d.schools.size())},
                                            l, settings)},
                   {"district", false},
                   {"note", std::string()}}};
    for (const DistrictColumn column : {DistrictColumn::enrollment, DistrictColumn::attendance_rate,
                                        DistrictColumn::chronic_absenteeism}) {
        const auto at = static_cast<std::size_t>(column);
        cards.push_back(mstch::map{{"label", district_column_label(column, l)},
                                   {"value", figure_context(district[at], l, settings, true)},
                                   {"district", false},
                                   {"note", std::string()}});
    }
    c["cards"] = cards;

    const MeasureId enrollment{Measure::enrollment, {}};
    mstch::array schools;
    for (const auto& s : d.schools) {
        const auto& students = f.school(enrollment, s.index).value;
        schools.push_back(mstch::map{{"name", clean_untrusted_text(s.name)},
                                     {"level", school_level_label(s.level, l)},
                                     {"href", s.href},
                                     {"students", figure_context(students, l, settings)}});
    }
    c["schools"] = schools;
    c["has_schools"] = !schools.empty();
    return c;
}

mstch::map about_page_context(const metrics::IndicatorSettings& indicators,
                              const metrics::SuppressionSettings& settings, Date as_of,
                              const PageChrome& chrome, const Localizer& l) {
    mstch::map c = chrome_context(chrome, l);
    c["as_of_text"] = l.date(as_of, DateStyle::long_form);
    c["chronic_share"] = percent_text(indicators.chronic_absence_share, l);
    c["attendance_below"] = percent_text(indicators.attendance_flag_below_rate, l);

    std::string behavior =
        l.plural("at least %d suspension or expulsion", "at least %d suspensions or expulsions",
                 indicators.behavior_flag_minimum_suspensions);
    if (indicators.behavior_flag_minimum_incidents)
        behavior += " " + l.text("or") + " " +
                    l.plural("at least %d behavior incident", "at least %d behavior incidents",
                             *indicators.behavior_flag_minimum_incidents);
    c["behavior_rule"] = behavior;
    std::vector<std::string> subjects;
    for (const auto& code : indicators.course_flag_subjects)
        subjects.push_back(subject_label(code, l));
    c["course_subjects"] = either_of(subjects, l);
    // The Localizer formats whole numbers only: a whole GPA threshold gets the language's digits.
    const double gpa = indicators.course_flag_gpa_below;
    c["gpa_below"] =
        gpa == std::floor(gpa) ? l.number(static_cast<long long>(gpa)) : fixed_decimal(gpa, 1);

    const std::int64_t minimum = settings.minimum_group_size;
    c["min_size"] = l.number(minimum);
    const int band = metrics::band_percent_for(minimum, settings.rate_bands);
    c["has_rate_coding"] = band > 0;
    c["below_example"] = figure_text({metrics::DisplayValue::Kind::below, band}, l, settings);
    c["above_example"] = figure_text({metrics::DisplayValue::Kind::above, 100 - band}, l, settings);
    c["band_points"] = l.number(band);
    c["band_exact"] = figure_text({metrics::DisplayValue::Kind::percent, band}, l, settings);
    c["top_exact"] = figure_text({metrics::DisplayValue::Kind::percent, 100 - band}, l, settings);
    c["several_bands"] = settings.rate_bands.size() > 1;
    c["codes_attendance"] = settings.code_day_shares;
    c["count_example"] = l.number(412);
    c["percent_example"] = figure_text({metrics::DisplayValue::Kind::percent, 87}, l, settings);
    c["suppressed_marker"] = settings.suppressed_marker;
    c["no_data_marker"] = settings.no_data_marker;
    return c;
}

mstch::map language_chooser_context(const LocalizerSet& languages, std::string_view district_name,
                                    Date as_of, const Localizer& l) {
    PageChrome chrome;
    chrome.district_name = clean_untrusted_text(district_name);
    chrome.title = chrome.district_name;
    chrome.css_href = "assets/site.css";
    chrome.as_of_line = public_footer_line(as_of, l);
    mstch::map c = chrome_context(chrome, l);
    mstch::array items, prompts;
    std::vector<std::string> prompt_texts;
    for (const auto& lang : languages.languages()) {
        const Localizer& in = languages.get(lang);
        const std::string dir = in.right_to_left() ? "rtl" : "ltr";
        // A language whose catalog lacks the prompt would repeat another's words.
        const std::string prompt = in.text("Choose a language");
        if (std::find(prompt_texts.begin(), prompt_texts.end(), prompt) == prompt_texts.end()) {
            prompt_texts.push_back(prompt);
            prompts.push_back(mstch::map{{"code", lang}, {"dir", dir}, {"text", prompt}});
        }
        items.push_back(mstch::map{
            {"code", lang},
            {"dir", dir},
            {"name", languages.native_name(lang)},
            {"tagline", in.text("School report cards, the district summary and what the figures "
                                "mean")},
            {"href", lang + "/index.html"}});
    }
    c["choices"] = items;
    c["prompts"] = prompts;
    return c;
}

}  // namespace homeroom::render
