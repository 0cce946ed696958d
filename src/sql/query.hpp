#pragma once
// A compiled query: SQL text for one dialect plus its bound parameters. Values never appear in
// the text; identifiers come only from the compiler's closed catalogue.

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace videobot::sql {

/// The engines the compiler targets. ClickHouse cannot bind parameters over its HTTP interface
/// (18.16): its queries carry ?N placeholders like SQLite's, and the database inlines them
/// through one literal function (db/clickhouse_literal.hpp) just before sending.
enum class Dialect { kPostgres, kSqlite, kClickHouse };

/// The engine's name for people: "SQLite", "PostgreSQL", "ClickHouse".
constexpr std::string_view EngineName(Dialect dialect) {
  switch (dialect) {
    case Dialect::kPostgres: return "PostgreSQL";
    case Dialect::kClickHouse: return "ClickHouse";
    case Dialect::kSqlite: break;
  }
  return "SQLite";
}

/// A bound parameter: integers (counters, and instants on SQLite) or text (ids, and instants
/// on PostgreSQL as "YYYY-MM-DD HH:MM:SS.ffffff+00").
using Param = std::variant<std::int64_t, std::string>;

/// What a bound parameter stands for, so that people can read it (DescribeQuery): instants are
/// integer µs on SQLite and timestamptz text on PostgreSQL, both shown as ISO 8601.
enum class ParamKind {
  kInteger,       ///< a counter threshold, an id count, a limit
  kText,          ///< an id
  kInstant,       ///< a moment; `ParamMeaning::micros` holds it (µs since the epoch, UTC)
  kMicroseconds,  ///< a duration added to an instant; `ParamMeaning::micros` holds it
};

/// The meaning of one bound parameter (same index as in Query::params).
struct ParamMeaning {
  ParamKind kind = ParamKind::kInteger;
  std::int64_t micros = 0;  ///< the instant or the duration for kInstant / kMicroseconds
};

/// What the statement returns: one value, (key, value) rows for grouped plans, or (bucket key,
/// value) rows of a series in key order, only the buckets that have rows (see plan/series.hpp).
enum class Shape { kScalar, kRows, kSeries };

struct Query {
  std::string text;
  std::vector<Param> params;
  Shape shape = Shape::kScalar;
  std::vector<ParamMeaning> meanings = {};  ///< one per parameter, for showing them to people
};

}  // namespace videobot::sql
