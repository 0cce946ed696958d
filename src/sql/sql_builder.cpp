#include "sql/sql_builder.hpp"

#include <fmt/format.h>

namespace videobot::sql {

std::string BinaryText(Dialect dialect, std::string_view column) {
  return dialect == Dialect::kPostgres ? fmt::format("{} COLLATE \"C\"", column) : std::string(column);
}

std::string SqlBuilder::Placeholder() {
  const std::size_t number = params_.size();  // already pushed
  return fmt::format("{}{}", dialect_ == Dialect::kPostgres ? '$' : '?', number);
}

std::string SqlBuilder::Int(std::int64_t value) {
  params_.emplace_back(value);
  meanings_.push_back(ParamMeaning{ParamKind::kInteger, 0});
  return dialect_ == Dialect::kPostgres ? Placeholder() + "::bigint" : Placeholder();
}

std::string SqlBuilder::Text(std::string value) {
  params_.emplace_back(std::move(value));
  meanings_.push_back(ParamMeaning{ParamKind::kText, 0});
  return dialect_ == Dialect::kPostgres ? Placeholder() + "::text" : Placeholder();
}

// An integer parameter that is an instant or a duration in µs.
std::string SqlBuilder::Micros(std::int64_t value, ParamKind kind) {
  std::string placeholder = Int(value);
  meanings_.back() = ParamMeaning{kind, value};
  return placeholder;
}

std::string SqlBuilder::At(Instant value) {
  if (dialect_ == Dialect::kSqlite) return Micros(value, ParamKind::kInstant);
  // PostgreSQL rejects year 0 in this form ("0000-12-31 21:00:00+00": a period from 0001-01-01 in a
  // zone east of UTC), so no stored instant lies before 0001-01-01T00:00:00Z; raising an earlier
  // bound to that instant keeps every comparison's result.
  constexpr Instant kEarliestSqlInstant = -62'135'596'800'000'000;  // 0001-01-01T00:00:00Z
  if (value < kEarliestSqlInstant) value = kEarliestSqlInstant;
  params_.emplace_back(FormatInstantSql(value));
  meanings_.push_back(ParamMeaning{ParamKind::kInstant, value});
  return Placeholder() + "::timestamptz";
}

std::string SqlBuilder::Shift(std::string_view column, Instant micros) {
  if (micros == 0) return std::string(column);
  const std::string amount = Micros(micros, ParamKind::kMicroseconds);
  if (dialect_ == Dialect::kSqlite) return fmt::format("({} + {})", column, amount);
  return fmt::format("({} + {} * interval '1 microsecond')", column, amount);
}

std::string SqlBuilder::LocalDate(std::string_view column, UtcOffset offset) {
  const Instant shift = static_cast<Instant>(offset.minutes) * 60 * kMicrosPerSecond;
  if (dialect_ == Dialect::kSqlite) {
    return fmt::format("date({} / 1000000, 'unixepoch')", Shift(column, shift));
  }
  return fmt::format("(({}) AT TIME ZONE 'UTC')::date", Shift(column, shift));
}

std::string SqlBuilder::BucketKey(std::string_view column, UtcOffset offset, plan::Bucket bucket) {
  const Instant shift = static_cast<Instant>(offset.minutes) * 60 * kMicrosPerSecond;
  const std::string shifted = Shift(column, shift);
  if (dialect_ == Dialect::kSqlite) {
    const std::string seconds = fmt::format("{} / 1000000, 'unixepoch'", shifted);
    switch (bucket) {
      case plan::Bucket::kHour: return fmt::format("strftime('%Y-%m-%d %H:00', {})", seconds);
      case plan::Bucket::kDay: return fmt::format("date({})", seconds);
      case plan::Bucket::kWeek: return fmt::format("date({}, '-6 days', 'weekday 1')", seconds);
      case plan::Bucket::kMonth: return fmt::format("strftime('%Y-%m', {})", seconds);
    }
  }
  const std::string local = fmt::format("(({}) AT TIME ZONE 'UTC')", shifted);
  switch (bucket) {
    case plan::Bucket::kHour: return fmt::format("to_char({}, 'YYYY-MM-DD HH24:00')", local);
    case plan::Bucket::kDay: return fmt::format("to_char({}, 'YYYY-MM-DD')", local);
    case plan::Bucket::kWeek: return fmt::format("to_char(date_trunc('week', {}), 'YYYY-MM-DD')", local);
    case plan::Bucket::kMonth: return fmt::format("to_char({}, 'YYYY-MM')", local);
  }
  return "NULL";
}

}  // namespace videobot::sql
