// What a chart shows, as plain values: the input of the SVG charts (svg_chart.h) and of their
// text equivalents (chart_table.h). Every text is already translated by the caller and is
// untrusted (school names): the writers clean and escape it.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace homeroom::render {

// One figure. Without a value it is a gap (suppressed, coded as "<5%", or no data): drawn as a
// gap marker, never as a zero, and explained by ChartLabels::gap_note.
struct ChartValue {
    std::optional<double> value;
    // How to show the figure when the chart's own formatting is not wanted: "<5%", "*", or a
    // number in the page's digits. Empty: the chart formats `value`, or shows
    // ChartLabels::no_data for a gap.
    std::string text;

    static ChartValue of(double v) { return {v, {}}; }
    static ChartValue gap(std::string text = {}) { return {std::nullopt, std::move(text)}; }
};

struct ChartLabels {
    std::string title;     // the accessible name (<title>, the table's caption)
    std::string summary;   // a sentence or two for <desc>; the values are listed after it
    std::string x_axis;    // the category axis ("Week"), or the value axis of a comparison chart
    std::string y_axis;    // the value axis ("Days"), or the category axis of a comparison chart
    std::string gap_note;  // what a gap means ("Not shown: fewer than 10 students.")
    std::string no_data;   // a gap without its own text, and an empty chart ("No data")
};

// The value axis. max <= min asks for an automatic range from 0 to a round number above the
// largest value.
struct ValueAxis {
    double min = 0;
    double max = 0;
    double step = 0;  // 0: chosen with the range
};

// Formats a value for tick labels, value labels, the <desc> and the table.
using ValueFormatter = std::function<std::string(double value, int decimals)>;

struct ChartOptions {
    // Prefix of the ids inside the SVG (title, desc, clip paths): unique per page when several
    // charts are inlined in one HTML document. Letters, digits, '-' and '_' are kept.
    std::string id = "chart";
    // Arabic pages: categories run from right to left, the value axis is on the right, bars of a
    // comparison chart grow leftwards, and text has a right-to-left base direction.
    bool right_to_left = false;
    // The language of the labels ("ar"), for screen readers and font choice; empty: not said.
    std::string language;
    double width = 640;        // in user units; the SVG scales through its viewBox
    bool draw_title = true;    // also as visible text; the <title> is always there
    int value_decimals = 0;    // 0 to 2, for values without their own text
    std::string value_suffix;  // "%" for rates; used by the default formatter only
    // Empty: std::to_chars with `value_decimals` decimals, then `value_suffix` (no locale).
    ValueFormatter format;
    // Append "label: value; ..." to the <desc> after the summary (long series may turn it off
    // and rely on the table).
    bool describe_values = true;
};

// (a) Bars over categories, e.g. days absent per ISO week, each out of the days enrolled.
struct BarDatum {
    std::string label;  // "Sep 1"
    ChartValue value;
    // Drawn as a pale track behind the bar ("out of"); no value: no track.
    std::optional<double> out_of;
};

struct BarChart {
    ChartLabels labels;
    std::string value_name;   // "Days absent": legend and table header
    std::string out_of_name;  // "Days enrolled"; empty when no bar has out_of
    std::vector<BarDatum> bars;
    ValueAxis axis;
};

// (b) Lines over snapshots, e.g. the attendance rate term by term, one line per school or group.
struct LineSeries {
    std::string name;
    std::vector<ChartValue> values;  // one per category; missing trailing values are gaps
};

struct LineChart {
    ChartLabels labels;
    std::vector<std::string> categories;  // snapshot labels, oldest first
    std::vector<LineSeries> series;
    ValueAxis axis{0, 100, 25};  // a rate in percent
};

// (c) Horizontal bars comparing schools on a rate, with the district as a reference line.
struct ComparisonBar {
    std::string label;  // the school's name
    ChartValue value;
    bool highlighted = false;  // "this school" on its own report card
};

struct ComparisonChart {
    ChartLabels labels;
    std::vector<ComparisonBar> bars;  // in the order given (the caller sorts)
    std::string reference_name;       // "District average"
    ChartValue reference;             // a gap draws no line
    ValueAxis axis{0, 100, 25};
};

}  // namespace homeroom::render
