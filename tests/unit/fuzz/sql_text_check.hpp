#pragma once
// Checks that compiled SQL text is built only from the compiler's closed vocabulary: the table
// and column names of the schema (read from migrations/), the aliases the query gives those
// tables, a fixed list of keywords, functions and casts, a few constant literals, and numbered
// placeholders whose values travel in Query.params.

#include <gtest/gtest.h>

#include <string_view>

#include "sql/query.hpp"

namespace videobot::fuzz {

/// Success when every token of `query.text` is a schema table or column, an alias the query
/// declares for a table (alone or qualifying a column: "v.views_count"), a keyword, an operator,
/// one of the constant literals the compiler emits ('UTC', 'unixepoch', '1 microsecond', 0, 1,
/// 2, 1000000), or a placeholder of `dialect` ($N / ?N) numbered 1..params.size() with every
/// parameter used; and the text holds no ';', comment opener, quote other than those
/// literals, backslash or control character. The failure names the offending token.
::testing::AssertionResult SqlUsesOnlyCatalogue(const sql::Query& query, sql::Dialect dialect);

/// Success when every text parameter has one of the shapes a valid plan can produce: a creator
/// id (32 lowercase hex), a dashed lowercase UUID, or (PostgreSQL) an instant
/// "YYYY-MM-DD HH:MM:SS.ffffff+00" (a five-digit year for the end of 9999-12-31).
::testing::AssertionResult ParamsHaveKnownShapes(const sql::Query& query);

}  // namespace videobot::fuzz
