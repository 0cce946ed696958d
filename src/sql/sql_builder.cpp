#include "sql/sql_builder.hpp"

#include <fmt/format.h>

namespace videobot::sql {
namespace {

// 'YYYY-MM-DD' of the UTC day holding `micros` (Int64 µs since the epoch), for every year
// 0000…9999: ClickHouse's Date covers only 1970…2149 and 18.16 has no Date32, so the civil date
// is computed from the day number (H. Hinnant's days_from_civil inverse) in integer arithmetic.
// Each step binds its value once through a one-element arrayMap lambda.
// The day number (days since 1970-01-01, floored) of `micros`: intDiv truncates toward zero.
std::string ClickHouseDayNumber(const std::string& micros) {
  return fmt::format(
      "(intDiv(toInt64({0}), toInt64(86400000000)) - if(modulo(toInt64({0}), toInt64(86400000000)) < 0, 1, 0))",
      micros);
}

std::string ClickHouseCivilDate(const std::string& micros) {
  const auto let = [](std::string_view name, const std::string& value, const std::string& body) {
    return fmt::format("arrayElement(arrayMap({} -> {}, [{}]), 1)", name, body, value);
  };
  const std::string z = fmt::format("({} + 719468)", ClickHouseDayNumber(micros));
  const std::string body =
      "concat(substring(toString(10000 + yoe + era * 400 + if(mp < 10, 0, 1)), 2), '-',"
      " substring(toString(100 + if(mp < 10, mp + 3, mp - 9)), 2), '-',"
      " substring(toString(100 + doy - intDiv(153 * mp + 2, 5) + 1), 2))";
  const std::string with_mp = let("mp", "intDiv(5 * doy + 2, 153)", body);
  const std::string with_doy = let("doy", "doe - (365 * yoe + intDiv(yoe, 4) - intDiv(yoe, 100))", with_mp);
  const std::string with_yoe =
      let("yoe", "intDiv(doe - intDiv(doe, 1460) + intDiv(doe, 36524) - intDiv(doe, 146096), 365)", with_doy);
  const std::string with_doe = let("doe", "z - era * 146097", with_yoe);
  const std::string with_era = let("era", "intDiv(if(z >= 0, z, z - 146096), 146097)", with_doe);
  return let("z", z, with_era);
}

// A series bucket's key on ClickHouse, in the same text as the other dialects: 'YYYY-MM-DD HH:00',
// 'YYYY-MM-DD' (a week by its Monday) or 'YYYY-MM', from the civil date above.
std::string ClickHouseBucketKey(const std::string& micros, plan::Bucket bucket) {
  switch (bucket) {
    case plan::Bucket::kHour: {
      const std::string day_start = fmt::format("({} * toInt64(86400000000))", ClickHouseDayNumber(micros));
      return fmt::format(
          "concat({}, ' ', substring(toString(100 + intDiv(toInt64({}) - {}, toInt64(3600000000))), 2), ':00')",
          ClickHouseCivilDate(micros), micros, day_start);
    }
    case plan::Bucket::kDay: return ClickHouseCivilDate(micros);
    case plan::Bucket::kWeek: {
      // 1970-01-01 was a Thursday: (day + 3) mod 7, floored, counts the days since Monday.
      const std::string day = ClickHouseDayNumber(micros);
      const std::string since_monday = fmt::format("modulo(modulo({} + 3, 7) + 7, 7)", day);
      return ClickHouseCivilDate(fmt::format("(({} - {}) * toInt64(86400000000))", day, since_monday));
    }
    case plan::Bucket::kMonth: return fmt::format("substring({}, 1, 7)", ClickHouseCivilDate(micros));
  }
  return "NULL";
}

}  // namespace

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
  if (dialect_ != Dialect::kPostgres) return Micros(value, ParamKind::kInstant);
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
  if (dialect_ != Dialect::kPostgres) return fmt::format("({} + {})", column, amount);
  return fmt::format("({} + {} * interval '1 microsecond')", column, amount);
}

std::string SqlBuilder::LocalDate(std::string_view column, UtcOffset offset) {
  const Instant shift = static_cast<Instant>(offset.minutes) * 60 * kMicrosPerSecond;
  if (dialect_ == Dialect::kSqlite) {
    return fmt::format("date({} / 1000000, 'unixepoch')", Shift(column, shift));
  }
  if (dialect_ == Dialect::kClickHouse) return ClickHouseCivilDate(Shift(column, shift));
  return fmt::format("(({}) AT TIME ZONE 'UTC')::date", Shift(column, shift));
}

std::string SqlBuilder::BucketKey(std::string_view column, UtcOffset offset, plan::Bucket bucket) {
  const Instant shift = static_cast<Instant>(offset.minutes) * 60 * kMicrosPerSecond;
  const std::string shifted = Shift(column, shift);
  if (dialect_ == Dialect::kClickHouse) return ClickHouseBucketKey(shifted, bucket);
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
