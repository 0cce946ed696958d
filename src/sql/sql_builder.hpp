#pragma once
// Accumulates SQL fragments and their parameters, numbering placeholders per dialect
// ($1… for PostgreSQL, ?1… for SQLite). Internal to the compiler.

#include <string>
#include <string_view>

#include "common/time.hpp"
#include "plan/plan.hpp"
#include "sql/query.hpp"

namespace videobot::sql {

/// A text column compared byte by byte: PostgreSQL's "C" collation (SQLite compares text that
/// way by default). Ids are ASCII, so which values are equal does not change, while counting
/// distinct values skips locale-aware comparison (several times faster on PostgreSQL).
std::string BinaryText(Dialect dialect, std::string_view column);

class SqlBuilder {
 public:
  explicit SqlBuilder(Dialect dialect) : dialect_(dialect) {}

  Dialect dialect() const { return dialect_; }

  /// A placeholder for an integer parameter (cast to bigint on PostgreSQL).
  std::string Int(std::int64_t value);
  /// A placeholder for a text parameter.
  std::string Text(std::string value);
  /// A placeholder for an instant: integer µs on SQLite, timestamptz on PostgreSQL.
  std::string At(Instant value);
  /// An expression adding `micros` to the instant expression `column` (`micros` may be 0).
  std::string Shift(std::string_view column, Instant micros);
  /// The UTC-offset-shifted calendar date of an instant column, as 'YYYY-MM-DD' text / date.
  std::string LocalDate(std::string_view column, UtcOffset offset);
  /// The key of the series bucket holding an instant column, as text in the form of
  /// plan::BucketKey ("2025-11-28 14:00", "2025-11-28", the week's Monday, "2025-11").
  std::string BucketKey(std::string_view column, UtcOffset offset, plan::Bucket bucket);

  /// Moves the collected parameters out.
  std::vector<Param> TakeParams() { return std::move(params_); }
  /// Moves the meanings of the collected parameters out (same order as TakeParams).
  std::vector<ParamMeaning> TakeMeanings() { return std::move(meanings_); }

 private:
  std::string Placeholder();
  std::string Micros(std::int64_t value, ParamKind kind);

  Dialect dialect_;
  std::vector<Param> params_;
  std::vector<ParamMeaning> meanings_;
};

}  // namespace videobot::sql
