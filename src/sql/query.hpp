#pragma once
// A compiled query: SQL text for one dialect plus its bound parameters. Values never appear in
// the text; identifiers come only from the compiler's closed catalogue.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace videobot::sql {

enum class Dialect { kPostgres, kSqlite };

/// A bound parameter: integers (counters, and instants on SQLite) or text (ids, and instants
/// on PostgreSQL as "YYYY-MM-DD HH:MM:SS.ffffff+00").
using Param = std::variant<std::int64_t, std::string>;

/// What the statement returns: one value, or (key, value) rows for grouped plans.
enum class Shape { kScalar, kRows };

struct Query {
  std::string text;
  std::vector<Param> params;
  Shape shape = Shape::kScalar;
};

}  // namespace videobot::sql
