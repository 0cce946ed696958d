#pragma once
// Instants, calendar dates and fixed UTC offsets. All storage and comparisons use Instant
// (microseconds since the Unix epoch, UTC); calendar arithmetic goes through std::chrono.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace videobot {

/// Microseconds since 1970-01-01T00:00:00Z.
using Instant = std::int64_t;

inline constexpr Instant kMicrosPerSecond = 1'000'000;
inline constexpr Instant kMicrosPerHour = 3600 * kMicrosPerSecond;
inline constexpr Instant kMicrosPerDay = 24 * kMicrosPerHour;

/// A calendar date (proleptic Gregorian), without a time zone.
struct Date {
  int year = 1970;
  int month = 1;  ///< 1..12
  int day = 1;    ///< 1..31
  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

/// A calendar date and a wall-clock time, without a time zone.
struct DateTime {
  Date date;
  int seconds_of_day = 0;  ///< 0..86399
  friend bool operator==(const DateTime&, const DateTime&) = default;
  friend auto operator<=>(const DateTime&, const DateTime&) = default;
};

/// A fixed offset from UTC, in minutes east of Greenwich (Moscow is +180).
struct UtcOffset {
  int minutes = 0;
  friend bool operator==(const UtcOffset&, const UtcOffset&) = default;
};

/// True when the date exists (month 1..12, day within the month, year 1..9999).
bool IsValidDate(const Date& date);

/// Days since 1970-01-01 for a valid date.
std::int64_t DaysSinceEpoch(const Date& date);

/// The date `days` after 1970-01-01.
Date DateFromDays(std::int64_t days);

/// Date plus `days` (may be negative).
Date AddDays(const Date& date, std::int64_t days);

/// 1 = Monday … 7 = Sunday.
int IsoWeekday(const Date& date);

/// Number of days in the month of `year`.
int DaysInMonth(int year, int month);

/// The instant at which `local` happens in a zone with `offset`.
Instant ToInstant(const DateTime& local, UtcOffset offset);

/// The local date and time of `instant` in a zone with `offset`.
DateTime ToLocal(Instant instant, UtcOffset offset);

/// Parses "YYYY-MM-DD". Nullopt when malformed or not a real date.
std::optional<Date> ParseDate(std::string_view text);

/// Parses "YYYY-MM-DDTHH:MM[:SS]" (also with a space instead of T). Nullopt when malformed.
std::optional<DateTime> ParseDateTime(std::string_view text);

/// Parses an RFC 3339 timestamp with a mandatory offset: "2025-11-28T10:00:09.053200+00:00",
/// "2025-08-19T08:54:35Z". Fraction of up to 9 digits (truncated to microseconds). Nullopt
/// when malformed.
std::optional<Instant> ParseTimestamp(std::string_view text);

/// Parses "UTC", "Z", "+03:00", "-0530", "+3", "UTC+03:00". Nullopt when malformed or out of
/// range (±18h).
std::optional<UtcOffset> ParseUtcOffset(std::string_view text);

/// "YYYY-MM-DD".
std::string FormatDate(const Date& date);

/// "YYYY-MM-DDTHH:MM:SS".
std::string FormatDateTime(const DateTime& date_time);

/// "YYYY-MM-DD HH:MM:SS.ffffff+00" (UTC), accepted by PostgreSQL's timestamptz input.
std::string FormatInstantSql(Instant instant);

/// "YYYY-MM-DDTHH:MM:SS.ffffffZ".
std::string FormatInstantIso(Instant instant);

/// "+03:00" style; "+00:00" for UTC.
std::string FormatUtcOffset(UtcOffset offset);

/// The source of "now". Production uses the system clock; tests and `--now` inject one.
class Clock {
 public:
  virtual ~Clock() = default;
  /// The current instant.
  virtual Instant Now() const = 0;
};

/// The system clock.
class SystemClock final : public Clock {
 public:
  Instant Now() const override;
};

/// A clock frozen at one instant.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(Instant now) : now_(now) {}
  Instant Now() const override { return now_; }

 private:
  Instant now_;
};

}  // namespace videobot
