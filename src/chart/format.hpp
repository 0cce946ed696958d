#pragma once
// Russian labels for charts: numbers with thin-space thousands, bucket dates as «28 ноя».

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "chart/chart_data.hpp"
#include "common/time.hpp"

namespace videobot::chart {

/// The thin space (U+2009) between groups of three digits.
inline constexpr std::string_view kThinSpace = "\u2009";

/// The minus sign (U+2212) of negative numbers.
inline constexpr std::string_view kMinusSign = "\u2212";

/// `value` for people: whole numbers with thin spaces between thousands («1 234 567», «−5 000», «0»), others
/// rounded to at most two decimals with a decimal comma («2,5», «−0,75»). Whole values up to 10^15 and beyond
/// are written exactly as the double holds them.
std::string FormatNumber(double value);

/// The abbreviated Russian month name: 1 → «янв» … 11 → «ноя», 12 → «дек».
std::string_view MonthAbbreviation(int month);

/// How a bucket start is labelled on the time axis.
enum class TimeLabelStyle {
  kDate,          ///< «28 ноя» (days, weeks: a week as its Monday)
  kDateAndTime,   ///< «28 ноя 14:00» (hours over several days)
  kTime,          ///< «14:00» (hours within one day)
  kMonthAndYear,  ///< «ноя 2025» (months)
};

/// The label of a bucket starting at `local` (local time in the chart's zone).
std::string FormatTimeLabel(const DateTime& local, TimeLabelStyle style);

/// The style of a series' labels: hours of one local day as «14:00», hours of several days as «28 ноя 14:00»,
/// days and weeks as «28 ноя», months as «ноя 2025».
TimeLabelStyle LabelStyleFor(const TimeSeriesChart& chart);

/// The default caption of the time axis: «дни, МСК», «часы, UTC+05:00», «недели (с понедельника), UTC»,
/// «месяцы, МСК».
std::string DefaultTimeAxisLabel(Bucket bucket, UtcOffset offset);

/// The zone as people read it: «UTC», «МСК» for +03:00, otherwise «UTC+05:30».
std::string ZoneName(UtcOffset offset);

/// `text` shortened from the end, with «…», until `width_of` says it fits in `max_width`; the text itself
/// when it fits, «…» alone when nothing else does. Cuts between UTF-8 code points.
std::string Elide(std::string_view text, double max_width, const std::function<double(std::string_view)>& width_of);

}  // namespace videobot::chart
