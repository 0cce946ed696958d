#include "chart/format.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>

#include "common/utf8.hpp"

namespace videobot::chart {
namespace {

constexpr std::string_view kEllipsis = "\u2026";

/// Digits of a non-negative whole number with thin spaces between groups of three.
std::string GroupThousands(std::string_view digits) {
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += kThinSpace;
    out += digits[i];
  }
  return out;
}

/// The start of the last UTF-8 code point of `text` (0 when it has one or none).
std::size_t LastCodePointStart(std::string_view text) {
  std::size_t i = text.size();
  while (i > 0) {
    --i;
    if (!IsUtf8Continuation(text[i])) return i;
  }
  return 0;
}

}  // namespace

std::string FormatNumber(double value) {
  if (!std::isfinite(value)) return "—";
  // Whole values (and any too large for hundredths to matter) are written exactly; others are rounded to
  // hundredths first, so that 2.499 prints as «2,5» and −0.001 as «0».
  const bool whole_only = value == std::floor(value) || std::fabs(value) >= 1e12;
  const double scaled = whole_only ? std::round(value) : std::round(value * 100.0);
  if (scaled == 0.0) return "0";
  const double magnitude = whole_only ? std::fabs(scaled) : std::fabs(scaled) / 100.0;
  const double whole = std::floor(magnitude);
  const auto fraction = whole_only ? 0 : static_cast<int>(std::llround((magnitude - whole) * 100.0));
  std::string out(scaled < 0 ? kMinusSign : "");
  out += GroupThousands(fmt::format("{:.0f}", whole));
  if (fraction != 0) {
    std::string decimals = fmt::format("{:02d}", fraction);
    if (decimals.back() == '0') decimals.pop_back();
    out += "," + decimals;
  }
  return out;
}

std::string_view MonthAbbreviation(int month) {
  static constexpr std::array<std::string_view, 12> kNames = {"янв", "фев", "мар", "апр", "май", "июн",
                                                              "июл", "авг", "сен", "окт", "ноя", "дек"};
  if (month < 1 || month > 12) return "?";
  return kNames[static_cast<std::size_t>(month - 1)];
}

std::string FormatTimeLabel(const DateTime& local, TimeLabelStyle style) {
  const int hour = local.seconds_of_day / 3600;
  const int minute = local.seconds_of_day % 3600 / 60;
  std::string date = fmt::format("{} {}", local.date.day, MonthAbbreviation(local.date.month));
  switch (style) {
    case TimeLabelStyle::kDate: return date;
    case TimeLabelStyle::kDateAndTime: return fmt::format("{} {:02d}:{:02d}", date, hour, minute);
    case TimeLabelStyle::kTime: return fmt::format("{:02d}:{:02d}", hour, minute);
    case TimeLabelStyle::kMonthAndYear:
      return fmt::format("{} {}", MonthAbbreviation(local.date.month), local.date.year);
  }
  return date;
}

TimeLabelStyle LabelStyleFor(const TimeSeriesChart& chart) {
  switch (chart.bucket) {
    case Bucket::kHour: {
      if (chart.points.empty()) return TimeLabelStyle::kTime;
      const Date first = ToLocal(chart.points.front().start, chart.offset).date;
      const Date last = ToLocal(chart.points.back().start, chart.offset).date;
      return first == last ? TimeLabelStyle::kTime : TimeLabelStyle::kDateAndTime;
    }
    case Bucket::kDay:
    case Bucket::kWeek: return TimeLabelStyle::kDate;
    case Bucket::kMonth: return TimeLabelStyle::kMonthAndYear;
  }
  return TimeLabelStyle::kDate;
}

std::string ZoneName(UtcOffset offset) {
  if (offset.minutes == 0) return "UTC";
  if (offset.minutes == 180) return "МСК";
  return "UTC" + FormatUtcOffset(offset);
}

std::string DefaultTimeAxisLabel(Bucket bucket, UtcOffset offset) {
  std::string_view unit = "дни";
  switch (bucket) {
    case Bucket::kHour: unit = "часы"; break;
    case Bucket::kDay: unit = "дни"; break;
    case Bucket::kWeek: unit = "недели (с понедельника)"; break;
    case Bucket::kMonth: unit = "месяцы"; break;
  }
  return fmt::format("{}, {}", unit, ZoneName(offset));
}

std::string Elide(std::string_view text, double max_width, const std::function<double(std::string_view)>& width_of) {
  if (width_of(text) <= max_width) return std::string(text);
  std::string_view kept = text;
  while (!kept.empty()) {
    kept = kept.substr(0, LastCodePointStart(kept));
    // No space or punctuation left dangling before the ellipsis.
    while (!kept.empty() && (kept.back() == ' ' || kept.back() == ',' || kept.back() == '.')) kept.remove_suffix(1);
    std::string candidate = std::string(kept) + std::string(kEllipsis);
    if (width_of(candidate) <= max_width) return candidate;
  }
  return std::string(kEllipsis);
}

}  // namespace videobot::chart
