#include "common/time.hpp"

#include <charconv>
#include <cstdio>

namespace videobot {
namespace {

namespace chr = std::chrono;

// Reads exactly `width` decimal digits at `pos`; advances `pos`. Nullopt on a non-digit.
std::optional<int> ReadDigits(std::string_view text, std::size_t& pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += width;
  return value;
}

bool Expect(std::string_view text, std::size_t& pos, char c) {
  if (pos < text.size() && text[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

std::optional<Date> ReadDate(std::string_view text, std::size_t& pos) {
  auto year = ReadDigits(text, pos, 4);
  if (!year || !Expect(text, pos, '-')) return std::nullopt;
  auto month = ReadDigits(text, pos, 2);
  if (!month || !Expect(text, pos, '-')) return std::nullopt;
  auto day = ReadDigits(text, pos, 2);
  if (!day) return std::nullopt;
  Date date{*year, *month, *day};
  if (!IsValidDate(date)) return std::nullopt;
  return date;
}

// Reads "HH:MM" and an optional ":SS"; returns seconds of day.
std::optional<int> ReadTime(std::string_view text, std::size_t& pos, bool seconds_required) {
  auto hour = ReadDigits(text, pos, 2);
  if (!hour || !Expect(text, pos, ':')) return std::nullopt;
  auto minute = ReadDigits(text, pos, 2);
  if (!minute) return std::nullopt;
  int second = 0;
  if (Expect(text, pos, ':')) {
    auto s = ReadDigits(text, pos, 2);
    if (!s) return std::nullopt;
    second = *s;
  } else if (seconds_required) {
    return std::nullopt;
  }
  if (*hour > 23 || *minute > 59 || second > 59) return std::nullopt;
  return *hour * 3600 + *minute * 60 + second;
}

}  // namespace

bool IsValidDate(const Date& date) {
  if (date.year < 1 || date.year > 9999) return false;
  const chr::year_month_day ymd{chr::year{date.year}, chr::month{static_cast<unsigned>(date.month)},
                                chr::day{static_cast<unsigned>(date.day)}};
  return ymd.ok();
}

std::int64_t DaysSinceEpoch(const Date& date) {
  const chr::year_month_day ymd{chr::year{date.year}, chr::month{static_cast<unsigned>(date.month)},
                                chr::day{static_cast<unsigned>(date.day)}};
  return chr::sys_days{ymd}.time_since_epoch().count();
}

Date DateFromDays(std::int64_t days) {
  const chr::year_month_day ymd{chr::sys_days{chr::days{days}}};
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

Date AddDays(const Date& date, std::int64_t days) { return DateFromDays(DaysSinceEpoch(date) + days); }

int IsoWeekday(const Date& date) {
  return static_cast<int>(chr::weekday{chr::sys_days{chr::days{DaysSinceEpoch(date)}}}.iso_encoding());
}

int DaysInMonth(int year, int month) {
  const chr::year_month_day_last last{chr::year{year}, chr::month_day_last{chr::month{static_cast<unsigned>(month)}}};
  return static_cast<int>(static_cast<unsigned>(last.day()));
}

Instant ToInstant(const DateTime& local, UtcOffset offset) {
  const std::int64_t seconds =
      DaysSinceEpoch(local.date) * 86400 + local.seconds_of_day - static_cast<std::int64_t>(offset.minutes) * 60;
  return seconds * kMicrosPerSecond;
}

DateTime ToLocal(Instant instant, UtcOffset offset) {
  const Instant local = instant + static_cast<Instant>(offset.minutes) * 60 * kMicrosPerSecond;
  std::int64_t days = local / kMicrosPerDay;
  Instant rest = local % kMicrosPerDay;
  if (rest < 0) {
    rest += kMicrosPerDay;
    --days;
  }
  return DateTime{DateFromDays(days), static_cast<int>(rest / kMicrosPerSecond)};
}

std::optional<Date> ParseDate(std::string_view text) {
  std::size_t pos = 0;
  auto date = ReadDate(text, pos);
  if (!date || pos != text.size()) return std::nullopt;
  return date;
}

std::optional<DateTime> ParseDateTime(std::string_view text) {
  std::size_t pos = 0;
  auto date = ReadDate(text, pos);
  if (!date || pos >= text.size() || (text[pos] != 'T' && text[pos] != ' ')) return std::nullopt;
  ++pos;
  auto seconds = ReadTime(text, pos, false);
  if (!seconds || pos != text.size()) return std::nullopt;
  return DateTime{*date, *seconds};
}

std::optional<Instant> ParseTimestamp(std::string_view text) {
  std::size_t pos = 0;
  auto date = ReadDate(text, pos);
  if (!date || pos >= text.size() || (text[pos] != 'T' && text[pos] != ' ')) return std::nullopt;
  ++pos;
  auto seconds = ReadTime(text, pos, true);
  if (!seconds) return std::nullopt;
  Instant micros = 0;
  if (Expect(text, pos, '.')) {
    int digits = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (digits < 6) micros = micros * 10 + (text[pos] - '0');
      ++digits;
      ++pos;
    }
    if (digits == 0 || digits > 9) return std::nullopt;
    for (int i = digits; i < 6; ++i) micros *= 10;
  }
  auto offset = ParseUtcOffset(text.substr(pos));
  if (!offset || pos == text.size()) return std::nullopt;
  return ToInstant(DateTime{*date, *seconds}, *offset) + micros;
}

std::optional<UtcOffset> ParseUtcOffset(std::string_view text) {
  if (text == "Z" || text == "UTC" || text == "utc" || text == "GMT") return UtcOffset{0};
  if (text.starts_with("UTC") || text.starts_with("GMT")) text.remove_prefix(3);
  if (text.empty() || (text[0] != '+' && text[0] != '-')) return std::nullopt;
  const int sign = text[0] == '-' ? -1 : 1;
  text.remove_prefix(1);
  int hours = 0;
  int minutes = 0;
  std::size_t pos = 0;
  if (text.size() == 1 || text.size() == 2) {  // "+3", "+03"
    auto parsed = std::from_chars(text.data(), text.data() + text.size(), hours);
    if (parsed.ec != std::errc{} || parsed.ptr != text.data() + text.size()) return std::nullopt;
  } else {
    auto h = ReadDigits(text, pos, 2);
    if (!h) return std::nullopt;
    Expect(text, pos, ':');
    auto m = ReadDigits(text, pos, 2);
    if (!m || pos != text.size()) return std::nullopt;
    hours = *h;
    minutes = *m;
  }
  if (hours > 18 || minutes > 59) return std::nullopt;
  return UtcOffset{sign * (hours * 60 + minutes)};
}

std::string FormatDate(const Date& date) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

std::string FormatDateTime(const DateTime& dt) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02d", FormatDate(dt.date).c_str(), dt.seconds_of_day / 3600,
                dt.seconds_of_day / 60 % 60, dt.seconds_of_day % 60);
  return buffer;
}

namespace {
std::string FormatInstant(Instant instant, char separator, const char* suffix) {
  const DateTime dt = ToLocal(instant, UtcOffset{0});
  Instant micros = instant % kMicrosPerSecond;
  if (micros < 0) micros += kMicrosPerSecond;
  char buffer[80];
  std::snprintf(buffer, sizeof buffer, "%s%c%02d:%02d:%02d.%06lld%s", FormatDate(dt.date).c_str(), separator,
                dt.seconds_of_day / 3600, dt.seconds_of_day / 60 % 60, dt.seconds_of_day % 60,
                static_cast<long long>(micros), suffix);
  return buffer;
}
}  // namespace

std::string FormatInstantSql(Instant instant) { return FormatInstant(instant, ' ', "+00"); }

std::string FormatInstantIso(Instant instant) { return FormatInstant(instant, 'T', "Z"); }

std::string FormatUtcOffset(UtcOffset offset) {
  const int total = offset.minutes < 0 ? -offset.minutes : offset.minutes;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", offset.minutes < 0 ? '-' : '+', total / 60, total % 60);
  return buffer;
}

Instant SystemClock::Now() const {
  return chr::duration_cast<chr::microseconds>(chr::system_clock::now().time_since_epoch()).count();
}

}  // namespace videobot
